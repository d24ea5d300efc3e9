// The quantities stage: counts, money, percentages and ages with qualifier, what is counted, and the statement that claims them.

import { annotationId, provenance, tokenAt, type Stage, type Tokens, type Sentences, type Tags, type Syntax, type Document } from '../../core/index.js';
import type { Quantity, Statement, Time } from '../../schema/index.js';
import { lex, PUNCT, type Lexed } from './lex.js';
import { lexicon, type Lexicon } from './lexicon.js';
import { scan, type Found } from './scan.js';
import { gloss, type HeadLookup } from './gloss.js';

export const STAGE_NAME = 'quantities.v1';

type Needs = { tokens: Tokens; sentences: Sentences; tags: Tags; syntax: Syntax; times: Time[]; statements: Statement[] };

export const quantitiesStage: Stage<Needs, { quantities: Quantity[] }> = {
  name: STAGE_NAME,
  requires: ['tokens', 'sentences', 'tags', 'syntax', 'times', 'statements'],
  produces: ['quantities'],
  run: (doc: Document, layers: Needs) => ({ quantities: findQuantities(doc.text, layers) }),
  empty: () => ({ quantities: [] }),
};

/** A digit or a number word: the cheap test that picks the lines worth lexing. */
let prefilter: RegExp | undefined;

/** The lines (paragraphs) of a text that may hold a number, as [from, to) ranges. */
function linesWithNumbers(text: string, L: Lexicon): [number, number][] {
  prefilter ??= new RegExp(String.raw`\d|\b(?:${[...L.numberStarters, ...L.fractions.keys(), ...L.scales.keys(), ...L.vagueFixed.map((p) => p.forms[0]!)].filter((w) => w.length > 2).join('|')})\b`, 'gi');
  const out: [number, number][] = [];
  prefilter.lastIndex = 0;
  for (let m = prefilter.exec(text); m; m = prefilter.exec(text)) {
    const from = text.lastIndexOf('\n', m.index) + 1;
    let to = text.indexOf('\n', m.index);
    if (to < 0) to = text.length;
    out.push([from, to]);
    prefilter.lastIndex = to;
  }
  return out;
}

/** Finds the quantities of a text; every layer argument is optional and used when it is not empty. */
export function findQuantities(text: string, layers: Partial<Needs> = {}): Quantity[] {
  const L = lexicon();
  const lines = linesWithNumbers(text, L);
  if (!lines.length) return [];
  const lx = lex(text, 0, text.length, lines);
  const sentence = sentenceIndex(text, lx, layers.sentences);
  const found = dropTimes(scan(text, lx, L, sentence), lx, layers.times ?? []);
  const syntax = headLookup(layers.tokens, layers.tags, layers.syntax);
  // The claim of a figure is the shortest statement content holding it (the first, by length, in layer order on a tie).
  const statements = [...(layers.statements ?? [])].sort((a, b) => (a.content.end - a.content.start) - (b.content.end - b.content.start));
  const contents = new SpanIndex(statements.map((st) => st.content));
  return found.map((f, k) => {
    const start = lx.start[f.s]!, end = lx.end[f.e - 1]!;
    const g = gloss(text, lx, L, f, sentence, syntax);
    const q: Quantity = {
      id: annotationId('q', k), start, end, value: f.value, approx: f.approx,
      what: g.what, category: g.category,
      provenance: provenance(STAGE_NAME, f.rule),
    };
    // Bounds say what the text commits to: both for exact, about and range; one side for open-ended qualifiers.
    const open = f.approx === 'at_least' || f.approx === 'more_than' || f.approx === 'order' ? 'low' : f.approx === 'at_most' || f.approx === 'less_than' ? 'high' : 'both';
    if (open !== 'high') q.low = f.low ?? f.value;
    if (open !== 'low') q.high = f.high ?? f.value;
    if (f.unit !== undefined) q.unit = f.unit;
    let claimAt = -1;
    contents.overlapping(start, end, (i) => { const c = statements[i]!.content; if (c.start <= start && end <= c.end && (claimAt < 0 || i < claimAt)) claimAt = i; });
    const claim = claimAt >= 0 ? statements[claimAt] : undefined;
    if (claim) q.statement = claim.id;
    return q;
  });
}

