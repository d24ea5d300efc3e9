// Ingest: bytes, text, HTML and JSON records to Documents.
export * from './decode.js';
export * from './dateline.js';
export * from './text.js';
export * from './html.js';
export * from './record.js';
export * from './input.js';
export * from './sources.js';
