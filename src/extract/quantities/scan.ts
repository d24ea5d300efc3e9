// Finds quantities in a lexed text: the number, its qualifier, unit and counted noun phrase, minus dates, times, names and ordinals.

import { NUM, WORD, PUNCT, type Lexed } from './lex.js';
import type { Lexicon } from './lexicon.js';
import { readNumber, matchPhrase, type NumberCore } from './numbers.js';
import type { Approx } from './types.js';

export type UnitKind = 'percent' | 'money' | 'measure' | 'age' | 'magnitude' | 'people' | 'none';

/** A quantity as the scanner finds it, in token indices; `gloss.ts` adds what is counted. */
export interface Found {
  /** Token range of the whole mention [s, e). */
  s: number;
  e: number;
  value: number;
  approx: Approx;
  low?: number;
  high?: number;
  unit?: string;
  unitKind: UnitKind;
  /** Token range of the counted noun phrase's words, when there is one (head = hEnd - 1). */
  hStart: number;
  hEnd: number;
  /** Token range of the number itself. */
  coreS: number;
  coreE: number;
  rule: string;
}

const MAX_NP_WORDS = 6;

/** Scans every sentence; `sentence[t]` is the sentence index of token t. */
export function scan(text: string, lx: Lexed, L: Lexicon, sentence: Int32Array): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < lx.count) {
    const f = mayStart(lx, L, i) ? tryAt(text, lx, L, sentence, i) : null;
    if (f === 'skip') { i = skipNumberRun(lx, i); continue; }
    if (f) { out.push(f); i = Math.max(f.e, i + 1); continue; }
    i++;
  }
  return inheritInConversions(lx, out);
}

/** Cheap test before the full read: a digit, a number word, or a currency sign or code. */
function mayStart(lx: Lexed, L: Lexicon, i: number): boolean {
  const k = lx.kind[i];
  if (k === NUM) return true;
  const w = lx.lower[i]!;
  if (k === PUNCT) return L.currencySymbols.has(w);
  return L.numberStarters.has(w) || L.vague.has(w) || (w.length <= 3 && (L.currencySymbols.has(w.toUpperCase()) || L.currencyCodes.has(w.toUpperCase()) || w === 'rs' || w === 'us'));
}

/** Moves past a run of digits and joiners ("2024-02-07", "8/1/2017", "10:56") so no part of it is read again. */
function skipNumberRun(lx: Lexed, i: number): number {
  let j = i + 1;
  while (j < lx.count && lx.gap[j] === 0 && (lx.kind[j] === NUM || (lx.kind[j] === PUNCT && lx.gap[j + 1] === 0 && lx.kind[j + 1] === NUM) || (lx.kind[j] === WORD && lx.kind[j - 1] === NUM))) j++;
  return j;
}

const isCap = (text: string, lx: Lexed, t: number): boolean => {
  const c = text.charCodeAt(lx.start[t]!);
  return c >= 65 && c <= 90;
};

