#!/usr/bin/env node
// Writes schema/dateline-1.json (JSON Schema) from the zod definition, so other languages can validate dateline/1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ExtractionSchema, ErrorRecordSchema } from '../dist/schema/index.js';

export function jsonSchema() {
  const s = z.toJSONSchema(z.union([ExtractionSchema, ErrorRecordSchema]), { target: 'draft-2020-12' });
  return { ...s, $id: 'https://dateline.invalid/schema/dateline-1.json', title: 'dateline/1 extraction record (or error record)' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../schema/dateline-1.json', import.meta.url), JSON.stringify(jsonSchema(), null, 2) + '\n');
  console.log('wrote schema/dateline-1.json');
}
