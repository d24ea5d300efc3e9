// Turns an Analysis into the dateline/1 record every shell prints.

import type { Analysis, Tokens, Tags, Syntax, Sentences } from './core/index.js';
import { SCHEMA_VERSION } from './schema/constants.js';
import type { Extraction, DocumentRecord } from './schema/index.js';
import type { DefaultLayers } from './pipeline.js';
import { VERSION } from './version.js';

export interface OutputOptions {
  tokens?: boolean;
}

export function toExtraction(a: Analysis<DefaultLayers>, stages: readonly string[], options: OutputOptions = {}): Extraction {
  const { doc, layers } = a;
  const m = doc.meta;
  const document: DocumentRecord = { id: doc.id, text: doc.text };
  if (m.title !== undefined) document.title = m.title;
  if (m.titleSpan) document.title_span = m.titleSpan;
  if (m.outlet !== undefined) document.outlet = m.outlet;
  if (m.url !== undefined) document.url = m.url;
  if (m.byline !== undefined) document.byline = m.byline;
  if (m.published !== undefined) document.published = m.published;
  if (m.publishedSource) document.published_source = m.publishedSource;
  if (m.publishedSpan) document.published_span = m.publishedSpan;
  if (m.datelinePlace) document.dateline = { place: m.datelinePlace.name, place_span: m.datelinePlace.span, ...(m.datelineSpan ? { span: m.datelineSpan } : {}) };
  if (m.source !== undefined) document.source = m.source;
  if (m.format) document.format = m.format;
  const out: Extraction = {
    schema: SCHEMA_VERSION,
    generator: { name: 'dateline', version: VERSION, stages: [...stages] },
    document,
    warnings: doc.warnings.map((w) => ({ ...w })),
    sentences: layers.sentences.spans.map((s) => ({ start: s.start, end: s.end })),
    entities: layers.entities,
    statements: layers.statements,
    quantities: layers.quantities,
    times: layers.times,
    places: layers.places,
    events: [],
    framing: layers.framing,
  };
  if (options.tokens) out.tokens = tokenRecords(layers.tokens, layers.tags, layers.syntax, layers.sentences);
  return out;
}

function tokenRecords(tokens: Tokens, tags: Tags, syntax: Syntax, _sentences: Sentences): NonNullable<Extraction['tokens']> {
  const out: NonNullable<Extraction['tokens']> = [];
  for (let i = 0; i < tokens.count; i++) {
    const t: NonNullable<Extraction['tokens']>[number] = { start: tokens.start[i]!, end: tokens.end[i]! };
    if (tags.upos[i] !== undefined) { t.upos = tags.upos[i]!; t.xpos = tags.xpos[i]!; t.lemma = tags.lemma[i]!; }
    if (syntax.head.length > i) { t.head = syntax.head[i]!; t.deprel = syntax.deprel[i]!; }
    out.push(t);
  }
  return out;
}
