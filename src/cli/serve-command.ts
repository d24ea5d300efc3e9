// `dateline serve`: the JSON API and the web app on one port.

import { Command, InvalidArgumentError } from 'commander';
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app.js';
import { availableParallelism } from 'node:os';
import { openStore } from '../store/index.js';
import { ExtractPool } from '../queue/pool.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
};

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
    .option('-p, --port <port>', 'port to listen on', port, 8787)
    .option('--host <host>', 'address to listen on; anything but localhost needs --token', '127.0.0.1')
    .option('--token <token>', 'bearer token required for writes (default: $DATELINE_TOKEN)')
    .option('--max-body <bytes>', 'largest request body', (v) => Number(v), 5 * 1024 * 1024)
    .option('-t, --threads <n>', 'extraction threads (0: extract on the server thread itself)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number of threads, 0 or more');
      return n;
    }, availableParallelism())
    .option('--db <path|url>', 'a store (SQLite file or postgres:// URL) to serve the corpus views from and ingest into')
    .addHelpText('after', `
Examples:
  $ dateline serve                          # http://127.0.0.1:8787, extracting on every core
  $ dateline serve --threads 1              # one extraction thread: leaves the other cores free
  $ curl -s localhost:8787/api/extract -H 'content-type: application/json' \\
      -d '{"text":"Police said 12 people were hurt on Monday.","published":"2021-05-26"}'
  $ dateline serve --db news.db             # also the corpus views: /api/speakers, /api/disagreements, ...
  $ DATELINE_TOKEN=secret dateline serve --host 0.0.0.0 --db news.db`)
    .action(async (flags: { port: number; host: string; token?: string; maxBody: number; threads: number; db?: string }) => {
      const token = flags.token ?? process.env['DATELINE_TOKEN'];
      if (!LOOPBACK.test(flags.host) && !token) {
        process.stderr.write(`dateline serve: listening on ${flags.host} reaches beyond this machine; set --token or DATELINE_TOKEN so writes need it.\n`);
        process.exitCode = 2;
        return;
      }
      const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
      let store;
      try {
        store = flags.db ? await openStore(flags.db) : undefined;
      } catch (e) {
        process.stderr.write(`dateline serve: ${(e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      // Extraction threads load the models before the port opens, so the first request is not the slow one.
      const pool = flags.threads > 0 ? new ExtractPool(flags.threads) : undefined;
      try {
        await pool?.ready();
      } catch (e) {
        process.stderr.write(`dateline serve: ${(e as Error).message}\n`);
        await pool?.close();
        await store?.close();
        process.exitCode = 2;
        return;
      }
      const app = createApp({ webRoot, maxBodyBytes: flags.maxBody, ...(token ? { token } : {}), ...(store ? { store } : {}), ...(pool ? { pool } : {}) });
      const server = serve({ fetch: app.fetch, port: flags.port, hostname: flags.host }, (info) => {
        process.stderr.write(`dateline serve: http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${info.port}/ (API at /api, OpenAPI at /api/openapi.json; ${pool ? `${pool.threads} extraction thread${pool.threads === 1 ? '' : 's'}` : 'extracting on the server thread'})\n`);
      });
      const stop = () => server.close(() => {
        void Promise.allSettled([pool?.close(), store?.close()]).finally(() => process.exit(0));
      });
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
