// `dateline speakers|claims|disagreements|framing|search|export`: thin shells over the corpus views of a store,
// printing aligned tables for people on a terminal and JSON or CSV for scripts.

import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isoDateArg } from './options.js';
import { DEFAULT_DB, isPostgresUrl, openStore, StoreError, type Store } from '../store/index.js';
import { COMPARABLE } from '../corpus/claims.js';
import {
  claims, DEFAULT_SCAN, disagreements, exportColumns, exportLayer, exportRecords, framing, MAX_LIMIT, placesGeoJson, search, speakers,
  type ClaimView, type ExportLayer, type FramingBy, type Scope,
} from '../corpus/views.js';

type Format = 'table' | 'json' | 'csv';

interface CommonFlags extends Scope {
  db: string;
  format?: Format;
  limit: number;
  offset: number;
}

const say = (cmd: string, msg: string) => process.stderr.write(`dateline ${cmd}: ${msg}\n`);

const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} takes a whole number from ${min} to ${max}`);
  return n;
};

const isoDate = isoDateArg;

/** The options every view takes: where the store is, how to print, which documents, which page. */
function viewCommand(name: string, description: string, formats: readonly Format[] = ['table', 'json', 'csv']): Command {
  return new Command(name)
    .description(description)
    .option('--db <path|url>', 'SQLite file path, or postgres://user@host:port/database[?schema=name]', DEFAULT_DB)
    .addOption(new Option('-f, --format <format>', 'output: table for people (default on a terminal), json for scripts (default when piped)' + (formats.includes('csv') ? ', csv' : '')).choices([...formats]))
    .option('--outlet <name>', 'only documents of this outlet (exact name)')
    .option('--from <date>', 'only documents published on or after YYYY-MM-DD', isoDate)
    .option('--to <date>', 'only documents published on or before YYYY-MM-DD', isoDate)
    .option('-n, --limit <n>', `rows to print at most (1-${MAX_LIMIT})`, wholeNumber('--limit', 1, MAX_LIMIT), 50)
    .option('--offset <n>', 'rows to skip first', wholeNumber('--offset', 0), 0);
}

/** Opens an existing store for reading: a missing SQLite file is a usage error, not a new empty store. */
async function openForReading(cmd: string, db: string): Promise<Store | null> {
  if (!isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) {
    say(cmd, `no store at ${db}: fill one with "dateline ingest <files> --db ${db}", or name it with --db.`);
    return null;
  }
  try {
    return await openStore(db);
  } catch (e) {
    say(cmd, e instanceof StoreError ? `${e.code}: ${e.message}` : String(e));
    return null;
  }
}

/** Runs a view on the store named by --db; exit status 0 printed, 1 the query failed, 2 no store. */
async function withStore(cmd: string, db: string, view: (store: Store) => Promise<void>): Promise<void> {
  // A reader that stops early (| head) closes the pipe: that ends the output, it is not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  const store = await openForReading(cmd, db);
  if (!store) { process.exitCode = 2; return; }
  try {
    await view(store);
  } catch (e) {
    say(cmd, e instanceof StoreError ? `${e.code}: ${e.message}` : (e as Error).message ?? String(e));
    process.exitCode = 1;
  } finally {
    await store.close().catch(() => {});
  }
}

const scopeOf = (f: Scope): Scope => ({
  ...(f.outlet !== undefined ? { outlet: f.outlet } : {}), ...(f.from !== undefined ? { from: f.from } : {}), ...(f.to !== undefined ? { to: f.to } : {}),
});

const formatOf = (f: { format?: Format }): Format => f.format ?? (process.stdout.isTTY ? 'table' : 'json');

// ---------------------------------------------------------------------------------------------- printing

type Cell = string | number | null | undefined;

/** The widest a table cell gets on a terminal; longer text is cut with an ellipsis (JSON and CSV keep it whole). */
const CELL_WIDTH = 60;

const cellText = (c: Cell): string => (c === null || c === undefined ? '' : String(c)).replace(/\s+/g, ' ');
const cut = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s);

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly Cell[][]): string {
  const cells = rows.map((r) => r.map((c) => cut(cellText(c), CELL_WIDTH)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const line = (r: readonly string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

const CSV_SPECIAL = /[",\r\n]/;

const csvCell = (c: unknown): string => {
  const s = c === null || c === undefined ? '' : typeof c === 'object' ? JSON.stringify(c) : String(c);
  return CSV_SPECIAL.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One RFC 4180 CSV line, with its CRLF. */
const csvLine = (row: readonly unknown[]): string => row.map(csvCell).join(',') + '\r\n';

/** RFC 4180 CSV: a header line, then one line per row. */
export const formatCsv = (header: readonly string[], rows: readonly unknown[][]): string => [header, ...rows].map(csvLine).join('');

function print(format: Format, data: unknown, header: readonly string[], rows: () => Cell[][], empty: string): void {
  if (format === 'json') process.stdout.write(JSON.stringify(data, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write(formatCsv(header, rows()));
  else {
    const r = rows();
    process.stdout.write(r.length ? formatTable(header, r) : `${empty}\n`);
  }
}

const QUALIFIER: Record<string, string> = { exact: '', at_least: '≥', more_than: '>', at_most: '≤', less_than: '<', about: '~', order: '', range: '' };

/** "≥40", "~1,600", "10-20", "dozens (12)": a claim's value as its wording gives it. */
const valueText = (c: Pick<ClaimView, 'value' | 'approx' | 'low' | 'high'>): string =>
  c.approx === 'range' ? `${c.low}-${c.high ?? ''}` : c.approx === 'order' ? `${c.value}+ (order)` : `${QUALIFIER[c.approx] ?? ''}${c.value}`;

const EXAMPLES = (lines: string) => `\nExit status: 0 printed, 1 the query failed, 2 bad usage or no store.\n\nExamples:\n${lines}`;

// ---------------------------------------------------------------------------------------------- commands

function speakersCommand(): Command {
  return viewCommand('speakers', 'people and organizations quoted across the stored reports, spellings linked, with statements per outlet')
    .addHelpText('after', EXAMPLES(`  $ dateline speakers                              # the 50 most quoted, a table on a terminal
  $ dateline speakers --outlet "Island Daily" --limit 10
  $ dateline speakers --db news.db --format json | jq '.[0].outlets'`))
    .action(async (f: CommonFlags) => withStore('speakers', f.db, async (store) => {
      const list = await speakers(store, { ...scopeOf(f), limit: f.limit, offset: f.offset });
      print(formatOf(f), list, ['speaker', 'type', 'statements', 'documents', 'outlets', 'titles and roles', 'also spelled'], () => list.map((s) => [
        s.name, s.type, s.statements, s.documents, s.outlets.map((o) => `${o.outlet} ${o.statements}`).join(', '),
        [...s.titles, ...s.roles].join(', '), s.names.filter((n) => n !== s.name).join(', '),
      ]), 'no statements in the store (for this scope).');
    }));
}

interface ClaimFlags extends CommonFlags {
  measure?: string;
  where?: string;
  scan: number;
}

const claimOptions = (c: Command) => c
  .addOption(new Option('--measure <what>', 'only this measure').choices([...COMPARABLE]))
  .option('--where <place>', 'only claims about this place (case-insensitive name)')
  .option('--scan <n>', 'read at most this many of the most recent documents with figures', wholeNumber('--scan', 1), DEFAULT_SCAN);

const claimQuery = (f: ClaimFlags) => ({
  ...scopeOf(f), limit: f.limit, offset: f.offset, scan: f.scan,
  ...(f.measure !== undefined ? { measure: f.measure } : {}), ...(f.where !== undefined ? { where: f.where } : {}),
});

const truncatedNote = (cmd: string, scanned: number) =>
  say(cmd, `read the ${scanned} most recent documents with figures only; narrow with --measure, --where, --outlet, --from/--to or raise --scan.`);

function claimsCommand(): Command {
  return claimOptions(viewCommand('claims', 'quantity claims normalized to measure, place, date, value and qualifier, claimant, outlet and evidence'))
    .addHelpText('after', EXAMPLES(`  $ dateline claims --measure killed
  $ dateline claims --measure injured --where Zanzibar --format csv > injured.csv
  $ dateline claims --from 2024-03-10 --to 2024-03-11 --format json`))
    .action(async (f: ClaimFlags) => withStore('claims', f.db, async (store) => {
      const r = await claims(store, claimQuery(f));
      if (r.truncated) truncatedNote('claims', r.scanned);
      const format = formatOf(f);
      print(format, r.claims, ['measure', 'where', 'as of', 'value', 'claimant', 'outlet', 'evidence', ...(format === 'csv' ? ['approx', 'low', 'high', 'sentence', 'document', 'quantity'] : [])], () => r.claims.map((c) => [
        c.measure, c.where, c.asOf, format === 'csv' ? c.value : valueText(c), c.claimant, c.outlet, format === 'csv' ? c.evidence.text : c.evidence.sentence,
        ...(format === 'csv' ? [c.approx, c.low, c.high, c.evidence.sentence, c.doc, c.quantity] : []),
      ]), 'no claims in the store (for this scope).');
    }));
}

function disagreementsCommand(): Command {
  return claimOptions(viewCommand('disagreements', 'groups of comparable claims whose values cannot all be true, with every side\'s evidence'))
    .addHelpText('after', EXAMPLES(`  $ dateline disagreements                        # every group in conflict, each side on a line
  $ dateline disagreements --measure killed --where Gaza --format json
  $ dateline disagreements --format csv > sides.csv   # one line per side; "conflicts with" names the others`))
    .action(async (f: ClaimFlags) => withStore('disagreements', f.db, async (store) => {
      const r = await disagreements(store, claimQuery(f));
      if (r.truncated) truncatedNote('disagreements', r.scanned);
      const format = formatOf(f);
      const sides = () => r.disagreements.flatMap((d, g) => d.claims.map((c, i) => {
        const against = d.conflicts.flatMap(([a, b]) => (a === i ? [b + 1] : b === i ? [a + 1] : []));
        return [g + 1, i + 1, d.measure, d.where, c.asOf, format === 'csv' ? c.value : valueText(c), c.claimant, c.outlet, against.join(' '), c.evidence.sentence,
          ...(format === 'csv' ? [c.approx, c.low, c.high, c.evidence.text, c.doc] : [])] as Cell[];
      }));
      print(format, r.disagreements, ['group', 'side', 'measure', 'where', 'as of', 'value', 'claimant', 'outlet', 'conflicts with', 'evidence', ...(format === 'csv' ? ['approx', 'low', 'high', 'evidence text', 'document'] : [])],
        sides, 'no disagreements: the figures in the store fit together.');
    }));
}

