// End-to-end tests of the built `dateline` command (npm test builds first).
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorRecordSchema, ExtractionSchema } from '../src/schema/index.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/main.js');
const fixture = (name: string) => join(root, 'test/fixtures/wikinews', name);

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
});

describe('dateline extract', () => {
  it('prints one valid dateline/1 object whose text is the file exactly as read', () => {
    const r = run(['extract', fixture('GUM_news_asylum.txt')]);
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document.text).toBe(readFileSync(fixture('GUM_news_asylum.txt'), 'utf8'));
    expect(x.document.published).toBe('2015-05-18');
    expect(x.document.title).toBe('Over 900 asylum seekers rescued off Indonesian coast');
    for (const layer of ['entities', 'statements', 'quantities', 'times', 'places', 'events', 'framing'] as const) expect(Array.isArray(x[layer])).toBe(true);
  });

  it('reads an HTML page, stripping boilerplate, and the output validates', () => {
    const r = run(['extract', join(root, 'examples/wikinews-asylum.html')]);
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document.format).toBe('html');
    expect(x.document.text).not.toContain('tracker');
  });

  it('reads standard input and honours --published', () => {
    const r = run(['extract', '-', '--published', '2021-05-26'], 'Officials said 12 people were killed on Monday.');
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document).toMatchObject({ source: 'stdin', published: '2021-05-26', published_source: 'flag' });
  });

  it('includes tokens only with --tokens, each a span of the text', () => {
    const plain = JSON.parse(run(['extract', fixture('GUM_news_clock.txt')]).stdout);
    expect(plain.tokens).toBeUndefined();
    const x = JSON.parse(run(['extract', fixture('GUM_news_clock.txt'), '--tokens']).stdout);
    expect(Array.isArray(x.tokens)).toBe(true);
    for (const t of x.tokens.slice(0, 50)) expect(x.document.text.slice(t.start, t.end).trim()).not.toBe('');
  });

  it('goes on past bad files in a folder: an error record for each, exit 1 and a summary', () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    copyFileSync(fixture('GUM_news_nasa.txt'), join(corpus, 'a-nasa.txt'));
    copyFileSync(fixture('GUM_news_defector.txt'), join(corpus, 'b-defector.txt'));
    writeFileSync(join(corpus, 'c-empty.txt'), '');
    writeFileSync(join(corpus, 'd-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(join(corpus, 'e-latin1.txt'), Buffer.from('Caf\xe9 owners said prices rose.\r\nSecond line.', 'latin1'));
    writeFileSync(join(corpus, 'f-hidden.txt'), 'Gaza\u200B City \u202Eofficials\u202C said calm held.');
    writeFileSync(join(corpus, 'g-broken.json'), '{"text": "unterminated');
    writeFileSync(join(corpus, 'h-records.jsonl'), '{"text":"First record.","outlet":"A"}\n\n{"text":"Second record.","outlet":"B"}\n');
    writeFileSync(join(corpus, 'i-page.html'), '<html><head><script>x()</script><style>p{}</style></head><body><p>Page text.</p></body></html>');
    writeFileSync(join(corpus, 'skip.png'), Buffer.from([0x89, 0x50]));
    const r = run(['extract', corpus, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(10);
    const errors = lines.filter((l) => l.error).map((l) => ErrorRecordSchema.parse(l).error);
    expect(errors.map((e) => [e.code, e.input.replace(corpus + '/', '')])).toEqual([
      ['E_EMPTY', 'c-empty.txt'], ['E_BINARY', 'd-binary.txt'], ['E_BAD_JSON', 'g-broken.json'],
    ]);
    const docs = lines.filter((l) => !l.error).map((l) => ExtractionSchema.parse(l));
    expect(docs.map((d) => d.document.source!.replace(corpus + '/', ''))).toEqual(['a-nasa.txt', 'b-defector.txt', 'e-latin1.txt', 'f-hidden.txt', 'h-records.jsonl:1', 'h-records.jsonl:3', 'i-page.html']);
    const latin = docs[2]!;
    expect(latin.document.text).toBe('Caf\uFFFD owners said prices rose.\r\nSecond line.');
    expect(latin.warnings.map((w) => w.code)).toContain('W_INVALID_UTF8');
    expect(docs[3]!.warnings.map((w) => w.code)).toContain('W_CONTROL_CHARS');
    expect(docs[4]!.document.outlet).toBe('A');
    expect(r.stderr).toMatch(/7\/10 documents .* docs\/s.*3 failed/);
  });

  it('refuses inputs over --max-bytes with an error record', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Word '.repeat(5000));
    const r = run(['extract', big, '--max-bytes', '1000']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('exits 2 with a clear message for bad usage', () => {
    const bad = run(['extract', fixture('GUM_news_clock.txt'), '--published', '2021-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
    const missing = run(['extract', join(dir, 'no-such-file.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/E_NOT_FOUND/);
    expect(run(['extract', '--format', 'xml', fixture('GUM_news_clock.txt')]).code).toBe(2);
  });

  it('teaches itself with --help', () => {
    const r = run(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
    expect(run(['--help']).stdout).toMatch(/dateline extract/);
  });
});

describe('schema/dateline-1.json', () => {
  it('is up to date with the zod definition (npm run schema rewrites it)', async () => {
    const { jsonSchema } = await import('../scripts/build-schema.mjs');
    expect(JSON.parse(readFileSync(join(root, 'schema/dateline-1.json'), 'utf8'))).toEqual(jsonSchema());
  });
});
