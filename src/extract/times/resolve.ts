// Resolution: turns candidates, in text order, into ISO 8601 values against the publication date and the time last mentioned.

import { addDays, addMonths, dayOf, isoDay, isoInstant, isoLocal, isoMonth, isoWeek, isoYear, monthOf, validDay, weekdayNear, yearForMonth, yearNearest, yearOf, type Day } from './calendar.js';
import type { Candidate, Point, Shift, TimeContext, TimeType } from './types.js';

export interface Resolved {
  start: number;
  end: number;
  value: string;
  type: TimeType;
  certain: string[];
  rule: string;
}

/** The discourse anchor: the last day (and year) a resolved mention talked about; `eventDay` skips days of reporting. */
interface Anchor { day?: Day; eventDay?: Day; year?: number }

/** "police said in a statement on Monday": the day of the report, which does not date the events it reports. */
const REPORT_BEFORE = /\b(?:said|says|told|announced|stated|reported|confirmed|added|noted|wrote|tweeted|posted|claimed)\b[^.;:!?]{0,30}$/i;

export function resolveAll(cands: readonly Candidate[], ctx: TimeContext): Resolved[] {
  const out: Resolved[] = [];
  const anchor: Anchor = {};
  for (const c of cands) {
    const r = resolveOne(c, ctx, anchor);
    if (!r) continue;
    out.push({ start: c.start, end: c.end, rule: c.rule, certain: c.certain, ...r });
    // The day anchors clock times and day shifts; the year of the latest mention anchors year shifts ("four years later").
    if (r.day !== undefined) {
      anchor.day = r.day; anchor.year = yearOf(r.day);
      if (!REPORT_BEFORE.test(ctx.text.slice(Math.max(0, c.start - 60), c.start))) anchor.eventDay = r.day;
    }
    else if (r.year !== undefined) anchor.year = r.year;
    else if (r.type !== 'duration' && /^\d{4}/.test(r.value)) anchor.year = Number(r.value.slice(0, 4));
  }
  return out;
}

interface Value { value: string; type: TimeType; day?: Day; year?: number }

function resolveOne(c: Candidate, ctx: TimeContext, anchor: Anchor): Value | null {
  if (c.value !== undefined) {
    const type = c.type ?? 'date';
    const day = type === 'date' && /^\d{4}-\d\d-\d\d$/.test(c.value) ? Date.parse(c.value) : undefined;
    return { value: c.value, type, ...(day !== undefined ? { day } : {}) };
  }
  if (c.shift?.unit === 'Y' && c.point && c.point.hour === undefined) {
    // "October last year": the shift gives the year, the point the rest.
    const base = shiftBase(c.shift, ctx, anchor);
    if (base === undefined) return null;
    return pointValue(c, { ...c.point, year: yearOf(base) + c.shift.amount }, ctx, anchor);
  }
  if (c.shift && c.point?.hour !== undefined) {
    const day = shiftDay(c.shift, ctx, anchor);
    return day === undefined ? null : clockValue(day, c.point);
  }
  if (c.shift) return shiftValue(c.shift, ctx, anchor);
  if (c.point) return pointValue(c, c.point, ctx, anchor);
  return null;
}

function shiftBase(s: Shift, ctx: TimeContext, anchor: Anchor): Day | undefined {
  if (s.from === 'published') return ctx.published;
  if (s.unit === 'Y' && anchor.year !== undefined) return dayOf(anchor.year, 7, 1);
  return anchor.day ?? ctx.published;
}

function shiftDay(s: Shift, ctx: TimeContext, anchor: Anchor): Day | undefined {
  const base = shiftBase(s, ctx, anchor);
  return base === undefined ? undefined : addDays(base, s.amount);
}

function shiftValue(s: Shift, ctx: TimeContext, anchor: Anchor): Value | null {
  let base = shiftBase(s, ctx, anchor);
  if (base === undefined) return null;
  switch (s.unit) {
    case 'D': { const day = addDays(base, s.amount); return { value: isoDay(day), type: 'date', day }; }
    case 'W': { const day = addDays(base, 7 * s.amount); return { value: s.precision === 'day' ? isoDay(day) : isoWeek(day), type: 'date' }; }
    case 'M': { base = addMonths(base, s.amount); return { value: isoMonth(yearOf(base), monthOf(base)), type: 'date' }; }
    case 'Q': { base = addMonths(base, 3 * s.amount); return { value: `${isoYear(yearOf(base))}-Q${Math.ceil(monthOf(base) / 3)}`, type: 'date' }; }
    case 'Y': { const year = yearOf(base) + s.amount; return { value: isoYear(year), type: 'date', year }; }
  }
}

function clockValue(day: Day, p: Point): Value {
  const hour = p.hour!, minute = p.minute ?? 0;
  if (p.offset !== undefined) return { value: isoInstant(day, hour, minute, p.offset), type: 'instant', day };
  return { value: isoLocal(day, hour, minute), type: 'datetime', day };
}

const MS_DAY = 86_400_000;
/** Characters within which a tense cue counts as the date's own verb. */
const NEAR_CUE = 25;

/**
 * The year of "May 21" / "November 20": the side of the publication date the tense points to, unless that
 * occurrence is far (over 6 months) while the other is near (under 4 months); the nearest without a cue.
 */
