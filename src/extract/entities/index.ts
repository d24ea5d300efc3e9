// PLACEHOLDER until entity linking lands (issue 4).
import type { Stage, Tokens, Sentences, NameMention } from '../../core/index.js';
import type { Entity } from '../../schema/index.js';

export const entitiesStage: Stage<{ tokens: Tokens; sentences: Sentences; names: readonly NameMention[] }, { entities: Entity[] }> = {
  name: 'entities.v0', requires: ['tokens', 'sentences', 'names'], produces: ['entities'],
  run: () => ({ entities: [] }),
};
