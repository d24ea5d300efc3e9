// The default pipeline: the one ordered list of stages, from raw text to every extraction layer.

import { Pipeline } from './core/index.js';
import { tokenizeStage, sentenceStage, taggerStage, parserStage, nerStage } from './nlp/index.js';
import { timesStage } from './extract/times/index.js';
import { placesStage } from './extract/places/index.js';
import { entitiesStage } from './extract/entities/index.js';
import { statementsStage } from './extract/statements/index.js';
import { quantitiesStage } from './extract/quantities/index.js';
import { framingStage } from './extract/framing/index.js';

/**
 * Order matters and is stated here once: the NLP core first; times and places need only it;
 * entities link names before statements resolve speakers to them; quantities come after
 * statements so a figure inside a statement's content can name its claimant. Framing needs only names.
 */
export function createPipeline() {
  return createNlpPipeline()
    .add(timesStage)
    .add(placesStage)
    .add(entitiesStage)
    .add(statementsStage)
    .add(quantitiesStage)
    .add(framingStage)
    .check();
}

/** The NLP core alone (tokens, sentences, tags, trees, named entities): what issue 3 measures and `npm run bench` times. */
export function createNlpPipeline() {
  return Pipeline.empty().add(tokenizeStage).add(sentenceStage).add(taggerStage).add(parserStage).add(nerStage).check();
}

export type DefaultPipeline = ReturnType<typeof createPipeline>;
export type DefaultLayers = DefaultPipeline extends Pipeline<infer L> ? L : never;
