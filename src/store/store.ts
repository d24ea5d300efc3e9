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

/** Places aggregated across documents: one row per gazetteer place (name, country and point). */
export interface PlaceSummaryQuery extends DocumentFilter {
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export interface PlaceSummary {
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Feature kind (city, country, ...). */
  kind: string;
  geonameid: number | null;
  /** Mentions of the place, and documents mentioning it, within the filter. */
  mentions: number;
  documents: number;
}

/** The mentions of one place (name and country, optionally its exact point), with their documents. */
export interface PlaceMentionQuery extends DocumentFilter {
  name: string;
  country?: string;
  lat?: number;
  lon?: number;
}

/** One mention of a place: where it is in its document, with a few words either side for context. */
export interface PlaceMention {
  document: string;
  /** The place annotation's id in its document (the article view opens it). */
  id: string;
  text: string;
  start: number;
  end: number;
  /** Up to CONTEXT_CHARS characters of the document before and after the mention. */
  before: string;
  after: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

export type TimelineKind = 'statement' | 'time' | 'quantity';

/**
 * Dated items across documents, oldest first: statements (at their normalized time, else the publication date),
 * time expressions (at their normalized value) and quantity claims (as of the publication date, as claims are).
 * `from`/`to` (YYYY-MM-DD, inclusive) filter the items' times, not the publication dates.
 */
export interface TimelineQuery extends DocumentFilter {
  /** Case-insensitive substring of the speaker's name: only that speaker's statements and the figures they claim. */
  speaker?: string;
  /** Which kinds of items (default all three). */
  kinds?: readonly TimelineKind[];
}

export interface TimelineItem {
  kind: TimelineKind;
  /** ISO 8601 at its precision (2024, 2024-03, 2024-03-09, 2024-03-09T10:00); items sort by it as text. */
  time: string;
  /** Where the time comes from: a normalized time expression, or the document's publication date. */
  time_source: 'normalized' | 'published';
  document: string;
  /** The annotation's id in its document: statement, time or quantity. */
  id: string;
  /** Evidence span in the document text, and its text (a statement's content, a time expression, a figure). */
  start: number;
  end: number;
  text: string;
  /** The statement's speaker, or the quantity's claimant (the speaker of its statement). */
  speaker: string | null;
  /** Statement kind, time type or quantity category. */
  detail: string | null;
  /** A quantity's value, and its qualifier (exact, at_least, about, ...), which the value alone would hide. */
  value: number | null;
  approx: string | null;
  title: string | null;
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
  /** Places aggregated across documents, most mentioned first. */
  placeSummaries(q?: PlaceSummaryQuery): Promise<PlaceSummary[]>;
  /** The mentions of one place, most recently stored documents first, each with its context. */
  placeMentions(q: PlaceMentionQuery): Promise<PlaceMention[]>;
  /** Dated statements, time expressions and quantity claims, oldest first (see TimelineQuery). */
  timeline(q?: TimelineQuery): Promise<TimelineItem[]>;
  /**
   * Full-text search (words are ANDed; English stemming) over document text and statement contents: the best
   * matches among the 2,000 most recently stored matches of each kind, best first.
   */
  search(text: string, q?: SearchQuery): Promise<SearchHit[]>;
  /**
   * Plain SQL for views built on the normalized tables (documents, statements, quantities, places, entities,
   * mentions, times, framing; statement_times, place_counts, place_outlets, speaker_counts, speaker_outlets,
   * framing_counts and document_sentences, kept by triggers): `?` placeholders on both
   * engines. Read-only use is intended.
   */
  sql<T = Record<string, unknown>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const DEFAULT_LIMIT = 1000;

/** Characters of context either side of a place mention. */
export const CONTEXT_CHARS = 80;
