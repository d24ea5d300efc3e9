// Lemmas and UD morphological features from a word and its Penn tag: tables learnt from the treebanks plus suffix rules.
//
// Lemma: an exception lexicon ((word, xpos) -> lemma, only where the rules would be wrong), else the
// longest learnt suffix rule for (xpos, word ending) ("-ies"/NNS -> "-y"), else the word itself
// (lower-cased unless it is a proper noun). Feats: the usual features of the (word, xpos) pair for
// words seen often enough, else the usual features of the xpos.

export interface MorphologyTables {
  /** `${base}\t${xpos}` -> lemma, where base is the form, lower-cased unless NNP/NNPS. */
  lemmaLexicon: Record<string, string>;
  /** `${xpos}\t${ending}` -> [characters cut, string added]. */
  lemmaRules: Record<string, [number, string]>;
  /** xpos (CD split into `CD#d` digits / `CD#w` words) -> feats. */
  featsByXpos: Record<string, string>;
  /** `${lower}\t${xpos}` -> feats, where it differs from the xpos default. */
  featsLexicon: Record<string, string>;
}

const MAX_ENDING = 5;
const isProper = (xpos: string) => xpos === 'NNP' || xpos === 'NNPS';
const baseOf = (form: string, xpos: string) => (isProper(xpos) ? form : form.toLowerCase());
const featsKey = (form: string, xpos: string) => (xpos === 'CD' ? (/\d/.test(form) ? 'CD#d' : 'CD#w') : xpos);

export class Morphology {
  private readonly lexicon: Map<string, string>;
  private readonly rules: Map<string, [number, string]>;
  private readonly featsByXpos: Map<string, string>;
  private readonly featsLexicon: Map<string, string>;

  constructor(readonly tables: MorphologyTables) {
    this.lexicon = new Map(Object.entries(tables.lemmaLexicon));
    this.rules = new Map(Object.entries(tables.lemmaRules));
    this.featsByXpos = new Map(Object.entries(tables.featsByXpos));
    this.featsLexicon = new Map(Object.entries(tables.featsLexicon));
  }

  lemma(form: string, xpos: string): string {
    const base = baseOf(form, xpos);
    return this.lexicon.get(base + '\t' + xpos) ?? this.ruleLemma(base, xpos);
  }

  /** The lemma the suffix rules give, without the lexicon. */
  ruleLemma(base: string, xpos: string): string {
    // Singular proper nouns are their own lemma; rules learnt for them only echo a few odd words ("United").
    if (xpos === 'NNP') return base;
    for (let k = Math.min(MAX_ENDING, base.length - 1); k >= 1; k--) {
      const rule = this.rules.get(xpos + '\t' + base.slice(base.length - k));
      if (rule && rule[0] < base.length) return base.slice(0, base.length - rule[0]) + rule[1];
    }
    return base;
  }

  feats(form: string, xpos: string): string {
    return this.featsLexicon.get(form.toLowerCase() + '\t' + xpos) ?? this.featsByXpos.get(featsKey(form, xpos)) ?? '';
  }
}

/** A training word: form, Penn tag, gold lemma and gold feats. */
export interface MorphExample { form: string; xpos: string; lemma: string; feats: string }

/** Learns the tables from treebank words (deterministic: ties are broken by string order). */
export function learnMorphology(words: readonly MorphExample[]): MorphologyTables {
  // Most frequent lemma per (base, xpos) and feats per (lower, xpos).
  const lemmaCounts = new Map<string, Map<string, number>>();
  const featCounts = new Map<string, Map<string, number>>();
  const xposFeatCounts = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let inner = m.get(k);
    if (!inner) m.set(k, (inner = new Map()));
    inner.set(v, (inner.get(v) ?? 0) + 1);
  };
  for (const w of words) {
    if (w.lemma === '_' || !w.lemma) continue;
    bump(lemmaCounts, baseOf(w.form, w.xpos) + '\t' + w.xpos, w.lemma);
    bump(featCounts, w.form.toLowerCase() + '\t' + w.xpos, w.feats);
    bump(xposFeatCounts, featsKey(w.form, w.xpos), w.feats);
  }
  const best = (m: Map<string, number>): [string, number, number] => {
    let top = '', n = -1, total = 0;
    for (const [v, c] of [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) { total += c; if (c > n) { top = v; n = c; } }
    return [top, n, total];
  };

  // Suffix rules from word types: (xpos, ending) -> most frequent (cut, add).
  const ruleCounts = new Map<string, Map<string, number>>();
  const typeLemma = new Map<string, string>();
  for (const [key, m] of lemmaCounts) typeLemma.set(key, best(m)[0]);
  for (const [key, lemma] of typeLemma) {
    const [base, xpos] = key.split('\t') as [string, string];
    let p = 0;
    while (p < base.length && p < lemma.length && base[p] === lemma[p]) p++;
    const rule = `${base.length - p}\t${lemma.slice(p)}`;
    for (let k = 1; k <= Math.min(MAX_ENDING, base.length - 1); k++) bump(ruleCounts, xpos + '\t' + base.slice(base.length - k), rule);
  }
  const lemmaRules: Record<string, [number, string]> = {};
  const keys = [...ruleCounts.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const key of keys) {
    const [rule, n, total] = best(ruleCounts.get(key)!);
    if (n < 2 || n / total < 0.5) continue;
    const [cut, add] = rule.split('\t') as [string, string];
    // Skip an ending whose rule its shorter ending already gives.
    const [xpos, ending] = key.split('\t') as [string, string];
    let parent: [number, string] | undefined;
    for (let k = ending.length - 1; k >= 1 && !parent; k--) parent = lemmaRules[xpos + '\t' + ending.slice(ending.length - k)];
    const identity = Number(cut) === 0 && add === '';
    if ((parent && parent[0] === Number(cut) && parent[1] === add) || (!parent && identity)) continue;
    lemmaRules[key] = [Number(cut), add];
  }

  // Exceptions: word types the rules get wrong.
  const morph = new Morphology({ lemmaLexicon: {}, lemmaRules, featsByXpos: {}, featsLexicon: {} });
  const lemmaLexicon: Record<string, string> = {};
  for (const [key, lemma] of [...typeLemma.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [base, xpos] = key.split('\t') as [string, string];
    if (morph.ruleLemma(base, xpos) !== lemma) lemmaLexicon[key] = lemma;
  }

  const featsByXpos: Record<string, string> = {};
  for (const [x, m] of [...xposFeatCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) featsByXpos[x] = best(m)[0];
  const featsLexicon: Record<string, string> = {};
  for (const [key, m] of [...featCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [form, xpos] = key.split('\t') as [string, string];
    const [f, n] = best(m);
    if (n >= 2 && f !== featsByXpos[featsKey(form, xpos)]) featsLexicon[key] = f;
  }
  return { lemmaLexicon, lemmaRules, featsByXpos, featsLexicon };
}
