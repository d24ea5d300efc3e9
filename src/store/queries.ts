// The read queries, written once in the SQL both engines accept (`?` placeholders; PostgreSQL renumbers them).

import {
  CONTEXT_CHARS, DEFAULT_LIMIT, type DocumentFilter, type EntityQuery, type PlaceMention, type PlaceMentionQuery, type PlaceQuery, type PlaceSummaryQuery,
  type QuantityQuery, type StatementQuery, type TimelineItem, type TimelineKind, type TimelineQuery,
} from './store.js';
import { canonicalName, speakerKey } from './rows.js';

export interface Sql {
  text: string;
  params: unknown[];
}

/** A LIKE pattern matching `s` anywhere, with the pattern characters in `s` taken literally (ESCAPE '\'). */
export const containsPattern = (s: string): string => '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

function documentWhere(q: DocumentFilter, where: string[], params: unknown[], d = 'd'): void {
  if (q.document !== undefined) { where.push(`${d}.id = ?`); params.push(q.document); }
  if (q.outlet !== undefined) { where.push(`${d}.outlet = ?`); params.push(q.outlet); }
  if (q.from !== undefined) { where.push(`${d}.published >= ?`); params.push(q.from); }
  if (q.to !== undefined) { where.push(`${d}.published <= ?`); params.push(q.to); }
}

function finish(select: string, where: string[], params: unknown[], order: string, q: DocumentFilter, groupBy = ''): Sql {
  params.push(Math.max(0, Math.floor(q.limit ?? DEFAULT_LIMIT)), Math.max(0, Math.floor(q.offset ?? 0)));
  return { text: `${select}${where.length ? ' WHERE ' + where.join(' AND ') : ''}${groupBy} ORDER BY ${order} LIMIT ? OFFSET ?`, params };
}

const NEWEST_FIRST = 'd.published DESC NULLS LAST, d.id';

export function documentsSql(q: DocumentFilter = {}): Sql {
  const where: string[] = [], params: unknown[] = [];
  documentWhere(q, where, params);
  return finish(
    `SELECT d.id, d.title, d.outlet, d.url, d.published, d.source, d.chars, d.n_statements AS statements, d.n_quantities AS quantities, d.n_entities AS entities, d.n_places AS places FROM documents d`,
    where, params, NEWEST_FIRST, q);
}

export function statementsSql(q: StatementQuery = {}): Sql {
  const where: string[] = [], params: unknown[] = [];
  documentWhere(q, where, params);
  if (q.speaker !== undefined) {
    where.push(`s.speaker_key IN (SELECT key FROM speakers WHERE key LIKE ? ESCAPE '\\')`);
    params.push(containsPattern(speakerKey(q.speaker)));
  }
  return finish(
    `SELECT d.id AS document, s.id, s.kind, s.speaker, s.speaker_entity, s.content, s.content_start, s.content_end, s.cue, s.confidence, d.outlet, d.published FROM statements s JOIN documents d ON d.seq = s.doc`,
    where, params, 's.doc DESC, s.content_start, s.id', q);
}

export function entitiesSql(q: EntityQuery = {}): Sql {
  const where: string[] = [], params: unknown[] = [];
  documentWhere(q, where, params);
  if (q.type !== undefined) { where.push('e.type = ?'); params.push(q.type); }
  if (q.name !== undefined) {
    where.push(`e.canonical IN (SELECT canonical FROM entity_names WHERE canonical LIKE ? ESCAPE '\\')`);
    params.push(containsPattern(canonicalName(q.name)));
  }
  return finish(
    `SELECT d.id AS document, e.id, e.type, e.name, e.canonical, e.country, e.n_mentions AS mentions, d.outlet, d.published FROM entities e JOIN documents d ON d.seq = e.doc`,
    where, params, 'e.doc DESC, e.id', q);
}

export function quantitiesSql(q: QuantityQuery = {}): Sql {
  const where: string[] = [], params: unknown[] = [];
  documentWhere(q, where, params);
  if (q.category !== undefined) { where.push('x.category = ?'); params.push(q.category); }
  return finish(
    `SELECT d.id AS document, x.id, x.text, x.span_start AS start, x.span_end AS "end", x.value, x.approx, x.low, x.high, x.unit, x.what, x.category, x.statement_id AS statement, d.outlet, d.published FROM quantities x JOIN documents d ON d.seq = x.doc`,
    where, params, 'x.doc DESC, x.span_start, x.id', q);
}

