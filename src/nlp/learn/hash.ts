// 32-bit feature hashing: strings and feature templates to numbers, without building feature strings.

/** FNV-1a over the UTF-16 code units of `s[from, to)`, seeded; fast and good enough for feature ids. */
export function hashString(s: string, seed = 0x811c9dc5, from = 0, to = s.length): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two hashes (a template id with a value, or two values) and scrambles the bits (murmur3 finalizer). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Three-way combination: a template with two values. */
export const mix3 = (a: number, b: number, c: number): number => mix(mix(a, b), c);
