// Derives proper-name mentions from GUM's entity annotation, by one rule used for training and evaluation alike.
//
// The rule, for every GUM mention of type person, place or organization:
//  1. Its head is the mention token whose syntactic head lies outside the mention.
//  2. It is a proper-name mention only when that head is a proper noun (UPOS PROPN, or XPOS NNP/NNPS:
//     GUM tags "New" in "New York" ADJ/NNP) -- or, for a person, when the mention ends in proper nouns right
//     after a common-noun head ("spokesperson Julie Hahn", where UD attaches the name to the role noun).
//  3. The name is the run of proper-noun tokens around the head inside the mention, bridging name
//     connectors (data/name-connectors.tsv: "of", "al", "-", "&", ...) when a PROPN follows them
//     inside the mention. Determiners and other words at the edges stay out ("the United States" -> "United States").
//  4. Person names lose leading titles (NameRules.nameStartAfterTitles): "President Barack Obama" -> "Barack Obama",
//     and the titles are recorded; a role phrase after the title ("Governor of Washington Chris Gregoire") is
//     skipped up to the end of the nested mention it names. A person name that is only titles, or titles after
//     other mentions ("U.S. Senator", "NASA Administrator"), is no name.
//  5. Types: a person or organization name that is a group name or demonym (data/groups.tsv, data/demonyms.tsv:
//     "Palestinians", "Republican") is `group`; a place name whose last word, or whose word before "of", is a facility
//     word (data/facility-heads.tsv: "Airport", "Mosque", "Museum of Flight") is `facility`;
//     otherwise GUM's type.
//  6. Overlapping names (nested mentions): the longest wins, then the earliest.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type ConlluSentence } from '../conllu.js';
import { ENTITY_TYPES, type TokenSpan } from './model.js';
import type { NameRules, TokenRange } from './names.js';

export interface GumNameSentence {
  docId: string;
  forms: string[];
  upos: string[];
  xpos: string[];
  spaceAfter: boolean[];
  /** Gold names (outermost, non-overlapping). */
  spans: TokenSpan[];
  /** Titles split off person names. */
  titles: TokenRange[];
}

interface RawMention { start: number; end: number; etype: string }

/** Mentions of one sentence from the MISC `Entity=` brackets; mentions left open at the sentence end are dropped. */
export function gumMentions(sent: ConlluSentence): RawMention[] {
  const out: RawMention[] = [];
  const open = new Map<string, Array<{ start: number; etype: string }>>();
  const OPEN = /\((\d+)-([^()]*)/y;
  const CLOSE = /(\d+)\)/y;
  sent.tokens.forEach((tok, i) => {
    const m = /(?:^|\|)Entity=([^|]*)/.exec(tok.misc);
    if (!m) return;
    const v = m[1]!;
    let p = 0;
    while (p < v.length) {
      OPEN.lastIndex = p;
      const o = OPEN.exec(v);
      if (o) {
        const id = o[1]!, etype = o[2]!.split('-')[0]!;
        p = OPEN.lastIndex;
        if (v[p] === ')') { out.push({ start: i, end: i + 1, etype }); p++; continue; }
        const stack = open.get(id) ?? [];
        stack.push({ start: i, etype });
        open.set(id, stack);
        continue;
      }
      CLOSE.lastIndex = p;
      const c = CLOSE.exec(v);
      if (c) {
        p = CLOSE.lastIndex;
        const st = open.get(c[1]!)?.pop();
        if (st) out.push({ start: st.start, end: i + 1, etype: st.etype });
        continue;
      }
      p++;
    }
  });
  return out;
}

const GUM_TYPES: Record<string, number> = {
  person: ENTITY_TYPES.indexOf('person'),
  organization: ENTITY_TYPES.indexOf('organization'),
  place: ENTITY_TYPES.indexOf('place'),
};
const FACILITY = ENTITY_TYPES.indexOf('facility');
const GROUP = ENTITY_TYPES.indexOf('group');
const PERSON = ENTITY_TYPES.indexOf('person');
const PLACE = ENTITY_TYPES.indexOf('place');

/** "U.S. Senator", "NASA Administrator": the name ends in a title and everything before it is another mention (or nothing). */
function endsInTitleOnly(forms: readonly string[], s: number, e: number, mentions: readonly RawMention[], rules: NameRules): boolean {
  const t = rules.titleEndingAt(forms, e, s);
  if (!t) return false;
  if (t.start === s) return true;
  return mentions.some((x) => x.start === s && x.end === t.start && x.etype !== 'person');
}

