import { describe, expect, it } from 'vitest';
import { documentFromBytes } from './input.js';
import { parseRecord } from './record.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON records', () => {
  it('reads text, url, outlet and published from a record', () => {
    const d = documentFromBytes(enc(JSON.stringify({ text: 'Police said two people were hurt.', url: 'https://example.org/a', outlet: 'Example', published: '2020-01-02T08:00:00Z' })), 'r.json');
    expect(d.text).toBe('Police said two people were hurt.');
    expect(d.meta).toMatchObject({ url: 'https://example.org/a', outlet: 'Example', published: '2020-01-02', publishedSource: 'record', format: 'json' });
  });

  it('reads html records through the HTML reader', () => {
    const d = documentFromBytes(enc(JSON.stringify({ html: '<html><body><p>From a page.</p></body></html>' })), 'r.json');
    expect(d.text).toBe('From a page.');
  });

  it('lets the --published flag win over the record date', () => {
    const d = documentFromBytes(enc(JSON.stringify({ text: 'Text.', published: '2020-01-02' })), 'r.json', { published: '2021-05-26' });
    expect(d.meta.published).toBe('2021-05-26');
    expect(d.meta.publishedSource).toBe('flag');
  });

  it('gives typed errors for broken JSON, records with no text, and bad dates', () => {
    expect(() => parseRecord('{"text": ', 'x.jsonl:3')).toThrowError(expect.objectContaining({ code: 'E_BAD_JSON', input: 'x.jsonl:3' }));
    expect(() => parseRecord('{"url": "u"}')).toThrowError(expect.objectContaining({ code: 'E_BAD_RECORD' }));
    expect(() => parseRecord('[1,2]')).toThrowError(expect.objectContaining({ code: 'E_BAD_RECORD' }));
    expect(() => documentFromBytes(enc('{"text":"x","published":"yesterday"}'), 'r.json')).toThrowError(expect.objectContaining({ code: 'E_BAD_DATE' }));
  });

  it('refuses input over the size limit with E_TOO_LARGE', () => {
    expect(() => documentFromBytes(enc('x'.repeat(100)), 'big.txt', { maxBytes: 10 })).toThrowError(expect.objectContaining({ code: 'E_TOO_LARGE', input: 'big.txt' }));
  });
});

describe('large input', () => {
  it('reads a 20 MB text whole, with offsets intact, under the default limit', () => {
    const para = 'Officials said on Monday that 12 people were killed in the city, and “more are missing,” he added.\r\n';
    const text = para.repeat(Math.ceil((20 * 1024 * 1024) / para.length));
    const d = documentFromBytes(enc(text), 'big.txt');
    expect(d.text.length).toBe(text.length);
    expect(d.text.slice(-para.length)).toBe(para);
  });
});
