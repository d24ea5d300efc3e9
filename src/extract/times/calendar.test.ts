// Calendar arithmetic: ISO weeks, weekdays on either side of a date, instants in UTC.

import { describe, expect, it } from 'vitest';
import { dayOf, isoInstant, isoWeek, weekdayNear, isoDay, yearForMonth } from './calendar.js';

describe('calendar', () => {
  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeek(dayOf(2021, 5, 19))).toBe('2021-W20');
    expect(isoWeek(dayOf(2021, 1, 3))).toBe('2020-W53');
    expect(isoWeek(dayOf(2024, 12, 30))).toBe('2025-W01');
  });
  it('finds a weekday on or before, and on or after, a date', () => {
    const wed = dayOf(2021, 5, 26);
    expect(isoDay(weekdayNear(wed, 1, 'past'))).toBe('2021-05-24');
    expect(isoDay(weekdayNear(wed, 3, 'past'))).toBe('2021-05-26');
    expect(isoDay(weekdayNear(wed, 6, 'future'))).toBe('2021-05-29');
  });
  it('converts local clock readings to UTC across midnight', () => {
    expect(isoInstant(dayOf(2021, 5, 21), 2, 0, 180)).toBe('2021-05-20T23:00Z');
  });
  it('puts a bare month on the right side of the reference', () => {
    expect(yearForMonth(dayOf(2019, 8, 18), 6, 'past')).toBe(2019);
    expect(yearForMonth(dayOf(2019, 8, 18), 9, 'past')).toBe(2018);
    expect(yearForMonth(dayOf(2022, 10, 27), 3, 'future')).toBe(2023);
  });
});
