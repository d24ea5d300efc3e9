// The read queries, written once in the SQL both engines accept (`?` placeholders; PostgreSQL renumbers them).

import { DEFAULT_LIMIT, type DocumentFilter, type EntityQuery, type PlaceQuery, type QuantityQuery, type StatementQuery } from './store.js';
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

function finish(select: string, where: string[], params: unknown[], order: string, q: DocumentFilter): Sql {
  params.push(Math.max(0, Math.floor(q.limit ?? DEFAULT_LIMIT)), Math.max(0, Math.floor(q.offset ?? 0)));
  return { text: `${select}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT ? OFFSET ?`, params };
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
