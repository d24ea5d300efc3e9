// The dateline/1 schema, layer by layer, and its JSON Schema export.
export * from './common.js';
export * from './entities.js';
export * from './statements.js';
export * from './quantities.js';
export * from './times.js';
export * from './places.js';
export * from './events.js';
export * from './extraction.js';