function tryAt(text: string, lx: Lexed, L: Lexicon, sentence: Int32Array, i: number): Found | 'skip' | null {
  // A currency prefix: "$", "US$", "€", "EGP", "Rs."
  let currency: string | undefined;
  let numAt = i;
  if (lx.kind[i] === PUNCT || (lx.kind[i] === WORD && (L.currencyCodes.has(text.slice(lx.start[i]!, lx.end[i]!)) || L.currencySymbols.has(text.slice(lx.start[i]!, lx.end[i]!))))) {
    const sym = text.slice(lx.start[i]!, lx.end[i]!);
    let j = i + 1;
    let code = L.currencySymbols.get(sym) ?? (L.currencyCodes.has(sym) ? sym : undefined);
    // "US$", "HK$": a word glued to "$"
    if (lx.kind[i] === WORD && lx.lower[j] === '$' && lx.gap[j] === 0) { code = L.currencySymbols.get(sym + '$') ?? code; j++; }
    if (sym === 'Rs' && lx.lower[j] === '.') j++;
    if (code === undefined || lx.kind[j] !== NUM || lx.gap[j]! > 1) return null;
    // "$" glued to a previous word ("US$") starts at the word
    currency = code;
    numAt = j;
  }
  const lw = lx.lower[numAt]!;
  if (lx.kind[numAt] === WORD && !L.numberStarters.has(lw) && !L.vague.has(lw)) return null;
  const core = readNumber(lx, L, numAt);
  if (!core) return null;
  let s = currency ? i : core.s;
  if (currency && s > 0 && lx.kind[s - 1] === WORD && lx.gap[s] === 0 && L.currencySymbols.has(text.slice(lx.start[s - 1]!, lx.end[s]!))) s--;

  // A minus sign before the digits: "-5C", "minus 40 degrees"
  let sign = 1;
  if (!currency && core.kind === 'digits' && core.s > 0) {
    const p = lx.lower[core.s - 1]!;
    if ((p === '-' || p === '−') && lx.gap[core.s] === 0 && (core.s === 1 || lx.gap[core.s - 1]! > 0 || lx.kind[core.s - 2] === PUNCT && lx.lower[core.s - 2] !== '-')) { sign = -1; s = core.s - 1; }
    else if (p === 'minus') { sign = -1; s = core.s - 1; }
  }
  const exclusion = sign < 0 ? null : excluded(text, lx, L, core, currency);
  if (exclusion) return exclusion;

  let e = core.e;
  let value = sign * core.value;
  let approx: Approx = core.kind === 'vague' ? 'order' : 'exact';
  let low: number | undefined, high: number | undefined;
  let unit: string | undefined = currency;
  let unitKind: UnitKind = currency ? 'money' : 'none';
  let rule: string = core.kind;

  // Money-only abbreviations glued to the digits: "$3m", "$50k"
  if (currency && core.kind === 'digits' && core.scale === 1 && lx.kind[e] === WORD && lx.gap[e] === 0) {
    const m = L.moneyOnlyAbbreviations.get(lx.lower[e]!);
    if (m !== undefined) { value *= m; e++; }
  }

  // "1.5m people": a glued "m" before a counted noun is millions, not metres
  if (!currency && core.kind === 'digits' && core.scale === 1 && lx.lower[e] === 'm' && lx.gap[e] === 0 && lx.kind[e + 1] === WORD
    && (L.people.has(lx.lower[e + 1]!) || countedNounFollows(lx, L, e + 1))) { value *= 1e6; e++; }
  // Qualifier before ("at least", "nearly", "between")
  const q = qualifierBefore(lx, L, s);
  let rangeOpen = false;
  if (q) {
    s = q.s;
    if (q.approx === 'range') rangeOpen = true;
    else if (core.kind !== 'vague') approx = q.approx;
  }

  // Range: "10-20", "10 to 20", "between 10 and 20", "two or three"
  const range = readRange(text, lx, L, core, e, rangeOpen, s);
  if (range === 'skip') return 'skip';
  if (range) {
    value = range.low; low = range.low; high = range.high; approx = 'range'; e = range.e; rule = 'range';
  } else if (rangeOpen) {
    // "between" with no second number is not a qualifier; drop it from the span
    s = core.s;
  }

  // Units after the number
  const after = unitAfter(text, lx, L, e, currency !== undefined);
  if (after === 'time') return 'skip';
  let hStart = -1, hEnd = -1;
  if (after) {
    if (after.kind === 'money' && currency === undefined) unit = after.unit;
    else if (after.kind !== 'money') unit = after.unit;
    unitKind = after.kind;
    e = after.e;
  }
  // A unit before: "magnitude 7.8", "population of 430,000"
  if (!after && !currency) {
    const pre = prefixUnit(lx, L, s);
    if (pre) { s = pre.s; unit = pre.unit === 'people' ? undefined : pre.unit; unitKind = pre.unit === 'magnitude' ? 'magnitude' : 'people'; rule = 'prefix-unit'; }
  }
  // Ages: "aged 41", "Amy Bau, 41,"
  if (unitKind === 'none' && core.kind === 'digits' && !core.comma && core.scale === 1 && approx === 'exact' && isAge(text, lx, L, core)) {
    unitKind = 'age'; unit = 'years'; rule = 'age';
    if (lx.lower[s - 1] === 'aged' || lx.lower[s - 1] === 'age') s--;
  }
  // Hyphenated adjective: "15-story", "12-member", "93-year-old" (handled as age above), "33-day" (a time)
  if (unitKind === 'none' && lx.lower[e] === '-' && lx.gap[e] === 0 && lx.kind[e + 1] === WORD && lx.gap[e + 1] === 0) {
    const h = lx.lower[e + 1]!;
    if (L.durations.has(h)) return 'skip';
    if (isCap(text, lx, e + 1) && !isCap(text, lx, core.s)) return 'skip'; // "7-Eleven": a name
    if (core.kind === 'words' && core.value === 1 && !L.people.has(h)) return 'skip'; // "one-sided", "one-off"
    const measure = matchPhrase(lx, e + 1, L.measures);
    if (measure && measure.forms.length === 1) { unit = measure.meaning; unitKind = 'measure'; }  // "a 3.5-tonne truck"
    hStart = e + 1; hEnd = e + 2; e += 2; rule = 'hyphen-adjective';
  } else if (unitKind === 'none' && durationAhead(lx, L, e)) {
    return 'skip'; // "twenty working days", "three full years"
  } else if (unitKind === 'none' || (unitKind === 'people' && rule !== 'prefix-unit')) {
    // The counted noun phrase
    const np = nounPhrase(text, lx, L, core, e);
    if (np) { hStart = np.hStart; hEnd = np.hEnd; e = np.e; if (L.durations.has(lx.lower[np.hEnd - 1]!) && !np.viaOf) return 'skip'; }
  }

  if (hStart < 0 && unitKind === 'none' && approx === 'exact' && core.kind !== 'fraction' && core.kind !== 'vague' && low === undefined) {
    const prev = s > 0 ? lx.lower[s - 1]! : '';
    // "I was ten", "at age seventeen", "aged eighteen": ages written bare
    if (isBareAge(lx, L, core)) { unitKind = 'age'; unit = 'years'; rule = 'age'; if (prev === 'aged') s--; }
    // "you two", "those two together", "the two": pronouns, not counts
    else if (L.bareNumberBlockers.has(prev)) return null;
  }
  // "one" used as a pronoun or in an idiom is not a count
  if (core.kind === 'words' && core.value === 1 && core.e - core.s === 1 && lx.lower[core.s] === 'one') {
    if (!oneIsCount(text, lx, L, sentence, core, hStart >= 0, hEnd)) return null;
  }

  // Qualifier after: "or more", "-plus", "or so"
  const qa = qualifierAfter(lx, L, core.e, e);
  if (qa) { if (approx === 'exact') approx = qa.approx; e = Math.max(e, qa.e); }

  const f: Found = { s, e, value, approx, unitKind, hStart, hEnd, coreS: core.s, coreE: core.e, rule };
  if (low !== undefined) { f.low = low; f.high = high!; }
  if (unit !== undefined) f.unit = unit;
  return f;
}

