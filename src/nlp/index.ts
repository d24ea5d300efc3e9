// The NLP core's stages: tokens, sentences, tags, syntax, names. Each lives in its own folder.
export { tokenizeStage, sentenceStage } from './tokenize/stage.js';
export { taggerStage } from './tagger/stage.js';
export { parserStage } from './parser/stage.js';
export { nerStage } from './ner/stage.js';
