// The statements stage: who said what, with cue, content, resolved speaker, channel, addressee and time.

import { annotationId, provenance, type Stage, type Tokens, type Sentences, type Tags, type Syntax, type NameMention } from '../../core/index.js';
import type { Entity, Place, Statement, Time } from '../../schema/index.js';
import { attributionsOf, type Attribution } from './attribution.js';

const STAGE = 'statements.v1';

export type StatementLayers = { tokens: Tokens; sentences: Sentences; tags: Tags; syntax: Syntax; names: readonly NameMention[]; places: Place[]; times: Time[]; entities: Entity[] };

export const statementsStage: Stage<StatementLayers, { statements: Statement[] }> = {
  name: STAGE,
  requires: ['tokens', 'sentences', 'tags', 'syntax', 'names', 'places', 'times', 'entities'],
  produces: ['statements'],
  run(doc, layers) {
    const { attributions, view } = attributionsOf(doc, layers);
    const statements: Statement[] = [];
    const idOf = new Map<Attribution, string>();
    const kept = attributions.filter((a) => a.entity);
    kept.forEach((a, i) => idOf.set(a, annotationId('s', i)));
    const times = timesByStart(layers.times ?? []);
    for (const a of kept) {
      const e = a.entity!;
      const st: Statement = {
        id: idOf.get(a)!,
        kind: a.kind,
        content: { start: a.content.start, end: a.content.end },
        cue: { start: a.cue.start, end: a.cue.end, lemma: a.cue.lemma },
        speaker: { name: e.name, entity: e.id, ...(a.mention ? { start: a.mention.start, end: a.mention.end } : {}) },
        confidence: a.confidence,
        provenance: provenance(STAGE, a.rule, a.confidence),
      };
      if (a.channel) st.channel = a.channel;
      if (a.addressee) st.addressee = a.addressee;
      const time = timeOfCue(a, times, view.sentences[a.sentence]);
      if (time) st.time = time;
      const relay = a.relay && idOf.get(a.relay);
      if (relay) st.relay = relay;
      statements.push(st);
    }
    return { statements };
  },
  empty: () => ({ statements: [] }),
};

/** The times sorted by start (then by their place in the layer), so a sentence's times are a binary search away. */
interface TimesByStart {
  readonly times: readonly Time[];
  readonly order: readonly number[];
}

function timesByStart(times: readonly Time[]): TimesByStart {
  return { times, order: times.map((_, i) => i).sort((a, b) => times[a]!.start - times[b]!.start || a - b) };
}

/** A time expression in the cue's sentence, outside the content, near the cue ("said on Monday", "In an interview … on Monday"). */
function timeOfCue(a: Attribution, { times, order }: TimesByStart, sentence?: { start: number; end: number }): string | undefined {
  if (!sentence) return undefined;
  let best: Time | undefined, bestAt = -1, dist = Infinity;
  let lo = 0, hi = order.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (times[order[mid]!]!.start < sentence.start) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < order.length && times[order[k]!]!.start <= sentence.end; k++) {
    const i = order[k]!, t = times[i]!;
    if (t.start < sentence.start || t.end > sentence.end) continue;
    if (t.start >= a.content.start && t.end <= a.content.end) continue;
    const d = Math.min(Math.abs(t.start - a.cue.end), Math.abs(a.cue.start - t.end));
    // The nearest; on a tie, the earlier in the layer (as a scan of the layer would keep).
    if (d < dist || d === dist && i < bestAt) { dist = d; best = t; bestAt = i; }
  }
  return best && dist < 80 ? best.id : undefined;
}