/** A duration word one or two adjectives after the number: "twenty working days", "11 straight days". */
function durationAhead(lx: Lexed, L: Lexicon, t: number): boolean {
  for (let k = t; k < Math.min(lx.count, t + 3); k++) {
    if (lx.kind[k] !== WORD || L.functionWords.has(lx.lower[k]!)) return false;
    if (L.durations.has(lx.lower[k]!)) return k > t;
  }
  return false;
}

/** Why a number is not a quantity (a date, a time, a year, a name, an ordinal, a list marker), as 'skip'; null when it is one. */
function excluded(text: string, lx: Lexed, L: Lexicon, core: NumberCore, currency: string | undefined): 'skip' | null {
  const i = core.s;
  const prev = i > 0 ? lx.lower[i - 1]! : '', next = lx.lower[i + 1] ?? '';
  const glued = lx.gap[i] === 0 && i > 0, gluedNext = i + 1 < lx.count && lx.gap[i + 1] === 0;
  if (core.kind === 'digits') {
    // Letters glued before the digits: "G7", "Ak47", "MH17"; "COVID-19", "F-16"
    if (glued && !currency && (lx.kind[i - 1] === WORD || lx.kind[i - 1] === NUM)) return 'skip';
    if (glued && lx.kind[i - 1] === PUNCT && !currency) {
      if ((prev === '-' || prev === '/' || prev === '.' || prev === ':' || prev === '#' || prev === '+' || prev === '–') && i > 1 && lx.gap[i - 1] === 0 && lx.kind[i - 2] !== PUNCT) return 'skip';
      if (prev === '#' || prev === '+') return 'skip';
    }
    // Digits glued to "/", ":" or another number: dates, clock times, versions, phone numbers
    if (gluedNext && (next === '/' || next === ':' || next === '.') && lx.kind[i + 2] === NUM && lx.gap[i + 2] === 0) return 'skip';
    if (gluedNext && next === '-' && lx.kind[i + 2] === NUM && lx.gap[i + 2] === 0 && lx.lower[i + 3] === '-' && lx.kind[i + 4] === NUM) return 'skip';
    if (lx.kind[i + 1] === NUM && lx.gap[i + 1] === 1 && !core.comma && core.scale === 1) return 'skip';
    // Phone numbers: "(713) 853-3242", "853-3242", "3-5213"
    if (prev === '(' && next === ')' && lx.kind[i + 2] === NUM) return 'skip';
    if (gluedNext && next === '-' && lx.kind[i + 2] === NUM && lx.gap[i + 2] === 0 && /^\d{4}$/.test(lx.lower[i + 2]!) && /^\d{1,3}$/.test(lx.lower[i]!)) return 'skip';
    if (glued && prev === '=') return 'skip';
    // The tail of a digit group run ("7946 0958") and codes with a leading zero ("0958", "08")
    if (i > 0 && lx.kind[i - 1] === NUM && lx.gap[i] === 1 && !lx.lower[i - 1]!.includes(',')) return 'skip';
    if (/^0\d/.test(lx.lower[i]!)) return 'skip';
    // Ordinals and decades: "1st", "22nd", "1990s"; clock times: "2020hrs", "10pm"; codes: "4chan", "81P"
    if (gluedNext && lx.kind[i + 1] === WORD && core.e === i + 1) {
      if (next === 'st' || next === 'nd' || next === 'rd' || next === 'th' || next === 's' || next === "'s") return 'skip';
      if (L.timeOfDay.has(next) || next === 'h') return 'skip';
      if (!L.moneyOnlyAbbreviations.has(next) && !matchPhrase(lx, i + 1, L.measures) && !matchPhrase(lx, i + 1, L.percent)) return 'skip';
    }
    // The second number of a pair already read as a range or a score: "1 – 0", "2-1"
    if ((prev === '-' || prev === '–' || prev === '—') && i > 1 && lx.kind[i - 2] === NUM) return 'skip';
    // A list marker: "1)" with no opening bracket
    if (gluedNext && next === ')' && prev !== '(') return 'skip';
    // Time of day after a space: "10.30 pm", "8.20 p.m.", "14:00 GMT"
    const t = core.e;
    const tw = lx.lower[t] ?? '';
    if (L.timeOfDay.has(tw) && tw !== 'hours' && core.scale === 1) return 'skip';
    if ((tw === 'a' || tw === 'p') && lx.lower[t + 1] === '.' && lx.lower[t + 2] === 'm') return 'skip';
    if (tw === 'hours' && lx.gap[t] === 0) return 'skip';
    // Dates: "May 21", "21 May", "February 3, 2024", "Feb. 3"; numbered items: "No. 2"
    if (core.scale === 1 && !core.comma) {
      if (i > 0 && L.months.has(prev) && isCap(text, lx, i - 1)) return 'skip';
      if (prev === 'of' && i > 1 && lx.lower[i - 2] === 'group' && isCap(text, lx, i - 2)) return 'skip'; // "Group of 20"
      if (prev === '.' && i > 1 && (L.months.has(lx.lower[i - 2]!) || lx.lower[i - 2] === 'no' || lx.lower[i - 2] === 'nos') && isCap(text, lx, i - 2)) return 'skip';
      if (L.months.has(next) && isCap(text, lx, i + 1) && core.value <= 31) return 'skip';
      if (prev === ',' && i > 1 && lx.kind[i - 2] === NUM && i > 2 && L.months.has(lx.lower[i - 3]!)) return 'skip';
      // Years: 4 digits from 1000 to 2100, unless people or a unit follow ("2000 people")
      if (/^\d{4}$/.test(lx.lower[i]!) && core.value >= 1000 && core.value <= 2100 && !currency && !countedNounFollows(lx, L, core.e)) return 'skip';
      // A list marker at the start of a line: "1." or "2)"
      if ((i === 0 || lx.gap[i] === 2) && (next === '.' || next === ')') && gluedNext) return 'skip';
      // Names: "Resolution 242", "Boeing 737", "Highway 1", "Article 5"
      if (i > 0 && lx.kind[i - 1] === WORD && lx.gap[i] === 1 && !currency) {
        if (L.nameDesignators.has(prev)) return 'skip';
        if (isCap(text, lx, i - 1) && !L.functionWords.has(prev) && !L.verbs.has(prev) && !L.weekdays.has(prev) && !L.before.has(prev)
          && !L.units.has(prev) && !isUnitAfter(text, lx, L, core.e) && !isSentenceStart(lx, i - 1) && !(prev === 'aged' || prev === 'age')
          && !countedNounFollows(lx, L, core.e) && !L.casualtyHeads.has(lx.lower[core.e] ?? '')) return 'skip';
      }
      // Addresses: "10 Downing Street"
      if (lx.kind[i + 1] === WORD && isCap(text, lx, i + 1)) {
        for (let k = i + 1; k < Math.min(lx.count, i + 5) && lx.kind[k] === WORD; k++) {
          if (L.streetWords.has(lx.lower[k]!) && isCap(text, lx, k)) return 'skip';
          if (!isCap(text, lx, k)) break;
        }
      }
    }
  }
  // A number word glued by a hyphen to a word before it: "high-five", "Catch-22"
  if (core.kind === 'words' && glued && prev === '-' && i > 1 && lx.gap[i - 1] === 0 && (lx.kind[i - 2] === WORD || lx.kind[i - 2] === NUM)) return 'skip';
  // Sentence-level guards for number words
  if (core.kind === 'words' && lx.kind[i - 1] === WORD && lx.gap[i] === 1 && isCap(text, lx, i) && isCap(text, lx, i - 1) && !isSentenceStart(lx, i - 1)
    && !L.functionWords.has(prev) && !L.verbs.has(prev) && !L.before.has(prev)) return 'skip'; // "Formula One", "Air Force One"
  return null;
}

