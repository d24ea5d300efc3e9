import { describe, expect, it } from 'vitest';
import { segments, speakerColours } from './highlight.js';

describe('segments', () => {
  it('cuts at every boundary and lists covering annotations innermost first', () => {
    const s = segments(20, [
      { id: 's0', layer: 'statement', start: 2, end: 18 },
      { id: 'q0', layer: 'quantity', start: 5, end: 9 },
    ]);
    expect(s.map((x) => [x.start, x.end, x.covering.map((a) => a.id)])).toEqual([
      [0, 2, []], [2, 5, ['s0']], [5, 9, ['q0', 's0']], [9, 18, ['s0']], [18, 20, []],
    ]);
  });

  it('ignores spans outside the text', () => {
    expect(segments(5, [{ id: 'x', layer: 'time', start: 3, end: 9 }])).toEqual([{ start: 0, end: 5, covering: [] }]);
  });

  it('gives each speaker one colour', () => {
    const c = speakerColours(['A', 'B', 'A']);
    expect(c.size).toBe(2);
    expect(c.get('A')).not.toBe(c.get('B'));
  });
});
