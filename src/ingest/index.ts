// Ingest: bytes, text, HTML and JSON records to Documents.
export * from './decode.js';
export * from './dateline.js';
export * from './text.js';
