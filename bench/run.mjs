#!/usr/bin/env node
// Throughput of the dateline pipeline on one core, stage by stage, beside wink-nlp's pipeline in the same
// process, plus batch throughput of the CLI on a folder of copies of one article using every core.
// Wall time on a shared machine depends on the other jobs, so every figure also comes as CPU time per article
// (process.cpuUsage; per thread from /proc on Linux), best of --runs runs, with the load average before and after.
// Usage: npm run bench [-- --seconds 5 --batch 1000 --runs 3 --no-batch --json]
import { readdirSync, readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir, availableParallelism, cpus, loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const seconds = Number(opt('--seconds', '4'));
const batchN = Number(opt('--batch', '1000'));
const asJson = args.includes('--json');
const runs = Math.max(1, Number(opt('--runs', '3')));
const loadBefore = loadavg().map((x) => +x.toFixed(2));
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

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

/** Best of `runs` timing loops (highest wall rate; lowest CPU per article, counted apart since they may differ). */
async function timeLoop(texts, fn) {
  let best = null;
  for (let r = 0; r < runs; r++) {
    let n = 0, w = 0;
    const t0 = performance.now(), c0 = cpuMs();
    while (performance.now() - t0 < seconds * 1000) {
      for (const t of texts) { fn(t); n++; w += words(t); }
    }
    const s = (performance.now() - t0) / 1000;
    const cpuPerArticle = (cpuMs() - c0) / n;
    best = !best ? { articles: n / s, words: w / s, cpu_ms_per_article: cpuPerArticle }
      : { articles: Math.max(best.articles, n / s), words: Math.max(best.words, w / s), cpu_ms_per_article: Math.min(best.cpu_ms_per_article, cpuPerArticle) };
  }
  return best;
}

const texts = corpus();
const totalWords = texts.reduce((a, t) => a + words(t), 0);
const { createPipeline, createNlpPipeline, documentFromText } = await import(join(root, 'dist/index.js'));

// Load: the first document pays for lazy model loading.
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const pipeline = createPipeline();
pipeline.run(documentFromText(texts[0]));
const loadMs = performance.now() - t0;
const rssLoaded = process.memoryUsage().rss;

const dl = await timeLoop(texts, (t) => pipeline.run(documentFromText(t)));
// The NLP core alone (tokenize, split, tag, parse, named entities): issue 3's speed figure, the layers wink-nlp's pipeline also gives.
const nlp = createNlpPipeline();
const core = await timeLoop(texts, (t) => nlp.run(documentFromText(t)));
// Per-stage time over one pass, after the timing loop so the code is warm (a cold pass reads up to twice as slow).
const stageMs = {};
let tokens = 0;
for (const t of texts) {
  const a = pipeline.run(documentFromText(t), { timings: true });
  tokens += a.layers.tokens.count;
  for (const [k, v] of Object.entries(a.timings)) stageMs[k] = (stageMs[k] ?? 0) + v;
}

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
  const db = join(dir, '..', `dateline-bench-${process.pid}.db`);
  const dropDb = () => { for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true }); };
  // The CLI prints CPU per thread on exit with DATELINE_THREAD_STATS (src/batch/stats.ts).
  const env = { ...process.env, DATELINE_THREAD_STATS: '1' };
  const threadsOf = (stderr) => {
    const line = stderr.split('\n').find((l) => l.startsWith('dateline threads: '));
    return line ? JSON.parse(line.slice('dateline threads: '.length)) : null;
  };
  /** One CLI run: wall, articles/s, CPU ms per article for the process, the main thread and the workers (after their first article, i.e. without model loading). */
  const measure = (argv, check) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, env });
    const s = (performance.now() - t0) / 1000;
    const th = threadsOf(r.stderr ?? '');
    const per = (ms) => +(ms / batchN).toFixed(2);
    const steady = th?.workers.map((w) => (w.units > 1 ? +((w.cpu_ms - w.first_unit_cpu_ms) / (w.units - 1)).toFixed(2) : null));
    return {
      exit: r.status, ok: check(r), seconds: +s.toFixed(2), articles_per_s: +(batchN / s).toFixed(1), words_per_s: Math.round((batchN * words(text)) / s),
      // process and main thread: per article of the batch; each worker: per article it extracted.
      cpu_ms_per_article: th ? { process: per(th.process_cpu_ms), main_thread: per(th.main_cpu_ms), workers: th.workers.map((w) => +(w.cpu_ms / Math.max(1, w.units)).toFixed(2)), workers_after_first: steady } : null,
      worker_first_article_cpu_ms: th?.workers.map((w) => w.first_unit_cpu_ms) ?? null,
      articles_per_worker: th?.workers.map((w) => w.units) ?? null,
    };
  };
  const best = (xs) => xs.reduce((a, b) => (b.articles_per_s > a.articles_per_s ? b : a));
  const extracts = [], ingests = [];
  let records = 0;
  for (let k = 0; k < runs; k++) {
    extracts.push(measure(['extract', dir, '--format', 'jsonl', '--no-progress'], (r) => (records = r.stdout.split('\n').filter(Boolean).length) === batchN));
    dropDb();
    ingests.push(measure(['ingest', dir, '--db', db, '--no-progress'], (r) => r.status === 0 && (r.stderr ?? '').includes(`${batchN} new`)));
    dropDb();
  }
  rmSync(dir, { recursive: true, force: true });
  const e = best(extracts), i = best(ingests);
  batch = {
    article: existsSync(seed) ? 'seed-tehran-2021-05-26 (founding example)' : 'examples/wikinews-asylum.txt', copies: batchN, records, runs, jobs: availableParallelism(),
    extract: e, ingest: i,
    // CPU per article is the figure that survives other jobs on the machine: the rate if every core were ours.
    cpu_bound_articles_per_s: {
      extract: e.cpu_ms_per_article ? +((1000 * availableParallelism()) / e.cpu_ms_per_article.process).toFixed(1) : null,
      ingest: i.cpu_ms_per_article ? +((1000 * availableParallelism()) / i.cpu_ms_per_article.process).toFixed(1) : null,
    },
    all_runs_articles_per_s: { extract: extracts.map((x) => x.articles_per_s), ingest: ingests.map((x) => x.articles_per_s) },
  };
}

