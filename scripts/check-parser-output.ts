// Pins the parser's output so speed work can prove it changes nothing: parses EWT test and GUM test (gold
// tokenization) with gold tags and with deterministically corrupted tags (wrong and unknown tags), and either
// saves every head and label or compares them with a file saved earlier (by older code, same model).
// Usage: node --import tsx scripts/check-parser-output.ts [--model PATH] (--save FILE | --against FILE)
// Exit status 1 when any head or label differs.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ParserModel } from '../src/nlp/parser/model.js';
import { DEFAULT_CORPORA, readTreebank } from '../src/nlp/parser/treebank.js';
import type { TreebankSentence } from '../src/nlp/parser/train.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: new URL('../models/parser.bin', import.meta.url).pathname },
    corpora: { type: 'string', default: DEFAULT_CORPORA },
    save: { type: 'string' },
    against: { type: 'string' },
  },
});
if (!values.save === !values.against) throw new Error('give exactly one of --save FILE or --against FILE');

const file = readFileSync(values.model);
const model = ParserModel.deserialize(file);
const ewt = readTreebank(join(values.corpora, 'ud-ewt', 'en_ewt-ud-test.conllu'));
const gumDocs = readFileSync(join(values.corpora, 'gum', 'test.docs'), 'utf8').split('\n').map((d) => d.trim()).filter(Boolean)
  .map((d) => readTreebank(join(values.corpora, 'gum', `${d}.conllu`)));

/** Every 7th token gets another known tag, every 23rd an unknown one: exercises what a tagger's errors exercise. */
function corrupt(tags: readonly string[], salt: number): string[] {
  return tags.map((t, i) => ((i + salt) % 23 === 0 ? 'XX-unknown' : (i + salt) % 7 === 0 ? model.tags[(i * 31 + salt) % model.tags.length]! : t));
}

const heads: number[] = [];
const labels: string[] = [];
// EWT: one sentence at a time (ParserModel.parse).
for (const variant of [0, 1]) {
  ewt.forEach((s, si) => {
    const p = model.parse(s.forms, variant ? corrupt(s.tags, si) : s.tags);
    for (let i = 0; i < s.forms.length; i++) { heads.push(p.head[i]!); labels.push(model.labels[p.label[i]!]!); }
  });
}
// GUM: whole documents, each sentence parsed in place (parseInto, as the pipeline stage does).
for (const variant of [0, 1]) {
  gumDocs.forEach((doc: TreebankSentence[], di) => {
    const forms = doc.flatMap((s) => s.forms);
    const tags = doc.flatMap((s, si) => (variant ? corrupt(s.tags, di + si) : s.tags));
    const head = new Int32Array(forms.length), label = new Int32Array(forms.length);
    let start = 0;
    for (const s of doc) { model.parseInto(forms, tags, start, start + s.forms.length, head, label); start += s.forms.length; }
    for (let i = 0; i < forms.length; i++) { heads.push(head[i]!); labels.push(model.labels[label[i]!]!); }
  });
}

const modelHash = createHash('sha256').update(file).digest('hex').slice(0, 16);
if (values.save) {
  writeFileSync(values.save, gzipSync(JSON.stringify({ model: modelHash, heads, labels })));
  console.log(`saved ${heads.length} heads and labels of model ${modelHash} to ${values.save}`);
} else {
  const ref = JSON.parse(gunzipSync(readFileSync(values.against!)).toString('utf8')) as { model: string; heads: number[]; labels: string[] };
  if (ref.model !== modelHash) console.log(`note: reference was made with model ${ref.model}, this is ${modelHash}`);
  let headDiff = 0, labelDiff = 0;
  if (ref.heads.length !== heads.length) throw new Error(`reference has ${ref.heads.length} tokens, this run ${heads.length}`);
  for (let i = 0; i < heads.length; i++) {
    if (ref.heads[i] !== heads[i]) headDiff++;
    if (ref.labels[i] !== labels[i]) labelDiff++;
  }
  console.log(`${heads.length} tokens compared (EWT test + GUM test, gold and corrupted tags): ${headDiff} heads and ${labelDiff} labels differ`);
  process.exitCode = headDiff || labelDiff ? 1 : 0;
}