/** Applies the name rule to one sentence. */
export function namesOfSentence(sent: ConlluSentence, rules: NameRules, connectors: ReadonlySet<string>): { spans: TokenSpan[]; titles: TokenRange[] } {
  const toks = sent.tokens;
  const forms = toks.map((t) => t.form);
  const isPropn = (i: number) => toks[i]!.upos === 'PROPN' || toks[i]!.xpos === 'NNP' || toks[i]!.xpos === 'NNPS';
  const isConnector = (i: number) => connectors.has(toks[i]!.form.toLowerCase());
  const candidates: Array<TokenSpan & { titles: TokenRange[] }> = [];
  const mentions = gumMentions(sent);
  for (const m of mentions) {
    const type = GUM_TYPES[m.etype];
    if (type === undefined) continue;
    let head = -1;
    for (let i = m.start; i < m.end; i++) {
      const h = toks[i]!.head - 1;
      if (h < m.start || h >= m.end) { head = i; break; }
    }
    if (head < 0) continue;
    let s = head, e = head + 1;
    if (!isPropn(head)) {
      // "spokesperson Julie Hahn", "his then-girlfriend Julie Couillard": a role noun heads the mention,
      // and the person's name closes it.
      let allPropn = m.end - 1 > head && type === PERSON;
      for (let i = head + 1; allPropn && i < m.end; i++) allPropn = isPropn(i);
      if (!allPropn) continue;
      s = head + 1;
      e = m.end;
    }
    for (;;) {
      let j = s - 1;
      while (j >= m.start && j >= s - 2 && isConnector(j) && !isPropn(j)) j--;
      if (j >= m.start && isPropn(j)) s = j; else break;
    }
    for (;;) {
      let j = e;
      while (j < m.end && j < e + 2 && isConnector(j) && !isPropn(j)) j++;
      if (j < m.end && isPropn(j)) e = j + 1; else break;
    }
    let t = type;
    let titles: TokenRange[] = [];
    if (t === PERSON) {
      let ns = rules.nameStartAfterTitles(forms, s, e);
      if (ns > s) titles = rules.titlesBefore(forms, ns, s);
      // "Governor of Washington Chris Gregoire": skip the role's complement.
      while (ns < e && isConnector(ns) && !isPropn(ns)) {
        let k = ns;
        while (k < e && isConnector(k) && !isPropn(k)) k++;
        const inner = mentions.filter((x) => x.start === k && x.end < e).reduce((a, x) => Math.max(a, x.end), -1);
        ns = inner > 0 ? inner : e;
      }
      s = ns;
      if (s >= e || endsInTitleOnly(forms, s, e, mentions, rules)) continue;
    }
    if ((t === PERSON || t === GUM_TYPES.organization) && rules.isGroup(forms, s, e)) t = GROUP;
    else if (t === PLACE && rules.endsInFacilityWord(forms, s, e)) t = FACILITY;
    candidates.push({ start: s, end: e, type: t, titles });
  }
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(toks.length);
  const spans: TokenSpan[] = [];
  const titles: TokenRange[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    spans.push({ start: c.start, end: c.end, type: c.type });
    titles.push(...c.titles);
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, titles };
}

/** Reads the named GUM documents and derives their names. */
export function readGumNames(gumDir: string, docIds: readonly string[], rules: NameRules, connectors: ReadonlySet<string>): GumNameSentence[] {
  const out: GumNameSentence[] = [];
  for (const docId of docIds) {
    const sents = parseConllu(readFileSync(join(gumDir, `${docId}.conllu`), 'utf8'));
    for (const s of sents) {
      const { spans, titles } = namesOfSentence(s, rules, connectors);
      out.push(joinHyphenated({
        docId, forms: s.tokens.map((t) => t.form), upos: s.tokens.map((t) => t.upos), xpos: s.tokens.map((t) => t.xpos),
        spaceAfter: s.tokens.map((t) => t.spaceAfter), spans, titles,
      }));
    }
  }
  return out;
}

const WORDISH = /^[\p{L}\p{N}]/u;

/**
 * GUM splits hyphenated words ("al - Aqsa", "Wright - Patterson"); dateline's tokenizer keeps them whole.
 * Joins them (a hyphen with no space on either side, between word tokens) so that training and evaluation
 * see tokens as the tokenizer makes them. A joined word is a proper noun when any part is.
 */
export function joinHyphenated(s: GumNameSentence): GumNameSentence {
  const n = s.forms.length;
  const map = new Int32Array(n);
  const out: GumNameSentence = { ...s, forms: [], upos: [], xpos: [], spaceAfter: [], spans: [], titles: [] };
  for (let i = 0; i < n; i++) {
    const k = out.forms.length - 1;
    const joins = s.forms[i] === '-' && i > 0 && i + 1 < n && !s.spaceAfter[i - 1] && !s.spaceAfter[i]
      && WORDISH.test(s.forms[i - 1]!) && WORDISH.test(s.forms[i + 1]!) && k >= 0;
    if (joins) {
      out.forms[k] += '-' + s.forms[i + 1]!;
      if (s.upos[i + 1] === 'PROPN' || out.upos[k] === 'PROPN') out.upos[k] = 'PROPN'; else out.upos[k] = s.upos[i + 1]!;
      if (/^NNP/.test(s.xpos[i + 1]!) || /^NNP/.test(out.xpos[k]!)) out.xpos[k] = s.xpos[i + 1]!.startsWith('NNP') ? s.xpos[i + 1]! : out.xpos[k]!;
      else out.xpos[k] = s.xpos[i + 1]!;
      out.spaceAfter[k] = s.spaceAfter[i + 1]!;
      map[i] = k;
      map[i + 1] = k;
      i++;
      continue;
    }
    map[i] = out.forms.length;
    out.forms.push(s.forms[i]!);
    out.upos.push(s.upos[i]!);
    out.xpos.push(s.xpos[i]!);
    out.spaceAfter.push(s.spaceAfter[i]!);
  }
  const remap = <T extends TokenRange>(r: T): T => ({ ...r, start: map[r.start]!, end: map[r.end - 1]! + 1 });
  // Two names joined into one word ("Paris-London"): the first keeps it.
  for (const sp of s.spans.map(remap)) {
    const last = out.spans[out.spans.length - 1];
    if (!last || sp.start >= last.end) out.spans.push(sp);
  }
  out.titles = s.titles.map(remap);
  return out;
}

/** Document ids of a GUM split file (train.docs, dev.docs, test.docs). */
export function gumSplit(gumDir: string, split: 'train' | 'dev' | 'test'): string[] {
  return readFileSync(join(gumDir, `${split}.docs`), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}