/** The sentence of every lexed token: from the sentences layer when it has run, else from full stops and line breaks. */
function sentenceIndex(text: string, lx: Lexed, sentences: Sentences | undefined): Int32Array {
  const out = new Int32Array(lx.count);
  if (sentences && sentences.count > 0) {
    let s = 0;
    for (let t = 0; t < lx.count; t++) {
      while (s < sentences.count - 1 && sentences.spans[s]!.end <= lx.start[t]!) s++;
      out[t] = s;
    }
    return out;
  }
  let s = 0;
  for (let t = 0; t < lx.count; t++) {
    if (t > 0 && lx.gap[t] === 2) s++;
    else if (t > 0 && lx.kind[t - 1] === PUNCT && lx.gap[t] === 1) {
      const p = lx.lower[t - 1]!;
      const c = text.charCodeAt(lx.start[t]!);
      if ((p === '.' || p === '!' || p === '?') && ((c >= 65 && c <= 90) || c === 0x201c || c === 34)) s++;
    }
    out[t] = s;
  }
  return out;
}

/** Figures the times layer already holds (durations, clock times, dates) are not quantities; ages and amounts stay. */
function dropTimes(found: Found[], lx: Lexed, times: readonly Time[]): Found[] {
  if (!times.length) return found;
  const index = new SpanIndex(times);
  return found.filter((f) => {
    if (f.unitKind === 'age' || f.unitKind === 'money' || f.unitKind === 'percent') return true;
    const s = lx.start[f.coreS]!, e = lx.end[f.coreE - 1]!;
    let held = false;
    index.overlapping(s, e, (i) => { const t = times[i]!; if (t.start < e && s < t.end && (t.type !== 'duration' || f.hStart < 0 || t.end >= lx.end[f.hEnd - 1]!)) held = true; });
    return !held;
  });
}

/** Spans sorted by start with the furthest end of each prefix, to visit the spans overlapping a range without a scan of all. */
class SpanIndex {
  private readonly order: number[];
  private readonly reach: number[] = [];
  constructor(private readonly spans: readonly { start: number; end: number }[]) {
    this.order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
    for (const i of this.order) this.reach.push(Math.max(spans[i]!.end, this.reach[this.reach.length - 1] ?? -Infinity));
  }

  /** Calls `visit` with the position (in the list given) of every span that overlaps or holds [start, end), and some that do not: callers test. */
  overlapping(start: number, end: number, visit: (i: number) => void): void {
    const { spans, order, reach } = this;
    // Spans starting at or before `end` (an empty range may sit at a span's start); walk back while one of them can still reach `start`.
    let lo = 0, hi = order.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[order[mid]!]!.start <= end) lo = mid + 1; else hi = mid; }
    for (let k = lo - 1; k >= 0 && reach[k]! >= start; k--) visit(order[k]!);
  }
}

/** The governing verb of a token, from the parser's output when it has run. */
function headLookup(tokens?: Tokens, tags?: Tags, syntax?: Syntax): HeadLookup | undefined {
  // Only a real parse helps: the tags must be there, and the tree must not be a placeholder hanging every token on one root.
  if (!tokens || !syntax || !tags || tokens.count === 0 || syntax.head.length !== tokens.count || tags.upos.length !== tokens.count) return undefined;
  if (syntax.deprel.every((d) => d === 'dep' || d === 'root')) return undefined;
  return {
    governor(offset: number) {
      let t = tokenAt(tokens, offset);
      for (let hops = 0; t >= 0 && hops < 3; hops++) {
        const h = syntax.head[t]!;
        if (h < 0) return undefined;
        if (tags.upos[h] === 'VERB') return (tags.lemma[h] || tokens.form[h]!).toLowerCase();
        t = h;
      }
      return undefined;
    },
  };
}
