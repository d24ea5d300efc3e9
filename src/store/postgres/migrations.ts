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
];
