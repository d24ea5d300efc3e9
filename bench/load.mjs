#!/usr/bin/env node
// Load test of POST /api/extract: starts `dateline serve` on a free loopback port, sends a bounded
// autocannon run (connections and seconds capped), reports throughput and latency, then stops the server.
// Usage: npm run bench:load [-- --seconds 10 --connections 4 --threads N]  (--threads: the server's extraction threads;
// default every core, 0 extracts on the server thread)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? Number(args[i + 1]) : d; };
const seconds = Math.min(opt('--seconds', 10), 60);
const connections = Math.min(opt('--connections', 4), 32);
const threads = opt('--threads', undefined);

const seed = join(root, '..', 'shared', 'eval', 'dev', 'seed-tehran-2021-05-26.json');
const text = existsSync(seed) ? JSON.parse(readFileSync(seed, 'utf8')).text : readFileSync(join(root, 'examples/wikinews-asylum.txt'), 'utf8');
const port = await new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });

let startedLine = '';
const server = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', ...(threads === undefined ? [] : ['--threads', String(threads)])], { stdio: ['ignore', 'ignore', 'pipe'] });
await new Promise((res, rej) => {
  server.stderr.on('data', (d) => { if (String(d).includes('http://')) { startedLine = String(d).trim(); res(); } });
  server.on('exit', (c) => rej(new Error(`server exited with ${c}`)));
  setTimeout(() => rej(new Error('server did not start in 30 s')), 30_000);
});
const url = `http://127.0.0.1:${port}/api/extract`;
const body = JSON.stringify({ text });
// Warm up: the first request loads the models.
await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
server.kill('SIGTERM');
const words = (text.match(/\S+/g) ?? []).length;
console.log(`POST /api/extract, ${existsSync(seed) ? 'the founding article' : 'examples/wikinews-asylum.txt'} (${words} words), ${connections} connections, ${seconds} s, one server process (${/(\d+ extraction threads?|extracting on the server thread)/.exec(startedLine)?.[1] ?? '?'})`);
console.log(`requests: ${result.requests.total} (${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`);
console.log(`throughput: ${result.requests.average.toFixed(1)} req/s (${Math.round(result.requests.average * words)} words/s)`);
console.log(`latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
