#!/usr/bin/env node
// Scores the built CLI against the gold articles in ../shared/eval (skips when they are absent).
// Usage: npm run eval [-- --verbose | --json | --limit N | --gold DIR]
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const goldAt = args.indexOf('--gold');
const gold = goldAt >= 0 ? resolve(args.splice(goldAt, 2)[1]) : join(root, '..', 'shared', 'eval', 'dev');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');
if (!existsSync(scorer) || !existsSync(gold)) {
  console.log(`eval skipped: no gold standard at ${gold} (the evaluation set lives in ../shared/eval beside the checkout)`);
  process.exit(0);
}
const cli = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('eval: dist/cli/main.js is missing; run `npm run build` first');
  process.exit(2);
}
const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} extract --format jsonl --no-progress`;
const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--cmd', cmd, '--batch', ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
