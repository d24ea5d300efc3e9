// The embedded store: one SQLite file (WAL, prepared statements, batched transactions, FTS5 search).

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Extraction } from '../../schema/index.js';
import { pending, StoreError } from '../migrate.js';
import { COLUMNS, LAYER_TABLES, rowsOf, type DocumentRows, type LayerTable } from '../rows.js';
import {
  COUNTS_SQL, RANK_WINDOW, documentsSql, entitiesSql, placeMentionsSql, placeSummariesSql, placesSql, quantitiesSql, searchWords, statementsSql,
  timelineItems, timelineSql, withContext, type Sql,
} from '../queries.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import type {
  DocumentFilter, DocumentSummary, EntityQuery, EntityRow, PlaceMention, PlaceMentionQuery, PlaceQuery, PlaceRow, PlaceSummary, PlaceSummaryQuery,
  PutItem, PutOptions, PutOutcome, PutResult, QuantityQuery, QuantityRow, SearchHit, SearchQuery, StatementQuery, StatementRow, Store, StoreCounts,
  TimelineItem, TimelineQuery,
} from '../store.js';

type Stmt = Database.Statement<unknown[]>;

const INPUT_KEY_AT = COLUMNS.documents.indexOf('input_key');
const INGESTED_AT = COLUMNS.documents.indexOf('ingested_at');

const insertSql = (table: string, cols: readonly string[], conflict = '') =>
  `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})${conflict}`;

