import { describe, expect, it } from 'vitest';
import { FeatureExtractor, PredictionHistory } from './features.js';
import { PhraseMatcher, type LexiconEntries } from './lexicon.js';
import { Decoder, ENTITY_TYPES, NerWeights, labelsToSpans, spansToLabels, train, trainStructured, type TrainSentence } from './model.js';

const PERSON = ENTITY_TYPES.indexOf('person'), PLACE = ENTITY_TYPES.indexOf('place');
const noLexicons: LexiconEntries = { title: [], place: [], organization: [], group: [], demonym: [], orgWord: [], facilityHead: [], firstName: [] };
const toy: TrainSentence[] = [
  { forms: 'Anna Berg visited Oslo today .'.split(' '), upos: null, spans: [{ start: 0, end: 2, type: PERSON }, { start: 3, end: 4, type: PLACE }] },
  { forms: 'Yesterday Omar Haddad flew to Rome .'.split(' '), upos: null, spans: [{ start: 1, end: 3, type: PERSON }, { start: 5, end: 6, type: PLACE }] },
  { forms: 'The talks in Lima ended .'.split(' '), upos: null, spans: [{ start: 3, end: 4, type: PLACE }] },
];
const trainToy = (seed: number) => train(toy, new FeatureExtractor(new PhraseMatcher(noLexicons)), {
  seed, epochs: 5, hashBits: 12, posDropout: 0, prune: 0, wordDropout: 0, featureDropout: 0,
}, { format: 'dateline-ner', version: 1, featureVersion: 1, types: ENTITY_TYPES, lexicons: noLexicons, trainedOn: 'toy', usesPos: false });

const trainToyWithHistory = (seed: number) => train(toy.map((s) => ({ ...s, docIndex: 0 })), new FeatureExtractor(new PhraseMatcher(noLexicons)), {
  seed, epochs: 5, hashBits: 12, posDropout: 0, prune: 0, wordDropout: 0, featureDropout: 0, predictionHistory: true,
}, { format: 'dateline-ner', version: 1, featureVersion: 1, types: ENTITY_TYPES, lexicons: noLexicons, trainedOn: 'toy', usesPos: false, predictionHistory: true });

const trainToyStructured = (seed: number, edges: number, runFeatures = false) => {
  const ex = new FeatureExtractor(new PhraseMatcher(noLexicons));
  ex.runFeatures = runFeatures;
  return trainStructured(toy, ex, {
    seed, epochs: 10, hashBits: 12, posDropout: 0, prune: 0, wordDropout: 0, featureDropout: 0, edges,
  }, { format: 'dateline-ner', version: 1, featureVersion: 1, types: ENTITY_TYPES, lexicons: noLexicons, trainedOn: 'toy', usesPos: false, runFeatures });
};

describe('structured (Viterbi) name tagger model', () => {
  it('test_structured_training_is_deterministic_given_a_seed', () => {
    expect(trainToyStructured(5, 2).serialize()).toEqual(trainToyStructured(5, 2).serialize());
    expect(trainToyStructured(5, 0, true).serialize()).toEqual(trainToyStructured(5, 0, true).serialize());
  });

  it('test_structured_model_round_trips_and_finds_the_training_names', () => {
    for (const [edges, runs] of [[0, false], [2, false], [0, true]] as const) {
      const w = NerWeights.deserialize(trainToyStructured(1, edges, runs).serialize());
      expect(w.meta.decoding).toBe('viterbi');
      const decoder = new Decoder(w, new FeatureExtractor(new PhraseMatcher(noLexicons)));
      for (const s of toy) expect(labelsToSpans(decoder.decode(s.forms, null, 0, s.forms.length), s.forms.length)).toEqual(s.spans);
    }
  });

  it('test_structured_decode_gives_a_valid_bilou_sequence_with_lower_case_words_outside', () => {
    const w = trainToyStructured(2, 0);
    const decoder = new Decoder(w, new FeatureExtractor(new PhraseMatcher(noLexicons)));
    const forms = 'Omar Haddad and Anna Berg met in Lima , then Oslo of Rome'.split(' ');
    const y = [...decoder.decode(forms, null, 0, forms.length).subarray(0, forms.length)];
    // Round trip through spans: a valid BILOU sequence is its own canonical form.
    expect(spansToLabels(forms.length, labelsToSpans(y, forms.length))).toEqual(Uint8Array.from(y));
    forms.forEach((f, i) => { if (/^[a-z]/.test(f) && f !== 'of') expect(y[i]).toBe(0); });
    expect(y[y.length - 1] === 0 || (y[y.length - 1]! - 1) % 4 >= 2).toBe(true);
  });
});

describe('name tagger model', () => {
  it('test_prediction_history_gives_the_type_seen_most_for_a_word', () => {
    const h = new PredictionHistory();
    expect(h.code(7)).toBe(6); // unseen
    h.add(7, 0);
    expect(h.code(7)).toBe(0); // only outside names
    h.add(7, 4); // U-person
    h.add(7, 1); // B-person: the same type
    h.add(7, 12); // U-place
    expect(h.code(7)).toBe(1 + PERSON);
    h.clear();
    expect(h.code(7)).toBe(6);
  });

  it('test_model_with_prediction_history_is_deterministic_and_decodes_a_document', () => {
    const w = trainToyWithHistory(3);
    expect(w.serialize()).toEqual(trainToyWithHistory(3).serialize());
    const decoder = new Decoder(NerWeights.deserialize(w.serialize()), new FeatureExtractor(new PhraseMatcher(noLexicons)));
    decoder.startDocument();
    const forms = 'Anna Berg visited Oslo today .'.split(' ');
    expect(labelsToSpans(decoder.decode(forms, null, 0, forms.length), forms.length)).toEqual(toy[0]!.spans);
  });

  it('test_model_bilou_labels_round_trip', () => {
    const spans = [{ start: 0, end: 2, type: 0 }, { start: 3, end: 4, type: 2 }, { start: 5, end: 8, type: 1 }];
    expect(labelsToSpans(spansToLabels(9, spans), 9)).toEqual(spans);
  });

  it('test_model_broken_label_sequences_still_give_spans', () => {
    // I without B, and a name left open at the end.
    const B = 1, I = 2;
    expect(labelsToSpans([0, I, 0, B, I], 5)).toEqual([{ start: 1, end: 2, type: 0 }, { start: 3, end: 5, type: 0 }]);
  });

  it('test_model_training_is_deterministic_given_a_seed', () => {
    expect(trainToy(7).serialize()).toEqual(trainToy(7).serialize());
  });

  it('test_model_file_round_trips_and_decodes_the_same', () => {
    const w = trainToy(1);
    const back = NerWeights.deserialize(w.serialize());
    expect(back.meta.trainedOn).toBe('toy');
    const forms = 'Anna Berg visited Oslo today .'.split(' ');
    const a = new Decoder(w, new FeatureExtractor(new PhraseMatcher(noLexicons))).decode(forms, null, 0, forms.length);
    const b = new Decoder(back, new FeatureExtractor(new PhraseMatcher(noLexicons))).decode(forms, null, 0, forms.length);
    expect([...b.subarray(0, forms.length)]).toEqual([...a.subarray(0, forms.length)]);
    expect(labelsToSpans(a, forms.length)).toEqual(toy[0]!.spans);
  });
});
