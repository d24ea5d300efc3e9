import { describe, expect, it } from 'vitest';
import { Pipeline, type Stage } from './stage.js';
import type { Document } from './document.js';

const doc = (): Document => ({ id: 'd', text: 'Some text.', meta: {}, warnings: [] });
const words: Stage<{}, { words: string[] }> = { name: 'words.v1', requires: [], produces: ['words'], run: (d) => ({ words: d.text.split(' ') }) };
const count: Stage<{ words: string[] }, { count: number }> = { name: 'count.v1', requires: ['words'], produces: ['count'], run: (_d, l) => ({ count: l.words.length }) };

describe('Pipeline', () => {
  it('runs stages in order, each reading what earlier ones produced', () => {
    const a = Pipeline.empty().add(words).add(count).check().run(doc());
    expect(a.layers).toEqual({ words: ['Some', 'text.'], count: 2 });
  });

  it('names the missing layer when a stage is added before what it requires', () => {
    // The compiler refuses this order too; the cast stands in for a pipeline assembled at run time.
    const p = (Pipeline.empty() as unknown as Pipeline<{ words: string[] }>).add(count);
    expect(() => p.check()).toThrowError(/count\.v1 requires words/);
  });

  it('records a failing stage as a warning and uses its empty layers when it declares them', () => {
    const flaky: Stage<{}, { n: number }> = { name: 'flaky.v1', requires: [], produces: ['n'], run: () => { throw new Error('boom'); }, empty: () => ({ n: 0 }) };
    const d = doc();
    const a = Pipeline.empty().add(flaky).run(d);
    expect(a.layers.n).toBe(0);
    expect(d.warnings[0]).toMatchObject({ code: 'W_STAGE' });
  });

  it('fails the document with E_STAGE when a stage without an empty form throws', () => {
    const broken: Stage<{}, { n: number }> = { name: 'broken.v1', requires: [], produces: ['n'], run: () => { throw new Error('boom'); } };
    expect(() => Pipeline.empty().add(broken).run(doc())).toThrowError(expect.objectContaining({ code: 'E_STAGE' }));
  });
});
