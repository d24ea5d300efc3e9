// `dateline extract`: files, folders, JSON Lines or standard input to dateline/1 records.

import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { runBatch, type BatchSummary } from '../batch/pool.js';
import { addInputOptions, collectUnits } from './options.js';
import type { UnitResult } from '../batch/process.js';
import { formatPretty } from './pretty.js';
import type { Extraction } from '../schema/index.js';

export interface ExtractFlags {
  format?: 'json' | 'jsonl' | 'pretty';
  tokens?: boolean;
  published?: string;
  inputFormat: 'auto' | 'text' | 'html' | 'json';
  maxBytes: number;
  jobs: number;
  progress: boolean;
}

const EXAMPLES = `
Input: plain text (a leading "date YYYY-MM-DD" line or a classic dateline such as
"GAZA CITY, May 21 (Reuters) -" gives the publication date), an HTML page
(boilerplate stripped), a JSON record {"text"|"html", "url", "outlet", "published"},
a JSON Lines file (one record per line), a folder (walked recursively), or "-" for
standard input.

Output: one dateline/1 JSON object per document on stdout (see schema/dateline-1.json);
progress and errors on stderr. A file that cannot be read gives an error record
{"schema":"dateline/1","error":{"code","message","input"}} and the run goes on.
Exit status: 0 all documents extracted, 1 some failed, 2 bad usage.

Examples:
  $ dateline extract examples/wikinews-asylum.txt --format pretty
  $ dateline extract article.html > article.json
  $ dateline extract corpus/ --format jsonl > out.jsonl     # every core, progress bar
  $ curl -s https://example.org/story | dateline extract - --input-format html
  $ dateline extract notes.txt --published 2021-05-26 --tokens
`;

export function extractCommand(): Command {
  const cmd = new Command('extract')
    .description('extract statements, quantities, times and places from news articles as dateline/1 JSON')
    .argument('[inputs...]', 'files, folders, JSON Lines files, or - for standard input (default when piped)')
    .addOption(new Option('-f, --format <format>', 'output: json (one object; an array for several documents), jsonl (one line per document), pretty (a summary for people)').choices(['json', 'jsonl', 'pretty']))
    .option('--tokens', 'include tokens with part of speech, lemma and dependency', false);
  return addInputOptions(cmd, { published: 'publication date YYYY-MM-DD, overriding any date read from the input', jobs: 'worker threads for several documents' })
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(inputs, flags);
    });
}

/** Writes to stdout respecting back-pressure, so a large batch never buffers everything in memory. */
function writer() {
  let waiting: Promise<void> | null = null;
  return {
    write(s: string) {
      if (!process.stdout.write(s) && !waiting) {
        waiting = new Promise((res) => process.stdout.once('drain', () => { waiting = null; res(); }));
      }
    },
    drained: () => waiting ?? Promise.resolve(),
  };
}

export async function runExtract(inputs: string[], flags: ExtractFlags): Promise<number> {
  const units = await collectUnits(inputs, 'extract');
  if ('error' in units) {
    process.stderr.write(`dateline extract: ${units.error}\n`);
    return 2;
  }
  const format = flags.format ?? (units.length === 1 ? 'json' : 'jsonl');
  const color = process.stdout.isTTY === true;
  const out = writer();
  const many = units.length > 1;
  const bar = flags.progress && many && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'extract {bar} {value}/{total} docs · {rate} docs/s · eta {eta_formatted} · {failed} failed', hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(units.length, 0, { rate: '0', failed: 0 });
  const t0 = performance.now();
  let failed = 0;
  if (format === 'json' && many) out.write('[\n');
  const onResult = (r: UnitResult, i: number) => {
    if (!r.ok) {
      failed++;
      const msg = `dateline extract: ${r.source}: ${r.error.code}: ${r.error.message}\n`;
      // Clear the bar's line first; it redraws on the next update.
      process.stderr.write(bar ? `\r\x1b[K${msg}` : msg);
    }
    if (format === 'jsonl') out.write(r.json + '\n');
    else if (format === 'json') out.write((many && i > 0 ? ',\n' : '') + (many ? r.json : JSON.stringify(JSON.parse(r.json), null, 2)) + (many ? '' : '\n'));
    else if (r.ok) out.write((i > 0 ? '\n' : '') + formatPretty(JSON.parse(r.json) as Extraction, color));
    bar?.update(i + 1, { rate: ((i + 1) / ((performance.now() - t0) / 1000)).toFixed(1), failed });
  };
  let summary: BatchSummary;
  try {
    summary = await runBatch(units, {
      jobs: many ? flags.jobs : 1,
      read: { maxBytes: flags.maxBytes, format: flags.inputFormat, ...(flags.published ? { published: flags.published } : {}) },
      output: { tokens: flags.tokens ?? false },
      onResult,
    });
  } finally {
    bar?.stop();
  }
  if (format === 'json' && many) out.write('\n]\n');
  await out.drained();
  if (many) {
    const secs = summary.ms / 1000;
    process.stderr.write(`dateline extract: ${summary.total - summary.failed}/${summary.total} documents in ${secs.toFixed(1)} s (${(summary.total / secs).toFixed(1)} docs/s, ${Math.round(summary.words / secs)} words/s)${summary.failed ? `, ${summary.failed} failed` : ''}\n`);
  }
  return failed ? 1 : 0;
}
