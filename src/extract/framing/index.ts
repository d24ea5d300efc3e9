// The framing layer: loaded, partisan, glorifying, dehumanizing and euphemistic terms, with the referent each names.
// Symmetric by construction: the same rules apply whichever party a term is used of.

import { provenance, type NameMention, type Stage, type Tokens } from '../../core/index.js';
import type { Framing } from '../../schema/index.js';
import { bundledLexicon, type FramingLexicon } from './lexicon.js';

const STAGE = 'framing.v1';

/** Words that may stand before a term without being its referent. */
const NOT_REFERENT = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'His', 'Her', 'Our', 'Some', 'All', 'Many', 'Several', 'Two', 'Three']);

/** Names sorted by end (then by their place in the list), so the names ending in a window are a binary search away. */
interface NamesByEnd {
  readonly names: readonly NameMention[];
  readonly order: readonly number[];
}

function namesByEnd(names: readonly NameMention[]): NamesByEnd {
  const order = names.map((_, i) => i).sort((a, b) => names[a]!.end - names[b]!.end || a - b);
  return { names, order };
}

/** "Hamas terrorists", "Israeli regime", "the Houthi rebels": the capitalized words right before a term. */
function referentBefore(text: string, start: number, byEnd: NamesByEnd): string | undefined {
  const before = text.slice(Math.max(0, start - 80), start);
  // A name mention ending just before the term (allowing a possessive) is the best referent: the first such in the list.
  const { names, order } = byEnd;
  let lo = 0, hi = order.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (names[order[mid]!]!.end <= start - 80) lo = mid + 1; else hi = mid; }
  let first = -1;
  for (let k = lo; k < order.length && names[order[k]!]!.end <= start; k++) {
    const i = order[k]!, n = names[i]!;
    if ((first < 0 || i < first) && /^(?:['’]s)?\s+$/.test(text.slice(n.end, start))) first = i;
  }
  if (first >= 0) return text.slice(names[first]!.start, names[first]!.end);
  const m = /((?:[\p{Lu}][\p{L}'’-]*\s+){0,2}[\p{Lu}][\p{L}'’-]*?)(?:['’]s)?\s+$/u.exec(before);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/).filter((w) => !NOT_REFERENT.has(w));
  return words.length ? words.join(' ') : undefined;
}

// A word of a name: capitalized, or a lower-case particle ("al-Assad", "bin Salman").
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}'’-]*|(?:al|el|bin|ibn|abu|de|van|von|da)(?:-[\p{Lu}][\p{L}'’-]*)?)`;
const AFTER_OF = new RegExp(String.raw`^\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}'’-]*(?:\s+${NAME_WORD}){0,3})`, 'u');

/** "regime of Bashar al-Assad": a name right after "of". */
function referentAfter(text: string, end: number): string | undefined {
  const m = AFTER_OF.exec(text.slice(end, end + 80));
  return m?.[1]?.replace(/(?:\s+(?:al|el|bin|ibn|abu|de|van|von|da))+$/, '');
}

export function findFraming(text: string, names: readonly NameMention[], lexicon: FramingLexicon = bundledLexicon()): Framing[] {
  const out: Framing[] = [];
  // Organization and facility names sorted by start, with the furthest end of each prefix: containment by binary search.
  const orgs = names.filter((n) => n.type === 'organization' || n.type === 'facility').sort((a, b) => a.start - b.start);
  const orgReach: number[] = [];
  for (const o of orgs) orgReach.push(Math.max(o.end, orgReach[orgReach.length - 1] ?? -Infinity));
  const insideOrg = (start: number, end: number): boolean => {
    let lo = 0, hi = orgs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (orgs[mid]!.start <= start) lo = mid + 1; else hi = mid; }
    return lo > 0 && orgReach[lo - 1]! >= end;
  };
  let byEnd: NamesByEnd | undefined;
  lexicon.pattern.lastIndex = 0;
  for (let m = lexicon.pattern.exec(text); m; m = lexicon.pattern.exec(text)) {
    const start = m.index, end = start + m[0].length;
    // Inside an organization's or facility's own name ("Al-Aqsa Martyrs' Brigades", "Martyrs' Square") it is a name, not framing.
    if (insideOrg(start, end)) continue;
    const group = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    const entry = group ? lexicon.byGroup.get(group) : undefined;
    if (!entry) continue;
    // "of X" names the governed for a government ("regime of Assad") but the occupied for "occupiers of Jerusalem".
    const governs = entry.referentType === 'government' || entry.referentType === 'state';
    const referent = entry.referent ?? referentBefore(text, start, (byEnd ??= namesByEnd(names))) ?? (governs ? referentAfter(text, end) : undefined);
    out.push({
      id: `f${out.length}`,
      start,
      end,
      term: entry.term,
      category: entry.category,
      referent_type: entry.referentType,
      ...(referent ? { referent } : {}),
      provenance: provenance(STAGE, entry.referent ? 'lexicon' : referent ? 'lexicon+context' : 'lexicon'),
    });
  }
  return out;
}

export const framingStage: Stage<{ tokens: Tokens; names: readonly NameMention[] }, { framing: Framing[] }> = {
  name: STAGE,
  requires: ['tokens', 'names'],
  produces: ['framing'],
  run: (doc, layers) => ({ framing: findFraming(doc.text, layers.names) }),
  empty: () => ({ framing: [] }),
};
