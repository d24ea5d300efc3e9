#!/usr/bin/env node
// Per-stage cost of the extraction stages, their long-input scaling, and an output diff against a reference build.
// The NLP layers are computed once per text and fed to every extract stage, so NLP changes cannot hide in the diff.
// Usage (after `npx tsc -p . && node scripts/copy-assets.mjs`):
//   node bench/profile-stages.mjs --time [--passes 3]          per-stage ms/article over the corpus
//   node bench/profile-stages.mjs --scale [--sizes 80000,320000,1300000]   extract-stage ms on concatenated texts
//   node bench/profile-stages.mjs --dump out.jsonl              extract layers per text as JSON lines
//   --dist DIR: time, scale or dump another build's extract stages (DIR is a dist/ folder), on this build's NLP layers
//   node bench/profile-stages.mjs --diff REF_DIST              same NLP layers through REF_DIST's and this build's stages; prints differences
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };

const NLP = ['tokenizeStage', 'sentenceStage', 'taggerStage', 'parserStage', 'nerStage'];
const EXTRACT = [
  ['times', 'timesStage'], ['places', 'placesStage'], ['entities', 'entitiesStage'],
  ['statements', 'statementsStage'], ['quantities', 'quantitiesStage'], ['framing', 'framingStage'],
];

/** Every corpus text with its publication date when known: shared Wikinews, dev texts, held-out gold texts. */
function corpus() {
  const items = [];
  const shared = join(root, '..', 'shared');
  const wn = join(shared, 'corpora/wikinews');
  if (existsSync(wn)) for (const f of readdirSync(wn).sort()) if (f.endsWith('.txt')) items.push({ id: 'wikinews/' + f, text: readFileSync(join(wn, f), 'utf8') });
  for (const d of [join(shared, 'eval/dev'), join(root, 'test/gold/wikinews')]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.json')) {
      const j = JSON.parse(readFileSync(join(d, f), 'utf8'));
      items.push({ id: d.split('/').slice(-2).join('/') + '/' + f, text: j.text, published: j.meta?.published });
    }
  }
  return items;
}

async function loadExtract(dist) {
  const stages = [];
  for (const [dir, name] of EXTRACT) stages.push((await import(pathToFileURL(join(dist, 'extract', dir, 'index.js')).href))[name]);
  return stages;
}

const { documentFromText } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const nlpMod = await import(pathToFileURL(join(root, 'dist/nlp/index.js')).href);
const nlpStages = NLP.map((n) => nlpMod[n]);
const mine = await loadExtract(join(root, 'dist'));
/** The stages timed and dumped: this build's, or another build's given with --dist (e.g. a copy of dist/ from before a change). */
const measured = opt('--dist') ? await loadExtract(resolve(opt('--dist'))) : mine;

const makeDoc = (it) => documentFromText(it.text, it.published ? { published: it.published } : {});
function nlpLayers(doc) {
  const layers = {};
  for (const s of nlpStages) Object.assign(layers, s.run(doc, layers));
  return layers;
}
/** CPU milliseconds of this thread's process so far: steadier than wall time on a machine shared with other jobs. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
/** Runs the extract stages on a copy of the NLP layers; returns the layers and adds CPU ms per stage to `ms`. */
function runExtract(stages, doc, nlp, ms) {
  const layers = { ...nlp };
  for (const s of stages) {
    const t0 = cpuMs();
    Object.assign(layers, s.run(doc, layers));
    if (ms) ms[s.name] = (ms[s.name] ?? 0) + cpuMs() - t0;
  }
  return layers;
}
const produced = (stages) => stages.flatMap((s) => s.produces);
const pick = (layers, keys) => Object.fromEntries(keys.map((k) => [k, layers[k]]));
const json = (v) => JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x] : x instanceof Set ? [...x] : ArrayBuffer.isView(x) ? Array.from(x) : x));

const items = corpus();