export function placesSql(q: PlaceQuery = {}): Sql {
  const where: string[] = [], params: unknown[] = [];
  documentWhere(q, where, params);
  if (q.country !== undefined) { where.push('p.country = ?'); params.push(q.country); }
  if (q.name !== undefined) { where.push('p.name = ?'); params.push(q.name); }
  return finish(
    `SELECT d.id AS document, p.id, p.text, p.name, p.country, p.lat, p.lon, p.kind, p.geonameid, d.outlet, d.published FROM places p JOIN documents d ON d.seq = p.doc`,
    where, params, 'p.doc DESC, p.span_start, p.id', q);
}

export const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM statements) AS statements,
  (SELECT count(*) FROM quantities) AS quantities, (SELECT count(*) FROM entities) AS entities,
  (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM places) AS places,
  (SELECT count(*) FROM times) AS times, (SELECT count(*) FROM framing) AS framing`;

/** Full-text hits are ranked among this many newest matches: ranking every match of a common word is slow. */
export const RANK_WINDOW = 2000;

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a search, for engines that take them one by one. */
export const searchWords = (text: string): string[] => text.match(WORD) ?? [];

// ------------------------------------------------------------------------------------------------ places

/**
 * Places aggregated by gazetteer name, country and point. The whole corpus, one outlet and a date range read the
 * counts the store keeps (place_counts, place_outlets, place_days). Any other document filter aggregates that subset's mentions: per document first, reading the covering
 * index places_doc_point in its own order (the documents as a list of seqs), then across documents.
 */
export function placeSummariesSql(q: PlaceSummaryQuery = {}): Sql {
  const docs: string[] = [], params: unknown[] = [];
  if (q.outlet !== undefined && q.document === undefined && q.from === undefined && q.to === undefined) {
    // One outlet: the counts the store keeps per outlet (place_outlets), as place_counts for the whole corpus.
    const where = ['p.outlet = ?'];
    params.push(q.outlet);
    if (q.country !== undefined) { where.push('p.country = ?'); params.push(q.country); }
    return finish('SELECT p.name, p.country, p.lat, p.lon, p.kind, p.geonameid, p.mentions, p.documents FROM place_outlets p',
      where, params, 'p.mentions DESC, p.name, p.country, p.lat, p.lon', q);
  }
  if (q.outlet === undefined && q.document === undefined && (q.from !== undefined || q.to !== undefined)) {
    // A date range: the counts the store keeps per publication date (place_days), summed over the range's dates.
    const where: string[] = [];
    if (q.from !== undefined) { where.push('p.published >= ?'); params.push(q.from); }
    if (q.to !== undefined) { where.push('p.published <= ?'); params.push(q.to); }
    if (q.country !== undefined) { where.push('p.country = ?'); params.push(q.country); }
    return finish(
      'SELECT p.name, p.country, p.lat, p.lon, max(p.kind) AS kind, max(p.geonameid) AS geonameid, sum(p.mentions) AS mentions, sum(p.documents) AS documents FROM place_days p',
      where, params, 'mentions DESC, p.name, p.country, p.lat, p.lon', q, ' GROUP BY p.name, p.country, p.lat, p.lon');
  }
  documentWhere(q, docs, params);
  const where: string[] = [];
  if (docs.length) where.push(`p.doc IN (SELECT d.seq FROM documents d WHERE ${docs.join(' AND ')})`);
  if (q.country !== undefined) { where.push('p.country = ?'); params.push(q.country); }
  if (!docs.length) {
    return finish('SELECT p.name, p.country, p.lat, p.lon, p.kind, p.geonameid, p.mentions, p.documents FROM place_counts p',
      where, params, 'p.mentions DESC, p.name, p.country, p.lat, p.lon', q);
  }
  const perDocument = `SELECT p.doc, p.name, p.country, p.lat, p.lon, max(p.kind) AS kind, max(p.geonameid) AS geonameid, count(*) AS n
    FROM places p WHERE ${where.join(' AND ')} GROUP BY p.doc, p.name, p.country, p.lat, p.lon`;
  return finish(
    `SELECT name, country, lat, lon, max(kind) AS kind, max(geonameid) AS geonameid, sum(n) AS mentions, count(*) AS documents FROM (${perDocument}) AS per_document`,
    [], params, 'mentions DESC, name, country, lat, lon', q, ' GROUP BY name, country, lat, lon');
}

/** One place's mentions with their documents' text (for context, dropped by `withContext`). */
export function placeMentionsSql(q: PlaceMentionQuery): Sql {
  const where: string[] = ['p.name = ?'], params: unknown[] = [q.name];
  if (q.country !== undefined) { where.push('p.country = ?'); params.push(q.country); }
  if (q.lat !== undefined) { where.push('p.lat = ?'); params.push(q.lat); }
  if (q.lon !== undefined) { where.push('p.lon = ?'); params.push(q.lon); }
  const docs: string[] = [];
  documentWhere(q, docs, params);
  if (docs.length) where.push(`p.doc IN (SELECT d.seq FROM documents d WHERE ${docs.join(' AND ')})`);
  // The page is chosen first and only its documents' text read: sorting candidates with their text cost 40 ms
  // when the planner starts from an outlet's documents.
  const page = finish('SELECT p.doc, p.id, p.text, p.span_start, p.span_end, p.name, p.country, p.lat, p.lon FROM places p',
    where, params, 'p.doc DESC, p.span_start, p.id', q);
  return {
    text: `SELECT d.id AS document, m.id, m.text, m.span_start AS start, m.span_end AS "end", m.name, m.country, m.lat, m.lon, d.title, d.outlet, d.published, d.text AS doc_text
      FROM (${page.text}) AS m JOIN documents d ON d.seq = m.doc ORDER BY m.doc DESC, m.span_start, m.id`,
    params: page.params,
  };
}

/** Replaces each row's document text by the CONTEXT_CHARS characters either side of its span (UTF-16 offsets, as stored). */
export function withContext(rows: Array<Omit<PlaceMention, 'before' | 'after'> & { doc_text: string }>): PlaceMention[] {
  return rows.map(({ doc_text, ...r }) => ({
    ...r,
    before: doc_text.slice(Math.max(0, r.start - CONTEXT_CHARS), r.start),
    after: doc_text.slice(r.end, r.end + CONTEXT_CHARS),
  }));
}

// ---------------------------------------------------------------------------------------------- timeline

/**
 * How an engine compares ISO time strings: byte order. SQLite's default (BINARY) already is; PostgreSQL's
 * database collation may not be, so its timeline comparisons and indexes say COLLATE "C".
 */
export type TimeCollation = '' | ' COLLATE "C"';

/** Normalized values that are dates or times (start with a year digit): not durations (P…), sets or XXXX-… */
const DATED_LOW = '0', DATED_HIGH = ':';

const TIMELINE_KINDS: readonly TimelineKind[] = ['statement', 'time', 'quantity'];

/** "No limit" in a LIMIT both engines accept (SQLite has no LIMIT ALL, PostgreSQL no LIMIT -1). */
const ALL_ROWS = 2 ** 53 - 1;

/**
 * Timeline items, oldest first: four streams (time expressions, statements at a normalized time, statements at
 * their publication date, quantity claims as of their publication date), each read in time order from an index
 * and cut at offset + limit, then merged. Indexes: times_value, statement_times_value, documents_published
 * (documents_outlet_published with an outlet).
 */
export function timelineSql(q: TimelineQuery = {}, collate: TimeCollation = ''): Sql {
  const c = collate;
  const limit = Math.max(0, Math.floor(q.limit ?? DEFAULT_LIMIT)), offset = Math.max(0, Math.floor(q.offset ?? 0));
  const kinds = new Set(q.kinds?.length ? q.kinds : TIMELINE_KINDS);
  const low = q.from ?? DATED_LOW;
  // A time at finer precision than a day ("2024-03-31T10:00") still falls on `to`: '~' sorts after T, Z and digits.
  const high = q.to !== undefined ? q.to + '~' : DATED_HIGH;
  const params: unknown[] = [];
  const docWhere = (where: string[]) => {
    if (q.document !== undefined) { where.push('d.id = ?'); params.push(q.document); }
    if (q.outlet !== undefined) { where.push('d.outlet = ?'); params.push(q.outlet); }
  };
  /**
   * With a speaker, a stream starts from that speaker's statements: a derived table with a LIMIT neither engine
   * flattens into the join, so neither walks every document in time order looking for a rare speaker.
   */
  const speakerStatements = (cols: string) => {
    params.push(containsPattern(speakerKey(q.speaker!)));
    return `(SELECT ${cols} FROM statements WHERE speaker_key IN (SELECT key FROM speakers WHERE key LIKE ? ESCAPE '\\') LIMIT ${ALL_ROWS})`;
  };
  const docCols = 'd.title, d.outlet, d.published, d.seq AS seq';
  const streams: string[] = [];
  const stream = (select: string, where: string[], order: string) => {
    params.push(offset + limit);
    streams.push(`SELECT * FROM (${select} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?) AS s${streams.length}`);
  };

  if (kinds.has('time') && q.speaker === undefined) {
    const where = [`t.value${c} >= ?`, `t.value${c} < ?`];
    params.push(low, high);
    docWhere(where);
    stream(`SELECT 'time' AS kind, t.value AS time, 'normalized' AS time_source, d.id AS document, t.id, t.span_start AS start, t.span_end AS "end", t.text,
      CAST(NULL AS TEXT) AS speaker, t.type AS detail, CAST(NULL AS REAL) AS value, CAST(NULL AS TEXT) AS approx, ${docCols}
      FROM times t JOIN documents d ON d.seq = t.doc`, where, `t.value${c}, t.doc, t.span_start, t.id`);
  }
  if (kinds.has('statement')) {
    const statementCols = `d.id AS document, s.id, s.content_start AS start, s.content_end AS "end", s.content AS text, s.speaker, s.kind AS detail, CAST(NULL AS REAL) AS value, CAST(NULL AS TEXT) AS approx, ${docCols}`;
    const statements = () => (q.speaker === undefined ? 'statements' : speakerStatements('doc, id, kind, speaker, content, content_start, content_end'));
    // Parameters go in text order: the speaker's (in FROM) before the WHERE's.
    const timedFrom = `FROM statement_times st JOIN ${statements()} s ON s.doc = st.doc AND s.id = st.statement_id JOIN documents d ON d.seq = st.doc`;
    const timed = [`st.value${c} >= ?`, `st.value${c} < ?`];
    params.push(low, high);
    docWhere(timed);
    stream(`SELECT 'statement' AS kind, st.value AS time, 'normalized' AS time_source, ${statementCols} ${timedFrom}`,
      timed, `st.value${c}, st.doc, s.content_start, s.id`);
    const untimedFrom = `FROM ${statements()} s JOIN documents d ON d.seq = s.doc`;
    const untimed = ['d.published >= ?', 'd.published < ?'];
    params.push(low, high);
    docWhere(untimed);
    untimed.push('NOT EXISTS (SELECT 1 FROM statement_times st WHERE st.doc = s.doc AND st.statement_id = s.id)');
    stream(`SELECT 'statement' AS kind, d.published AS time, 'published' AS time_source, ${statementCols} ${untimedFrom}`,
      untimed, `d.published, s.doc, s.content_start, s.id`);
  }
  if (kinds.has('quantity')) {
    // With a speaker, only the figures that speaker's statements claim.
    const from = q.speaker === undefined
      ? 'FROM quantities x JOIN documents d ON d.seq = x.doc LEFT JOIN statements cs ON cs.doc = x.doc AND cs.id = x.statement_id'
      : `FROM ${speakerStatements('doc, id, speaker')} cs JOIN quantities x ON x.doc = cs.doc AND x.statement_id = cs.id JOIN documents d ON d.seq = x.doc`;
    const where = ['d.published >= ?', 'd.published < ?', 'x.category IS NOT NULL', `x.category <> 'other'`];
    params.push(low, high);
    docWhere(where);
    stream(`SELECT 'quantity' AS kind, d.published AS time, 'published' AS time_source, d.id AS document, x.id, x.span_start AS start, x.span_end AS "end", x.text,
      cs.speaker, x.category AS detail, x.value, x.approx, ${docCols}
      ${from}`, where, `d.published, x.doc, x.span_start, x.id`);
  }
  if (streams.length === 0) return { text: 'SELECT NULL AS kind WHERE 1 = 0', params: [] };
  params.push(limit, offset);
  return {
    text: `SELECT * FROM (${streams.join(' UNION ALL ')}) AS u ORDER BY u.time${c}, u.seq, u.start, u.kind, u.id LIMIT ? OFFSET ?`,
    params,
  };
}

/** Drops the merge key (document seq) from timeline rows. */
export const timelineItems = (rows: Array<TimelineItem & { seq?: unknown }>): TimelineItem[] =>
  rows.map(({ seq: _seq, ...r }) => r as TimelineItem);