function isSentenceStart(lx: Lexed, t: number): boolean {
  if (t === 0 || lx.gap[t] === 2) return true;
  const p = lx.lower[t - 1]!;
  return p === '.' || p === '!' || p === '?' || p === '"' || p === '“' || p === ':' || p === '—' || p === '(';
}

function countedNounFollows(lx: Lexed, L: Lexicon, t: number): boolean {
  const w = lx.lower[t] ?? '';
  return lx.kind[t] === WORD && (L.people.has(w) || L.weapons.has(w) || w === 'cars' || w === 'vehicles' || w === 'homes' || w === 'houses' || w === 'buildings');
}

function isUnitAfter(text: string, lx: Lexed, L: Lexicon, t: number): boolean {
  const u = unitAfter(text, lx, L, t, false);
  return u !== null && u !== 'time';
}

interface Qualifier { s: number; approx: Approx | 'range' }

function qualifierBefore(lx: Lexed, L: Lexicon, s: number): Qualifier | null {
  if (s === 0) return null;
  const last = lx.lower[s - 1]!;
  if (last === 'between') return { s: s - 1, approx: 'range' };
  const list = L.before.get(last);
  if (!list) return null;
  for (const p of list) {
    const n = p.forms.length, from = s - n;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = lx.lower[from + k] === p.forms[k];
    if (ok) return { s: from, approx: p.meaning };
  }
  return null;
}

