// End-to-end tests of the built `dateline ingest` (npm test builds first): store, skip, fail per file, survive kill -9.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ExtractionSchema } from '../src/schema/index.js';
import { TEST_PG_URL as PG_URL, postgresDown } from './support/postgres.js';
import { runCli } from './support/cli.js';

const root = new URL('..', import.meta.url).pathname;
/** DATELINE_CLI points the tests at another build of the command. */
const cli = process.env.DATELINE_CLI ?? join(root, 'dist/cli/main.js');
const fixtures = join(root, 'test/fixtures/wikinews');

const run = runCli;

/** Reads a store file the way a script would: plain SQL on the documented tables. */
function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try { return d.prepare(sql).all() as T[]; } finally { d.close(); }
}
const count = (db: string, table: string) => query<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

/** Every document's layer counts match its rows: nothing half-written, nothing doubled. */
function consistent(db: string): boolean {
  const bad = query<{ n: number }>(db, `SELECT count(*) AS n FROM documents d WHERE
    n_statements != (SELECT count(*) FROM statements s WHERE s.doc = d.seq) OR
    n_quantities != (SELECT count(*) FROM quantities q WHERE q.doc = d.seq) OR
    n_entities != (SELECT count(*) FROM entities e WHERE e.doc = d.seq) OR
    n_places != (SELECT count(*) FROM places p WHERE p.doc = d.seq)`);
  return bad[0]!.n === 0 && query<{ integrity_check: string }>(db, 'PRAGMA integrity_check')[0]!.integrity_check === 'ok';
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('dateline ingest', () => {
  it('stores a folder in a new SQLite file, each record the same as extract prints', async () => {
    const db = join(dir, 'folder.db');
    const r = await run(['ingest', fixtures, '--db', db, '--jobs', '2']);
    expect(r.stderr).toMatch(/5 new, 0 skipped \(already stored\), 0 failed, of 5 inputs/);
    expect(r.code).toBe(0);
    expect(count(db, 'documents')).toBe(5);
    const asylum = join(fixtures, 'GUM_news_asylum.txt');
    const printed = JSON.parse((await run(['extract', asylum])).stdout);
    const [stored] = query<{ extraction: string }>(db, `SELECT extraction FROM documents WHERE source = '${asylum}'`);
    expect(ExtractionSchema.parse(JSON.parse(stored!.extraction))).toEqual(printed);
    expect(consistent(db)).toBe(true);
  });

  it('skips everything on a second run: same id, nothing added', async () => {
    const db = join(dir, 'folder.db');
    const before = count(db, 'documents');
    const r = await run(['ingest', fixtures, '--db', db]);
    expect(r.code).toBe(0);
    // Recognized from the raw input before extraction: nothing is extracted again.
    expect(r.stderr).toMatch(/0 new, 5 skipped \(already stored\), 0 failed, of 5 inputs; 0 extracted/);
    expect(count(db, 'documents')).toBe(before);
  });

  it('reads standard input with --published, and a copy at another path is the same document', async () => {
    const db = join(dir, 'stdin.db');
    const text = readFileSync(join(fixtures, 'GUM_news_clock.txt'), 'utf8');
    const first = await run(['ingest', '-', '--db', db, '--published', '2021-05-26'], 'Officials said 12 people were killed on Monday.');
    expect(first.code).toBe(0);
    expect(query<{ published: string; source: string }>(db, 'SELECT published, source FROM documents')).toEqual([{ published: '2021-05-26', source: 'stdin' }]);
    const again = await run(['ingest', '-', '--db', db], 'Officials said 12 people were killed on Monday.');
    expect(again.stderr).toMatch(/0 new, 1 skipped/);
    const copy = join(dir, 'clock-copy.txt');
    writeFileSync(copy, text);
    await run(['ingest', join(fixtures, 'GUM_news_clock.txt'), '--db', db]);
    // A new input, so it is extracted; its text gives the stored id, so it is skipped at write time.
    expect((await run(['ingest', copy, '--db', db])).stderr).toMatch(/0 new, 1 skipped \(already stored\), 0 failed, of 1 inputs; 1 extracted/);
  });

  it('goes on past bad files: each named on stderr, exit 1 with a summary, the good ones stored', async () => {
    const corpus = join(dir, 'mixed');
    mkdirSync(corpus);
    copyFileSync(join(fixtures, 'GUM_news_nasa.txt'), join(corpus, 'a-nasa.txt'));
    writeFileSync(join(corpus, 'b-empty.txt'), '');
    writeFileSync(join(corpus, 'c-broken.json'), '{"text": "unterminated');
    writeFileSync(join(corpus, 'd-records.jsonl'), '{"text":"First record, from outlet A.","outlet":"A","published":"2021-05-20"}\n{"text":"Second record.","outlet":"B"}\n');
    const db = join(dir, 'mixed.db');
    const r = await run(['ingest', corpus, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b-empty\.txt: E_EMPTY/);
    expect(r.stderr).toMatch(/c-broken\.json: E_BAD_JSON/);
    expect(r.stderr).toMatch(/3 new, 0 skipped \(already stored\), 2 failed, of 5 inputs/);
    expect(query<{ outlet: string | null }>(db, 'SELECT outlet FROM documents ORDER BY outlet').map((d) => d.outlet)).toEqual([null, 'A', 'B']);
  });

  it('resumes after kill -9 with nothing committed lost or duplicated', async () => {
    const corpus = join(dir, 'many');
    mkdirSync(corpus);
    const n = 400;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`),
        `date 2021-05-${String(1 + (i % 28)).padStart(2, '0')}\n\nOfficials in district ${i} said ${i + 3} people were injured on Monday. "We are working through the night," the mayor, Sara Levi, told reporters.\n`);
    }
    const db = join(dir, 'killed.db');
    const child = spawn(process.execPath, [cli, 'ingest', corpus, '--db', db, '--jobs', '1', '--batch', '5'], { stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    let seen = 0;
    for (const t0 = Date.now(); Date.now() - t0 < 60_000 && seen < 20; await new Promise((res) => setTimeout(res, 25))) {
      try { seen = count(db, 'documents'); } catch { /* not created yet */ }
    }
    child.kill('SIGKILL');
    await exited;
    const committed = count(db, 'documents');
    expect(committed).toBeGreaterThanOrEqual(20);
    expect(committed).toBeLessThan(n);
    expect(consistent(db)).toBe(true);

    const r = await run(['ingest', corpus, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${n - committed} new, ${committed} skipped (already stored), 0 failed, of ${n} inputs; ${n - committed} extracted`);
    expect(count(db, 'documents')).toBe(n);
    expect(query<{ n: number }>(db, 'SELECT count(DISTINCT source) AS n FROM documents')[0]!.n).toBe(n);
    expect(consistent(db)).toBe(true);
  });

  it('exits 2 with a clear message when the store cannot be opened or the usage is wrong', async () => {
    const notDir = join(dir, 'plain-file');
    writeFileSync(notDir, 'x');
    const r = await run(['ingest', fixtures, '--db', join(notDir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_STORE_OPEN/);
    expect((await run(['ingest', join(dir, 'no-such-folder'), '--db', join(dir, 'x.db')])).stderr).toMatch(/E_NOT_FOUND/);
    expect((await run(['ingest', fixtures, '--jobs', '0'])).code).toBe(2);
    const help = await run(['ingest', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });
});

const pgDown = await postgresDown();
if (pgDown) console.warn(`dateline ingest on PostgreSQL skipped: no server answers at ${PG_URL} (${pgDown}). Start one or set DATELINE_TEST_PG.`);

(pgDown ? describe.skip : describe)('dateline ingest --db postgres://', () => {
  const schema = `dateline_ingest_${process.pid}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('stores the same folder on PostgreSQL, then skips it on a second run', async () => {
    const url = `${PG_URL}?schema=${schema}`;
    const r = await run(['ingest', fixtures, '--db', url]);
    expect(r.stderr).toMatch(/5 new, 0 skipped/);
    expect(r.code).toBe(0);
    expect((await run(['ingest', fixtures, '--db', url])).stderr).toMatch(/0 new, 5 skipped/);
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n, count(DISTINCT source)::int AS sources FROM ${schema}.documents`);
      expect(rows[0]).toEqual({ n: readdirSync(fixtures).length, sources: readdirSync(fixtures).length });
    } finally {
      await c.end();
    }
  });
});
