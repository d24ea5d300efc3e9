// Schema migrations shared by the engines: numbered steps, each applied once, in order, in a transaction.
import type { Code } from '../core/index.js';

export interface Migration {
  /** Strictly increasing from 1; never renumber or edit one that has shipped: add a new one. */
  version: number;
  name: string;
  sql: string;
}

/** The migrations not yet applied to a store at `current`, checked for order. */
export function pending(migrations: readonly Migration[], current: number): Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  if (current > latest) throw new StoreError('E_STORE_VERSION', `the store is at schema version ${current}, newer than this dateline (${latest}); upgrade dateline`);
  return migrations.slice(current);
}

/** A store failure with a stable code (E_STORE_OPEN, E_STORE_VERSION, E_STORE_WRITE, E_STORE_URL). */
export class StoreError extends Error {
  readonly code: Extract<Code, `E_STORE_${string}`>;
  constructor(code: Extract<Code, `E_STORE_${string}`>, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
