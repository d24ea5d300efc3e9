// The row builder shared by both engines: keys for resuming, and the text each layer row quotes.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { COLUMNS, inputKey, rowsOf } from './rows.js';

describe('inputKey', () => {
  it('is the same for the same bytes, source and reading, and differs when any of them changes', () => {
    const bytes = Buffer.from('Officials said 12 people were killed.');
    const k = inputKey(bytes, 'a.txt', 'auto');
    expect(inputKey(Buffer.from('Officials said 12 people were killed.'), 'a.txt', 'auto')).toBe(k);
    expect(inputKey(bytes, 'b.txt', 'auto')).not.toBe(k);
    expect(inputKey(bytes, 'a.txt', 'html')).not.toBe(k);
    expect(inputKey(Buffer.from('Officials said 13 people were killed.'), 'a.txt', 'auto')).not.toBe(k);
  });
});

describe('rowsOf', () => {
  it('gives one row per annotation, in column order, quoting the text each one covers', () => {
    const x = extract('Police said 12 people were injured in Haifa on Monday.', { published: '2021-05-10' });
    const r = rowsOf(x, JSON.stringify(x), 'i_k', '2021-05-10T00:00:00Z');
    expect(r.document).toHaveLength(COLUMNS.documents.length);
    expect(r.document[COLUMNS.documents.indexOf('published')]).toBe('2021-05-10');
    expect(r.layers.quantities).toHaveLength(x.quantities.length);
    for (const [t, rows] of Object.entries(r.layers)) for (const row of rows) expect(row).toHaveLength(COLUMNS[t as keyof typeof COLUMNS].length);
    const textAt = COLUMNS.quantities.indexOf('text');
    x.quantities.forEach((q, i) => expect(r.layers.quantities[i]![textAt]).toBe(x.document.text.slice(q.start, q.end)));
  });
});
