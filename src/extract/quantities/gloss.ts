// What a quantity counts: a short gloss ("people killed") and a category (killed, injured, money, percent, ...).

import { WORD, PUNCT, type Lexed } from './lex.js';
import type { Lexicon } from './lexicon.js';
import type { Found } from './scan.js';


const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

export interface Gloss {
  what: string;
  category: string;
}

/** Syntax, when the parser has run: the head of each token (document-wide token indices mapped to this lexing). */
export interface HeadLookup {
  /** Returns the predicate governing the token at char offset, or undefined. */
  governor(offset: number): string | undefined;
}

export function gloss(text: string, lx: Lexed, L: Lexicon, f: Found, sentence: Int32Array, syntax?: HeadLookup): Gloss {
  const head = f.hStart >= 0 ? headText(text, lx, f) : '';
  const headLower = f.hEnd > 0 ? lx.lower[f.hEnd - 1]! : '';
  // "3 dead", "52 wounded": the casualty word is the predicate
  let predicate = L.casualtyHeads.has(headLower) && L.eventWords.has(headLower) ? headLower : predicateOf(lx, L, f, sentence);
  if (!predicate && syntax && f.hEnd > 0) {
    const v = syntax.governor(lx.start[f.hEnd - 1]!);
    if (v) predicate = L.participles.get(v) ?? v;
  }
  const category = categoryOf(lx, L, f, headLower, predicate, sentence);
  let what: string;
  switch (f.unitKind) {
    case 'age': what = 'age (years)'; break;
    case 'percent': {
      const of = ofNoun(text, lx, L, f.e);
      what = `${of ?? 'share'}${predicate ? ' ' + predicate : ''} (${f.unit ?? 'percent'})`;
      break;
    }
    case 'money': what = `money${predicate ? ' ' + predicate : ''} (${f.unit ?? 'currency'})`; break;
    case 'measure': what = `${L.measureKinds.get(f.unit ?? '') ?? 'measure'}${predicate ? ' ' + predicate : ''} (${f.unit})`; break;
    case 'magnitude': what = 'magnitude'; break;
    default: {
      // "two deaths", "52 wounded", "thousands of them": the casualty word or pronoun stands for people
      const noun = head && (!L.casualtyHeads.has(headLower) || headLower.endsWith('s')) && !L.pronounHeads.has(headLower) ? head : 'people';
      const pred = predicate ?? (L.casualtyHeads.has(headLower) ? headLower : '');
      what = head || pred ? `${noun}${pred && pred !== noun ? ' ' + pred : ''}` : category === 'killed' && sentenceHas(lx, sentence, f.coreS, 'toll') ? 'death toll' : 'count';
    }
  }
  return { what, category };
}

