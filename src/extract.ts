// The library's front door: text (or a prepared Document) in, a dateline/1 Extraction out.

import type { Document } from './core/index.js';
import { documentFromText, type SourceHints } from './ingest/index.js';
import { createPipeline, type DefaultPipeline } from './pipeline.js';
import { toExtraction, type OutputOptions } from './output.js';
import type { Extraction } from './schema/index.js';

let shared: DefaultPipeline | undefined;

/** The default pipeline, built once per thread: its models load lazily on first use and are shared read-only. */
export function defaultPipeline(): DefaultPipeline {
  return (shared ??= createPipeline());
}

export interface ExtractOptions extends SourceHints, OutputOptions {}

/** Extracts every layer from a text (or a Document from an ingest reader). */
export function extract(input: string | Document, options: ExtractOptions = {}): Extraction {
  const doc = typeof input === 'string' ? documentFromText(input, options) : input;
  const pipeline = defaultPipeline();
  return toExtraction(pipeline.run(doc), pipeline.stages.map((s) => s.name), options);
}
