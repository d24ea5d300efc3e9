import { describe, expect, it } from 'vitest';
import { conflict, disagreements, interval, type Claim } from './claims.js';

const claim = (value: number, approx: Claim['approx'], extra: Partial<Claim> = {}): Claim => {
  const [low, high] = interval({ value, approx, low: extra.low, high: extra.high });
  return { doc: 'd1', measure: 'killed', where: 'Gaza', asOf: '2021-05-20', value, approx, low, high, claimant: 'Ministry', evidence: { start: 0, end: 1, text: '', sentence: '' }, quantity: 'q0', ...extra, ...(extra.low === undefined ? { low } : {}), ...(extra.high === undefined ? { high } : {}) };
};

describe('interval', () => {
  it('turns qualifiers into the values they allow', () => {
    expect(interval({ value: 40, approx: 'at_least' })).toEqual([40, Infinity]);
    expect(interval({ value: 2000, approx: 'more_than' })).toEqual([2001, Infinity]);
    expect(interval({ value: 1600, approx: 'about' })).toEqual([1440, 1760.0000000000002]);
    expect(interval({ value: 100, approx: 'order' })).toEqual([100, 999]);
    expect(interval({ value: 10, approx: 'range', low: 10, high: 20 })).toEqual([10, 20]);
  });
});

describe('conflict', () => {
  it('flags values that cannot both be true on the same day', () => {
    expect(conflict(claim(500, 'exact'), claim(450, 'exact', { claimant: 'Army' }))).toBe(true);
    expect(conflict(claim(2000, 'more_than'), claim(1600, 'about', { claimant: 'Army' }))).toBe(true);
  });

  it('lets values that fit together pass', () => {
    expect(conflict(claim(40, 'at_least'), claim(42, 'exact'))).toBe(false);
    expect(conflict(claim(3000, 'more_than'), claim(3150, 'exact'))).toBe(false);
    expect(conflict(claim(100, 'order'), claim(230, 'exact'))).toBe(false);
  });

  it('lets a cumulative toll grow over days but not shrink', () => {
    expect(conflict(claim(450, 'exact', { asOf: '2021-05-19' }), claim(500, 'exact', { asOf: '2021-05-20' }))).toBe(false);
    expect(conflict(claim(500, 'exact', { asOf: '2021-05-19' }), claim(450, 'exact', { asOf: '2021-05-20' }))).toBe(true);
  });

  it('never compares different measures', () => {
    expect(conflict(claim(500, 'exact'), claim(12, 'exact', { measure: 'injured' }))).toBe(false);
  });
});

describe('disagreements', () => {
  it('lists each group with a conflict and every side, and ignores agreeing groups', () => {
    const claims = [
      claim(230, 'exact', { doc: 'a', outlet: 'Outlet A', claimant: 'Gaza health ministry' }),
      claim(200, 'at_least', { doc: 'b', outlet: 'Outlet B', claimant: 'Outlet B' }),
      claim(150, 'about', { doc: 'c', outlet: 'Outlet C', claimant: 'Israeli army' }),
      claim(12, 'exact', { doc: 'a', where: 'Israel', claimant: 'Israel' }),
      claim(12, 'exact', { doc: 'c', where: 'Israel', claimant: 'Israeli army' }),
    ];
    const d = disagreements(claims);
    expect(d).toHaveLength(1);
    expect(d[0]!.where).toBe('Gaza');
    expect(d[0]!.conflicts).toEqual([[0, 2], [1, 2]]);
  });
});
