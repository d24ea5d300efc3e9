// A model file: a JSON header plus named typed arrays in one gzip-compressed buffer.
//
// Layout (before gzip): "DLB1", u32 header length, the header JSON (utf-8), zero padding to 8 bytes,
// then each array's bytes (little-endian, each starting on an 8-byte boundary). The header holds
// `meta` (anything JSON) and, per array, its name, element type, byte offset and length.

import { gunzipSync, gzipSync } from 'node:zlib';

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
export type TypedArrays = Record<string, TypedArray>;

const MAGIC = 'DLB1';
const TYPES = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

interface Header {
  meta: unknown;
  arrays: Array<{ name: string; type: TypeName; offset: number; length: number }>;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Packs `meta` and `arrays` into one compressed buffer. */
export function writeBundle(meta: unknown, arrays: TypedArrays): Buffer {
  const entries = Object.entries(arrays);
  // Offsets are relative to the data section, so the header can be sized first.
  let offset = 0;
  const header: Header = { meta, arrays: [] };
  for (const [name, a] of entries) {
    header.arrays.push({ name, type: a.constructor.name as TypeName, offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align8(8 + json.length);
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  entries.forEach(([, a], i) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, dataStart + header.arrays[i]!.offset);
  });
  return gzipSync(out, { level: 9 });
}

/** Unpacks a buffer written by `writeBundle`. The arrays are copies aligned for their type. */
export function readBundle(data: Uint8Array): { meta: unknown; arrays: TypedArrays } {
  const raw = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (raw.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a dateline model bundle');
  const len = raw.readUInt32LE(4);
  const header = JSON.parse(raw.toString('utf8', 8, 8 + len)) as Header;
  const dataStart = align8(8 + len);
  const arrays: TypedArrays = {};
  for (const a of header.arrays) {
    const Ctor = TYPES[a.type];
    const bytes = a.length * Ctor.BYTES_PER_ELEMENT;
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(raw.subarray(dataStart + a.offset, dataStart + a.offset + bytes));
    arrays[a.name] = new Ctor(copy);
  }
  return { meta: header.meta, arrays };
}