const report = {
  machine: `${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · node ${process.version}`,
  corpus: { articles: texts.length, words: totalWords, tokens },
  load: { first_document_ms: +loadMs.toFixed(0), rss_mb: +mb(rssLoaded), rss_added_mb: +mb(rssLoaded - rss0) },
  load_average: { before: loadBefore, after: loadavg().map((x) => +x.toFixed(2)), cores: availableParallelism() },
  dateline_one_core: { articles_per_s: +dl.articles.toFixed(1), words_per_s: Math.round(dl.words), tokens_per_s: Math.round((dl.articles * tokens) / texts.length), cpu_ms_per_article: +dl.cpu_ms_per_article.toFixed(2) },
  nlp_core_one_core: { articles_per_s: +core.articles.toFixed(1), words_per_s: Math.round(core.words), tokens_per_s: Math.round((core.articles * tokens) / texts.length), cpu_ms_per_article: +core.cpu_ms_per_article.toFixed(2) },
  wink_nlp_one_core: wink.error ? wink : { articles_per_s: +wink.articles.toFixed(1), words_per_s: Math.round(wink.words) },
  ratio_dateline_over_wink: wink.error ? null : +(dl.words / wink.words).toFixed(2),
  ratio_nlp_core_over_wink: wink.error ? null : +(core.words / wink.words).toFixed(2),
  stages_ms_per_article: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, +(v / texts.length).toFixed(2)])),
  batch_cli_all_cores: batch,
};

