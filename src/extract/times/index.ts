// PLACEHOLDER until the times layer lands (issue 5).
import type { Stage, Tokens, Sentences } from '../../core/index.js';
import type { Time } from '../../schema/index.js';

export const timesStage: Stage<{ tokens: Tokens; sentences: Sentences }, { times: Time[] }> = {
  name: 'times.v0', requires: ['tokens', 'sentences'], produces: ['times'],
  run: () => ({ times: [] }),
};