if (args.includes('--dump')) {
  const stages = measured;
  const lines = items.map((it) => { const doc = makeDoc(it); return json({ id: it.id, ...pick(runExtract(stages, doc, nlpLayers(doc)), produced(stages)) }); });
  writeFileSync(opt('--dump'), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} lines to ${opt('--dump')}`);
}

if (args.includes('--diff')) {
  const ref = await loadExtract(resolve(opt('--diff')));
  let diffs = 0;
  // One long text too, so behaviour that only shows at scale (many names, repeated mentions) is compared.
  const longSize = Number(opt('--long', '250000'));
  let long = ''; while (long.length < longSize && items.length) long += items.map((it) => it.text).join('\n\n') + '\n\n';
  const checked = longSize > 0 ? [...items, { id: `concatenated/${longSize}`, text: long.slice(0, longSize), published: '2020-01-01' }] : items;
  // And text with few line breaks (long paragraphs take other paths, e.g. chrono's windows).
  if (longSize > 0) checked.push({ id: 'long-lines/60000', text: long.slice(0, 60000).replace(/\n+(?!\n*date )/g, ' '), published: '2020-01-01' });
  for (const it of checked) {
    const doc = makeDoc(it);
    const nlp = nlpLayers(doc);
    const a = runExtract(ref, makeDoc(it), nlp), b = runExtract(mine, makeDoc(it), nlp);
    for (const k of produced(mine)) {
      const x = json(a[k]), y = json(b[k]);
      if (x !== y) {
        diffs++;
        let i = 0; while (i < x.length && x[i] === y[i]) i++;
        console.log(`DIFF ${it.id} ${k} @${i}\n  ref: ${x.slice(Math.max(0, i - 120), i + 120)}\n  new: ${y.slice(Math.max(0, i - 120), i + 120)}`);
      }
    }
  }
  console.log(`${checked.length} texts, ${diffs} differing layers`);
  if (diffs) process.exitCode = 1;
}

if (args.includes('--time')) {
  const passes = Number(opt('--passes', '3'));
  const prepared = items.map((it) => { const doc = makeDoc(it); return { it, nlp: nlpLayers(doc) }; });
  for (const p of prepared) runExtract(measured, makeDoc(p.it), p.nlp); // warm-up, loads resources
  const nlpMs = {};
  for (const p of prepared) { const doc = makeDoc(p.it); const l = {}; for (const s of nlpStages) { const t0 = cpuMs(); Object.assign(l, s.run(doc, l)); nlpMs[s.name] = (nlpMs[s.name] ?? 0) + cpuMs() - t0; } }
  const ms = {};
  for (let k = 0; k < passes; k++) for (const p of prepared) runExtract(measured, makeDoc(p.it), p.nlp, ms);
  const n = items.length, chars = items.reduce((a, it) => a + it.text.length, 0) / n;
  console.log(`${n} texts, mean ${chars.toFixed(0)} chars, ${passes} passes; CPU ms/article:`);
  for (const [k, v] of Object.entries(nlpMs)) console.log(`  ${k.padEnd(16)} ${(v / n).toFixed(2)} (one pass)`);
  for (const [k, v] of Object.entries(ms)) console.log(`  ${k.padEnd(16)} ${(v / n / passes).toFixed(2)}`);
}

if (args.includes('--scale')) {
  const sizes = opt('--sizes', '80000,320000,1300000').split(',').map(Number);
  const all = items.map((it) => it.text).join('\n\n');
  { const doc = makeDoc(items[0]); runExtract(measured, doc, nlpLayers(doc)); } // warm-up: resources load outside the timings
  for (const size of sizes) {
    let text = all; while (text.length < size) text += '\n\n' + all;
    text = text.slice(0, size);
    const doc = documentFromText(text, { published: '2020-01-01' });
    const t0 = cpuMs();
    const nlp = nlpLayers(doc);
    const nlpMsTotal = cpuMs() - t0;
    const ms = {};
    runExtract(measured, doc, nlp, ms);
    console.log(`${size} chars, CPU ms: nlp ${nlpMsTotal.toFixed(0)} ms; ` + Object.entries(ms).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }
}
