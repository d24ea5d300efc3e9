#!/usr/bin/env node
// The `dateline` command: thin shell over the library.

import { Command } from 'commander';
import { VERSION } from '../version.js';
import { extractCommand } from './extract-command.js';
import { serveCommand } from './serve-command.js';
import { ingestCommand } from './ingest-command.js';
import { workerCommand } from './worker-command.js';
import { corpusCommands } from './corpus-commands.js';

const program = new Command('dateline')
  .description('dateline turns news reports into evidence-linked data: who said what, how many, when and where.\nEvery datum points back to the exact characters it came from.')
  .version(VERSION)
  .addCommand(extractCommand())
  .addCommand(ingestCommand())
  .addCommand(workerCommand())
  .addCommand(serveCommand())
  .addHelpText('after', `
Examples:
  $ dateline extract examples/wikinews-asylum.txt --format pretty   # read one article
  $ dateline extract corpus/ --format jsonl > out.jsonl            # a folder, on every core
  $ dateline ingest corpus/ --db news.db                           # store a folder; resumable
  $ dateline disagreements --db news.db                            # figures across outlets that cannot all be true
  $ dateline serve                                                 # the web app at http://127.0.0.1:8787
  $ dateline extract --help                                        # inputs, outputs, options`);

for (const c of corpusCommands()) program.addCommand(c);

// Commander prints usage errors itself; scripts get exit status 2 for them, 0 for help and version.
const exitCodes = (err: { code: string }) => {
  process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2);
};
for (const c of [program, ...program.commands]) c.exitOverride(exitCodes).showHelpAfterError('(run with --help for usage)');

await program.parseAsync(process.argv);
