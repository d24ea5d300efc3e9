// ISO 8601 duration values from a count and a unit code of data/lexicon.json ("P12D", "PT48H", "P3W").

import { DURATION_UNITS } from '../lexicon.js';

/** `P12D` for (12, "days"); undefined for a unit we do not know. */
export function isoDuration(count: number, unitWord: string): string | undefined {
  const code = DURATION_UNITS[unitWord.toLowerCase()];
  if (!code || !Number.isFinite(count) || count <= 0) return undefined;
  const factor = /^\d+/.test(code) ? Number(/^\d+/.exec(code)![0]) : 1;
  const unit = code.replace(/^\d+/, '');
  const n = +(count * factor).toFixed(6);
  switch (unit) {
    case 'S': return `PT${n}S`;
    case 'MIN': return `PT${n}M`;
    case 'H': return `PT${n}H`;
    default: return `P${n}${unit}`;
  }
}
