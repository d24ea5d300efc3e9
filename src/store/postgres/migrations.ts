// PostgreSQL schema, as ordered migrations (the same tables and columns as SQLite's; tsvector + GIN for search).

import type { Migration } from '../migrate.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and layer tables, indexes, full-text search',
    sql: `
CREATE TABLE documents (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT, outlet TEXT, url TEXT, byline TEXT, published TEXT, source TEXT, format TEXT,
  chars INTEGER NOT NULL,
  generator TEXT NOT NULL,
  n_statements INTEGER NOT NULL, n_quantities INTEGER NOT NULL, n_entities INTEGER NOT NULL, n_places INTEGER NOT NULL,
  input_key TEXT,
  ingested_at TEXT NOT NULL,
  -- The large columns last, as in SQLite (TOASTed here).
  text TEXT NOT NULL,
  extraction JSONB NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', text)) STORED
);
CREATE INDEX documents_outlet_published ON documents(outlet, published);
CREATE INDEX documents_published ON documents(published, outlet);
CREATE INDEX documents_input_key ON documents(input_key) WHERE input_key IS NOT NULL;
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE entities (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  type TEXT NOT NULL, name TEXT NOT NULL, canonical TEXT NOT NULL, country TEXT,
  titles TEXT, roles TEXT, affiliations TEXT,
  n_mentions INTEGER NOT NULL,
  PRIMARY KEY (doc, id)
);
CREATE INDEX entities_canonical ON entities(canonical, doc);
CREATE INDEX entities_type ON entities(type, doc);

CREATE TABLE mentions (
  doc BIGINT NOT NULL, entity_id TEXT NOT NULL, seq INTEGER NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (doc, entity_id, seq),
  FOREIGN KEY (doc, entity_id) REFERENCES entities(doc, id) ON DELETE CASCADE
);

CREATE TABLE statements (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT NOT NULL, speaker_key TEXT NOT NULL, speaker_entity TEXT,
  content TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
  cue TEXT NOT NULL, cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
  channel TEXT, addressee TEXT, time_id TEXT, relay TEXT,
  confidence DOUBLE PRECISION NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
  PRIMARY KEY (doc, id)
);
CREATE INDEX statements_speaker ON statements(speaker_key, doc);
CREATE INDEX statements_tsv ON statements USING GIN (tsv);

CREATE TABLE quantities (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  value DOUBLE PRECISION, approx TEXT NOT NULL, low DOUBLE PRECISION, high DOUBLE PRECISION,
  unit TEXT, what TEXT, category TEXT, statement_id TEXT,
  PRIMARY KEY (doc, id)
);
CREATE INDEX quantities_category ON quantities(category, doc);

CREATE TABLE places (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL,
  geonameid BIGINT, entity_id TEXT,
  PRIMARY KEY (doc, id)
);
CREATE INDEX places_name ON places(name, doc);
CREATE INDEX places_country ON places(country, doc);

CREATE TABLE times (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  value TEXT NOT NULL, type TEXT NOT NULL,
  PRIMARY KEY (doc, id)
);

CREATE TABLE framing (
  doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  term TEXT NOT NULL, category TEXT NOT NULL, referent_type TEXT NOT NULL, referent TEXT,
  PRIMARY KEY (doc, id)
);
CREATE INDEX framing_term ON framing(term, doc);

-- Name dictionaries (see the SQLite migration).
CREATE TABLE speakers (key TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE entity_names (canonical TEXT PRIMARY KEY, name TEXT NOT NULL);
`,
  },
  {
    version: 2,
    name: 'timeline and map: time values indexed, statements at their normalized time, place counts',
    sql: `
-- Times compare as ISO strings in byte order whatever the database collation.
CREATE INDEX times_value ON times (value COLLATE "C", doc, span_start);

-- See the SQLite migration: statements at their dated normalized time, filled by a trigger on times.
CREATE TABLE statement_times (
  doc BIGINT NOT NULL, statement_id TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (doc, statement_id),
  FOREIGN KEY (doc, statement_id) REFERENCES statements(doc, id) ON DELETE CASCADE
);
CREATE INDEX statement_times_value ON statement_times (value COLLATE "C", doc);
INSERT INTO statement_times (doc, statement_id, value)
  SELECT s.doc, s.id, t.value FROM statements s JOIN times t ON t.doc = s.doc AND t.id = s.time_id
  WHERE t.value COLLATE "C" >= '0' AND t.value COLLATE "C" < ':';
-- One set-based insert per INSERT statement (a batch of documents), not one per row.
CREATE FUNCTION dateline_statement_times() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO statement_times (doc, statement_id, value)
    SELECT s.doc, s.id, n.value FROM new_times n JOIN statements s ON s.doc = n.doc AND s.time_id = n.id
    WHERE n.value COLLATE "C" >= '0' AND n.value COLLATE "C" < ':';
  RETURN NULL;
END
$fn$;
CREATE TRIGGER times_statement_times AFTER INSERT ON times REFERENCING NEW TABLE AS new_times FOR EACH STATEMENT EXECUTE FUNCTION dateline_statement_times();

-- The map: see the SQLite migration. A batch's documents are all new and each writes its places in one INSERT,
-- so counting distinct documents within the inserted rows is exact.
CREATE INDEX places_doc_point ON places (doc, name, country, lat, lon, kind, geonameid);
CREATE TABLE place_counts (
  name TEXT NOT NULL, country TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, geonameid BIGINT,
  mentions BIGINT NOT NULL, documents BIGINT NOT NULL,
  PRIMARY KEY (name, country, lat, lon)
);
CREATE INDEX place_counts_mentions ON place_counts (mentions DESC, name, country, lat, lon);
INSERT INTO place_counts (name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT name, country, lat, lon, max(kind), max(geonameid), count(*), count(DISTINCT doc) FROM places GROUP BY name, country, lat, lon;
CREATE FUNCTION dateline_place_counts() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  -- In key order, so concurrent writers lock the counts' rows in one order.
  INSERT INTO place_counts AS pc (name, country, lat, lon, kind, geonameid, mentions, documents)
    SELECT name, country, lat, lon, max(kind), max(geonameid), count(*), count(DISTINCT doc) FROM new_places
    GROUP BY name, country, lat, lon ORDER BY name, country, lat, lon
  ON CONFLICT (name, country, lat, lon) DO UPDATE SET
    mentions = pc.mentions + excluded.mentions, documents = pc.documents + excluded.documents,
    kind = GREATEST(pc.kind, excluded.kind), geonameid = GREATEST(pc.geonameid, excluded.geonameid);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER places_place_counts AFTER INSERT ON places REFERENCING NEW TABLE AS new_places FOR EACH STATEMENT EXECUTE FUNCTION dateline_place_counts();
`,
  },
  {
    version: 3,
    name: 'views: speaker, place and framing counts per outlet, place counts per day, sentences apart from the record',
    sql: `
-- See the SQLite migration. Each trigger adds one INSERT's rows at once; as for place_counts, a batch's documents
-- are new and write each layer in one INSERT, so distinct documents counted within the inserted rows are exact.
CREATE TABLE speaker_counts (key TEXT PRIMARY KEY, statements BIGINT NOT NULL);
CREATE INDEX speaker_counts_statements ON speaker_counts (statements DESC, key);
CREATE TABLE speaker_outlets (
  key TEXT NOT NULL, outlet_key TEXT NOT NULL, outlet TEXT, name TEXT NOT NULL,
  statements BIGINT NOT NULL, documents BIGINT NOT NULL,
  PRIMARY KEY (key, outlet_key)
);
CREATE INDEX speaker_outlets_outlet ON speaker_outlets (outlet, key);
INSERT INTO speaker_counts (key, statements) SELECT speaker_key, count(*) FROM statements GROUP BY speaker_key;
INSERT INTO speaker_outlets (key, outlet_key, outlet, name, statements, documents)
  SELECT s.speaker_key, coalesce('=' || d.outlet, ''), min(d.outlet), min(s.speaker), count(*), count(DISTINCT s.doc)
  FROM statements s JOIN documents d ON d.seq = s.doc GROUP BY s.speaker_key, coalesce('=' || d.outlet, '');
CREATE FUNCTION dateline_speaker_counts() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  -- In key order, so concurrent writers lock the counts' rows in one order.
  INSERT INTO speaker_counts AS c (key, statements)
    SELECT speaker_key, count(*) FROM new_statements GROUP BY speaker_key ORDER BY speaker_key
  ON CONFLICT (key) DO UPDATE SET statements = c.statements + excluded.statements;
  INSERT INTO speaker_outlets AS c (key, outlet_key, outlet, name, statements, documents)
    SELECT s.speaker_key, coalesce('=' || d.outlet, ''), min(d.outlet), min(s.speaker), count(*), count(DISTINCT s.doc)
    FROM new_statements s JOIN documents d ON d.seq = s.doc
    GROUP BY s.speaker_key, coalesce('=' || d.outlet, '') ORDER BY s.speaker_key, coalesce('=' || d.outlet, '')
  ON CONFLICT (key, outlet_key) DO UPDATE SET
    statements = c.statements + excluded.statements, documents = c.documents + excluded.documents, name = LEAST(c.name, excluded.name);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER statements_speaker_counts AFTER INSERT ON statements REFERENCING NEW TABLE AS new_statements FOR EACH STATEMENT EXECUTE FUNCTION dateline_speaker_counts();

CREATE TABLE place_outlets (
  outlet_key TEXT NOT NULL, outlet TEXT,
  name TEXT NOT NULL, country TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, geonameid BIGINT,
  mentions BIGINT NOT NULL, documents BIGINT NOT NULL,
  PRIMARY KEY (outlet_key, name, country, lat, lon)
);
CREATE INDEX place_outlets_mentions ON place_outlets (outlet, mentions DESC, name, country, lat, lon);
INSERT INTO place_outlets (outlet_key, outlet, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT coalesce('=' || d.outlet, ''), min(d.outlet), p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
  FROM places p JOIN documents d ON d.seq = p.doc GROUP BY coalesce('=' || d.outlet, ''), p.name, p.country, p.lat, p.lon;
CREATE FUNCTION dateline_place_outlets() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO place_outlets AS c (outlet_key, outlet, name, country, lat, lon, kind, geonameid, mentions, documents)
    SELECT coalesce('=' || d.outlet, ''), min(d.outlet), p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
    FROM new_places p JOIN documents d ON d.seq = p.doc
    GROUP BY coalesce('=' || d.outlet, ''), p.name, p.country, p.lat, p.lon ORDER BY 1, 3, 4, 5, 6
  ON CONFLICT (outlet_key, name, country, lat, lon) DO UPDATE SET
    mentions = c.mentions + excluded.mentions, documents = c.documents + excluded.documents,
    kind = GREATEST(c.kind, excluded.kind), geonameid = GREATEST(c.geonameid, excluded.geonameid);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER places_place_outlets AFTER INSERT ON places REFERENCING NEW TABLE AS new_places FOR EACH STATEMENT EXECUTE FUNCTION dateline_place_outlets();

CREATE TABLE place_days (
  published TEXT NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, geonameid BIGINT,
  mentions BIGINT NOT NULL, documents BIGINT NOT NULL,
  PRIMARY KEY (published, name, country, lat, lon)
);
INSERT INTO place_days (published, name, country, lat, lon, kind, geonameid, mentions, documents)
  SELECT d.published, p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
  FROM places p JOIN documents d ON d.seq = p.doc WHERE d.published IS NOT NULL GROUP BY d.published, p.name, p.country, p.lat, p.lon;
CREATE FUNCTION dateline_place_days() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO place_days AS c (published, name, country, lat, lon, kind, geonameid, mentions, documents)
    SELECT d.published, p.name, p.country, p.lat, p.lon, max(p.kind), max(p.geonameid), count(*), count(DISTINCT p.doc)
    FROM new_places p JOIN documents d ON d.seq = p.doc WHERE d.published IS NOT NULL
    GROUP BY d.published, p.name, p.country, p.lat, p.lon ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (published, name, country, lat, lon) DO UPDATE SET
    mentions = c.mentions + excluded.mentions, documents = c.documents + excluded.documents,
    kind = GREATEST(c.kind, excluded.kind), geonameid = GREATEST(c.geonameid, excluded.geonameid);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER places_place_days AFTER INSERT ON places REFERENCING NEW TABLE AS new_places FOR EACH STATEMENT EXECUTE FUNCTION dateline_place_days();

CREATE TABLE framing_counts (
  outlet_key TEXT NOT NULL, outlet TEXT, referent_type TEXT NOT NULL, referent_key TEXT NOT NULL, referent TEXT, term TEXT NOT NULL, category TEXT NOT NULL,
  uses BIGINT NOT NULL, documents BIGINT NOT NULL,
  PRIMARY KEY (outlet_key, referent_type, referent_key, term, category)
);
CREATE INDEX framing_counts_outlet ON framing_counts (outlet, uses DESC, referent_type, referent, term);
INSERT INTO framing_counts (outlet_key, outlet, referent_type, referent_key, referent, term, category, uses, documents)
  SELECT coalesce('=' || d.outlet, ''), min(d.outlet), f.referent_type, coalesce('=' || f.referent, ''), min(f.referent), f.term, f.category, count(*), count(DISTINCT f.doc)
  FROM framing f JOIN documents d ON d.seq = f.doc GROUP BY coalesce('=' || d.outlet, ''), f.referent_type, coalesce('=' || f.referent, ''), f.term, f.category;
CREATE FUNCTION dateline_framing_counts() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO framing_counts AS c (outlet_key, outlet, referent_type, referent_key, referent, term, category, uses, documents)
    SELECT coalesce('=' || d.outlet, ''), min(d.outlet), f.referent_type, coalesce('=' || f.referent, ''), min(f.referent), f.term, f.category, count(*), count(DISTINCT f.doc)
    FROM new_framing f JOIN documents d ON d.seq = f.doc
    GROUP BY coalesce('=' || d.outlet, ''), f.referent_type, coalesce('=' || f.referent, ''), f.term, f.category ORDER BY 1, 3, 4, 6, 7
  ON CONFLICT (outlet_key, referent_type, referent_key, term, category) DO UPDATE SET
    uses = c.uses + excluded.uses, documents = c.documents + excluded.documents;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER framing_framing_counts AFTER INSERT ON framing REFERENCING NEW TABLE AS new_framing FOR EACH STATEMENT EXECUTE FUNCTION dateline_framing_counts();

-- See the SQLite migration: each record's sentences and dateline apart from it (a few hundred bytes, not the whole
-- JSONB value detoasted).
CREATE TABLE document_sentences (
  doc BIGINT PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
  sentences JSONB, dateline JSONB
);
INSERT INTO document_sentences (doc, sentences, dateline) SELECT seq, extraction -> 'sentences', extraction -> 'document' -> 'dateline' FROM documents;
CREATE FUNCTION dateline_document_sentences() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO document_sentences (doc, sentences, dateline) SELECT seq, extraction -> 'sentences', extraction -> 'document' -> 'dateline' FROM new_documents;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER documents_sentences AFTER INSERT ON documents REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION dateline_document_sentences();

CREATE INDEX documents_outlet_seq ON documents (outlet, seq);
CREATE INDEX quantities_statement ON quantities (doc, statement_id) WHERE statement_id IS NOT NULL;

-- Statistics for every table (a server with autovacuum off has none, and plans joins blind).
ANALYZE documents, entities, mentions, statements, quantities, places, times, framing, speakers, entity_names, statement_times,
  place_counts, speaker_counts, speaker_outlets, place_outlets, place_days, framing_counts, document_sentences;
`,
  },
];