function framingCommand(): Command {
  return viewCommand('framing', 'which loaded or partisan terms each outlet uses for which referents, counted')
    .addOption(new Option('--by <what>', 'order rows by outlet, by referent or by term').choices(['outlet', 'referent', 'term']).default('outlet'))
    .option('--category <category>', 'only loaded_label, delegitimizing, glorifying, dehumanizing, euphemism or accusatory')
    .addHelpText('after', EXAMPLES(`  $ dateline framing --by outlet
  $ dateline framing --by referent --category glorifying
  $ dateline framing --format csv > framing.csv`))
    .action(async (f: CommonFlags & { by: FramingBy; category?: string }) => withStore('framing', f.db, async (store) => {
      const rows = await framing(store, { ...scopeOf(f), by: f.by, limit: f.limit, offset: f.offset, ...(f.category ? { category: f.category } : {}) });
      print(formatOf(f), rows, ['outlet', 'referent', 'referent type', 'term', 'category', 'uses', 'documents'], () => rows.map((r) => [r.outlet, r.referent, r.referent_type, r.term, r.category, r.uses, r.documents]),
        'no loaded or partisan terms in the store (for this scope).');
    }));
}

function searchCommand(): Command {
  return new Command('search')
    .description('full-text search (all words, English stemming) over document text and statement contents')
    .argument('<words...>', 'words to find (all of them)')
    .option('--db <path|url>', 'SQLite file path, or postgres://user@host:port/database[?schema=name]', DEFAULT_DB)
    .addOption(new Option('--in <where>', 'search documents, statements, or both').choices(['documents', 'statements', 'all']).default('all'))
    .addOption(new Option('-f, --format <format>', 'output: table (default on a terminal), json (default when piped), csv').choices(['table', 'json', 'csv']))
    .option('-n, --limit <n>', `hits to print at most (1-${MAX_LIMIT})`, wholeNumber('--limit', 1, MAX_LIMIT), 20)
    .option('--offset <n>', 'hits to skip first', wholeNumber('--offset', 0), 0)
    .addHelpText('after', EXAMPLES(`  $ dateline search ferry capsized
  $ dateline search "death toll" --in statements --format json`))
    .action(async (words: string[], f: { db: string; in: 'documents' | 'statements' | 'all'; format?: Format; limit: number; offset: number }) => withStore('search', f.db, async (store) => {
      const hits = await search(store, words.join(' '), { in: f.in, limit: f.limit, offset: f.offset });
      print(formatOf(f), hits, ['kind', 'outlet', 'published', 'speaker', 'snippet', 'document'], () => hits.map((h) => [h.kind, h.outlet, h.published, h.speaker, h.snippet, h.document]),
        `nothing matches "${words.join(' ')}".`);
    }));
}

