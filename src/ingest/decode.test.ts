import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from './decode.js';
import { DatelineError } from '../core/index.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('drops nothing from valid UTF-8 (curly quotes, Arabic names) and warns about nothing', () => {
    const d = decodeBytes(bytes('He said “yes” to al-Qaddoumi — قدومي.'));
    expect(d.text).toBe('He said “yes” to al-Qaddoumi — قدومي.');
    expect(d.warnings).toEqual([]);
  });

  it('replaces invalid UTF-8 with U+FFFD and warns', () => {
    const d = decodeBytes(new Uint8Array([0x48, 0x69, 0x20, 0xff, 0xfe, 0x21]), 'bad.txt');
    expect(d.text).toBe('Hi \uFFFD\uFFFD!');
    expect(d.warnings.map((w) => w.code)).toEqual(['W_INVALID_UTF8']);
    expect(d.warnings[0]!.input).toBe('bad.txt');
  });

  it('drops a byte-order mark', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });

  it('refuses binary input and empty input with typed errors', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe(true);
    expect(() => decodeBytes(new Uint8Array([1, 2, 0, 4]), 'x.bin')).toThrowError(expect.objectContaining({ code: 'E_BINARY', input: 'x.bin' }));
    expect(() => decodeBytes(bytes('  \n\t ')), 'empty').toThrowError(DatelineError);
    expect(() => decodeBytes(bytes('\u200B\u200B'))).toThrowError(expect.objectContaining({ code: 'E_EMPTY' }));
  });

  it('keeps zero-width and bidirectional controls in place and warns with the first offset', () => {
    const d = decodeBytes(bytes('Gaza\u200B City \u202Ereversed\u202C.'));
    expect(d.text.length).toBe('Gaza\u200B City \u202Ereversed\u202C.'.length);
    expect(d.warnings[0]).toMatchObject({ code: 'W_CONTROL_CHARS', span: { start: 4, end: 5 } });
  });

  it('keeps CRLF line ends as they are, so offsets match the file', () => {
    expect(decodeBytes(bytes('One.\r\nTwo.')).text).toBe('One.\r\nTwo.');
  });
});
