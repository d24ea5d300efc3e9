// The places stage: toponyms in the text, resolved against the offline gazetteer to a point, a country and a kind.

import type { Stage, Tokens, Sentences, NameMention } from '../../core/index.js';
import type { Place } from '../../schema/index.js';
import { gazetteer } from './gazetteer.js';
import { findMentions, matchContext } from './match.js';
import { resolveMentions, STAGE_NAME } from './resolve.js';

export { gazetteer } from './gazetteer.js';

/** Finds and resolves every place mention in a text; `names` are NER mentions when the NER stage has run. */
export function findPlaces(text: string, options: { names?: readonly NameMention[]; dateline?: { start: number; end: number } } = {}): Place[] {
  const ner = (options.names ?? []).map((n) => ({ start: n.start, end: n.end, type: n.type }));
  const ctx = matchContext(text, gazetteer(), ner, options.dateline);
  return resolveMentions(ctx, findMentions(ctx));
}

/**
 * Works from the raw text with its own word split, so it runs while the NLP layers are empty;
 * NER names, when present, veto toponyms inside organization and person names.
 */
export const placesStage: Stage<{ tokens: Tokens; sentences: Sentences; names: readonly NameMention[] }, { places: Place[] }> = {
  name: STAGE_NAME,
  requires: ['tokens', 'sentences', 'names'],
  produces: ['places'],
  run: (doc, layers) => ({
    places: findPlaces(doc.text, { names: layers.names, ...(doc.meta.datelinePlace ? { dateline: doc.meta.datelinePlace.span } : {}) }),
  }),
  empty: () => ({ places: [] }),
};