function yearOfDayMonth(ref: Day, month: number, day: number, direction: 'past' | 'future' | undefined, strict: boolean): number {
  const nearest = yearNearest(ref, month, day);
  if (!direction) return nearest;
  const y = yearOf(ref);
  const past = [y + 1, y, y - 1].map((yy) => dayOf(yy, month, day)).find((t) => t <= ref)!;
  const future = [y - 1, y, y + 1].map((yy) => dayOf(yy, month, day)).find((t) => t >= ref)!;
  const [want, other] = direction === 'past' ? [past, future] : [future, past];
  if (!strict && Math.abs(want - ref) > 180 * MS_DAY && Math.abs(other - ref) < 120 * MS_DAY) return yearOf(other);
  return yearOf(want);
}

/** The day a point names, when it names one. */
function dayOfPoint(c: Candidate, p: Point, ctx: TimeContext, anchor: Anchor): Day | undefined {
  if (p.day !== undefined && p.month !== undefined) {
    let readings = [{ year: p.year, month: p.month, day: p.day }, ...(p.alternatives ?? [])];
    readings = readings.filter((r) => r.year === undefined || validDay(r.year, r.month, r.day));
    if (!readings.length) return undefined;
    const ref = ctx.published ?? (anchor.year !== undefined ? dayOf(anchor.year, 7, 1) : undefined);
    // A verb right next to the date ("rose Sept. 11", "will open May 3") is trusted outright; a distant cue only leans.
    const near = p.year === undefined ? ctx.directionAt(c.start, NEAR_CUE) : undefined;
    const direction = near ?? (p.year === undefined ? ctx.directionAt(c.start) : undefined);
    let best: Day | undefined, bestDist = Infinity;
    for (const r of readings) {
      const year = r.year ?? (ref !== undefined ? yearOfDayMonth(ref, r.month, r.day, direction, near !== undefined) : undefined);
      if (year === undefined || !validDay(year, r.month, r.day)) continue;
      const t = dayOf(year, r.month, r.day);
      const dist = ref === undefined ? 0 : Math.abs(t - ref);
      if (dist < bestDist) { best = t; bestDist = dist; }
    }
    return best;
  }
  if (p.weekday !== undefined) {
    if (ctx.published === undefined) return undefined;
    // Reports look back: without a cue, a weekday is the most recent one.
    const day = weekdayNear(ctx.published, p.weekday, p.direction ?? ctx.directionAt(c.start) ?? 'past');
    // "last Sunday" said on a Sunday is a week back, "next Friday" on a Friday a week ahead.
    if (day === ctx.published && p.direction) return addDays(day, p.direction === 'past' ? -7 : 7);
    return day;
  }
  return undefined;
}

function pointValue(c: Candidate, p: Point, ctx: TimeContext, anchor: Anchor): Value | null {
  if (p.hour !== undefined) {
    let day = dayOfPoint(c, p, ctx, anchor);
    if (day === undefined && c.local) {
      // A zoned restatement of a local time: its UTC day is within a day of the local one; take the nearest instant.
      const local = c.local.point ? dayOfPoint(c.local, c.local.point, ctx, anchor) ?? anchor.day ?? ctx.published : c.local.shift ? shiftDay(c.local.shift, ctx, anchor) : undefined;
      if (local === undefined) return null;
      const localMs = local + ((c.local.point?.hour ?? 12) * 60 + (c.local.point?.minute ?? 0)) * 60_000;
      let best = local, bestDist = Infinity;
      for (const d of [addDays(local, -1), local, addDays(local, 1)]) {
        const ms = d + (p.hour * 60 + (p.minute ?? 0) - (p.offset ?? 0)) * 60_000;
        if (Math.abs(ms - localMs) < bestDist) { best = d; bestDist = Math.abs(ms - localMs); }
      }
      day = best;
    }
    if (day === undefined && p.weekday === undefined && p.month === undefined) day = anchor.eventDay ?? anchor.day ?? ctx.published;
    return day === undefined ? null : clockValue(day, p);
  }
  if (p.precision === 'day') {
    const day = dayOfPoint(c, p, ctx, anchor);
    return day === undefined ? null : { value: isoDay(day), type: 'date', day };
  }
  if (p.precision === 'month' && p.month !== undefined) {
    let year = p.year;
    if (year === undefined) {
      if (ctx.published === undefined) return null;
      year = yearForMonth(ctx.published, p.month, p.direction ?? ctx.directionAt(c.start) ?? 'past');
    }
    return { value: isoMonth(year, p.month), type: 'date', year };
  }
  if (p.precision === 'quarter' && p.quarter !== undefined) {
    let year = p.year;
    if (year === undefined) {
      if (ctx.published === undefined) return null;
      const current = Math.ceil(monthOf(ctx.published) / 3);
      const direction = p.direction ?? ctx.directionAt(c.start) ?? 'past';
      year = yearOf(ctx.published) + (direction === 'past' ? (p.quarter > current ? -1 : 0) : (p.quarter < current ? 1 : 0));
    }
    return { value: `${isoYear(year)}-Q${p.quarter}`, type: 'date', year };
  }
  if (p.precision === 'year' && p.year !== undefined) return { value: isoYear(p.year), type: 'date', year: p.year };
  return null;
}
