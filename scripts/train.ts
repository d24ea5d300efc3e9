// `npm run train -- <model> [options]`: trains one of the NLP core's models from ../shared/corpora.
// Models: tagger, parser, ner, sentences. Options pass through to the model's own script (e.g. --seed N).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS: Record<string, string> = { tagger: 'train-tagger.ts', parser: 'train-parser.ts', ner: 'train-ner.ts', sentences: 'train-sentences.ts' };
const [model, ...rest] = process.argv.slice(2);
if (!model || !SCRIPTS[model]) {
  console.error(`usage: npm run train -- <${Object.keys(SCRIPTS).join('|')}> [--seed N] [...]\n(the parser imitates the tagger's errors, so train the tagger first when both change)`);
  process.exit(2);
}
const script = fileURLToPath(new URL(`./${SCRIPTS[model]}`, import.meta.url));
const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);