function qualifierAfter(lx: Lexed, L: Lexicon, coreE: number, e: number): { e: number; approx: Approx } | null {
  // "30-odd", "50-plus": glued to the number
  if (lx.lower[coreE] === '-' && lx.gap[coreE] === 0 && (lx.lower[coreE + 1] === 'plus' || lx.lower[coreE + 1] === 'odd')) {
    return { e: Math.max(e, coreE + 2), approx: lx.lower[coreE + 1] === 'plus' ? 'at_least' : 'about' };
  }
  for (const at of e === coreE ? [e] : [coreE, e]) {
    const p = matchPhrase(lx, at, L.after);
    if (p && p.forms.length > 1) return { e: Math.max(e, at + p.forms.length), approx: p.meaning };
  }
  return null;
}

interface Range { low: number; high: number; e: number }

function readRange(text: string, lx: Lexed, L: Lexicon, first: NumberCore, e: number, between: boolean, s: number): Range | 'skip' | null {
  if (first.kind === 'fraction' || first.kind === 'vague') return null;
  let j = e;
  // A unit between the two numbers: "10% to 20%", "$1bn-$2bn"
  const pct = matchPhrase(lx, j, L.percent);
  if (pct) j += pct.forms.length;
  const join = lx.lower[j] ?? '';
  const dash = join === '-' || join === '–' || join === '—';
  if (!(dash || join === 'to' || (join === 'and' && between) || (join === 'or' && first.kind === 'words'))) return null;
  if (dash && first.kind === 'words') return null;
  j++;
  if (L.currencySymbols.has(text.slice(lx.start[j] ?? 0, lx.end[j] ?? 0)) && lx.kind[j] === PUNCT) j++;
  if (lx.kind[j] !== NUM && lx.kind[j] !== WORD) return null;
  if (first.kind === 'digits' && lx.kind[j] !== NUM) return null;
  const second = readNumber(lx, L, j);
  if (!second || second.kind === 'vague' || second.kind === 'fraction') return null;
  let lowV = first.value;
  // "between 1.5 and 2 million": the second number's scale applies to the first
  if (first.scale === 1 && second.scale > 1 && first.raw < second.raw * 10) lowV = first.raw * second.scale;
  if (dash) {
    // "2-1", "3-0": scores, not ranges; a date "2024-02-07" never gets here
    const prev = s > 0 ? lx.lower[s - 1]! : '';
    const teamBefore = s > 0 && lx.kind[s - 1] === WORD && isCap(text, lx, s - 1), teamAfter = lx.kind[second.e] === WORD && isCap(text, lx, second.e);
    if (lowV >= second.value || L.scoreWords.has(prev) || L.scoreWords.has(lx.lower[second.e] ?? '') || (teamBefore && teamAfter)) return 'skip';
  }
  if (lowV >= second.value) return null;
  // "from 10 to 20" is a change between two figures, not a range
  if (join === 'to' && s > 0 && lx.lower[s - 1] === 'from') return null;
  return { low: lowV, high: second.value, e: second.e };
}

