// Reads CoNLL-U treebanks (UD EWT, GUM) for training and evaluating the NLP core.

export interface ConlluToken {
  /** 1-based word id within the sentence. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 1-based head id; 0 for the root. */
  head: number;
  deprel: string;
  misc: string;
  /** From MISC: no space after this word. */
  spaceAfter: boolean;
}

export interface ConlluSentence {
  /** `# sent_id`, `# text`, `# newdoc id`, ... */
  comments: Record<string, string>;
  /** Syntactic words (multi-word tokens expanded; empty nodes dropped). */
  tokens: ConlluToken[];
  /** Multi-word token ranges ("don't" = do + n't), as [firstId, lastId, surface form]. */
  multiword: Array<[number, number, string]>;
}

/** Parses CoNLL-U text into sentences. Enhanced-dependency empty nodes (ids like 8.1) are skipped. */
export function parseConllu(source: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: {}, tokens: [], multiword: [] };
  const flush = () => {
    if (cur.tokens.length) out.push(cur);
    cur = { comments: {}, tokens: [], multiword: [] };
  };
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) { flush(); continue; }
    if (line.startsWith('#')) {
      const m = /^#\s*([^=]+?)\s*(?:=\s?(.*))?$/.exec(line);
      if (m) cur.comments[m[1]!] = m[2] ?? '';
      continue;
    }
    const f = line.split('\t');
    if (f.length < 10) continue;
    const id = f[0]!;
    if (id.includes('.')) continue;
    if (id.includes('-')) {
      const [a, b] = id.split('-').map(Number);
      cur.multiword.push([a!, b!, f[1]!]);
      continue;
    }
    const misc = f[9]!;
    cur.tokens.push({
      id: Number(id), form: f[1]!, lemma: f[2]!, upos: f[3]!, xpos: f[4]!, feats: f[5] === '_' ? '' : f[5]!,
      head: f[6] === '_' ? 0 : Number(f[6]), deprel: f[7]!, misc, spaceAfter: !/(^|\|)SpaceAfter=No(\||$)/.test(misc),
    });
  }
  flush();
  return out;
}