/** SQLite has no boolean or undefined: the row values already are strings, numbers or nulls. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly insertDocument: Stmt;
  private readonly insertLayer: Record<LayerTable, Stmt>;
  private readonly insertDocumentFts: Stmt;
  private readonly insertStatementFts: Stmt;
  private readonly insertSpeakers: Stmt;
  private readonly insertEntityNames: Stmt;
  private readonly hasStmt: Stmt;
  private readonly getStmt: Stmt;
  private readonly knownInputStmt: Stmt;
  /** Whether this connection stored anything (statistics are refreshed on close only then). */
  private wrote = false;
  private readonly writeFast: (rs: readonly (DocumentRows | Error)[]) => PutResult[];
  private readonly writeEachAtomic: (rs: readonly (DocumentRows | Error)[]) => PutResult[];

  /**
   * Opens (creating if needed) the database file at `path`, or an in-memory one for ':memory:'. `upToVersion`
   * stops the migrations there, making a store as an older dateline did (for tests of upgrades).
   */
  constructor(path: string, options: { upToVersion?: number } = {}) {
    this.location = path === ':memory:' ? path : resolve(path);
    try {
      if (path !== ':memory:') mkdirSync(dirname(this.location), { recursive: true });
      this.db = new Database(path);
    } catch (e) {
      throw new StoreError('E_STORE_OPEN', `cannot open SQLite database ${this.location}: ${(e as Error).message}`, { cause: e });
    }
    const db = this.db;
    // WAL: readers never block the writer; NORMAL sync keeps every committed transaction across a process crash
    // (kill -9), risking only the last ones on power loss.
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 10000');
      db.pragma('cache_size = -65536');
      this.migrate(options.upToVersion);
    } catch (e) {
      db.close();
      if (e instanceof StoreError) throw e;
      throw new StoreError('E_STORE_OPEN', `cannot set up the dateline tables in ${this.location}: ${(e as Error).message}`, { cause: e });
    }

    this.insertDocument = db.prepare(insertSql('documents', COLUMNS.documents, ' ON CONFLICT(id) DO NOTHING'));
    this.insertLayer = Object.fromEntries(LAYER_TABLES.map((t) => [t, db.prepare(insertSql(t, COLUMNS[t]))])) as Record<LayerTable, Stmt>;
    // Full-text and name-dictionary rows are written per batch, by one statement each over the batch's documents:
    // FTS5 flushes its pending terms to a new segment at every statement that writes it inside a transaction,
    // so a row per statement cost ~1 ms per document in flushes and merges.
    const batchSeqs = 'SELECT value FROM json_each(?)';
    this.insertDocumentFts = db.prepare(`INSERT INTO documents_fts (rowid, title, text) SELECT seq, title, text FROM documents WHERE seq IN (${batchSeqs}) ORDER BY seq`);
    this.insertStatementFts = db.prepare(`INSERT INTO statements_fts (rowid, content) SELECT rowid, content FROM statements WHERE doc IN (${batchSeqs}) ORDER BY rowid`);
    // In insert order, so the first name written for a key is kept, as row by row.
    this.insertSpeakers = db.prepare(`INSERT OR IGNORE INTO speakers (key, name) SELECT speaker_key, speaker FROM statements WHERE doc IN (${batchSeqs}) ORDER BY rowid`);
    this.insertEntityNames = db.prepare(`INSERT OR IGNORE INTO entity_names (canonical, name) SELECT canonical, name FROM entities WHERE doc IN (${batchSeqs}) ORDER BY rowid`);
    this.hasStmt = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
    this.getStmt = db.prepare('SELECT extraction FROM documents WHERE id = ?').pluck();
    this.knownInputStmt = db.prepare('SELECT input_key FROM documents WHERE input_key IN (SELECT value FROM json_each(?))').pluck();

    /** A document's own rows; returns its seq, or 0 when a document with its id is already stored. */
    const insertRows = (r: DocumentRows): number => {
      const info = this.insertDocument.run(r.document);
      if (info.changes === 0) return 0;
      const seq = info.lastInsertRowid as number;
      this.wrote = true;
      for (const t of LAYER_TABLES) {
        const stmt = this.insertLayer[t];
        for (const row of r.layers[t]) {
          row[0] = seq;
          stmt.run(row);
        }
      }
      return seq;
    };
    const indexDocuments = (seqs: readonly number[]): void => {
      if (seqs.length === 0) return;
      const list = JSON.stringify(seqs);
      this.insertDocumentFts.run(list);
      this.insertStatementFts.run(list);
      this.insertSpeakers.run(list);
      this.insertEntityNames.run(list);
    };
    // The usual batch: one transaction, no savepoints (each costs a copy of every page it touches). Any SQL error
    // rolls the whole batch back and it is written again by writeEachAtomic, so a bad document still fails alone.
    this.writeFast = db.transaction((rs: readonly (DocumentRows | Error)[]): PutResult[] => {
      const seqs: number[] = [];
      const out = rs.map((r): PutResult => {
        if (r instanceof Error) return { id: '', outcome: 'failed', error: r };
        const seq = insertRows(r);
        if (seq) seqs.push(seq);
        return { id: r.id, outcome: seq ? 'inserted' : 'skipped' };
      });
      indexDocuments(seqs);
      return out;
    });
    // One document: a savepoint inside the batch, so a bad document rolls back alone.
    const writeOne = db.transaction((r: DocumentRows): PutOutcome => {
      const seq = insertRows(r);
      if (!seq) return 'skipped';
      indexDocuments([seq]);
      return 'inserted';
    });
    this.writeEachAtomic = db.transaction((rs: readonly (DocumentRows | Error)[]): PutResult[] =>
      rs.map((r) => {
        if (r instanceof Error) return { id: '', outcome: 'failed', error: r };
        try {
          return { id: r.id, outcome: writeOne(r) };
        } catch (e) {
          return { id: r.id, outcome: 'failed', error: e as Error };
        }
      }));
  }

  /** Writes a batch in one transaction: each document whole or not at all (a crash never leaves part of one). */
  private writeRows(rs: readonly (DocumentRows | Error)[]): PutResult[] {
    try {
      return this.writeFast(rs);
    } catch {
      return this.writeEachAtomic(rs);
    }
  }

  private migrate(upToVersion = Infinity): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    const todo = pending(SQLITE_MIGRATIONS, current).filter((m) => m.version <= upToVersion);
    for (const m of todo) {
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  }

  async put(x: Extraction, options: PutOptions = {}): Promise<PutOutcome> {
    const [r] = this.writeRows([rowsOf(x, JSON.stringify(x), options.inputKey, new Date().toISOString())]);
    if (r!.outcome === 'failed') throw r!.error;
    return r!.outcome;
  }

  async putMany(items: readonly PutItem[]): Promise<PutResult[]> {
    return this.putManySync(items);
  }

  /** The synchronous write behind putMany: ingest calls it from the batch's result callback. */
  putManySync(items: readonly PutItem[]): PutResult[] {
    const now = new Date().toISOString();
    const rows = items.map((it) => {
      try {
        return rowsOf(it.x, it.json ?? JSON.stringify(it.x), it.inputKey, now);
      } catch (e) {
        return e as Error;
      }
    });
    const results = this.writeRows(rows);
    results.forEach((r, i) => { if (!r.id) r.id = items[i]?.x?.document?.id ?? ''; });
    return results;
  }

  /**
   * putManySync for documents already flattened by `rowsOf` (ingest's worker threads do it, so this thread only
   * writes). Their input key and ingestion time are set here.
   */
  putRowsSync(items: readonly { rows: DocumentRows; inputKey?: string }[]): PutResult[] {
    const now = new Date().toISOString();
    for (const it of items) {
      it.rows.document[INPUT_KEY_AT] = it.inputKey ?? null;
      it.rows.document[INGESTED_AT] = now;
    }
    return this.writeRows(items.map((it) => it.rows));
  }

  async has(id: string): Promise<boolean> {
    return this.hasStmt.get(id) !== undefined;
  }

  async knownInputs(keys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      for (const k of this.knownInputStmt.all(JSON.stringify(keys.slice(i, i + 5000))) as string[]) out.add(k);
    }
    return out;
  }

  async get(id: string): Promise<Extraction | undefined> {
    const json = this.getStmt.get(id) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Extraction);
  }

  private all<T>(q: Sql): T[] {
    return this.db.prepare(q.text).all(...(q.params as unknown[])) as T[];
  }

  async counts(): Promise<StoreCounts> {
    return this.db.prepare(COUNTS_SQL).get() as StoreCounts;
  }

  async documents(q?: DocumentFilter): Promise<DocumentSummary[]> { return this.all(documentsSql(q)); }
  async statements(q?: StatementQuery): Promise<StatementRow[]> { return this.all(statementsSql(q)); }
  async entities(q?: EntityQuery): Promise<EntityRow[]> { return this.all(entitiesSql(q)); }
  async quantities(q?: QuantityQuery): Promise<QuantityRow[]> { return this.all(quantitiesSql(q)); }
  async places(q?: PlaceQuery): Promise<PlaceRow[]> { return this.all(placesSql(q)); }
  async placeSummaries(q?: PlaceSummaryQuery): Promise<PlaceSummary[]> { return this.all(placeSummariesSql(q)); }
  async placeMentions(q: PlaceMentionQuery): Promise<PlaceMention[]> { return withContext(this.all(placeMentionsSql(q))); }
  async timeline(q?: TimelineQuery): Promise<TimelineItem[]> { return timelineItems(this.all(timelineSql(q, ''))); }

  async search(text: string, q: SearchQuery = {}): Promise<SearchHit[]> {
    const words = searchWords(text);
    if (words.length === 0) return [];
    // Each word quoted: user text never reaches FTS5's query syntax.
    const match = words.map((w) => `"${w}"`).join(' ');
    const limit = Math.max(0, Math.floor(q.limit ?? 50));
    const scope = q.in ?? 'all';
    const hits: SearchHit[] = [];
    // Ranked among the newest RANK_WINDOW matches: ranking every match of a common word costs 400 ms at
    // 100k documents, while FTS5 walks matches newest first and stops. Snippets only for the hits returned,
    // fetched by rowid (a join would make FTS5 scan every match again).
    const ranked = (fts: string, column: number, join: string, select: string): SearchHit[] => {
      const top = this.db.prepare(`SELECT rowid, r FROM (SELECT rowid, bm25(${fts}) AS r FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) ORDER BY r, rowid DESC LIMIT ?`)
        .all(match, limit) as { rowid: number; r: number }[];
      if (top.length === 0) return [];
      const rows = this.db.prepare(`SELECT ${fts}.rowid AS rowid, ${select}, snippet(${fts}, ${column}, '[', ']', '…', 12) AS snippet
        FROM ${fts} ${join} WHERE ${fts} MATCH ? AND ${fts}.rowid IN (SELECT value FROM json_each(?))`)
        .all(match, JSON.stringify(top.map((t) => t.rowid))) as (SearchHit & { rowid: number })[];
      const byRowid = new Map(rows.map((r) => [r.rowid, r]));
      return top.flatMap((t) => {
        const h = byRowid.get(t.rowid);
        return h ? [{ kind: h.kind, document: h.document, statement: h.statement, title: h.title, snippet: h.snippet, rank: t.r }] : [];
      });
    };
    if (scope !== 'statements') {
      hits.push(...ranked('documents_fts', 1, 'JOIN documents d ON d.seq = documents_fts.rowid', `'document' AS kind, d.id AS document, NULL AS statement, d.title`));
    }
    if (scope !== 'documents') {
      hits.push(...ranked('statements_fts', 0, 'JOIN statements s ON s.rowid = statements_fts.rowid JOIN documents d ON d.seq = s.doc', `'statement' AS kind, d.id AS document, s.id AS statement, d.title`));
    }
    // bm25 is lower for better matches; report higher-is-better like PostgreSQL's ts_rank.
    for (const h of hits) h.rank = -h.rank;
    return hits.sort((a, b) => b.rank - a.rank).slice(0, limit);
  }

  async sql<T = Record<string, unknown>>(query: string, params: readonly unknown[] = []): Promise<T[]> {
    const stmt = this.db.prepare(query);
    return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
  }

  /**
   * Full statistics for the query planner once the store has grown by a quarter since they were taken: with
   * sampled or stale ones it starts views from the wrong index (200 ms instead of 4 ms at 100k documents).
   * Growth is geometric, so the total ANALYZE work stays proportional to the store.
   */
  private refreshStatistics(): void {
    if (!this.wrote) return;
    const now = (this.db.prepare('SELECT count(*) FROM documents').pluck().get() as number) ?? 0;
    let then = 0;
    try {
      // The first number of an index's stat is the rows it covered (a partial index covers fewer: take the largest).
      then = (this.db.prepare("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'documents'").pluck().get() as number | null) ?? 0;
    } catch { /* no sqlite_stat1 before the first ANALYZE */ }
    if (now >= 1000 && now > then * 1.25) {
      this.db.pragma('analysis_limit = 0');
      this.db.exec('ANALYZE');
    }
  }

  async close(): Promise<void> {
    if (this.db.open) {
      try { this.refreshStatistics(); } catch { /* read-only or busy: statistics wait for next time */ }
      // Fold the write-ahead log back into the file so a closed store is one file.
      try { this.db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* a reader elsewhere holds it: fine */ }
      this.db.close();
    }
  }
}
