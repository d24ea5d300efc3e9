// The same attribution rules with part-of-speech tags present: the tagged path must agree with the untagged one.

import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/index.js';
import { tokenize } from '../../nlp/tokenize/stage.js';
import { entitiesStage } from '../entities/index.js';
import { statementsStage } from './index.js';

// A toy tagger for the test sentences: enough to drive the tagged branches, not a model.
const VERBS = new Set(['said', 'says', 'told', 'added', 'reported', 'announced', 'congratulated', 'were', 'was', 'had', 'would', 'killed', 'hit', 'died', 'raised', 'runs', 'is', 'called', 'estimated', 'left', 'remains', 'maintained', 'turning', 'criticised', 'insisted', 'keeping', 'fighting', 'explained', 'began', 'collected', 'announced', 'eroded', 'wrote', 'rose']);
const DETS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
const ADPS = new Set(['in', 'on', 'at', 'of', 'to', 'for', 'with', 'after', 'by']);
const PRONS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

function tag(form: string): string {
  const l = form.toLowerCase();
  if (/^[^\p{L}\p{N}]+$/u.test(form)) return 'PUNCT';
  if (/^\d/.test(form)) return 'NUM';
  if (VERBS.has(l)) return 'VERB';
  if (DETS.has(l)) return 'DET';
  if (ADPS.has(l)) return 'ADP';
  if (PRONS.has(l)) return 'PRON';
  if (l === 'that') return 'SCONJ';
  if (l === 'and') return 'CCONJ';
  if (l === 'also' || l === 'not') return 'ADV';
  return /^\p{Lu}/u.test(form) ? 'PROPN' : 'NOUN';
}

function said(text: string) {
  const doc = documentFromText(text, {});
  const tokens = tokenize(doc.text);
  const upos = tokens.form.map(tag);
  const layers = {
    tokens,
    sentences: { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) },
    tags: { upos, xpos: upos.map(() => ''), lemma: [...tokens.form], feats: upos.map(() => '') },
    names: [], places: [], times: [],
  };
  const { entities } = entitiesStage.run(doc, layers);
  const { statements } = statementsStage.run(doc, { ...layers, entities });
  return statements.map((s) => ({ kind: s.kind, content: doc.text.slice(s.content.start, s.content.end), speaker: s.speaker.name, cue: s.cue.lemma }));
}

describe('statements with tags', () => {
  it('finds speaker and content around a tagged cue', () => {
    expect(said('Anna Berg said the bridge would reopen in May.')).toMatchObject([{ kind: 'indirect', content: 'the bridge would reopen in May', speaker: 'Anna Berg' }]);
    expect(said('Twelve people were killed in the blast, the ministry said on Friday.')).toMatchObject([{ content: 'Twelve people were killed in the blast', speaker: 'the ministry' }]);
  });

  it('does not take a noun for a cue ("the reports")', () => {
    expect(said('The reports were wrong about the dam.')).toEqual([]);
  });

  it('resolves a pronoun and a quotation continued after the cue', () => {
    const out = said('Tom Reyes runs the shelter. “We are ready for the storm,” he said, “and we will not wait for help.”');
    expect(out.map((s) => s.speaker)).toEqual(['Tom Reyes', 'Tom Reyes']);
  });

  it('still leaves out acts with no proposition', () => {
    expect(said('The president congratulated the nation on Sunday.')).toEqual([]);
    expect(said('The government announced new tariffs on steel.')).toEqual([]);
  });

  it('reads a prepositional phrase inside the reported subject, but not an adverbial after an object', () => {
    expect(said('Kristin Wilkins explained his obsession with celebrities began in school.')).toMatchObject([{ speaker: 'Kristin Wilkins', content: 'his obsession with celebrities began in school' }]);
    expect(said('Israel announced a ceasefire after the rocket fire eroded the morale of its army.')).toEqual([]);
    expect(said('Hamas announced a ceasefire after the air strikes eroded the morale of its fighters.')).toEqual([]);
  });

  it('takes "wrote that “…”" as direct speech', () => {
    expect(said('The ministry wrote that “the crossing will stay closed until further notice.”')).toMatchObject([{ kind: 'direct', speaker: 'The ministry', content: '“the crossing will stay closed until further notice.”' }]);
  });

  it('takes "maintained a policy of turning ..." for an act, and "maintained that ..." for a statement, whoever the parties', () => {
    // A gerund inside the object noun phrase is not the verb of a reported clause; mirrored parties, same structure.
    expect(said('Malaysia and Indonesia have maintained a policy of turning away boats of migrants which the UN has criticised.')).toEqual([]);
    expect(said('Israel and Egypt have maintained a policy of keeping the crossing closed.')).toEqual([]);
    expect(said('Hamas and Hezbollah have maintained a policy of fighting on two fronts.')).toEqual([]);
    expect(said('Indonesia maintained that the boats were turning back.')).toMatchObject([{ speaker: 'Indonesia', content: 'the boats were turning back' }]);
    expect(said('The ministry insisted the soldiers were fighting in self-defence.')).toMatchObject([{ speaker: 'The ministry', content: 'the soldiers were fighting in self-defence' }]);
  });
});
