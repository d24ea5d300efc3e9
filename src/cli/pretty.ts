// A readable terminal summary of one extraction, for a person rather than a script.

import { styleText } from 'node:util';
import type { Extraction } from '../schema/index.js';

type Style = Parameters<typeof styleText>[0];

export function formatPretty(x: Extraction, color: boolean): string {
  const c = (style: Style, s: string) => (color ? styleText(style, s) : s);
  const t = x.document.text;
  const clip = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');
  const at = (s: { start: number; end: number }) => t.slice(s.start, s.end);
  const out: string[] = [];
  const d = x.document;
  // Untitled: the opening words, past a `date YYYY-MM-DD` header.
  out.push(c('bold', d.title ?? clip(t.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '').trim(), 80)));
  const facts = [
    d.published ? `published ${d.published} (${d.published_source})` : 'no publication date',
    d.dateline ? `dateline ${d.dateline.place}` : '',
    d.outlet ? `outlet ${d.outlet}` : '',
    d.source ? `source ${d.source}` : '',
  ].filter(Boolean);
  out.push(c('dim', facts.join(' · ')));
  out.push(c('dim', `${x.sentences.length} sentences, ${x.entities.length} entities, ${x.statements.length} statements, ${x.quantities.length} quantities, ${x.times.length} times, ${x.places.length} places`));
  for (const w of x.warnings) out.push(c('yellow', `warning ${w.code}: ${w.message}`));
  if (x.statements.length) {
    out.push('', c('bold', 'Statements'));
    for (const s of x.statements) {
      out.push(`  ${c('cyan', s.speaker.name)} ${c('dim', `[${at(s.cue)} · ${s.kind}]`)} ${clip(at(s.content))}`);
    }
  }
  if (x.quantities.length) {
    out.push('', c('bold', 'Quantities'));
    for (const q of x.quantities) {
      const range = q.approx === 'range' ? ` ${q.low}–${q.high}` : '';
      out.push(`  ${c('green', String(q.value))} ${c('dim', q.approx + range)} ${q.what ?? ''} ${c('dim', `“${at(q)}”`)}${q.statement ? c('dim', ` claimed in ${q.statement}`) : ''}`);
    }
  }
  if (x.times.length) {
    out.push('', c('bold', 'Times'));
    for (const tm of x.times) out.push(`  ${c('magenta', tm.value)} ${c('dim', `“${clip(at(tm), 60)}”`)}`);
  }
  if (x.places.length) {
    out.push('', c('bold', 'Places'));
    const seen = new Map<string, { p: (typeof x.places)[number]; n: number }>();
    for (const p of x.places) {
      const k = `${p.name}|${p.lat}|${p.lon}`;
      const e = seen.get(k);
      if (e) e.n++; else seen.set(k, { p, n: 1 });
    }
    for (const { p, n } of seen.values()) out.push(`  ${c('blue', p.name)} ${c('dim', `${p.country} ${p.kind} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})`)}${n > 1 ? c('dim', ` ×${n}`) : ''}`);
  }
  return out.join('\n') + '\n';
}