function headText(text: string, lx: Lexed, f: Found): string {
  const s = lx.start[f.hStart]!, e = lx.end[f.hEnd - 1]!;
  const t = text.slice(s, e).replace(/\s+/g, ' ');
  return /^[A-Z][a-z]/.test(t) && !/^[A-Z][a-z]+ [A-Z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

/** "70 percent of Israelis" -> "Israelis". */
function ofNoun(text: string, lx: Lexed, L: Lexicon, t: number): string | undefined {
  if (QUOTES.has(lx.lower[t] ?? '')) t++;
  if (lx.lower[t] !== 'of') return undefined;
  let j = t + 1;
  if (L.ofDeterminers.has(lx.lower[j] ?? '')) j++;
  const from = j;
  while (j < lx.count && j < from + 4 && lx.kind[j] === WORD && !L.functionWords.has(lx.lower[j]!) && !L.verbs.has(lx.lower[j]!)) j++;
  return j > from ? text.slice(lx.start[from]!, lx.end[j - 1]!) : undefined;
}

/** The participle or verb that says what happened to the counted things, after them or before the number. */
function predicateOf(lx: Lexed, L: Lexicon, f: Found, sentence: Int32Array): string | undefined {
  const sid = sentence[f.coreS]!;
  const asPredicate = (w: string): string | undefined => {
    const p = L.participles.get(w);
    if (p) return p;
    if (w.length > 4 && w.endsWith('ed') && !L.functionWords.has(w)) return w;
    if (L.eventWords.has(w) && (w.endsWith('ed') || w === 'died' || w === 'dead' || w === 'missing' || w === 'hurt' || w === 'fled' || w === 'held')) return w;
    return undefined;
  };
  // After: "12 people were killed", "six airbases attacked"
  for (let k = f.e, n = 0; k < lx.count && sentence[k] === sid && n < 5; k++, n++) {
    if (lx.kind[k] !== WORD) break;
    const w = lx.lower[k]!;
    // "five bombers kill 8": a verb in the present makes the counted things the agents, not what happened to them
    if (L.participles.has(w) && !w.endsWith('ing') && L.participles.get(w) !== w && !w.endsWith('ed')) break;
    const p = asPredicate(w);
    if (p && !L.predicateSkips.has(w)) return p;
    if (w === 'died' || w === 'fled') return w;
    if (!L.predicateSkips.has(w)) break;
  }
  // Before: "killing 12 people", "fired hundreds of rockets", "attacked at least six airbases"
  for (let k = f.s - 1, n = 0; k >= 0 && sentence[k] === sid && n < 4; k--, n++) {
    if (lx.kind[k] === PUNCT) {
      if (QUOTES.has(lx.lower[k]!)) continue; // attack “at least six airbases”
      break;
    }
    const w = lx.lower[k]!;
    if (L.functionWords.has(w)) break; // "increased to 131": a level, not what happened to the counted things
    if (L.participles.has(w)) return L.participles.get(w);
    if (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing')) && !L.functionWords.has(w)) return w.endsWith('ing') ? undefined : w;
  }
  return undefined;
}

function categoryOf(lx: Lexed, L: Lexicon, f: Found, head: string, predicate: string | undefined, sentence: Int32Array): string {
  if (f.unitKind === 'age') return 'age';
  if (f.unitKind === 'money') return 'money';
  if (f.unitKind === 'percent') return 'percent';
  if (f.unitKind === 'measure' || f.unitKind === 'magnitude') return 'other';
  if (L.weapons.has(head)) return 'weapons';
  const peopleLike = head === '' || L.people.has(head) || L.casualtyHeads.has(head) || L.pronounHeads.has(head);
  if (peopleLike) {
    const direct = (predicate && L.eventWords.get(predicate)) ?? L.eventWords.get(head);
    if (direct) return direct;
    // A bare figure in a sentence about a toll is the toll ("the death toll increased to 131")
    if (f.hStart < 0 && sentenceHas(lx, sentence, f.coreS, 'toll')) return 'killed';
    // The nearest event word in the sentence
    const sid = sentence[f.coreS]!;
    for (let d = 1; d <= (f.hStart < 0 ? 15 : 8); d++) {
      for (const k of [f.e - 1 + d, f.s - d]) {
        if (k < 0 || k >= lx.count || sentence[k] !== sid || lx.kind[k] !== WORD) continue;
        const w = lx.lower[k]!;
        if (k >= f.e && f.hStart >= 0 && L.participles.has(w) && !w.endsWith('ing') && !w.endsWith('ed') && L.participles.get(w) !== w) continue;
        const c = L.eventWords.get(w);
        if (c) return c;
      }
    }
  }
  if (head && (L.people.has(head) || L.pronounHeads.has(head))) return 'people';
  return 'other';
}

/** Whether the sentence of token t holds the word w. */
function sentenceHas(lx: Lexed, sentence: Int32Array, t: number, w: string): boolean {
  const sid = sentence[t]!;
  for (let k = t; k >= 0 && sentence[k] === sid; k--) if (lx.lower[k] === w) return true;
  for (let k = t + 1; k < lx.count && sentence[k] === sid; k++) if (lx.lower[k] === w) return true;
  return false;
}