if (asJson) console.log(JSON.stringify(report, null, 1));
else {
  console.log(`dateline bench — ${report.machine}`);
  console.log(`corpus: ${texts.length} articles, ${totalWords} words, ${tokens} tokens; each timing loop ${seconds} s, best of ${runs}`);
  console.log(`load average (1/5/15 min) before ${report.load_average.before.join(' ')}, after ${report.load_average.after.join(' ')} on ${report.load_average.cores} cores`);
  console.log(`load: first document ${report.load.first_document_ms} ms (lazy model loading), rss ${report.load.rss_mb} MB (+${report.load.rss_added_mb} MB)`);
  console.log('');
  console.log('one core                 articles/s   words/s    tokens/s   CPU ms/article (process, all threads)');
  console.log(`dateline (all stages)    ${String(report.dateline_one_core.articles_per_s).padStart(10)} ${String(report.dateline_one_core.words_per_s).padStart(9)} ${String(report.dateline_one_core.tokens_per_s).padStart(11)}   ${report.dateline_one_core.cpu_ms_per_article}`);
  const c = report.nlp_core_one_core;
  console.log(`NLP core (tok..NER)      ${String(c.articles_per_s).padStart(10)} ${String(c.words_per_s).padStart(9)} ${String(c.tokens_per_s).padStart(11)}   ${c.cpu_ms_per_article}`);
  if (!wink.error) console.log(`wink-nlp (baseline)      ${String(report.wink_nlp_one_core.articles_per_s).padStart(10)} ${String(report.wink_nlp_one_core.words_per_s).padStart(9)}`);
  else console.log(`wink-nlp baseline unavailable: ${wink.error}`);
  if (report.ratio_dateline_over_wink !== null) console.log(`ratio to wink-nlp (words/s): all stages ${report.ratio_dateline_over_wink}, NLP core ${report.ratio_nlp_core_over_wink}`);
  console.log('');
  console.log('stage                    ms/article   share');
  const total = Object.values(report.stages_ms_per_article).reduce((a, b) => a + b, 0);
  for (const [k, v] of Object.entries(report.stages_ms_per_article)) console.log(`${k.padEnd(24)} ${v.toFixed(2).padStart(10)} ${(100 * v / (total || 1)).toFixed(0).padStart(6)}%`);
  if (batch) {
    console.log('');
    console.log(`batch (CLI, ${batch.jobs} worker threads): ${batch.copies} copies of ${batch.article}, best of ${batch.runs}`);
    console.log('                     wall s  articles/s   CPU ms/article: process  main thread  each worker, per article it took (after its 1st)   if all cores were ours');
    const row = (label, x, bound) => {
      const c = x.cpu_ms_per_article;
      const workers = c ? c.workers.map((w, k) => `${w} (${c.workers_after_first[k] ?? '-'})`).join(', ') : '-';
      console.log(`  ${label.padEnd(18)} ${String(x.seconds).padStart(6)} ${String(x.articles_per_s).padStart(11)}   ${String(c?.process ?? '-').padStart(22)} ${String(c?.main_thread ?? '-').padStart(12)}  ${workers.padEnd(36)} ${bound ?? '-'} art/s${x.ok ? '' : `  (FAILED, exit ${x.exit})`}`);
    };
    row('extract -> JSONL', batch.extract, batch.cpu_bound_articles_per_s.extract);
    row('ingest -> SQLite', batch.ingest, batch.cpu_bound_articles_per_s.ingest);
    if (batch.extract.worker_first_article_cpu_ms) console.log(`  worker start-up (first article, models loaded): ${batch.extract.worker_first_article_cpu_ms.join(', ')} CPU ms; articles per worker ${batch.extract.articles_per_worker.join(', ')}`);
    console.log(`  every run, articles/s: extract ${batch.all_runs_articles_per_s.extract.join(', ')}; ingest ${batch.all_runs_articles_per_s.ingest.join(', ')}`);
  }
}
