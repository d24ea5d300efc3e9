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
  for (const s of x.sentences) if (s.start <= start && start < s.end) return s;
  return { start, end: start };
}

type PlaceRecord = Extraction['places'][number];
type Span = { start: number; end: number };

// Plain functions rather than closures made per document or figure: claimsOf runs on every document a view reads.

/** The dateline names where the report was filed, not where things happened: places outside its span. */
const notDateline = (p: PlaceRecord, dl: Span | undefined): boolean => !dl || p.end <= dl.start || p.start >= dl.end;

/**
 * The place a report is mostly about: the most mentioned one below country level (then any), dateline aside.
 * One pass, keeping the first best: the same pick as a stable sort by (country last, mentions) taking the head.
 */
function focusPlace(x: Extraction, dl: Span | undefined): PlaceRecord | undefined {
  const counts = new Map<string, { p: PlaceRecord; n: number }>();
  for (const p of x.places) {
    if (!notDateline(p, dl)) continue;
    const e = counts.get(p.name);
    if (e) e.n++; else counts.set(p.name, { p, n: 1 });
  }
  let best: { p: PlaceRecord; n: number } | undefined;
  for (const e of counts.values()) {
    if (!best || (Number(e.p.kind === 'country') - Number(best.p.kind === 'country') || best.n - e.n) < 0) best = e;
  }
  return best?.p;
}

