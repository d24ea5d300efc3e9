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
      const time = timeOfCue(a, layers.times ?? [], view.sentences[a.sentence]);
      if (time) st.time = time;
      const relay = a.relay && idOf.get(a.relay);
      if (relay) st.relay = relay;
      statements.push(st);
    }
    return { statements };
  },
  empty: () => ({ statements: [] }),
};

/** A time expression in the cue's sentence, outside the content, near the cue ("said on Monday", "In an interview … on Monday"). */
function timeOfCue(a: Attribution, times: readonly Time[], sentence?: { start: number; end: number }): string | undefined {
  if (!sentence) return undefined;
  let best: Time | undefined, dist = Infinity;
  for (const t of times) {
    if (t.start < sentence.start || t.end > sentence.end) continue;
    if (t.start >= a.content.start && t.end <= a.content.end) continue;
    const d = Math.min(Math.abs(t.start - a.cue.end), Math.abs(a.cue.start - t.end));
    if (d < dist) { dist = d; best = t; }
  }
  return best && dist < 80 ? best.id : undefined;
}
