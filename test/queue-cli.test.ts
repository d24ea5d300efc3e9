// End to end with the built command (npm test builds first) on a real PostgreSQL: `dateline ingest --queue` sends
// documents as pg-boss jobs, `dateline worker --drain` extracts and stores them. Each test keeps its store (and
// pg-boss's <schema>_queue) in schemas of its own, dropped at the end; skipped, saying so, when no server answers.
// Each worker loads the models on its threads first (seconds on a busy machine): hence the long timeouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_PG_URL as PG_URL, postgresDown } from './support/postgres.js';
import { runCli } from './support/cli.js';

const root = new URL('..', import.meta.url).pathname;
/** DATELINE_CLI points the tests at another build of the command. */
const cli = process.env.DATELINE_CLI ?? join(root, 'dist/cli/main.js');
const fixtures = join(root, 'test/fixtures/wikinews');

const run = runCli;


describe('dateline ingest --queue without PostgreSQL', () => {
  it('exits 2 with E_QUEUE_URL and says to give a postgres:// URL', async () => {
    const r = await run(['ingest', fixtures, '--queue', '--db', join(tmpdir(), 'never-created.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_QUEUE_URL: .*--db postgres:\/\//);
  });
});

const pgDown = await postgresDown();
if (pgDown) {
  console.warn(`Queue: PostgreSQL skipped: no server answers at ${PG_URL} (${pgDown}). Start one or set DATELINE_TEST_PG.`);
  describe.skip(`Queue across machines (no PostgreSQL at ${PG_URL})`, () => { it('needs a server', () => {}); });
} else {
  const base = `dq_${process.pid}_${Date.now().toString(36)}`;
  const db = new pg.Pool({ connectionString: PG_URL, max: 2 });
  const url = (name: string) => {
    const u = new URL(PG_URL);
    u.searchParams.set('schema', `${base}_${name}`);
    return u.toString();
  };
  const sql = async <T = Record<string, unknown>>(q: string): Promise<T[]> => (await db.query(q)).rows as T[];
  const docs = (name: string) => sql<{ id: string; source: string }>(`SELECT id, source FROM ${base}_${name}.documents ORDER BY id`);
  const jobs = (name: string) => sql<{ state: string; output: any; retry_count: number; source: string }>(
    `SELECT state::text, output, retry_count, data->>'source' AS source FROM ${base}_${name}_queue.job ORDER BY data->>'source'`);
  let dir: string;

  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dateline-queue-')); });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const { s } of await sql<{ s: string }>(`SELECT schema_name AS s FROM information_schema.schemata WHERE schema_name LIKE '${base}%'`)) {
      await db.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    }
    await db.end();
  });

  describe('dateline ingest --queue, then dateline worker --drain', () => {
    it('stores the Wikinews folder with the same documents and ids as a direct ingest', async () => {
      const q = await run(['ingest', fixtures, '--queue', '--db', url('wiki')]);
      expect(q.stderr).toContain('5 queued, 0 already queued, 0 skipped (already stored), 0 failed, of 5 inputs');
      expect(q.code).toBe(0);
      // Queued, nothing extracted yet.
      expect(await docs('wiki')).toEqual([]);
      expect((await jobs('wiki')).map((j) => j.state)).toEqual(['created', 'created', 'created', 'created', 'created']);

      const w = await run(['worker', '--db', url('wiki'), '--drain', '--poll', '1', '-c', '2']);
      expect(w.stderr).toMatch(/5 new, 0 skipped \(already stored\), 0 failed; 5 jobs in/);
      expect(w.code).toBe(0);

      const direct = await run(['ingest', fixtures, '--db', url('direct'), '--no-progress']);
      expect(direct.code).toBe(0);
      const viaQueue = await docs('wiki');
      expect(viaQueue).toHaveLength(5);
      expect(viaQueue).toEqual(await docs('direct'));
      // Every job completed, its output naming the document it stored.
      const done = await jobs('wiki');
      expect(done.map((j) => j.state)).toEqual(Array(5).fill('completed'));
      expect(done.map((j) => j.output.document).sort()).toEqual(viaQueue.map((d) => d.id));
      expect(done.every((j) => j.output.outcome === 'inserted')).toBe(true);
    }, 240_000);

    it('queues an input once, and not at all once its document is stored: nothing is stored twice', async () => {
      const first = await run(['ingest', fixtures, '--queue', '--db', url('twice')]);
      expect(first.stderr).toContain('5 queued, 0 already queued');
      const again = await run(['ingest', fixtures, '--queue', '--db', url('twice')]);
      expect(again.stderr).toContain('0 queued, 5 already queued, 0 skipped (already stored)');
      expect(again.code).toBe(0);
      expect(await jobs('twice')).toHaveLength(5);

      expect((await run(['worker', '--db', url('twice'), '--drain', '--poll', '1'])).stderr).toMatch(/5 new, 0 skipped/);
      const third = await run(['ingest', fixtures, '--queue', '--db', url('twice')]);
      expect(third.stderr).toContain('0 queued, 0 already queued, 5 skipped (already stored)');
      // Standard input too: the same text queued twice is one job, one document.
      const text = 'date 2021-05-26\n\nOfficials said 12 people were killed on Monday.';
      expect((await run(['ingest', '-', '--queue', '--db', url('twice')], text)).stderr).toContain('1 queued');
      expect((await run(['ingest', '-', '--queue', '--db', url('twice')], text)).stderr).toContain('0 queued, 1 already queued');
      const w = await run(['worker', '--db', url('twice'), '--drain', '--poll', '1']);
      expect(w.stderr).toMatch(/1 new, 0 skipped \(already stored\), 0 failed; 1 jobs in/);
      const stored = await docs('twice');
      expect(stored).toHaveLength(6);
      expect(new Set(stored.map((d) => d.source)).size).toBe(6);
    }, 240_000);

    it('fails a bad input as a job with its error record, retried as asked, and goes on with the others', async () => {
      const bad = join(dir, 'bad');
      mkdirSync(bad);
      writeFileSync(join(bad, 'a-good.txt'), 'date 2021-05-26\n\nPolice in Gaza said 12 people were hurt on Monday.');
      writeFileSync(join(bad, 'b-empty.txt'), '  \n');
      writeFileSync(join(bad, 'c-broken.json'), '{"text": "unterminated');
      writeFileSync(join(bad, 'd-good.json'), JSON.stringify({ text: 'Rescuers said 40 people were missing after the ferry sank.', outlet: 'Coast Wire', published: '2024-03-09', url: 'https://example.org/ferry' }));
      writeFileSync(join(bad, 'e-large.txt'), 'x'.repeat(5000));
      const q = await run(['ingest', bad, '--queue', '--db', url('bad'), '--retries', '1', '--max-bytes', '4000']);
      // Too large: refused before queuing, as ingest refuses it.
      expect(q.stderr).toMatch(/e-large\.txt: E_TOO_LARGE/);
      expect(q.stderr).toContain('4 queued, 0 already queued, 0 skipped (already stored), 1 failed, of 5 inputs');
      expect(q.code).toBe(1);

      const w = await run(['worker', '--db', url('bad'), '--drain', '--poll', '1', '-c', '1']);
      expect(w.stderr).toMatch(/b-empty\.txt: E_EMPTY: .*\(attempt 1 of 2; will be retried\)/);
      expect(w.stderr).toMatch(/c-broken\.json: E_BAD_JSON: [^\n]*\n/);
      expect(w.stderr).toMatch(/2 new, 0 skipped \(already stored\), 2 failed, 2 failed attempts to be retried/);
      expect(w.code).toBe(1);

      const states = await jobs('bad');
      expect(states.map((j) => [j.source.replace(/.*\//, ''), j.state])).toEqual([
        ['a-good.txt', 'completed'], ['b-empty.txt', 'failed'], ['c-broken.json', 'failed'], ['d-good.json', 'completed'],
      ]);
      const broken = states[2]!;
      expect(broken.retry_count).toBe(1);
      expect(broken.output).toMatchObject({ schema: 'dateline/1', error: { code: 'E_BAD_JSON', input: join(bad, 'c-broken.json') } });
      expect((await docs('bad')).map((d) => d.source).sort()).toEqual([join(bad, 'a-good.txt'), join(bad, 'd-good.json')]);
    }, 240_000);

    it('a worker killed with kill -9 mid-way loses nothing: another takes its jobs back and every document is stored once', async () => {
      const corpus = join(dir, 'many');
      mkdirSync(corpus);
      const n = 120;
      for (let i = 0; i < n; i++) {
        writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`),
          `date 2021-05-${String(1 + (i % 28)).padStart(2, '0')}\n\nOfficials in district ${i} said ${i + 3} people were injured on Monday. "We are working through the night," the mayor, Sara Levi, told reporters.\n`);
      }
      // A job held 4 s is taken as lost: these take milliseconds each.
      const q = await run(['ingest', corpus, '--queue', '--db', url('kill'), '--job-timeout', '4']);
      expect(q.stderr).toContain(`${n} queued`);

      const child = spawn(process.execPath, [cli, 'worker', '--db', url('kill'), '-c', '1', '--batch', '4', '--poll', '1'], { stdio: 'ignore' });
      const exited = new Promise((res) => child.on('exit', res));
      let seen = 0;
      for (const t0 = Date.now(); Date.now() - t0 < 90_000 && seen < 12; await new Promise((res) => setTimeout(res, 25))) {
        try { seen = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${base}_kill.documents`))[0]!.n; } catch { /* not created yet */ }
      }
      child.kill('SIGKILL');
      await exited;
      const committed = (await docs('kill')).length;
      expect(committed).toBeGreaterThanOrEqual(12);
      expect(committed).toBeLessThan(n);
      // The jobs it held stay active until their timeout passes (almost always some: it holds two at a time).
      const held = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${base}_kill_queue.job WHERE state = 'active'`))[0]!.n;

      const w = await run(['worker', '--db', url('kill'), '--drain', '--poll', '1', '-c', '2']);
      expect(w.code).toBe(0);
      if (held > 0) expect(w.stderr).toMatch(/waiting for \d+ jobs held by other workers/);
      const m = /(\d+) new, (\d+) skipped \(already stored\), 0 failed/.exec(w.stderr)!;
      expect(Number(m[1])).toBe(n - committed);

      const stored = await docs('kill');
      expect(stored).toHaveLength(n);
      expect(new Set(stored.map((d) => d.source)).size).toBe(n);
      expect(new Set((await jobs('kill')).map((j) => j.state))).toEqual(new Set(['completed']));
    }, 240_000);

    it('SIGTERM: a worker finishes the jobs it holds, takes no more, and exits 0; a later one does the rest', async () => {
      const corpus = join(dir, 'term');
      mkdirSync(corpus);
      const n = 60;
      for (let i = 0; i < n; i++) {
        writeFileSync(join(corpus, `t${String(i).padStart(3, '0')}.txt`), `date 2022-02-${String(1 + (i % 28)).padStart(2, '0')}\n\nThe council in ward ${i} said ${i + 2} homes were flooded overnight.\n`);
      }
      expect((await run(['ingest', corpus, '--queue', '--db', url('term')])).stderr).toContain(`${n} queued`);
      const child = spawn(process.execPath, [cli, 'worker', '--db', url('term'), '-c', '1', '--batch', '2', '--poll', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      let seen = 0;
      for (const t0 = Date.now(); Date.now() - t0 < 90_000 && seen < 6; await new Promise((res) => setTimeout(res, 25))) {
        try { seen = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${base}_term.documents`))[0]!.n; } catch { /* not created yet */ }
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/SIGTERM: finishing the \d+ jobs held, taking no more/);
      const states = await sql<{ state: string; n: number }>(`SELECT state::text, count(*)::int AS n FROM ${base}_term_queue.job GROUP BY state`);
      // Nothing left held: each job it took is completed (and its document stored), the rest wait.
      expect(states.find((x) => x.state === 'active')).toBeUndefined();
      const completed = states.find((x) => x.state === 'completed')?.n ?? 0;
      expect((await docs('term')).length).toBe(completed);
      expect(completed).toBeLessThan(n);

      const w = await run(['worker', '--db', url('term'), '--drain', '--poll', '1']);
      expect(w.stderr).toContain(`${n - completed} new, 0 skipped (already stored), 0 failed`);
      expect(await docs('term')).toHaveLength(n);
    }, 240_000);
  });
}
