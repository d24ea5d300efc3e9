#!/usr/bin/env node
// Throughput of the dateline pipeline on one core, stage by stage, beside wink-nlp's pipeline in the same
// process, plus batch throughput of the CLI on a folder of copies of one article using every core.
// Usage: npm run bench [-- --seconds 5 --batch 1000 --no-batch --json]
import { readdirSync, readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir, availableParallelism, cpus } from 'node:os';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const seconds = Number(opt('--seconds', '4'));
const batchN = Number(opt('--batch', '1000'));
const asJson = args.includes('--json');

// The articles: the repo's Wikinews fixtures, plus ../shared's Wikinews and dev texts when present.
function corpus() {
  const texts = [];
  const addDir = (d) => { if (existsSync(d)) for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8')); };
  addDir(join(root, 'test/fixtures/wikinews'));
  const shared = join(root, '..', 'shared');
  addDir(join(shared, 'corpora/wikinews'));
  const dev = join(shared, 'eval/dev');
  if (existsSync(dev)) for (const f of readdirSync(dev).sort()) if (f.endsWith('.json')) texts.push(JSON.parse(readFileSync(join(dev, f), 'utf8')).text);
  return [...new Set(texts)];
}

const words = (t) => (t.match(/\S+/g) ?? []).length;
const mb = (n) => (n / 1048576).toFixed(0);

async function timeLoop(texts, fn) {
  let n = 0, w = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (const t of texts) { fn(t); n++; w += words(t); }
  }
  const s = (performance.now() - t0) / 1000;
  return { articles: n / s, words: w / s };
}

const texts = corpus();
const totalWords = texts.reduce((a, t) => a + words(t), 0);
const { createPipeline, documentFromText } = await import(join(root, 'dist/index.js'));

// Load: the first document pays for lazy model loading.
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const pipeline = createPipeline();
pipeline.run(documentFromText(texts[0]));
const loadMs = performance.now() - t0;
const rssLoaded = process.memoryUsage().rss;

// Per-stage time over one pass.
const stageMs = {};
let tokens = 0;
for (const t of texts) {
  const a = pipeline.run(documentFromText(t), { timings: true });
  tokens += a.layers.tokens.count;
  for (const [k, v] of Object.entries(a.timings)) stageMs[k] = (stageMs[k] ?? 0) + v;
}
const dl = await timeLoop(texts, (t) => pipeline.run(documentFromText(t)));

// Baseline: wink-nlp's full pipeline (sentences, tokens, POS, entities) on the same texts.
let wink = null;
try {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  const its = nlp.its;
  const r = await timeLoop(texts, (t) => { const d = nlp.readDoc(t); d.tokens().out(its.pos); d.sentences().out(); d.entities().out(its.detail); });
  wink = r;
} catch (e) {
  wink = { error: String(e.message ?? e) };
}

// Batch: the CLI over a folder of copies of one article (the founding example when ../shared has it), every core.
let batch = null;
if (!args.includes('--no-batch') && batchN > 0) {
  const seed = join(root, '..', 'shared', 'eval', 'dev', 'seed-tehran-2021-05-26.json');
  const text = existsSync(seed) ? JSON.parse(readFileSync(seed, 'utf8')).text : readFileSync(join(root, 'examples/wikinews-asylum.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  // Each copy differs by a last line, so ingest (which skips a document it already has) stores every one.
  for (let i = 0; i < batchN; i++) writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), `${text}\n\nCopy ${i}.\n`);
  const cli = join(root, 'dist/cli/main.js');
  const b0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'extract', dir, '--format', 'jsonl', '--no-progress'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = (performance.now() - b0) / 1000;
  const db = join(dir, '..', `dateline-bench-${process.pid}.db`);
  const i0 = performance.now();
  const ri = spawnSync(process.execPath, [cli, 'ingest', dir, '--db', db, '--no-progress'], { encoding: 'utf8' });
  const si = (performance.now() - i0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const lines = r.stdout.split('\n').filter(Boolean).length;
  batch = {
    article: existsSync(seed) ? 'seed-tehran-2021-05-26 (founding example)' : 'examples/wikinews-asylum.txt', copies: batchN, records: lines, exit: r.status,
    seconds: +s.toFixed(2), articles_per_s: +(batchN / s).toFixed(1), words_per_s: Math.round((batchN * words(text)) / s), jobs: availableParallelism(),
    ingest: { exit: ri.status, seconds: +si.toFixed(2), articles_per_s: +(batchN / si).toFixed(1) },
  };
}

const report = {
  machine: `${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · node ${process.version}`,
  corpus: { articles: texts.length, words: totalWords, tokens },
  load: { first_document_ms: +loadMs.toFixed(0), rss_mb: +mb(rssLoaded), rss_added_mb: +mb(rssLoaded - rss0) },
  dateline_one_core: { articles_per_s: +dl.articles.toFixed(1), words_per_s: Math.round(dl.words), tokens_per_s: Math.round((dl.articles * tokens) / texts.length) },
  wink_nlp_one_core: wink.error ? wink : { articles_per_s: +wink.articles.toFixed(1), words_per_s: Math.round(wink.words) },
  ratio_dateline_over_wink: wink.error ? null : +(dl.words / wink.words).toFixed(2),
  stages_ms_per_article: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, +(v / texts.length).toFixed(2)])),
  batch_cli_all_cores: batch,
};

if (asJson) console.log(JSON.stringify(report, null, 1));
else {
  console.log(`dateline bench — ${report.machine}`);
  console.log(`corpus: ${texts.length} articles, ${totalWords} words, ${tokens} tokens; each timing loop ${seconds} s`);
  console.log(`load: first document ${report.load.first_document_ms} ms (lazy model loading), rss ${report.load.rss_mb} MB (+${report.load.rss_added_mb} MB)`);
  console.log('');
  console.log('one core                 articles/s   words/s    tokens/s');
  console.log(`dateline (all stages)    ${String(report.dateline_one_core.articles_per_s).padStart(10)} ${String(report.dateline_one_core.words_per_s).padStart(9)} ${String(report.dateline_one_core.tokens_per_s).padStart(11)}`);
  if (!wink.error) console.log(`wink-nlp (baseline)      ${String(report.wink_nlp_one_core.articles_per_s).padStart(10)} ${String(report.wink_nlp_one_core.words_per_s).padStart(9)}`);
  else console.log(`wink-nlp baseline unavailable: ${wink.error}`);
  if (report.ratio_dateline_over_wink !== null) console.log(`ratio dateline/wink-nlp (words/s): ${report.ratio_dateline_over_wink}`);
  console.log('');
  console.log('stage                    ms/article   share');
  const total = Object.values(report.stages_ms_per_article).reduce((a, b) => a + b, 0);
  for (const [k, v] of Object.entries(report.stages_ms_per_article)) console.log(`${k.padEnd(24)} ${v.toFixed(2).padStart(10)} ${(100 * v / (total || 1)).toFixed(0).padStart(6)}%`);
  if (batch) {
    console.log('');
    console.log(`batch (CLI, ${batch.jobs} worker threads): ${batch.copies} copies of ${batch.article}`);
    console.log(`  extract -> JSONL:   ${batch.seconds} s, ${batch.articles_per_s} articles/s, ${batch.words_per_s} words/s (exit ${batch.exit}, ${batch.records} records)`);
    console.log(`  ingest -> SQLite:   ${batch.ingest.seconds} s, ${batch.ingest.articles_per_s} articles/s (exit ${batch.ingest.exit})`);
  }
}
