// Calendar arithmetic on plain UTC dates, and ISO 8601 formatting at a given precision.

/** A calendar day as UTC midnight milliseconds; all arithmetic stays in UTC so no DST surprises. */
export type Day = number;

const MS_DAY = 86_400_000;

export const dayOf = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d);
export const addDays = (t: Day, n: number): Day => t + n * MS_DAY;
export const weekdayOf = (t: Day): number => new Date(t).getUTCDay();
export const yearOf = (t: Day): number => new Date(t).getUTCFullYear();
export const monthOf = (t: Day): number => new Date(t).getUTCMonth() + 1;

/** Parses `YYYY-MM-DD` into a Day, or undefined when it is not a real calendar date. */
export function parseDay(iso: string | undefined): Day | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return undefined;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const t = dayOf(y, mo, d);
  return validDay(y, mo, d) ? t : undefined;
}

export function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export const isoYear = (y: number): string => pad(y, 4);
export const isoMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export function isoDay(t: Day): string {
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO week of a day: `2021-W20` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(t: Day): string {
  const thursday = addDays(t, 3 - ((weekdayOf(t) + 6) % 7));
  const year = yearOf(thursday);
  const week = 1 + Math.floor((thursday - dayOf(year, 1, 1)) / (7 * MS_DAY));
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Local date-time `2021-05-21T02:00`. */
export const isoLocal = (t: Day, hour: number, minute: number): string => `${isoDay(t)}T${pad(hour)}:${pad(minute)}`;

/** UTC instant `2021-05-20T23:00Z` of a local time at `offsetMinutes` east of UTC. */
export function isoInstant(t: Day, hour: number, minute: number, offsetMinutes: number): string {
  const ms = t + (hour * 60 + minute - offsetMinutes) * 60_000;
  const d = new Date(ms);
  return `${isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
}

/** The weekday `wd` (0 = Sunday) on or before `t`, or on or after it. */
export function weekdayNear(t: Day, wd: number, direction: 'past' | 'future'): Day {
  const diff = (wd - weekdayOf(t) + 7) % 7;
  return direction === 'future' ? addDays(t, diff) : addDays(t, diff === 0 ? 0 : diff - 7);
}

/** Shifts a day by whole months, clamping the day of month (Jan 31 + 1 month = Feb 28). */
export function addMonths(t: Day, n: number): Day {
  const d = new Date(t);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last));
}

/** Year to give a month (1-12) so it falls on the past or future side of the reference month. */
export function yearForMonth(ref: Day, month: number, direction: 'past' | 'future'): number {
  const y = yearOf(ref), m = monthOf(ref);
  if (direction === 'past') return month <= m ? y : y - 1;
  return month >= m ? y : y + 1;
}

/** Year to give a day of a month so the date lies nearest the reference (within half a year). */
export function yearNearest(ref: Day, month: number, day: number): number {
  const y = yearOf(ref);
  let best = y, bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const dist = Math.abs(dayOf(cand, month, day) - ref);
    if (dist < bestDist) { best = cand; bestDist = dist; }
  }
  return best;
}
