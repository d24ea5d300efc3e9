// Opens a store by location: a postgres:// URL for PostgreSQL, anything else a SQLite file path.

import { PostgresStore, type PostgresOptions } from './postgres/index.js';
import { SqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

export * from './store.js';
export { StoreError } from './migrate.js';
export { canonicalName, inputKey } from './rows.js';
export { SqliteStore } from './sqlite/index.js';
export { PostgresStore, type PostgresOptions } from './postgres/index.js';

export const DEFAULT_DB = './dateline.db';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export const isPostgresUrl = (location: string): boolean => POSTGRES_URL.test(location);

/** `./dateline.db` (default), any file path, `:memory:`, or `postgres://user@host:5432/db[?schema=name]`. */
export async function openStore(location: string = DEFAULT_DB, options: PostgresOptions = {}): Promise<Store> {
  return isPostgresUrl(location) ? PostgresStore.open(location, options) : new SqliteStore(location);
}
