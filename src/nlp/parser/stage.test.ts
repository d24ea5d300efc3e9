import { describe, expect, it } from 'vitest';
import type { Document, Sentences, Tags, Tokens } from '../../core/index.js';
import { parserStage, parseDocument } from './stage.js';

/** Builds tokens, one sentence per line, and tags from pre-tokenized lines of `word/TAG` pairs. */
function layers(lines: string[]): { doc: Document; tokens: Tokens; sentences: Sentences; tags: Tags } {
  const forms: string[] = [], xpos: string[] = [], start: number[] = [], end: number[] = [];
  const sStart: number[] = [], sEnd: number[] = [];
  let text = '';
  for (const line of lines) {
    sStart.push(forms.length);
    for (const pair of line.split(' ')) {
      const cut = pair.lastIndexOf('/');
      const form = pair.slice(0, cut);
      start.push(text.length);
      text += form;
      end.push(text.length);
      text += ' ';
      forms.push(form);
      xpos.push(pair.slice(cut + 1));
    }
    sEnd.push(forms.length);
    text += '\n';
  }
  const n = forms.length;
  return {
    doc: { id: 't', text, meta: {}, warnings: [] },
    tokens: { count: n, start: Int32Array.from(start), end: Int32Array.from(end), form: forms, spaceAfter: new Uint8Array(n).fill(1) },
    sentences: {
      count: sStart.length, tokenStart: Int32Array.from(sStart), tokenEnd: Int32Array.from(sEnd),
      spans: sStart.map((a, i) => ({ start: start[a]!, end: end[sEnd[i]! - 1]! })), paragraph: new Int32Array(sStart.length),
    },
    tags: { upos: [], xpos, lemma: [], feats: [] },
  };
}

function parse(lines: string[]) {
  const l = layers(lines);
  const { syntax } = parserStage.run(l.doc, l);
  const forms = l.tokens.form;
  const headOf = (w: string) => { const i = forms.indexOf(w); return syntax.head[i]! < 0 ? 'ROOT' : forms[syntax.head[i]!]; };
  const relOf = (w: string) => syntax.deprel[forms.indexOf(w)];
  return { syntax, forms, headOf, relOf, l };
}

describe('parser stage', () => {
  it('finds the speech verb, its subject and its clausal complement', () => {
    const p = parse(['Israel/NNP said/VBD 12/CD people/NNS were/VBD killed/VBN ./.']);
    expect(p.headOf('said')).toBe('ROOT');
    expect(p.relOf('said')).toBe('root');
    expect(p.headOf('Israel')).toBe('said');
    expect(p.relOf('Israel')).toBe('nsubj');
    expect(p.headOf('killed')).toBe('said');
    expect(p.relOf('killed')).toBe('ccomp');
    expect(p.relOf('people')).toBe('nsubj:pass');
  });

  it('attaches an apposition to the name it describes', () => {
    const p = parse(['Ali/NNP Akbar/NNP Velayati/NNP ,/, a/DT senior/JJ advisor/NN ,/, said/VBD the/DT talks/NNS had/VBD failed/VBN ./.']);
    expect(p.headOf('said')).toBe('ROOT');
    // Which word heads the name (flat from "Ali", or compound into "Velayati") is the model's call;
    // the apposition must hang from that same word, and the word must be the subject.
    const nameHead = ['Ali', 'Akbar', 'Velayati'].find((w) => p.headOf(w) === 'said');
    expect(nameHead).toBeDefined();
    expect(p.relOf(nameHead!)).toBe('nsubj');
    expect(p.headOf('advisor')).toBe(nameHead);
    expect(p.relOf('advisor')).toBe('appos');
    expect(p.relOf('failed')).toBe('ccomp');
  });

  it('gives every sentence exactly one root, with heads inside the sentence', () => {
    const p = parse([
      'The/DT minister/NN resigned/VBD on/IN Monday/NNP ./.',
      'Police/NNS said/VBD ,/, "/`` We/PRP will/MD not/RB stop/VB ./. "/\'\'',
      'Yes/UH',
    ]);
    const { tokenStart, tokenEnd, count } = p.l.sentences;
    for (let s = 0; s < count; s++) {
      let roots = 0;
      for (let i = tokenStart[s]!; i < tokenEnd[s]!; i++) {
        const h = p.syntax.head[i]!;
        if (h < 0) { roots++; expect(p.syntax.deprel[i]).toBe('root'); } else {
          expect(h).toBeGreaterThanOrEqual(tokenStart[s]!);
          expect(h).toBeLessThan(tokenEnd[s]!);
          expect(p.syntax.deprel[i]).not.toBe('root');
        }
      }
      expect(roots).toBe(1);
    }
    expect(p.headOf('resigned')).toBe('ROOT');
    expect(p.relOf('Monday')).toBe('obl');
  });

  it('falls back to flat trees when there are no tags, and to an empty layer when there are no tokens', () => {
    const l = layers(['Israel/NNP said/VBD so/RB ./.']);
    const flat = parserStage.run(l.doc, { ...l, tags: { upos: [], xpos: [], lemma: [], feats: [] } }).syntax;
    expect([...flat.head]).toEqual([-1, 0, 0, 0]);
    expect(flat.deprel).toEqual(['root', 'dep', 'dep', 'dep']);
    const none = parseDocument(undefined, { count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) },
      { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) }, l.tags);
    expect(none.head.length).toBe(0);
    expect(none.deprel).toEqual([]);
  });
});
