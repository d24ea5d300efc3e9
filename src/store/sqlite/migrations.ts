// SQLite schema, as ordered migrations: a store records the last one applied and runs only newer ones.

import type { Migration } from '../migrate.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and layer tables, indexes, full-text search',
    sql: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT, outlet TEXT, url TEXT, byline TEXT, published TEXT, source TEXT, format TEXT,
  chars INTEGER NOT NULL,
  generator TEXT NOT NULL,
  n_statements INTEGER NOT NULL, n_quantities INTEGER NOT NULL, n_entities INTEGER NOT NULL, n_places INTEGER NOT NULL,
  input_key TEXT,
  ingested_at TEXT NOT NULL,
  -- The large columns last: reading the small ones never walks their overflow pages.
  text TEXT NOT NULL,
  extraction TEXT NOT NULL
);
CREATE INDEX documents_outlet_published ON documents(outlet, published);
CREATE INDEX documents_published ON documents(published, outlet);
CREATE INDEX documents_input_key ON documents(input_key) WHERE input_key IS NOT NULL;

-- Layer tables: one row per annotation, pointing to its document by seq (see src/store/rows.ts).
CREATE TABLE entities (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  type TEXT NOT NULL, name TEXT NOT NULL, canonical TEXT NOT NULL, country TEXT,
  titles TEXT, roles TEXT, affiliations TEXT,
  n_mentions INTEGER NOT NULL
);
CREATE UNIQUE INDEX entities_doc ON entities(doc, id);
CREATE INDEX entities_canonical ON entities(canonical, doc);
CREATE INDEX entities_type ON entities(type, doc);

CREATE TABLE mentions (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  entity_id TEXT NOT NULL, seq INTEGER NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL
);
CREATE UNIQUE INDEX mentions_doc ON mentions(doc, entity_id, seq);

CREATE TABLE statements (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT NOT NULL, speaker_key TEXT NOT NULL, speaker_entity TEXT,
  content TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
  cue TEXT NOT NULL, cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
  channel TEXT, addressee TEXT, time_id TEXT, relay TEXT,
  confidence REAL NOT NULL
);
CREATE UNIQUE INDEX statements_doc ON statements(doc, id);
CREATE INDEX statements_speaker ON statements(speaker_key, doc);

CREATE TABLE quantities (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  value REAL, approx TEXT NOT NULL, low REAL, high REAL, unit TEXT, what TEXT, category TEXT, statement_id TEXT
);
CREATE UNIQUE INDEX quantities_doc ON quantities(doc, id);
CREATE INDEX quantities_category ON quantities(category, doc);

CREATE TABLE places (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL,
  geonameid INTEGER, entity_id TEXT
);
CREATE UNIQUE INDEX places_doc ON places(doc, id);
CREATE INDEX places_name ON places(name, doc);
CREATE INDEX places_country ON places(country, doc);

CREATE TABLE times (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  value TEXT NOT NULL, type TEXT NOT NULL
);
CREATE UNIQUE INDEX times_doc ON times(doc, id);

CREATE TABLE framing (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  term TEXT NOT NULL, category TEXT NOT NULL, referent_type TEXT NOT NULL, referent TEXT
);
CREATE UNIQUE INDEX framing_doc ON framing(doc, id);
CREATE INDEX framing_term ON framing(term, doc);

-- Name dictionaries: every distinct speaker and entity name once, so a substring search scans thousands of
-- names, not millions of rows, then fetches the rows by index.
CREATE TABLE speakers (key TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entity_names (canonical TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;

-- Full-text indexes read their text from the tables (external content), so text is stored once more only as index.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statements_fts USING fts5(content, content='statements', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
`,
  },
];
