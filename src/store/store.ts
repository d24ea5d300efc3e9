// The document store: one async interface over SQLite (embedded, default) and PostgreSQL.

import type { Extraction } from '../schema/index.js';

/** What `put` did with a document: stored it, or found the same id already stored (a no-op). */
export type PutOutcome = 'inserted' | 'skipped';

/** One outcome per document given to `putMany`, in order; a document that failed is rolled back alone. */
export type PutResult = { id: string; outcome: PutOutcome } | { id: string; outcome: 'failed'; error: Error };

export interface PutOptions {
  /** Keys of the raw input this document was read from (see inputKey), so a re-run can skip it before extraction. */
  inputKey?: string;
}

/** One document for putMany: the record, its JSON when the caller already has it, and its input key. */
export interface PutItem {
  x: Extraction;
  json?: string;
  inputKey?: string;
}

/** A document as listed: its metadata and how many annotations of each layer it has. */
export interface DocumentSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  chars: number;
  statements: number;
  quantities: number;
  entities: number;
  places: number;
}

/** Filters shared by the layer queries: which documents the rows come from. */
export interface DocumentFilter {
  /** Exact outlet name. */
  outlet?: string;
  /** Publication date range, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Only this document. */
  document?: string;
  /** Rows to return at most (default 1000) and rows to skip first. */
  limit?: number;
  offset?: number;
}

export interface StatementQuery extends DocumentFilter {
  /** Case-insensitive substring of the speaker's name. */
  speaker?: string;
}

export interface StatementRow {
  document: string;
  id: string;
  kind: string;
  speaker: string;
  speaker_entity: string | null;
  content: string;
  content_start: number;
  content_end: number;
  cue: string;
  confidence: number;
  outlet: string | null;
  published: string | null;
}

export interface EntityQuery extends DocumentFilter {
  type?: string;
  /** Case-insensitive substring of the name. */
  name?: string;
}

export interface EntityRow {
  document: string;
  id: string;
  type: string;
  name: string;
  /** The cross-document linking key: folded name (see canonicalName). */
  canonical: string;
  country: string | null;
  mentions: number;
  outlet: string | null;
  published: string | null;
}

export interface QuantityQuery extends DocumentFilter {
  category?: string;
}

export interface QuantityRow {
  document: string;
  id: string;
  text: string;
  start: number;
  end: number;
  value: number | null;
  approx: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  what: string | null;
  category: string | null;
  statement: string | null;
  outlet: string | null;
  published: string | null;
}

export interface PlaceQuery extends DocumentFilter {
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Exact gazetteer name. */
  name?: string;
}

export interface PlaceRow {
  document: string;
  id: string;
  text: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  kind: string;
  geonameid: number | null;
  outlet: string | null;
  published: string | null;
}

export interface SearchQuery {
  /** Search documents (title and text), statements (their content), or both (default). */
  in?: 'documents' | 'statements' | 'all';
  limit?: number;
}

/** A full-text hit, best first; `snippet` marks the matched words with [ and ]. */
export interface SearchHit {
  kind: 'document' | 'statement';
  document: string;
  /** The statement's id, for statement hits. */
  statement: string | null;
  title: string | null;
  snippet: string;
  rank: number;
}

export interface StoreCounts {
  documents: number;
  statements: number;
  quantities: number;
  entities: number;
  mentions: number;
  places: number;
  times: number;
  framing: number;
}

export interface Store {
  /** Which engine: SQLite file or PostgreSQL server. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for messages (passwords masked). */
  readonly location: string;
  /** Stores one document with all its layers in one transaction; a document already stored is skipped. */
  put(x: Extraction, options?: PutOptions): Promise<PutOutcome>;
  /** Stores several documents in one batched transaction, each atomic on its own: a bad one fails alone. */
  putMany(items: readonly PutItem[]): Promise<PutResult[]>;
  has(id: string): Promise<boolean>;
  /** The input keys (see inputKey) among these that are already stored. */
  knownInputs(keys: readonly string[]): Promise<Set<string>>;
  /** The full dateline/1 record as stored. */
  get(id: string): Promise<Extraction | undefined>;
  counts(): Promise<StoreCounts>;
  /** Documents, newest publication date first, then by id. */
  documents(q?: DocumentFilter): Promise<DocumentSummary[]>;
  /** Statements in text order, the most recently stored documents first (as all layer queries). */
  statements(q?: StatementQuery): Promise<StatementRow[]>;
  entities(q?: EntityQuery): Promise<EntityRow[]>;
  quantities(q?: QuantityQuery): Promise<QuantityRow[]>;
  places(q?: PlaceQuery): Promise<PlaceRow[]>;
  /**
   * Full-text search (words are ANDed; English stemming) over document text and statement contents: the best
   * matches among the 2,000 most recently stored matches of each kind, best first.
   */
  search(text: string, q?: SearchQuery): Promise<SearchHit[]>;
  /**
   * Plain SQL for views built on the normalized tables (documents, statements, quantities, places, entities,
   * mentions, times, framing): `?` placeholders on both engines. Read-only use is intended.
   */
  sql<T = Record<string, unknown>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const DEFAULT_LIMIT = 1000;
