// End to end with the built command (npm test builds first): ingest five invented reports of one ferry disaster
// (test/fixtures/multi-outlet) into a temporary store, then list its speakers, claims, disagreements and framing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const main = join(root, 'dist/cli/main.js');
const reports = join(root, 'test/fixtures/multi-outlet/reports.jsonl');

const node = (script: string, args: string[]) => {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// The corpus commands are in `dateline` once main.ts adds them; until then their module runs on its own.
const corpusCli = node(main, ['--help']).stdout.includes('disagreements') ? main : join(root, 'dist/cli/corpus-commands.js');
const run = (args: string[]) => node(corpusCli, args);

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-corpus-cli-'));
  db = join(dir, 'corpus.db');
  const r = node(main, ['ingest', reports, '--db', db, '--jobs', '1', '--no-progress']);
  expect(r.stderr).toContain('5 new');
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dateline disagreements', () => {
  it('lists exactly the conflicts a careful reader flags (see the fixture README), each side with its evidence', () => {
    const r = run(['disagreements', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout);
    const pairs = groups.flatMap((d: any) => d.conflicts.map(([i, j]: [number, number]) =>
      `${d.measure}: ${[d.claims[i], d.claims[j]].map((c: any) => `${c.outlet} ${c.value}`).sort().join(' vs ')}`)).sort();
    expect(pairs).toEqual([
      'injured: Island Daily 30 vs Ocean Times 60',
      'killed: Coast Wire 40 vs Mainland Herald 25',
      'killed: Island Daily 42 vs Mainland Herald 25',
    ]);
    const herald = groups.find((d: any) => d.measure === 'killed').claims.find((c: any) => c.outlet === 'Mainland Herald');
    expect(herald).toMatchObject({ claimant: 'The regional government', asOf: '2024-03-10', value: 25 });
    expect(herald.evidence.sentence).toContain('The regional government said 25 people were killed');
  });

  it('prints one line per side as a table or CSV', () => {
    const table = run(['disagreements', '--db', db, '--format', 'table']);
    expect(table.stdout.split('\n')[0]).toMatch(/^group\s+side\s+measure\s+where/);
    const csv = run(['disagreements', '--db', db, '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(1 + 6);
  });
});

describe('the other views', () => {
  it('claims --measure killed: the four reported tolls, with qualifiers', () => {
    const r = run(['claims', '--db', db, '--measure', 'killed', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((c: any) => `${c.outlet} ${c.approx} ${c.value}`).sort())
      .toEqual(['Coast Wire at_least 40', 'Harbour News exact 55', 'Island Daily exact 42', 'Mainland Herald exact 25']);
  });

  it('speakers: statements per outlet, with roles', () => {
    const list = JSON.parse(run(['speakers', '--db', db, '--format', 'json']).stdout);
    expect(list.find((s: any) => s.name === 'Juma Hamad')).toMatchObject({ statements: 2, roles: ['police spokesman'], outlets: [{ outlet: 'Island Daily', statements: 2 }] });
  });

  it('framing --by outlet answers (these neutral reports use no loaded terms)', () => {
    const r = run(['framing', '--by', 'outlet', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('search finds a quote and the reports that hold it', () => {
    const hits = JSON.parse(run(['search', 'bodies', 'recovered', '--db', db, '--format', 'json']).stdout);
    expect(hits.find((h: any) => h.kind === 'statement')).toMatchObject({ speaker: 'Juma Hamad', outlet: 'Island Daily' });
    expect(hits.filter((h: any) => h.kind === 'document').map((h: any) => h.outlet).sort()).toEqual(['Harbour News', 'Island Daily']);
  });

  it('export --format geojson: a FeatureCollection with Zanzibar named by all five outlets', () => {
    const r = run(['export', '--db', db, '--format', 'geojson']);
    expect(r.code).toBe(0);
    const geo = JSON.parse(r.stdout);
    expect(geo.type).toBe('FeatureCollection');
    const zanzibar = geo.features.find((f: any) => f.properties.name === 'Zanzibar');
    expect(zanzibar.geometry.type).toBe('Point');
    expect(zanzibar.properties.outlets).toHaveLength(5);
  });

  it('export jsonl and csv: every record, a layer with a header', () => {
    expect(run(['export', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l).schema)).toEqual(Array(5).fill('dateline/1'));
    const csv = run(['export', '--db', db, '--format', 'csv', '--layer', 'statements']).stdout.split('\r\n');
    expect(csv[0]).toBe('document,outlet,published,id,kind,speaker,content,content_start,content_end,cue,channel,addressee,confidence');
    expect(run(['export', '--db', db, '--format', 'csv']).code).toBe(2);
  });

  it('refuses a store that does not exist with exit status 2', () => {
    const r = run(['speakers', '--db', join(dir, 'missing.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dateline ingest');
  });
});
