// Resolves each place mention to one gazetteer entry: population, the document's focus country, "Paris, Texas" qualifiers, designators and the dateline.

import type { Gazetteer, GazEntry } from './gazetteer.js';
import type { Mention, MatchContext } from './match.js';
import type { Place } from '../../schema/index.js';
import { provenance } from '../../core/index.js';
import { km } from '../../core/geo.js';

export const STAGE_NAME = 'places.v1';

/** Scores in log10-population units: a country outranks any city of the same name; an alternate name costs 1.5. */
const COUNTRY_BASE = 12;
const LANDMARK_BASE = 6.5;
const REGION_PENALTY = 1;
const CAPITAL_BONUS = 1;
const SEAT_BONUS = 0.3;
const ALT_NAME_PENALTY = 1.5;
const BIG_CITY_ALT_PENALTY = 0.5;
/** A section of a city (GeoNames PPLX) yields to a city of the same name. */
const SECTION_PENALTY = 1;
const FOCUS_BONUS = 2;
const MENTIONED_COUNTRY_BONUS = 1;
const REGION_CUE_BONUS = 5;
const QUALIFIER_COUNTRY_BONUS = 4;
const QUALIFIER_REGION_BONUS = 6;
const NEAR_DATELINE_BONUS = 1.5;
const NEAR_KM = 150;
/** Words allowed between a name and its qualifier. */
const QUALIFIER_GAP = new Set([',', 'in', 'the', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north', 'south', 'east', 'west']);
/** A region of the focus country outranks a same-named country the document does not otherwise mention, given this much focus. */
const DOMESTIC_BONUS = 8;
const DOMESTIC_MIN_WEIGHT = 1.5;
/** A one-word town smaller than this, in a country the document does not otherwise mention, is taken for a false alarm. */
const SMALL_TOWN = 300_000;
/** A city this big is matched by its alternate (exonym) names anywhere ('Venice', 'Munich'). */
const PROMINENT_ALT_POPULATION = 250_000;

interface Scored { entry: number; score: number; alt: boolean }

function baseScore(e: GazEntry, alt: boolean): number {
  let s: number;
  if (e.kind === 'country' && e.fcode === 'PCLI') s = COUNTRY_BASE;
  else if (e.fcode === 'LM') s = LANDMARK_BASE;
  else if (e.fcode === 'ADM1') s = Math.log10(e.pop + 10) - REGION_PENALTY;
  else s = Math.log10(e.pop + 10) + (e.fcode === 'PPLC' ? CAPITAL_BONUS : e.fcode === 'PPLA' ? SEAT_BONUS : e.fcode === 'PPLX' ? -SECTION_PENALTY : 0);
  // English exonyms of big cities are GeoNames alternates ('Venice' for Venezia): they cost less than a small place's odd alternate.
  return alt ? s - (e.pop >= 100_000 ? BIG_CITY_ALT_PENALTY : ALT_NAME_PENALTY) : s;
}

/** Best base score per distinct entry of a mention. */
function candidates(gaz: Gazetteer, m: Mention): Scored[] {
  const best = new Map<number, Scored>();
  for (const v of m.variants) {
    const s = baseScore(gaz.entries[v.entry]!, v.alt);
    if (s > (best.get(v.entry)?.score ?? -Infinity)) best.set(v.entry, { entry: v.entry, score: s, alt: v.alt });
  }
  return [...best.values()];
}


const isBroad = (e: GazEntry): boolean => e.kind === 'country' || e.kind === 'region' || e.kind === 'continent' || e.kind === 'world region' || e.kind === 'sea' || e.kind === 'territory';

export function kindOf(e: GazEntry): string {
  if (e.kind === 'city') return e.fcode === 'PPLX' ? 'neighbourhood' : 'city';
  if (e.flags.includes('country')) return 'country';
  return e.kind;
}

/** Resolves mentions to places; mentions that lose every candidate are dropped. */
export function resolveMentions(ctx: MatchContext, mentions: readonly Mention[]): Place[] {
  const { gaz, words } = ctx;
  const cands = mentions.map((m) => candidates(gaz, m));
  const top = (cs: Scored[]): Scored | undefined => cs.reduce<Scored | undefined>((b, c) => (!b || c.score > b.score ? c : b), undefined);
  const isDateline = (m: Mention): boolean => !!ctx.dateline && m.start < ctx.dateline.end && m.end > ctx.dateline.start;

  // The document's countries, and its focus: the most mentioned one (the dateline counts double).
  const countryWeight = new Map<string, number>();
  const bump = (cc: string, w: number): void => { if (cc) countryWeight.set(cc, (countryWeight.get(cc) ?? 0) + w); };
  let datelineEntry: GazEntry | undefined;
  const own: { cc: string; w: number }[] = mentions.map(() => ({ cc: '', w: 0 }));
  mentions.forEach((m, i) => {
    const t = top(cands[i]!);
    if (!t || t.alt && !isDateline(m) || m.elliptic) return; // an alternate-name match is too weak to set the focus; "the North" only follows it
    const e = gaz.entries[t.entry]!;
    const sameCountry = cands[i]!.every((c) => gaz.entries[c.entry]!.country === e.country);
    let w = e.kind === 'country' ? 1 : sameCountry ? 0.5 : 0.25;
    if (isDateline(m)) { w += 2; datelineEntry = e; }
    bump(e.country, w);
    own[i] = { cc: e.country, w };
  });
  /** How much the rest of the document points at a country. */
  const ownEntry = mentions.map((m, i) => { const t = top(cands[i]!); return t && !m.elliptic ? t.entry : -1; });
  // Mentions of the same name do not vouch for each other ('Obama' five times does not make a Japanese town likely).
  const sameEntryWeight = new Map<string, number>();
  own.forEach((o, k) => { if (o.cc) { const key = `${ownEntry[k]}|${o.cc}`; sameEntryWeight.set(key, (sameEntryWeight.get(key) ?? 0) + o.w); } });
  const otherWeight = (i: number, cc: string): number => (countryWeight.get(cc) ?? 0) - (sameEntryWeight.get(`${ownEntry[i]}|${cc}`) ?? 0);
  let focus = '';
  for (const [cc, w] of countryWeight) if (!focus || w > countryWeight.get(focus)!) focus = cc;

  const places: Place[] = [];
  const resolved: (GazEntry | undefined)[] = Array.from({ length: mentions.length }, () => undefined);
  mentions.forEach((m, i) => {
    if (!m.variants.length) return;
    const next = mentions[i + 1];
    // "Paris, Texas", "Tripoli in northern Lebanon": a country or region right after the name qualifies it.
    let qualifies = !!next && next.tokStart > m.tokEnd && next.tokStart - m.tokEnd <= 3;
    for (let k = m.tokEnd; qualifies && k < next!.tokStart; k++) if (!QUALIFIER_GAP.has(words.form[k]!)) qualifies = false;
    if (qualifies && words.form[m.tokEnd] !== ',' && words.form[m.tokEnd] !== 'in') qualifies = false;
    const qualifier = qualifies ? cands[i + 1]!.map((c) => gaz.entries[c.entry]!) : [];
    // Domestic reading: 'Georgia' in a story about the US is the state when nothing else points at the country of Georgia.
    const foreignCountryUnsupported = cands[i]!.some((c) => gaz.entries[c.entry]!.kind === 'country') && cands[i]!.every((c) => gaz.entries[c.entry]!.kind !== 'country' || otherWeight(i, gaz.entries[c.entry]!.country) === 0);
    let best: { e: GazEntry; entry: number; score: number } | undefined;
    let second = -Infinity;
    for (const c of cands[i]!) {
      const e = gaz.entries[c.entry]!;
      if (m.elliptic && !(otherWeight(i, e.country) > 0)) continue;
      if (e.flags.includes('cue') && !m.localCue && !(otherWeight(i, e.country) > 0 && !ctx.initial[m.tokStart])) continue;
      // Alternate names ('Lula' for Luleå, 'Hael' for Ha'il) and small towns abroad count only when the document is about their country.
      const qualified = qualifier.some((q) => (q.kind === 'country' || q.kind === 'region') && q.country === e.country);
      const elsewhere = otherWeight(i, e.country) > 0 || isDateline(m) || qualified || m.localCue;
      if (c.alt && !elsewhere && e.pop < PROMINENT_ALT_POPULATION) continue;
      const seat = e.fcode === 'PPLA' || e.fcode === 'PPLC' || (e.fcode === 'PPLA2' && e.pop >= 100_000); // capitals and sizeable district seats ('Exeter') are known abroad
      if (e.kind === 'city' && e.pop < SMALL_TOWN && !seat && m.tokEnd - m.tokStart === 1 && !elsewhere) continue;
      let s = m.elliptic ? otherWeight(i, e.country) : c.score;
      if (e.country && e.country === focus) s += FOCUS_BONUS;
      else if (countryWeight.has(e.country)) s += MENTIONED_COUNTRY_BONUS;
      if (m.regionCue && e.kind === 'region') s += REGION_CUE_BONUS;
      if (e.kind === 'region' && e.country === focus && foreignCountryUnsupported && otherWeight(i, focus) >= DOMESTIC_MIN_WEIGHT) s += DOMESTIC_BONUS;
      if (qualifier.some((q) => q.kind === 'country' && q.country === e.country)) s += QUALIFIER_COUNTRY_BONUS;
      if (qualifier.some((q) => q.kind === 'region' && q.country === e.country && q.admin1 === e.admin1)) s += QUALIFIER_REGION_BONUS;
      if (datelineEntry && datelineEntry !== e && !isBroad(e) && km(datelineEntry.lat, datelineEntry.lon, e.lat, e.lon) < NEAR_KM) s += NEAR_DATELINE_BONUS;
      if (!best || s > best.score) { if (best) second = Math.max(second, best.score); best = { e, entry: c.entry, score: s }; }
      else second = Math.max(second, s);
    }
    if (!best) {
      if (m.fallback) { m.variants = []; m.rule = m.fallback.rule; }
      return;
    }
    resolved[i] = best.e;
    const margin = second === -Infinity ? 1 : Math.min(1, (best.score - second) / 3);
    places.push(toPlace(m, best.e, m.rule, 0.5 + 0.45 * margin));
  });

  // Names known only from context take the point of the nearest place before them (else after, else the dateline, else the focus country).
  const resolvedAt = new Set(mentions.filter((_, i) => resolved[i]).map((m) => m.tokStart));
  const contextual = new Set<number>();
  mentions.forEach((m, i) => { if (!m.variants.length && !m.siblings) contextual.add(m.tokStart); void i; });
  // The nearest resolved, not broad place before and after each mention, found in two passes rather than a walk per mention.
  const local = (k: number): GazEntry | undefined => (resolved[k] && !isBroad(resolved[k]!) ? resolved[k] : undefined);
  const localBefore: (GazEntry | undefined)[] = [], localAfter: (GazEntry | undefined)[] = [];
  for (let i = 0, last: GazEntry | undefined; i < mentions.length; i++) { localBefore.push(last); last = local(i) ?? last; }
  for (let i = mentions.length - 1, next: GazEntry | undefined; i >= 0; i--) { localAfter.push(next); next = local(i) ?? next; }
  localAfter.reverse();
  mentions.forEach((m, i) => {
    if (m.variants.length) return;
    if (m.siblings && !m.siblings.some((a) => resolvedAt.has(a) || contextual.has(a))) return;
    let anchor: GazEntry | undefined = localBefore[i] ?? localAfter[i];
    anchor ??= datelineEntry;
    if (!anchor && focus) { const c = gaz.byKey.get(`cc:${focus}`); if (c !== undefined) anchor = gaz.entries[c]; }
    if (!anchor) return;
    const name = ctx.text.slice(m.start, m.end);
    places.push({ id: '', start: m.start, end: m.end, name: `${name}, ${anchor.name}`, country: anchor.country, lat: anchor.lat, lon: anchor.lon, kind: 'locality', provenance: provenance(STAGE_NAME, `${m.rule}; point of ${anchor.name}`, 0.4) });
  });

  places.sort((a, b) => a.start - b.start || b.end - a.end);
  places.forEach((p, i) => { (p as { id: string }).id = `p${i}`; });
  return places;
}

function toPlace(m: Mention, e: GazEntry, rule: string, confidence: number): Place {
  return {
    id: '',
    start: m.start,
    end: m.end,
    name: e.name,
    country: e.country,
    lat: e.lat,
    lon: e.lon,
    kind: kindOf(e),
    ...(e.geonameid !== undefined ? { geonameid: e.geonameid } : {}),
    provenance: provenance(STAGE_NAME, rule, Math.round(confidence * 100) / 100),
  };
}
