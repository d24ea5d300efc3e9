// dateline's public API.
export { extract, defaultPipeline, type ExtractOptions } from './extract.js';
export { createPipeline, createNlpPipeline } from './pipeline.js';
export * from './core/index.js';
export * from './schema/index.js';
export * from './ingest/index.js';
export * from './store/index.js';
