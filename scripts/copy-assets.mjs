#!/usr/bin/env node
// Copies data files that live beside the code in src/ (lexicons: .json, .tsv, .txt) into dist/,
// so a module finds them with new URL('./x.tsv', import.meta.url) whether it runs from src/ or dist/.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src'), dist = join(root, 'dist');
const ASSET = /\.(json|tsv|txt|csv)$/i;
let n = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'fixtures') walk(p); continue; }
    if (!ASSET.test(name)) continue;
    const to = join(dist, relative(src, p));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(p, to);
    n++;
  }
};
walk(src);
if (process.argv.includes('--verbose')) console.log(`copied ${n} data files into dist/`);
