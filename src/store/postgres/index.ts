// The server store: PostgreSQL through `pg` (batched transactions of JSON row sets, tsvector + GIN search).

import pg from 'pg';
import type { Extraction } from '../../schema/index.js';
import { pending, StoreError } from '../migrate.js';
import { COLUMNS, LAYER_TABLES, rowsOf, type DocumentRows, type Row, type Table } from '../rows.js';
import {
  COUNTS_SQL, RANK_WINDOW, documentsSql, entitiesSql, placeMentionsSql, placeSummariesSql, placesSql, quantitiesSql, searchWords, statementsSql,
  timelineItems, timelineSql, withContext, type Sql,
} from '../queries.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import type {
  DocumentFilter, DocumentSummary, EntityQuery, EntityRow, PlaceMention, PlaceMentionQuery, PlaceQuery, PlaceRow, PlaceSummary, PlaceSummaryQuery,
  PutItem, PutOptions, PutOutcome, PutResult, QuantityQuery, QuantityRow, SearchHit, SearchQuery, StatementQuery, StatementRow, Store, StoreCounts,
  TimelineItem, TimelineQuery,
} from '../store.js';

/** Counts and BIGINT ids as numbers, not strings: no value here comes near 2^53. */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` placeholders to PostgreSQL's `$1, $2, ...` (outside quoted strings). */
export function numberPlaceholders(sql: string): string {
  let n = 0, out = '', quote: string | null = null;
  for (const ch of sql) {
    if (quote) { if (ch === quote) quote = null; out += ch; continue; }
    if (ch === "'" || ch === '"') { quote = ch; out += ch; continue; }
    out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

/** Masks the password of a connection URL for messages. */
export const maskUrl = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');

export interface PostgresOptions {
  /** Keep every table in this schema (created if missing): one store per schema in one database. */
  schema?: string;
  /** Give up connecting after this many milliseconds (default 5000). */
  connectTimeoutMs?: number;
  /** Apply the migrations only up to this version, making a store as an older dateline did (for tests of upgrades). */
  upToVersion?: number;
}

/** Reads `?schema=NAME` from the URL (dateline's own parameter) and leaves the rest to `pg`. */
function splitUrl(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), ...(schema ? { schema } : {}) };
}

const jsonRow = (table: Table, row: Row): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  COLUMNS[table].forEach((c, i) => { o[c] = row[i]; });
  return o;
};

const SPEAKER_AT = COLUMNS.statements.indexOf('speaker'), SPEAKER_KEY_AT = COLUMNS.statements.indexOf('speaker_key');
const NAME_AT = COLUMNS.entities.indexOf('name'), CANONICAL_AT = COLUMNS.entities.indexOf('canonical');

/** A document row as JSON, with the record embedded as JSON (not as a string) for its JSONB column. */
function documentJson(r: DocumentRows): string {
  const o = jsonRow('documents', r.document);
  const extraction = o.extraction as string;
  delete o.extraction;
  return JSON.stringify(o).slice(0, -1) + ',"extraction":' + extraction + '}';
}

const columnList = (t: Table) => COLUMNS[t].map((c) => `"${c}"`).join(', ');
const insertFromJson = (t: Table, conflict = '') =>
  `INSERT INTO ${t} (${columnList(t)}) SELECT ${columnList(t)} FROM json_populate_recordset(NULL::${t}, $1::json)${conflict}`;

/** The store's tables, for ANALYZE (a bare ANALYZE would take every table of the database). */
const STORE_TABLES = [
  'documents', 'entities', 'mentions', 'statements', 'quantities', 'places', 'times', 'framing', 'speakers', 'entity_names', 'statement_times',
  'place_counts', 'speaker_counts', 'speaker_outlets', 'place_outlets', 'place_days', 'framing_counts', 'document_sentences',
];

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;
  /** Whether this connection stored anything (statistics are refreshed on close only then). */
  private wrote = false;

  private constructor(pool: pg.Pool, location: string, schema: string | undefined) {
    this.pool = pool;
    this.location = location;
    this.schema = schema;
  }

  /** Connects, creates the schema if asked, and brings the tables up to date. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const { connectionString, schema: fromUrl } = splitUrl(url);
    const schema = options.schema ?? fromUrl;
    if (schema !== undefined && !IDENT.test(schema)) throw new StoreError('E_STORE_URL', `schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _`);
    const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000, types });
    // An idle client losing its server must not crash the process: the next query reports it.
    pool.on('error', () => {});
    if (schema) pool.on('connect', (c) => { c.query(`SET search_path TO ${schema}`).catch(() => {}); });
    const store = new PostgresStore(pool, maskUrl(url), schema);
    try {
      await store.migrate(options.upToVersion);
    } catch (e) {
      await pool.end().catch(() => {});
      if (e instanceof StoreError) throw e;
      throw new StoreError('E_STORE_OPEN', `cannot open PostgreSQL store ${maskUrl(url)}: ${(e as Error).message}`, { cause: e });
    }
    return store;
  }

  private async client(): Promise<pg.PoolClient> {
    const c = await this.pool.connect();
    // search_path is set on connect without waiting; set it again so the first query surely sees it.
    if (this.schema) await c.query(`SET search_path TO ${this.schema}`);
    return c;
  }

  private async migrate(upToVersion = Infinity): Promise<void> {
    const c = await this.client();
    try {
      await c.query('BEGIN');
      // One migrator at a time across processes (several workers may open the store together).
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('dateline.migrate.' || $1))`, [this.schema ?? 'public']);
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS dateline_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await c.query('SELECT coalesce(max(version), 0) AS v FROM dateline_migrations');
      for (const m of pending(POSTGRES_MIGRATIONS, Number(rows[0].v)).filter((m) => m.version <= upToVersion)) {
        await c.query(m.sql);
        await c.query('INSERT INTO dateline_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async put(x: Extraction, options: PutOptions = {}): Promise<PutOutcome> {
    const [r] = await this.putMany([{ x, ...(options.inputKey ? { inputKey: options.inputKey } : {}) }]);
    if (r!.outcome === 'failed') throw r!.error;
    return r!.outcome;
  }

  async putMany(items: readonly PutItem[]): Promise<PutResult[]> {
    const now = new Date().toISOString();
    const rows: (DocumentRows | Error)[] = items.map((it) => {
      try { return rowsOf(it.x, it.json ?? JSON.stringify(it.x), it.inputKey, now); } catch (e) { return e as Error; }
    });
    const good = rows.filter((r): r is DocumentRows => !(r instanceof Error));
    const outcomes = new Map<DocumentRows, PutOutcome | Error>();
    try {
      for (const [r, o] of await this.writeBatch(good)) outcomes.set(r, o);
    } catch {
      // One bad document spoils the batch: write them one by one so only it fails.
      for (const r of good) {
        try { for (const [rr, o] of await this.writeBatch([r])) outcomes.set(rr, o); } catch (e) { outcomes.set(r, e as Error); }
      }
    }
    return rows.map((r, i) => {
      const id = r instanceof Error ? (items[i]?.x?.document?.id ?? '') : r.id;
      const o = r instanceof Error ? r : outcomes.get(r)!;
      return o instanceof Error ? { id, outcome: 'failed' as const, error: o } : { id, outcome: o };
    });
  }

  /** Writes documents in one transaction; a document already stored (or repeated in the batch) is skipped. */
  private async writeBatch(docs: readonly DocumentRows[]): Promise<Map<DocumentRows, PutOutcome>> {
    const out = new Map<DocumentRows, PutOutcome>();
    if (docs.length === 0) return out;
    const c = await this.client();
    try {
      await c.query('BEGIN');
      const res = await c.query(insertFromJson('documents', ' ON CONFLICT (id) DO NOTHING RETURNING id, seq'), ['[' + docs.map(documentJson).join(',') + ']']);
      const fresh = new Map<string, number>(res.rows.map((r: { id: string; seq: number }) => [r.id, r.seq]));
      const written: [DocumentRows, number][] = [];
      for (const d of docs) {
        const seq = fresh.get(d.id);
        if (seq !== undefined) { fresh.delete(d.id); written.push([d, seq]); out.set(d, 'inserted'); } else out.set(d, 'skipped');
      }
      for (const t of LAYER_TABLES) {
        const layerRows: Record<string, unknown>[] = [];
        for (const [d, seq] of written) for (const row of d.layers[t]) { row[0] = seq; layerRows.push(jsonRow(t, row)); }
        if (layerRows.length) await c.query(insertFromJson(t), [JSON.stringify(layerRows)]);
      }
      // Name dictionaries, sorted so concurrent writers take row locks in one order.
      const speakers = new Map<string, unknown>(), names = new Map<string, unknown>();
      for (const [d] of written) {
        for (const row of d.layers.statements) speakers.set(row[SPEAKER_KEY_AT] as string, row[SPEAKER_AT]);
        for (const row of d.layers.entities) names.set(row[CANONICAL_AT] as string, row[NAME_AT]);
      }
      const dict = (m: Map<string, unknown>, k: string) => JSON.stringify([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, name]) => ({ [k]: key, name })));
      if (speakers.size) await c.query(`INSERT INTO speakers (key, name) SELECT key, name FROM json_populate_recordset(NULL::speakers, $1::json) ON CONFLICT DO NOTHING`, [dict(speakers, 'key')]);
      if (names.size) await c.query(`INSERT INTO entity_names (canonical, name) SELECT canonical, name FROM json_populate_recordset(NULL::entity_names, $1::json) ON CONFLICT DO NOTHING`, [dict(names, 'canonical')]);
      await c.query('COMMIT');
      if (written.length) this.wrote = true;
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async all<T>(q: Sql): Promise<T[]> {
    const c = await this.client();
    try {
      return (await c.query(numberPlaceholders(q.text), q.params as unknown[])).rows as T[];
    } finally {
      c.release();
    }
  }

  async has(id: string): Promise<boolean> {
    return (await this.all({ text: 'SELECT 1 FROM documents WHERE id = ?', params: [id] })).length > 0;
  }

  async knownInputs(keys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await this.all<{ input_key: string }>({ text: 'SELECT input_key FROM documents WHERE input_key = ANY(?::text[])', params: [keys.slice(i, i + 5000)] });
      for (const r of rows) out.add(r.input_key);
    }
    return out;
  }

  async get(id: string): Promise<Extraction | undefined> {
    const rows = await this.all<{ extraction: Extraction }>({ text: 'SELECT extraction FROM documents WHERE id = ?', params: [id] });
    return rows[0]?.extraction;
  }

  async counts(): Promise<StoreCounts> {
    return (await this.all<StoreCounts>({ text: COUNTS_SQL, params: [] }))[0]!;
  }

  async documents(q?: DocumentFilter): Promise<DocumentSummary[]> { return this.all(documentsSql(q)); }
  async statements(q?: StatementQuery): Promise<StatementRow[]> { return this.all(statementsSql(q)); }
  async entities(q?: EntityQuery): Promise<EntityRow[]> { return this.all(entitiesSql(q)); }
  async quantities(q?: QuantityQuery): Promise<QuantityRow[]> { return this.all(quantitiesSql(q)); }
  async places(q?: PlaceQuery): Promise<PlaceRow[]> { return this.all(placesSql(q)); }
  async placeSummaries(q?: PlaceSummaryQuery): Promise<PlaceSummary[]> { return this.all(placeSummariesSql(q)); }
  async placeMentions(q: PlaceMentionQuery): Promise<PlaceMention[]> { return withContext(await this.all(placeMentionsSql(q))); }
  /** Time strings compare in byte order (COLLATE "C"), matching the timeline indexes, whatever the database collation. */
  async timeline(q?: TimelineQuery): Promise<TimelineItem[]> { return timelineItems(await this.all(timelineSql(q, ' COLLATE "C"'))); }

  async search(text: string, q: SearchQuery = {}): Promise<SearchHit[]> {
    const words = searchWords(text);
    if (words.length === 0) return [];
    const limit = Math.max(0, Math.floor(q.limit ?? 50));
    const scope = q.in ?? 'all';
    const terms = words.join(' ');
    const headline = `'StartSel=[, StopSel=], MaxWords=24, MinWords=8, ShortWord=2'`;
    const hits: SearchHit[] = [];
    // As on SQLite: ranked among the newest RANK_WINDOW matches, headlines only for the hits returned. The
    // tsquery is written inline each time (not in a CTE) so the planner sees it and uses the GIN index.
    const tsq = `plainto_tsquery('english', ?)`;
    if (scope !== 'statements') {
      hits.push(...await this.all<SearchHit>({
        text: `WITH m AS (SELECT d.seq, ts_rank(d.tsv, ${tsq}) AS rank FROM documents d WHERE d.tsv @@ ${tsq} ORDER BY d.seq DESC LIMIT ${RANK_WINDOW}),
          top AS (SELECT seq, rank FROM m ORDER BY rank DESC, seq DESC LIMIT ?)
          SELECT 'document' AS kind, d.id AS document, NULL AS statement, d.title,
            ts_headline('english', d.text, ${tsq}, ${headline}) AS snippet, top.rank::float8 AS rank
          FROM top JOIN documents d ON d.seq = top.seq ORDER BY top.rank DESC, top.seq DESC`,
        params: [terms, terms, limit, terms],
      }));
    }
    if (scope !== 'documents') {
      hits.push(...await this.all<SearchHit>({
        text: `WITH m AS (SELECT s.doc, s.id, ts_rank(s.tsv, ${tsq}) AS rank FROM statements s WHERE s.tsv @@ ${tsq} ORDER BY s.doc DESC LIMIT ${RANK_WINDOW}),
          top AS (SELECT doc, id, rank FROM m ORDER BY rank DESC, doc DESC, id LIMIT ?)
          SELECT 'statement' AS kind, d.id AS document, s.id AS statement, d.title,
            ts_headline('english', s.content, ${tsq}, ${headline}) AS snippet, top.rank::float8 AS rank
          FROM top JOIN statements s ON s.doc = top.doc AND s.id = top.id JOIN documents d ON d.seq = s.doc
          ORDER BY top.rank DESC, top.doc DESC, top.id`,
        params: [terms, terms, limit, terms],
      }));
    }
    return hits.sort((a, b) => b.rank - a.rank).slice(0, limit);
  }

  async sql<T = Record<string, unknown>>(query: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.all<T>({ text: query, params: [...params] });
  }

  /**
   * Statistics for the planner once the store has grown by a quarter since they were taken, as the SQLite store
   * does: autovacuum would take them in time, but a server may run without it, and a planner without statistics
   * joins blind (1-2 s instead of milliseconds for the views at 100k documents).
   */
  private async refreshStatistics(): Promise<void> {
    if (!this.wrote) return;
    const [row] = await this.all<{ now: number; then: number }>({
      text: `SELECT (SELECT count(*) FROM documents) AS now, (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'documents'::regclass) AS then`, params: [],
    });
    if (row && Number(row.now) >= 1000 && Number(row.now) > Number(row.then) * 1.25) await this.all({ text: `ANALYZE ${STORE_TABLES.join(', ')}`, params: [] });
  }

  async close(): Promise<void> {
    try { await this.refreshStatistics(); } catch { /* read-only role or server gone: statistics wait for next time */ }
    await this.pool.end();
  }
}
