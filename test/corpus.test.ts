// Disagreements across outlets, end to end: extract five reports of one (invented) event and compare their figures.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract, documentFromRecord } from '../src/index.js';
import { claimsOf, disagreements } from '../src/corpus/claims.js';

const reports = readFileSync(new URL('./fixtures/multi-outlet/reports.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => extract(documentFromRecord(JSON.parse(l))));

describe('disagreements across outlets', () => {
  const found = disagreements(reports.flatMap(claimsOf));
  const pairs = found.flatMap((d) => d.conflicts.map(([i, j]) => `${d.measure}: ${d.claims[i]!.outlet} ${d.claims[i]!.value} vs ${d.claims[j]!.outlet} ${d.claims[j]!.value}`)).sort();

  it('lists every pair of figures that cannot both be true, and nothing that fits together', () => {
    expect(pairs).toEqual([
      'injured: Island Daily 30 vs Ocean Times 60',
      'killed: Coast Wire 40 vs Mainland Herald 25',
      'killed: Island Daily 42 vs Mainland Herald 25',
    ]);
  });

  it('keeps each side’s evidence: the exact words, the sentence and who claims it', () => {
    const killed = found.find((d) => d.measure === 'killed')!;
    const herald = killed.claims.find((c) => c.outlet === 'Mainland Herald')!;
    expect(herald.evidence.text).toBe('25 people');
    expect(herald.evidence.sentence).toContain('The regional government said 25 people were killed');
    expect(herald.claimant).toBe('The regional government');
    expect(herald.where).toBe('Zanzibar');
  });
});