type UnitFound = { e: number; unit: string; kind: UnitKind };

/** A unit right after the number: percent, currency word, measure, age; 'time' for durations and clock times. */
function unitAfter(text: string, lx: Lexed, L: Lexicon, t: number, hasCurrency: boolean): UnitFound | 'time' | null {
  if (t >= lx.count) return null;
  const pct = matchPhrase(lx, t, L.percent);
  if (pct) return { e: t + pct.forms.length, unit: pct.meaning, kind: 'percent' };
  // Ages: "70 years old", "93-year-old", "six-month-old"
  let a = t;
  if (lx.lower[a] === '-' && lx.gap[a] === 0) a++;
  const w = lx.lower[a] ?? '';
  if (L.durations.has(w)) {
    let o = a + 1;
    if (lx.lower[o] === '-') o++;
    if (lx.lower[o] === 'old') return { e: o + 1, unit: /^(year|yr)/.test(w) ? 'years' : w.replace(/s$/, '') + 's', kind: 'age' };
    return 'time';
  }
  // Currency words: "dollars", "Egyptian pounds"
  const cur = matchPhrase(lx, t, L.currencyWords);
  if (cur) return { e: t + cur.forms.length, unit: cur.meaning, kind: 'money' };
  if (hasCurrency) return null;
  const m = matchPhrase(lx, t, L.measures);
  if (m) {
    // A bare "m" or "g" must be glued to the digits ("100m") to be a unit
    if (m.forms.length === 1 && m.forms[0]!.length === 1 && lx.gap[t] !== 0) return null;
    let e = t + m.forms.length;
    // "km/h"
    if (lx.lower[e] === '/' && lx.lower[e + 1] === 'h' && lx.gap[e] === 0) e += 2;
    return { e, unit: m.meaning, kind: 'measure' };
  }
  // "magnitude": "7.8 magnitude", "7.8-magnitude"
  if (w === 'magnitude') return { e: a + 1, unit: 'magnitude', kind: 'magnitude' };
  return null;
}

function prefixUnit(lx: Lexed, L: Lexicon, s: number): { s: number; unit: string } | null {
  for (const p of L.prefixUnits) {
    const n = p.forms.length, from = s - n;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = lx.lower[from + k] === p.forms[k];
    if (ok) return { s: from, unit: p.meaning };
  }
  // "magnitude-7.8"
  if (lx.lower[s - 1] === '-' && lx.lower[s - 2] === 'magnitude') return { s: s - 2, unit: 'magnitude' };
  return null;
}

