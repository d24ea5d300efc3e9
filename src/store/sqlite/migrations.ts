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
  {
    version: 2,
    name: 'timeline and map: time values indexed, statements at their normalized time, place counts',
    sql: `
CREATE INDEX times_value ON times(value, doc, span_start);

-- A statement's normalized time (its time expression's value, when dated), kept here so the timeline reads
-- statements in time order from an index. Filled by a trigger on times, which a document writes after its statements.
CREATE TABLE statement_times (
  doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  statement_id TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE UNIQUE INDEX statement_times_doc ON statement_times(doc, statement_id);
CREATE INDEX statement_times_value ON statement_times(value, doc);
INSERT INTO statement_times (doc, statement_id, value)
  SELECT s.doc, s.id, t.value FROM statements s JOIN times t ON t.doc = s.doc AND t.id = s.time_id WHERE t.value >= '0' AND t.value < ':';
CREATE TRIGGER times_statement_times AFTER INSERT ON times WHEN NEW.value >= '0' AND NEW.value < ':' BEGIN
  INSERT INTO statement_times (doc, statement_id, value) SELECT NEW.doc, s.id, NEW.value FROM statements s WHERE s.doc = NEW.doc AND s.time_id = NEW.id;
END;

-- The map: mentions and documents per place (name, country, point), kept up to date by a trigger, so the whole
-- corpus's places are read without aggregating every mention; a covering index aggregates a filtered subset.
CREATE INDEX places_doc_point ON places(doc, name, country, lat, lon, kind, geonameid);
CREATE TABLE place_counts (
  name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, geonameid INTEGER,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY (name, country, lat, lon)
) WITHOUT ROWID;
CREATE INDEX place_counts_mentions ON place_counts(mentions DESC, name, country, lat, lon);
INSERT INTO place_counts (name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT name, country, lat, lon, max(kind), max(geonameid), count(*), count(DISTINCT doc) FROM places GROUP BY name, country, lat, lon;
CREATE TRIGGER places_place_counts AFTER INSERT ON places BEGIN
  INSERT INTO place_counts (name, country, lat, lon, kind, geonameid, mentions, documents)
  VALUES (NEW.name, NEW.country, NEW.lat, NEW.lon, NEW.kind, NEW.geonameid, 1, 1)
  ON CONFLICT (name, country, lat, lon) DO UPDATE SET
    mentions = mentions + 1,
    -- A document counts once: only its first mention of the place adds it.
    documents = documents + (NOT EXISTS (SELECT 1 FROM places p WHERE p.name = NEW.name AND p.doc = NEW.doc AND p.country = NEW.country AND p.lat = NEW.lat AND p.lon = NEW.lon AND p.rowid <> NEW.rowid)),
    kind = max(kind, excluded.kind),
    geonameid = CASE WHEN geonameid IS NULL THEN excluded.geonameid WHEN excluded.geonameid IS NULL THEN geonameid ELSE max(geonameid, excluded.geonameid) END;
END;
`,
  },
  {
    version: 3,
    name: 'views: speaker, place and framing counts per outlet, place counts per day, sentences apart from the record',
    sql: `
-- Counts the corpus views read over the whole store or one outlet, kept by triggers as rows arrive, so those views
-- read a few hundred counts instead of aggregating every statement, place or framing row (a date range still
-- aggregates its documents' rows). outlet_key is the outlet made non-null for the keys: '' for none, '=' || outlet.

-- Statements per speaker key, most first: the speakers view's busiest speakers.
CREATE TABLE speaker_counts (key TEXT PRIMARY KEY, statements INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX speaker_counts_statements ON speaker_counts(statements DESC, key);
-- Statements and documents per speaker key and outlet, with the least spelling of the name in that outlet.
CREATE TABLE speaker_outlets (
  key TEXT NOT NULL, outlet_key TEXT NOT NULL, outlet TEXT, name TEXT NOT NULL,
  statements INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY (key, outlet_key)
) WITHOUT ROWID;
CREATE INDEX speaker_outlets_outlet ON speaker_outlets(outlet, key);
INSERT INTO speaker_counts (key, statements) SELECT speaker_key, count(*) FROM statements GROUP BY speaker_key;
INSERT INTO speaker_outlets (key, outlet_key, outlet, name, statements, documents)
  SELECT s.speaker_key, coalesce('=' || d.outlet, ''), min(d.outlet), min(s.speaker), count(*), count(DISTINCT s.doc)
  FROM statements s JOIN documents d ON d.seq = s.doc GROUP BY s.speaker_key, coalesce('=' || d.outlet, '');
CREATE TRIGGER statements_speaker_counts AFTER INSERT ON statements BEGIN
  INSERT INTO speaker_counts (key, statements) VALUES (NEW.speaker_key, 1)
  ON CONFLICT (key) DO UPDATE SET statements = statements + 1;
  INSERT INTO speaker_outlets (key, outlet_key, outlet, name, statements, documents)
  SELECT NEW.speaker_key, coalesce('=' || d.outlet, ''), d.outlet, NEW.speaker, 1, 1 FROM documents d WHERE d.seq = NEW.doc
  ON CONFLICT (key, outlet_key) DO UPDATE SET
    statements = statements + 1,
    -- A document counts once: only its first statement by this speaker adds it.
    documents = documents + (NOT EXISTS (SELECT 1 FROM statements s WHERE s.speaker_key = NEW.speaker_key AND s.doc = NEW.doc AND s.rowid <> NEW.rowid)),
    name = min(name, excluded.name);
END;

-- The map for one outlet: place_counts per outlet.
CREATE TABLE place_outlets (
  outlet_key TEXT NOT NULL, outlet TEXT,
  name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, geonameid INTEGER,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY (outlet_key, name, country, lat, lon)
) WITHOUT ROWID;
CREATE INDEX place_outlets_mentions ON place_outlets(outlet, mentions DESC, name, country, lat, lon);
INSERT INTO place_outlets (outlet_key, outlet, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT coalesce('=' || d.outlet, ''), min(d.outlet), p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
  FROM places p JOIN documents d ON d.seq = p.doc GROUP BY coalesce('=' || d.outlet, ''), p.name, p.country, p.lat, p.lon;
CREATE TRIGGER places_place_outlets AFTER INSERT ON places BEGIN
  INSERT INTO place_outlets (outlet_key, outlet, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT coalesce('=' || d.outlet, ''), d.outlet, NEW.name, NEW.country, NEW.lat, NEW.lon, NEW.kind, NEW.geonameid, 1, 1 FROM documents d WHERE d.seq = NEW.doc
  ON CONFLICT (outlet_key, name, country, lat, lon) DO UPDATE SET
    mentions = mentions + 1,
    documents = documents + (NOT EXISTS (SELECT 1 FROM places p WHERE p.name = NEW.name AND p.doc = NEW.doc AND p.country = NEW.country AND p.lat = NEW.lat AND p.lon = NEW.lon AND p.rowid <> NEW.rowid)),
    kind = max(kind, excluded.kind),
    geonameid = CASE WHEN geonameid IS NULL THEN excluded.geonameid WHEN excluded.geonameid IS NULL THEN geonameid ELSE max(geonameid, excluded.geonameid) END;
END;

-- The map for a date range: place_counts per publication date, so a month sums about one row per place and day
-- instead of aggregating every mention (documents without a date never match a date filter).
CREATE TABLE place_days (
  published TEXT NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, geonameid INTEGER,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY (published, name, country, lat, lon)
) WITHOUT ROWID;
INSERT INTO place_days (published, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT d.published, p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
  FROM places p JOIN documents d ON d.seq = p.doc WHERE d.published IS NOT NULL GROUP BY d.published, p.name, p.country, p.lat, p.lon;
CREATE TRIGGER places_place_days AFTER INSERT ON places BEGIN
  INSERT INTO place_days (published, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT d.published, NEW.name, NEW.country, NEW.lat, NEW.lon, NEW.kind, NEW.geonameid, 1, 1 FROM documents d WHERE d.seq = NEW.doc AND d.published IS NOT NULL
  ON CONFLICT (published, name, country, lat, lon) DO UPDATE SET
    mentions = mentions + 1,
    documents = documents + (NOT EXISTS (SELECT 1 FROM places p WHERE p.name = NEW.name AND p.doc = NEW.doc AND p.country = NEW.country AND p.lat = NEW.lat AND p.lon = NEW.lon AND p.rowid <> NEW.rowid)),
    kind = max(kind, excluded.kind),
    geonameid = CASE WHEN geonameid IS NULL THEN excluded.geonameid WHEN excluded.geonameid IS NULL THEN geonameid ELSE max(geonameid, excluded.geonameid) END;
END;

-- The framing view: uses and documents per outlet, referent, term and category (referent_key: '' for none, '=' || referent).
CREATE TABLE framing_counts (
  outlet_key TEXT NOT NULL, outlet TEXT, referent_type TEXT NOT NULL, referent_key TEXT NOT NULL, referent TEXT, term TEXT NOT NULL, category TEXT NOT NULL,
  uses INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY (outlet_key, referent_type, referent_key, term, category)
) WITHOUT ROWID;
-- In the order of framing --by outlet, so a page is read in order without sorting every count.
CREATE INDEX framing_counts_outlet ON framing_counts(outlet, uses DESC, referent_type, referent, term);
INSERT INTO framing_counts (outlet_key, outlet, referent_type, referent_key, referent, term, category, uses, documents)
  SELECT coalesce('=' || d.outlet, ''), min(d.outlet), f.referent_type, coalesce('=' || f.referent, ''), min(f.referent), f.term, f.category, count(*), count(DISTINCT f.doc)
  FROM framing f JOIN documents d ON d.seq = f.doc GROUP BY coalesce('=' || d.outlet, ''), f.referent_type, coalesce('=' || f.referent, ''), f.term, f.category;
CREATE TRIGGER framing_framing_counts AFTER INSERT ON framing BEGIN
  INSERT INTO framing_counts (outlet_key, outlet, referent_type, referent_key, referent, term, category, uses, documents)
  SELECT coalesce('=' || d.outlet, ''), d.outlet, NEW.referent_type, coalesce('=' || NEW.referent, ''), NEW.referent, NEW.term, NEW.category, 1, 1 FROM documents d WHERE d.seq = NEW.doc
  ON CONFLICT (outlet_key, referent_type, referent_key, term, category) DO UPDATE SET
    uses = uses + 1,
    documents = documents + (NOT EXISTS (SELECT 1 FROM framing f WHERE f.doc = NEW.doc AND f.term = NEW.term AND f.referent_type = NEW.referent_type
      AND f.referent IS NEW.referent AND f.category = NEW.category AND f.rowid <> NEW.rowid));
END;

-- Each record's sentences and dateline, which the claims views read for hundreds of documents at a time: here
-- a few hundred bytes each, where reading them from the record parses all of it (14 kB for a short article).
CREATE TABLE document_sentences (
  doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
  sentences TEXT, dateline TEXT
);
INSERT INTO document_sentences (doc, sentences, dateline)
  SELECT seq, extraction -> 'sentences', extraction -> 'document' -> 'dateline' FROM documents WHERE json_valid(extraction);
CREATE TRIGGER documents_sentences AFTER INSERT ON documents WHEN json_valid(NEW.extraction) BEGIN
  INSERT INTO document_sentences (doc, sentences, dateline) VALUES (NEW.seq, NEW.extraction -> 'sentences', NEW.extraction -> 'document' -> 'dateline');
END;

-- One outlet's documents in stored order (the export and claims views page by seq).
CREATE INDEX documents_outlet_seq ON documents(outlet, seq);
-- The figures a statement claims (the timeline's figures for a speaker): one seek per statement, not its document's every figure.
CREATE INDEX quantities_statement ON quantities(doc, statement_id) WHERE statement_id IS NOT NULL;

-- Statistics for the new tables and index, so the planner does not guess until the next full ANALYZE.
ANALYZE speaker_counts; ANALYZE speaker_outlets; ANALYZE place_outlets; ANALYZE place_days; ANALYZE framing_counts; ANALYZE document_sentences; ANALYZE documents_outlet_seq; ANALYZE quantities_statement;
`,
  },
];