function exportCommand(): Command {
  return new Command('export')
    .description('write stored data for other tools: dateline/1 records as JSON Lines, a layer as CSV, places as GeoJSON')
    .option('--db <path|url>', 'SQLite file path, or postgres://user@host:port/database[?schema=name]', DEFAULT_DB)
    .addOption(new Option('-f, --format <format>', 'jsonl: every stored record; csv: one layer (--layer); geojson: a FeatureCollection of places').choices(['jsonl', 'csv', 'geojson']).default('jsonl'))
    .addOption(new Option('--layer <layer>', 'the layer for csv (and jsonl rows instead of records)').choices(['statements', 'quantities', 'places']))
    .option('--outlet <name>', 'only documents of this outlet (exact name)')
    .option('--from <date>', 'only documents published on or after YYYY-MM-DD', isoDate)
    .option('--to <date>', 'only documents published on or before YYYY-MM-DD', isoDate)
    .addHelpText('after', `
Output goes to stdout, streamed: a store of any size exports in constant memory (GeoJSON aside: one point per
distinct place). Exit status: 0 written, 1 the export failed, 2 bad usage or no store.

Examples:
  $ dateline export > corpus.jsonl                                  # every record, as stored
  $ dateline export --format csv --layer quantities > quantities.csv
  $ dateline export --format jsonl --layer statements | jq -r .speaker
  $ dateline export --format geojson --outlet "Coast Wire" > places.geojson`)
    .action(async (f: Scope & { db: string; format: 'jsonl' | 'csv' | 'geojson'; layer?: ExportLayer }) => {
      if (f.format === 'csv' && !f.layer) {
        say('export', 'csv needs a layer: --layer statements, quantities or places.');
        process.exitCode = 2;
        return;
      }
      const scope = scopeOf(f);
      await withStore('export', f.db, async (store) => {
        const out = streamWriter();
        if (f.format === 'geojson') await out.write(JSON.stringify(await placesGeoJson(store, scope)) + '\n');
        else if (f.format === 'csv') {
          const header = exportColumns(f.layer!);
          await out.write(csvLine(header));
          for await (const row of exportLayer(store, f.layer!, scope)) await out.write(csvLine(header.map((h) => row[h])));
        } else if (f.layer) {
          for await (const row of exportLayer(store, f.layer, scope)) await out.write(JSON.stringify(row) + '\n');
        } else {
          for await (const line of exportRecords(store, scope)) await out.write(line + '\n');
        }
      });
    });
}

/** Writes to stdout respecting back-pressure, so a large export never buffers everything in memory. */
function streamWriter() {
  return {
    write: (s: string): Promise<void> | void => {
      if (!process.stdout.write(s)) return new Promise((res) => process.stdout.once('drain', () => res()));
    },
  };
}

/** The corpus view commands, for the `dateline` program to add. */
export function corpusCommands(): Command[] {
  return [speakersCommand(), claimsCommand(), disagreementsCommand(), framingCommand(), searchCommand(), exportCommand()];
}

// Runnable on its own (node dist/cli/corpus-commands.js claims ...) until the main program adds these commands.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const program = new Command('dateline').description('corpus views of a dateline store');
  for (const c of corpusCommands()) program.addCommand(c);
  const exitCodes = (err: { code: string }) => {
    process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2);
  };
  for (const c of [program, ...program.commands]) c.exitOverride(exitCodes).showHelpAfterError('(run with --help for usage)');
  await program.parseAsync(process.argv);
}
