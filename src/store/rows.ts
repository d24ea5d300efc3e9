// Flattens a dateline/1 record into the rows of the normalized tables, the same for every engine.

import { createHash } from 'node:crypto';
import type { Extraction } from '../schema/index.js';

/**
 * The columns of each normalized table, in insert order. Both engines create these tables (see their
 * migrations) and insert rows built by `rowsOf`, so a view written against them runs on either.
 * Layer rows point to their document by `doc`, the document's integer `seq` (join `documents d ON d.seq = x.doc`):
 * small keys that grow in insert order keep writes fast, where the text id would land at random in every index.
 */
export const COLUMNS = {
  documents: ['id', 'title', 'outlet', 'url', 'byline', 'published', 'source', 'format', 'text', 'chars', 'generator', 'n_statements', 'n_quantities', 'n_entities', 'n_places', 'input_key', 'extraction', 'ingested_at'],
  entities: ['doc', 'id', 'type', 'name', 'canonical', 'country', 'titles', 'roles', 'affiliations', 'n_mentions'],
  mentions: ['doc', 'entity_id', 'seq', 'span_start', 'span_end', 'kind', 'text'],
  statements: ['doc', 'id', 'kind', 'speaker', 'speaker_key', 'speaker_entity', 'content', 'content_start', 'content_end', 'cue', 'cue_start', 'cue_end', 'channel', 'addressee', 'time_id', 'relay', 'confidence'],
  quantities: ['doc', 'id', 'span_start', 'span_end', 'text', 'value', 'approx', 'low', 'high', 'unit', 'what', 'category', 'statement_id'],
  places: ['doc', 'id', 'span_start', 'span_end', 'text', 'name', 'country', 'lat', 'lon', 'kind', 'geonameid', 'entity_id'],
  times: ['doc', 'id', 'span_start', 'span_end', 'text', 'value', 'type'],
  framing: ['doc', 'id', 'span_start', 'span_end', 'term', 'category', 'referent_type', 'referent'],
} as const;

export type Table = keyof typeof COLUMNS;
export const LAYER_TABLES = ['entities', 'mentions', 'statements', 'quantities', 'places', 'times', 'framing'] as const satisfies readonly Table[];
export type LayerTable = (typeof LAYER_TABLES)[number];

/** A row is its column values in COLUMNS order; a layer row's `doc` (first) is filled in by the writer. */
export type Row = (string | number | null)[];

export interface DocumentRows {
  id: string;
  document: Row;
  layers: Record<LayerTable, Row[]>;
}

const ACCENTS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const LEADING_ARTICLE = /^(the|a|an) /;

/**
 * The key that links one entity's names across documents: accents, case, punctuation and a leading article
 * folded away ("the Israeli army" and "Israeli Army" share one). Finer linking (Raeisi/Raisi, IDF) builds on it.
 */
export function canonicalName(name: string): string {
  return name.normalize('NFKD').replace(ACCENTS, '').toLowerCase().replace(NON_WORD, ' ').trim().replace(LEADING_ARTICLE, '');
}

/** A speaker name folded for case-insensitive substring search on both engines. */
export const speakerKey = (name: string): string => name.toLowerCase();

/**
 * Identifies a raw input before it is read into a document: its bytes, where it came from and how it is read.
 * The same bytes at the same source read the same way always give the same document id, so a stored key
 * lets a resumed ingest skip the input without extracting it again.
 */
export function inputKey(bytes: Uint8Array, source: string, readAs: string): string {
  return 'i_' + createHash('sha256').update(readAs).update('\u0000').update(source).update('\u0000').update(bytes).digest('hex').slice(0, 24);
}

/** Stands for the document's seq in layer rows until the writer knows it. */
const DOC = 0;

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const jsonOrNull = (a: readonly unknown[]): string | null => (a.length ? JSON.stringify(a) : null);

/** Every row one document contributes; `json` is the record as serialized (reused when the caller has it). */
export function rowsOf(x: Extraction, json: string, key: string | undefined, now: string): DocumentRows {
  const d = x.document;
  const text = d.text;
  const id = d.id;
  const document: Row = [
    id, orNull(d.title), orNull(d.outlet), orNull(d.url), orNull(d.byline), orNull(d.published), orNull(d.source), orNull(d.format),
    text, text.length, x.generator.version, x.statements.length, x.quantities.length, x.entities.length, x.places.length,
    orNull(key), json, now,
  ];
  const entities: Row[] = [];
  const mentions: Row[] = [];
  for (const e of x.entities) {
    entities.push([DOC, e.id, e.type, e.name, canonicalName(e.name), orNull(e.country), jsonOrNull(e.titles), jsonOrNull(e.roles), jsonOrNull(e.affiliations), e.mentions.length]);
    e.mentions.forEach((m, i) => mentions.push([DOC, e.id, i, m.start, m.end, m.kind, text.slice(m.start, m.end)]));
  }
  const statements: Row[] = x.statements.map((s) => [
    DOC, s.id, s.kind, s.speaker.name, speakerKey(s.speaker.name), orNull(s.speaker.entity), text.slice(s.content.start, s.content.end),
    s.content.start, s.content.end, s.cue.lemma, s.cue.start, s.cue.end, s.channel?.type ?? null, s.addressee?.name ?? null,
    orNull(s.time), orNull(s.relay), s.confidence,
  ]);
  const quantities: Row[] = x.quantities.map((q) => [
    DOC, q.id, q.start, q.end, text.slice(q.start, q.end), q.value, q.approx, orNull(q.low), orNull(q.high), orNull(q.unit), orNull(q.what), orNull(q.category), orNull(q.statement),
  ]);
  const places: Row[] = x.places.map((p) => [
    DOC, p.id, p.start, p.end, text.slice(p.start, p.end), p.name, p.country, p.lat, p.lon, p.kind, orNull(p.geonameid), orNull(p.entity),
  ]);
  const times: Row[] = x.times.map((t) => [DOC, t.id, t.start, t.end, text.slice(t.start, t.end), t.value, t.type]);
  const framing: Row[] = x.framing.map((f) => [DOC, f.id, f.start, f.end, f.term, f.category, f.referent_type, orNull(f.referent)]);
  return { id, document, layers: { entities, mentions, statements, quantities, places, times, framing } };
}
