// Options and input handling shared by the commands that read articles (extract, ingest).

import { Command, InvalidArgumentError, Option } from 'commander';
import { DatelineError } from '../core/index.js';
import { assertIsoDate, DEFAULT_MAX_BYTES, listFiles, unitsOf, type InputUnit } from '../ingest/index.js';
import { defaultJobs } from '../batch/pool.js';

export const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} takes a whole number ≥ 1`);
  return n;
};

export const isoDateArg = (v: string): string => {
  try { return assertIsoDate(v); } catch { throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD, e.g. 2021-05-26'); }
};

/** --published, --input-format, --max-bytes, --jobs and --no-progress, worded for the command. */
export function addInputOptions(cmd: Command, wording: { published: string; jobs: string }): Command {
  return cmd
    .option('--published <date>', wording.published, isoDateArg)
    .addOption(new Option('--input-format <format>', 'how to read inputs').choices(['auto', 'text', 'html', 'json']).default('auto'))
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt('--max-bytes'), DEFAULT_MAX_BYTES)
    .option('-j, --jobs <n>', wording.jobs, positiveInt('--jobs'), defaultJobs())
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)');
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The units of work the inputs name (standard input when none, or "-"), or the message for a usage error. */
export async function collectUnits(inputs: string[], command: string): Promise<InputUnit[] | { error: string }> {
  if (inputs.length === 0 && process.stdin.isTTY) return { error: `no input. Name a file or folder, or pipe text in (see dateline ${command} --help).` };
  let units: InputUnit[];
  try {
    if (inputs.length === 0 || (inputs.length === 1 && inputs[0] === '-')) units = [{ source: 'stdin', bytes: await readStdin() }];
    else units = [...unitsOf(listFiles(inputs.filter((i) => i !== '-')))];
  } catch (e) {
    return { error: e instanceof DatelineError ? `${e.code}: ${e.message}` : String(e) };
  }
  return units.length ? units : { error: 'no readable files (.txt .html .json .jsonl) in the inputs given.' };
}