/** "I was ten", "aged eighteen", "at age seventeen", "at the age of 40". */
function isBareAge(lx: Lexed, L: Lexicon, core: NumberCore): boolean {
  if (core.value < 1 || core.value > 115 || !Number.isInteger(core.value)) return false;
  const i = core.s, p1 = lx.lower[i - 1] ?? '', p2 = lx.lower[i - 2] ?? '';
  if (p1 === 'aged' || (p1 === 'age' && (p2 === 'at' || p2 === 'of'))) return true;
  if (p1 === 'of' && p2 === 'age' && lx.lower[i - 3] === 'the') return true;
  const next = lx.lower[core.e] ?? '';
  return L.ageCopulas.has(p1) && L.agePronouns.has(p2) && (lx.kind[core.e] !== WORD || L.functionWords.has(next) || next === 'now');
}

/** "aged 41", "Amy Bau, 41, a teacher", "Mr Ali (52)". */
function isAge(text: string, lx: Lexed, L: Lexicon, core: NumberCore): boolean {
  const i = core.s;
  if (core.value < 1 || core.value > 115 || !Number.isInteger(core.value)) return false;
  const prev = lx.lower[i - 1] ?? '';
  if (prev === 'aged' || (prev === 'age' && lx.lower[i - 2] !== 'the')) return true;
  const next = lx.lower[core.e] ?? '';
  if (prev === ',' && (next === ',' || next === '.' || next === ';') && i > 1 && lx.kind[i - 2] === WORD && isCap(text, lx, i - 2)
    && !L.months.has(lx.lower[i - 2]!) && !L.weekdays.has(lx.lower[i - 2]!)) {
    // A name right before: at least two capitalized words, or a title + name
    return i > 2 && lx.kind[i - 3] === WORD && isCap(text, lx, i - 3);
  }
  if (prev === '(' && next === ')' && i > 1 && lx.kind[i - 2] === WORD && isCap(text, lx, i - 2)) return true;
  return false;
}

interface NounPhrase { hStart: number; hEnd: number; e: number; viaOf: boolean }

