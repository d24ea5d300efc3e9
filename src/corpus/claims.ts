// Quantity claims across documents: normalize each figure to (measure, where, as of, value interval,
// claimant, outlet, evidence), group comparable ones, and find the groups whose values cannot all be true.

import { km } from '../core/geo.js';
import type { Extraction, Quantity } from '../schema/index.js';

export interface Claim {
  doc: string;
  outlet?: string;
  /** What is measured: the quantity's category (killed, injured, weapons, ...). */
  measure: string;
  /** Where: the place named nearest the figure in its sentence, else the place the report is mostly about. */
  where?: string;
  /** The point of `where`, so nearby names ("Stone Town", "Zanzibar") compare as one area. */
  point?: { lat: number; lon: number };
  /** As of which day (YYYY-MM-DD): the publication date. */
  asOf?: string;
  value: number;
  approx: Quantity['approx'];
  /** The values the wording allows: "at least 40" is [40, ∞), "about 1,600" is [1440, 1760]. */
  low: number;
  high: number;
  /** Who states it: the speaker of the statement holding the figure, else the outlet itself. */
  claimant: string;
  evidence: { start: number; end: number; text: string; sentence: string };
  quantity: string;
}

/** Categories worth comparing across reports: counts of harm and of weapons. */
export const COMPARABLE = new Set(['killed', 'injured', 'missing', 'arrested', 'displaced', 'evacuated', 'weapons']);

/** Cumulative tolls only grow: a later report may be higher, never lower. */
const CUMULATIVE = new Set(['killed', 'injured', 'missing', 'arrested', 'displaced', 'evacuated']);

/** "about" allows this much either way. */
const ABOUT = 0.1;

/** The interval of values a wording allows. */
export function interval(q: Pick<Quantity, 'value' | 'approx' | 'low' | 'high'>): [number, number] {
  const v = q.value ?? NaN;
  switch (q.approx) {
    case 'exact': return [v, v];
    case 'at_least': return [v, Infinity];
    case 'more_than': return [nextAbove(v), Infinity];
    case 'at_most': return [0, v];
    case 'less_than': return [0, nextBelow(v)];
    case 'about': return [v * (1 - ABOUT), v * (1 + ABOUT)];
    case 'range': return [q.low ?? v, q.high ?? v];
    // "dozens" from 12, "hundreds" from 100: up to the next order of magnitude.
    case 'order': return [v, v === 12 ? 99 : v * 10 - 1];
  }
}

const nextAbove = (v: number) => (Number.isInteger(v) ? v + 1 : v + 1e-9);
const nextBelow = (v: number) => (Number.isInteger(v) ? v - 1 : v - 1e-9);

function sentenceOf(x: Extraction, start: number): { start: number; end: number } {
  return x.sentences.find((s) => s.start <= start && start < s.end) ?? { start, end: start };
}

type PlaceRecord = Extraction['places'][number];

/** The place a report is mostly about: the most mentioned one below country level (then any), dateline aside. */
function focusPlace(x: Extraction, notDateline: (p: PlaceRecord) => boolean): PlaceRecord | undefined {
  const counts = new Map<string, { p: PlaceRecord; n: number }>();
  for (const p of x.places.filter(notDateline)) {
    const e = counts.get(p.name);
    if (e) e.n++; else counts.set(p.name, { p, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => Number(a.p.kind === 'country') - Number(b.p.kind === 'country') || b.n - a.n);
  return ranked[0]?.p;
}

/** The claims a document makes about comparable measures. */
export function claimsOf(x: Extraction): Claim[] {
  const out: Claim[] = [];
  const statements = new Map(x.statements.map((s) => [s.id, s]));
  // The dateline names where the report was filed, not where things happened.
  const dl = x.document.dateline?.place_span;
  const notDateline = (p: PlaceRecord) => !dl || p.end <= dl.start || p.start >= dl.end;
  const focus = focusPlace(x, notDateline);
  for (const q of x.quantities) {
    if (!q.category || !COMPARABLE.has(q.category) || q.value === null) continue;
    const [low, high] = interval(q);
    const sent = sentenceOf(x, q.start);
    const distance = (p: PlaceRecord) => (p.end <= q.start ? q.start - p.end : p.start - q.end);
    const near = x.places
      .filter((p) => p.start >= sent.start && p.end <= sent.end && notDateline(p))
      .sort((a, b) => Number(a.kind === 'country') - Number(b.kind === 'country') || distance(a) - distance(b))[0] ?? focus;
    const st = q.statement ? statements.get(q.statement) : undefined;
    out.push({
      doc: x.document.id,
      ...(x.document.outlet ? { outlet: x.document.outlet } : {}),
      measure: q.category,
      ...(near ? { where: near.name, point: { lat: near.lat, lon: near.lon } } : {}),
      ...(x.document.published ? { asOf: x.document.published } : {}),
      value: q.value,
      approx: q.approx,
      low,
      high,
      claimant: st?.speaker.name ?? x.document.outlet ?? 'the report',
      evidence: { start: q.start, end: q.end, text: x.document.text.slice(q.start, q.end), sentence: x.document.text.slice(sent.start, sent.end) },
      quantity: q.id,
    });
  }
  return out;
}

export interface ClaimGroup {
  measure: string;
  where?: string;
  claims: Claim[];
}

export interface Disagreement extends ClaimGroup {
  /** Pairs of claims that cannot both be true, as indices into `claims`. */
  conflicts: Array<[number, number]>;
}

/** Places this close are one area for comparing tolls (a town and the island it stands on). */
const SAME_AREA_KM = 50;


const sameArea = (a: Claim, b: Claim): boolean =>
  a.where === b.where || (a.point !== undefined && b.point !== undefined && km(a.point.lat, a.point.lon, b.point.lat, b.point.lon) <= SAME_AREA_KM);

/** Groups claims by what they measure and where, joining places in one area. */
export function groupClaims(claims: readonly Claim[]): ClaimGroup[] {
  const groups: ClaimGroup[] = [];
  for (const c of claims) {
    let g = groups.find((g) => g.measure === c.measure && g.claims.some((o) => sameArea(o, c)));
    if (!g) groups.push((g = { measure: c.measure, ...(c.where ? { where: c.where } : {}), claims: [] }));
    g.claims.push(c);
  }
  return groups;
}

/** Two claims conflict when no single true value fits both, allowing cumulative tolls to grow over time. */
export function conflict(a: Claim, b: Claim): boolean {
  if (a.measure !== b.measure) return false;
  if (a.asOf && b.asOf && a.asOf !== b.asOf && CUMULATIVE.has(a.measure)) {
    const [early, late] = a.asOf < b.asOf ? [a, b] : [b, a];
    // The later toll can be anything at or above what the earlier one allowed at least.
    return late.high < early.low;
  }
  if (a.asOf && b.asOf && a.asOf !== b.asOf) return false;
  return a.high < b.low || b.high < a.low;
}

/** Every group in which some pair of claims cannot both be true, with every side's evidence. */
export function disagreements(claims: readonly Claim[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const g of groupClaims(claims)) {
    const conflicts: Array<[number, number]> = [];
    for (let i = 0; i < g.claims.length; i++) {
      for (let j = i + 1; j < g.claims.length; j++) {
        if (g.claims[i]!.doc === g.claims[j]!.doc && g.claims[i]!.claimant === g.claims[j]!.claimant) continue;
        if (conflict(g.claims[i]!, g.claims[j]!)) conflicts.push([i, j]);
      }
    }
    if (conflicts.length) out.push({ ...g, conflicts });
  }
  return out;
}
