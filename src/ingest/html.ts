// HTML pages to Documents: boilerplate stripped with Mozilla Readability, metadata read from the page.
// The Document's text is the extracted article (title line, then one paragraph per line); offsets refer to it.

import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import { problem, type Document, type Problem } from '../core/index.js';
import { documentFromText, type SourceHints } from './text.js';

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'UL', 'OL', 'TABLE', 'DD', 'DT', 'FIGURE', 'BR', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'FORM', 'INPUT', 'SELECT']);

interface DomNode { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> }

/** Visible text of a DOM subtree, one line per block element, inline white space collapsed. */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) { line += n.textContent ?? ''; return; }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}

// Loaded on the first HTML input: linkedom alone costs about 350 ms per thread, and most batches are plain text.
// Both packages ship CommonJS builds, so a synchronous require keeps the pipeline synchronous.
let libs: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } | undefined;
function htmlLibs(): NonNullable<typeof libs> {
  if (!libs) {
    const require = createRequire(import.meta.url);
    libs = { parseHTML: (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML, Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability };
  }
  return libs;
}

type Doc = ReturnType<typeof ParseHTML>['document'];

function meta(document: Doc, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el = document.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function jsonLdDate(document: Doc): string | undefined {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** The calendar date of an ISO-ish timestamp as written (no time-zone shift: the outlet's own date). */
function isoDay(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return m?.[1];
}

export function documentFromHtml(html: string, hints: SourceHints = {}, warnings: Problem[] = []): Document {
  const { parseHTML, Readability } = htmlLibs();
  const { document } = parseHTML(html);
  const pageTitle = meta(document, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim();
  const published = isoDay(meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued'))
    ?? isoDay(jsonLdDate(document))
    ?? isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);
  const outlet = meta(document, 'og:site_name', 'application-name');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const author = meta(document, 'author', 'article:author');

  // Readability mutates the DOM it reads, so it gets its own parse.
  const article = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const all = [...warnings];
  let body: string;
  if (article?.content) {
    body = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as DomNode);
  } else {
    body = blockText((document.body ?? document) as unknown as DomNode);
    all.push(problem('W_HTML_NO_ARTICLE', undefined, hints.source === undefined ? {} : { input: hints.source }));
  }
  const title = (hints.title ?? article?.title ?? pageTitle ?? '').replace(/\s+/g, ' ').trim();
  // The headline is part of the text (headlines carry statements: "Netanyahu: ..."), unless the body already opens with it.
  const withTitle = title && !body.startsWith(title) ? `${title}\n${body}` : body;
  const byline = hints.byline ?? article?.byline ?? author;
  const h: SourceHints = { ...hints, format: 'html' };
  const pub = hints.published ?? published;
  if (pub) { h.published = pub; h.publishedSource = hints.published ? hints.publishedSource ?? 'flag' : 'html'; }
  if (!h.outlet && (outlet ?? article?.siteName)) h.outlet = (outlet ?? article?.siteName)!;
  if (!h.url && url) h.url = url;
  if (byline) h.byline = byline.replace(/\s+/g, ' ').trim();
  const doc = documentFromText(withTitle, h, all);
  if (title && withTitle.startsWith(title)) {
    doc.meta.title = title;
    doc.meta.titleSpan = { start: 0, end: title.length };
  }
  return doc;
}
