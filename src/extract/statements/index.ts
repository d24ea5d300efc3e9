// PLACEHOLDER until the statements layer lands (issue 4).
import type { Stage, Tokens, Sentences } from '../../core/index.js';
import type { Entity, Statement } from '../../schema/index.js';

export const statementsStage: Stage<{ tokens: Tokens; sentences: Sentences; entities: Entity[] }, { statements: Statement[] }> = {
  name: 'statements.v0', requires: ['tokens', 'sentences', 'entities'], produces: ['statements'],
  run: () => ({ statements: [] }),
};
