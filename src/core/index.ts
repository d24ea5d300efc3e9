// The document model: spans, provenance, errors, ids, layers and the stage contract.
export * from './span.js';
export * from './provenance.js';
export * from './errors.js';
export * from './ids.js';
export * from './document.js';
export * from './layers.js';
export * from './stage.js';
export * from './geo.js';