/** The claims a document makes about comparable measures. */
export function claimsOf(x: Extraction): Claim[] {
  const out: Claim[] = [];
  const statements = new Map<string, Extraction['statements'][number]>();
  for (const s of x.statements) statements.set(s.id, s);
  const dl = x.document.dateline?.place_span;
  // Computed once, and only when some figure has no place in its own sentence.
  let focus: PlaceRecord | undefined | null = null;
  for (const q of x.quantities) {
    if (!q.category || !COMPARABLE.has(q.category) || q.value === null) continue;
    const [low, high] = interval(q);
    const sent = sentenceOf(x, q.start);
    // The place in the sentence nearest the figure, below country level first: one pass keeping the first best,
    // the same pick as a stable sort by (country last, distance) taking the head.
    let near: PlaceRecord | undefined;
    let nearCountry = 0, nearDistance = 0;
    for (const p of x.places) {
      if (!(p.start >= sent.start && p.end <= sent.end && notDateline(p, dl))) continue;
      const country = Number(p.kind === 'country');
      const distance = p.end <= q.start ? q.start - p.end : p.start - q.end;
      if (!near || (country - nearCountry || distance - nearDistance) < 0) { near = p; nearCountry = country; nearDistance = distance; }
    }
    if (!near) near = focus === null ? (focus = focusPlace(x, dl)) : focus;
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

/**
 * A group being built, with what decides whether a claim joins it: the place names its claims use (a claim
 * naming one of them is in the area) and their distinct points, so a claim is measured against each point once.
 */
interface GroupAcc {
  group: ClaimGroup;
  wheres: Set<string | undefined>;
  points: Array<{ lat: number; lon: number }>;
  pointKeys: Set<string>;
  /** The last point added under each place name: claims naming one place mostly share its point, found without a key. */
  pointOf: Map<string | undefined, { lat: number; lon: number }>;
  /** Per point key of a claim not in the group: how many of `points` are known to be farther, or -1 when one is near. */
  checked: Map<string, number>;
}

const pointKey = (p: { lat: number; lon: number }): string => `${p.lat},${p.lon}`;

/** Whether claim `c` is in the same area as some claim of the group: a shared place name, or a point within SAME_AREA_KM. */
function joins(acc: GroupAcc, c: Claim): boolean {
  if (acc.wheres.has(c.where)) return true;
  const cp = c.point;
  if (cp === undefined || acc.points.length === 0) return false;
  const key = pointKey(cp);
  let from = acc.checked.get(key) ?? 0;
  if (from < 0) return true;
  for (; from < acc.points.length; from++) {
    const o = acc.points[from]!;
    // The group's point first: the argument order of the former test against each claim of the group.
    if (km(o.lat, o.lon, cp.lat, cp.lon) <= SAME_AREA_KM) { acc.checked.set(key, -1); return true; }
  }
  acc.checked.set(key, from);
  return false;
}

/**
 * Groups claims by what they measure and where, joining places in one area: each claim joins the first group
 * (in order of creation) of its measure holding a claim in the same area, else starts a new one.
 */
export function groupClaims(claims: readonly Claim[]): ClaimGroup[] {
  const groups: ClaimGroup[] = [];
  // Only groups of the claim's measure can take it: each measure's groups, in order of creation.
  const byMeasure = new Map<string, GroupAcc[]>();
  for (const c of claims) {
    let list = byMeasure.get(c.measure);
    if (!list) byMeasure.set(c.measure, (list = []));
    let acc: GroupAcc | undefined;
    for (const a of list) if (joins(a, c)) { acc = a; break; }
    if (!acc) {
      const group: ClaimGroup = { measure: c.measure, ...(c.where ? { where: c.where } : {}), claims: [] };
      groups.push(group);
      list.push((acc = { group, wheres: new Set(), points: [], pointKeys: new Set(), pointOf: new Map(), checked: new Map() }));
    }
    acc.group.claims.push(c);
    acc.wheres.add(c.where);
    const cp = c.point;
    if (cp !== undefined) {
      const last = acc.pointOf.get(c.where);
      if (last === undefined || last.lat !== cp.lat || last.lon !== cp.lon) {
        const key = pointKey(cp);
        if (!acc.pointKeys.has(key)) { acc.pointKeys.add(key); acc.points.push(cp); }
        acc.pointOf.set(c.where, cp);
      }
    }
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

/**
 * The pairs (i < j, in order) of a group's claims that conflict() and that come from different sources (not the
 * same claimant in the same document). Same test as conflict() on every pair, over values read once into arrays:
 * days as ranks (string order), sources as numbers, so the inner loop compares numbers and allocates only pairs.
 * Every pair is still visited: the pairs found are the output, and in the bench a fifth of all pairs conflict.
 */
function conflictPairs(claims: readonly Claim[]): Array<[number, number]> {
  const n = claims.length;
  const out: Array<[number, number]> = [];
  if (n < 2) return out;
  // groupClaims puts one measure in a group, so one rule holds for the whole group.
  const cumulative = CUMULATIVE.has(claims[0]!.measure);
  const low = new Float64Array(n), high = new Float64Array(n);
  // An undated claim (no or empty asOf) is compared as if of the same day: -1.
  const day = new Int32Array(n).fill(-1);
  const days = [...new Set(claims.map((c) => c.asOf).filter((d): d is string => !!d))].sort();
  const dayRank = new Map(days.map((d, k) => [d, k]));
  const source = new Int32Array(n);
  const sources = new Map<string, Map<string, number>>();
  let nextSource = 0;
  for (let i = 0; i < n; i++) {
    const c = claims[i]!;
    low[i] = c.low;
    high[i] = c.high;
    if (c.asOf) day[i] = dayRank.get(c.asOf)!;
    let byClaimant = sources.get(c.doc);
    if (!byClaimant) sources.set(c.doc, (byClaimant = new Map()));
    let s = byClaimant.get(c.claimant);
    if (s === undefined) byClaimant.set(c.claimant, (s = nextSource++));
    source[i] = s;
  }
  for (let i = 0; i < n - 1; i++) {
    const si = source[i]!, di = day[i]!, lo = low[i]!, hi = high[i]!;
    for (let j = i + 1; j < n; j++) {
      if (source[j] === si) continue;
      const dj = day[j]!;
      if (di >= 0 && dj >= 0 && di !== dj) {
        // A cumulative toll may grow: only a later one below the earlier one's lower bound conflicts.
        if (cumulative && (di < dj ? high[j]! < lo : hi < low[j]!)) out.push([i, j]);
      } else if (hi < low[j]! || high[j]! < lo) out.push([i, j]);
    }
  }
  return out;
}

/** Every group in which some pair of claims cannot both be true, with every side's evidence. */
export function disagreements(claims: readonly Claim[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const g of groupClaims(claims)) {
    const conflicts = conflictPairs(g.claims);
    if (conflicts.length) out.push({ ...g, conflicts });
  }
  return out;
}