const isPluralish = (L: Lexicon, w: string): boolean =>
  L.irregularPlurals.has(w) || (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s"));

/** The counted noun phrase after a number: "people", "female suicide bombers", "of those killed", "of them". */
function nounPhrase(text: string, lx: Lexed, L: Lexicon, core: NumberCore, t: number): NounPhrase | null {
  let j = t, viaOf = false;
  if (j >= lx.count || lx.gap[j] === 2) return null;
  // "hundreds of rockets", "one of those killed", "thousands of them", "two of the victims"
  if (lx.lower[j] === 'of') {
    const d = lx.lower[j + 1] ?? '';
    if (L.pronounHeads.has(d) && d !== 'those' && d !== 'these') return { hStart: j + 1, hEnd: j + 2, e: j + 2, viaOf: true };
    if (core.kind === 'vague' || core.kind === 'fraction' || L.ofDeterminers.has(d)) {
      const isNumberAt = (t: number) => lx.kind[t] === NUM || L.units.has(lx.lower[t] ?? '') || L.tens.has(lx.lower[t] ?? '');
      if (isNumberAt(j + 1) || (L.ofDeterminers.has(d) && isNumberAt(j + 2))) return null;
      j++; viaOf = true;
      if (L.ofDeterminers.has(lx.lower[j]!)) {
        j++;
        // "the world's largest": a superlative, not a count
        for (let k = j; k < Math.min(lx.count, j + 4); k++) {
          const w = lx.lower[k]!;
          if (L.superlativeMarkers.has(w) || (w.endsWith('est') && w.length > 4)) return null;
        }
      }
    } else return null;
  }
  let hEnd = -1, first = -1, count = 0, firstNoun = -1, plural = false;
  for (; j < lx.count && count < MAX_NP_WORDS; j++) {
    if (lx.gap[j] === 2) break;
    const k = lx.kind[j], w = lx.lower[j]!;
    if (k === PUNCT) {
      // inner hyphens: "rain-related", "Ak-47"
      if (w === '-' && lx.gap[j] === 0 && lx.gap[j + 1] === 0 && first >= 0) continue;
      break;
    }
    if (k === NUM) {
      if (lx.gap[j] === 0 && first >= 0) continue; // "Ak47"
      break;
    }
    if (first < 0) first = j;
    count++;
    if (first === j && L.casualtyHeads.has(w) && !L.countModifiers.has(w)) { hEnd = j + 1; break; }
    if (first === j && L.countModifiers.has(w)) continue; // "two other towns", "34 more people"
    if (L.functionWords.has(w) || L.verbs.has(w) || L.months.has(w) || L.weekdays.has(w)) {
      // a participle right after "of those" ("one of those killed")
      if (viaOf && first === j && w.endsWith('ed')) hEnd = j + 1;
      break;
    }
    if (L.durations.has(w) && first === j) { hEnd = j + 1; break; }
    if (w.includes("'") && !w.endsWith("'s")) break;                  // "one that's"
    if (first === j && w.endsWith('ing')) break;                        // "sixteen doing ...": a verb, not an adjective
    if (isCap(text, lx, j) && !L.people.has(w)) continue;   // tentative: needs a lower-case head after it
    if (w.endsWith('ly')) continue;
    if ((w.endsWith('ed') || w.endsWith('ing')) && !L.people.has(w) && !L.weapons.has(w)) {
      // a participle right after the noun ends the phrase ("people killed"); before a noun it is an adjective ("affected homes")
      if (hEnd >= 0) break;
      continue;
    }
    hEnd = j + 1;
    if (firstNoun < 0) firstNoun = j;
    if (isPluralish(L, w) || L.pronounHeads.has(w)) { plural = true; break; }
    // a singular head after "one" ends at the first noun ("one person died")
    if (core.value === 1 && lx.kind[j + 1] === WORD && !isNominalNext(text, lx, L, j + 1)) break;
  }
  if (hEnd < 0) return null;
  // Several things are counted by a plural: without one, the phrase stops at its first noun ("104 million population")
  if (!plural && core.value !== 1 && core.kind !== 'fraction' && firstNoun >= 0) hEnd = firstNoun + 1;
  return { hStart: first >= 0 ? first : hEnd - 1, hEnd, e: hEnd, viaOf };
}

function isNominalNext(text: string, lx: Lexed, L: Lexicon, j: number): boolean {
  const w = lx.lower[j]!;
  return !(L.functionWords.has(w) || L.verbs.has(w) || w.endsWith('ed')) && (L.people.has(w) || isPluralish(L, w));
}

/** "one" counts when it heads a noun ("one person"), "one of those killed", or answers another count in its sentence ("two rifles were recovered, while one was destroyed"). */
function oneIsCount(text: string, lx: Lexed, L: Lexicon, sentence: Int32Array, core: NumberCore, hasHead: boolean, headEnd: number): boolean {
  const i = core.s, prev = lx.lower[i - 1] ?? '', next = lx.lower[i + 1] ?? '';
  if (L.oneBefore.has(prev) || L.oneIdioms.has(next)) return false;
  if (next === '-' ) return false;
  if (isCap(text, lx, i) && !isSentenceStart(lx, i) && lx.kind[i - 1] === WORD && isCap(text, lx, i - 1)) return false;
  if (hasHead) return !L.speechVerbs.has(lx.lower[headEnd] ?? ''); // "one resident said": a source, not a count
  if (next === 'of') {
    // "one of the few", "one of its kind" are idioms; "one of the victims" counts
    const d = lx.lower[i + 2] ?? '';
    if (!(L.ofDeterminers.has(d) || L.pronounHeads.has(d))) return false;
    for (let k = i + 3; k < Math.min(lx.count, i + 7); k++) {
      const w = lx.lower[k]!;
      if (L.superlativeMarkers.has(w) || (w.endsWith('est') && w.length > 4)) return false;
    }
    return true;
  }
  // Elliptical "one": another number in the same sentence
  const sid = sentence[i]!;
  for (let k = i - 1; k >= 0 && sentence[k] === sid; k--) if (lx.kind[k] === NUM || (L.units.has(lx.lower[k]!) && lx.lower[k] !== 'one')) return true;
  return false;
}

/** A figure in parentheses converting the one before inherits its qualifier: "more than 260 kilometers (160 miles)". */
function inheritInConversions(lx: Lexed, found: Found[]): Found[] {
  for (let k = 1; k < found.length; k++) {
    const a = found[k - 1]!, b = found[k]!;
    if (b.s === a.e + 1 && lx.lower[a.e] === '(' && a.unitKind === b.unitKind && (a.unitKind === 'measure' || a.unitKind === 'money') && b.approx === 'exact') b.approx = a.approx;
  }
  return found;
}
