// PLACEHOLDER until the places layer lands (issue 5).
import type { Stage, Tokens, Sentences, NameMention } from '../../core/index.js';
import type { Place } from '../../schema/index.js';

export const placesStage: Stage<{ tokens: Tokens; sentences: Sentences; names: readonly NameMention[] }, { places: Place[] }> = {
  name: 'places.v0', requires: ['tokens', 'sentences', 'names'], produces: ['places'],
  run: () => ({ places: [] }),
};
