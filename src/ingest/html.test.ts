import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentFromHtml } from './html.js';
import { documentFromBytes } from './input.js';

const page = readFileSync(new URL('../../examples/wikinews-asylum.html', import.meta.url), 'utf8');

describe('documentFromHtml', () => {
  it('keeps the article and drops navigation, scripts, styles and footer', () => {
    const d = documentFromHtml(page, { source: 'asylum.html' });
    expect(d.text.startsWith('Over 900 asylum seekers rescued off Indonesian coast\n')).toBe(true);
    expect(d.text).toContain('Major general Fuad Basya, spokesman for the Indonesian military, said');
    for (const junk of ['Random article', 'tracker', 'font-family', 'Share this article']) expect(d.text).not.toContain(junk);
  });

  it('reads title, outlet, canonical url and published date from the page metadata', () => {
    const d = documentFromHtml(page);
    expect(d.meta).toMatchObject({
      title: 'Over 900 asylum seekers rescued off Indonesian coast',
      titleSpan: { start: 0, end: 52 },
      outlet: 'Wikinews',
      published: '2015-05-18',
      publishedSource: 'html',
      format: 'html',
    });
    expect(d.meta.url).toMatch(/^https:\/\/en\.wikinews\.org\/wiki\//);
  });

  it('puts one paragraph per line and decodes entities, so offsets index the extracted text', () => {
    const d = documentFromHtml('<html><body><article><p>Prices rose 5% &amp; more.</p><p>“Second” line<br>after a break.</p></article></body></html>');
    expect(d.text).toBe('Prices rose 5% & more.\n“Second” line\nafter a break.');
  });

  it('treats markup inside text as text: a script tag written out in an article stays visible words, never markup', () => {
    const d = documentFromHtml('<html><body><p>He typed &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img onerror=x&gt; into the form.</p><script>evil()</script></body></html>');
    expect(d.text).toContain('<script>alert(1)</script>');
    expect(d.text).not.toContain('evil()');
  });

  it('reads a tiny page with no article structure as its visible text', () => {
    const d = documentFromHtml('<html><head><title>Note</title></head><body><div>Short note.</div></body></html>');
    expect(d.text).toBe('Note\nShort note.');
  });

  it('is chosen by extension or by sniffing the content', () => {
    const d = documentFromBytes(new TextEncoder().encode('<!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>'), 'stdin');
    expect(d.meta.format).toBe('html');
    expect(d.text).toBe('Sniffed page.');
  });
});
