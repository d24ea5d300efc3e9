// PLACEHOLDER until the quantities layer lands (issue 5).
import type { Stage, Tokens, Sentences } from '../../core/index.js';
import type { Quantity, Statement } from '../../schema/index.js';

export const quantitiesStage: Stage<{ tokens: Tokens; sentences: Sentences; statements: Statement[] }, { quantities: Quantity[] }> = {
  name: 'quantities.v0', requires: ['tokens', 'sentences', 'statements'], produces: ['quantities'],
  run: () => ({ quantities: [] }),
};
