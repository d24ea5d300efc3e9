// Plain values of the schema, apart from the zod schemas so that the extraction path (worker threads) does not load zod.

export const SCHEMA_VERSION = 'dateline/1';

export const FRAMING_CATEGORIES = ['loaded_label', 'delegitimizing', 'glorifying', 'dehumanizing', 'euphemism', 'accusatory'] as const;
