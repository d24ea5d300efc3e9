// Entities: names, titles, roles, descriptions and pronouns gathered into one record per referent.

import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/index.js';
import type { NameMention } from '../../core/index.js';
import { entitiesStage } from './index.js';
import { viewOf } from './text.js';

const EMPTY_NLP = {
  tokens: { count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) },
  sentences: { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) },
  tags: { upos: [], xpos: [], lemma: [], feats: [] },
  names: [] as NameMention[], places: [],
};

function entitiesOf(text: string, names: NameMention[] = []) {
  const doc = documentFromText(text, {});
  const { entities } = entitiesStage.run(doc, { ...EMPTY_NLP, names });
  return entities.map((e) => ({ ...e, said: e.mentions.map((m) => doc.text.slice(m.start, m.end)) }));
}

describe('entities', () => {
  it('splits titles off a name and keeps the fullest name', () => {
    const es = entitiesOf('Parliament Speaker Ali Karimi said the vote would go ahead.\n\nKarimi said the count was fair.');
    const e = es.find((x) => x.name === 'Ali Karimi');
    expect(e).toBeDefined();
    expect(e!.type).toBe('person');
    expect(e!.titles).toContain('Parliament Speaker');
    expect(e!.said).toEqual(['Ali Karimi', 'Karimi']);
  });

  it('gathers a description and a pronoun under the named person', () => {
    const es = entitiesOf('Hamas representative in Iran Khaled Nouri said the talks had failed. The Hamas representative said the rockets were a response. He said the siege had to end.');
    const e = es.find((x) => x.name === 'Khaled Nouri');
    expect(e!.said).toEqual(['Khaled Nouri', 'The Hamas representative', 'He']);
    expect(e!.roles.join(' | ')).toContain('Hamas representative');
    expect(e!.affiliations).toContain('Iran');
  });

  it('keeps a possessive owner as an affiliation and an organization word as the type', () => {
    const es = entitiesOf("Chile's Forensic Medical Service has said many bodies were hard to identify.");
    expect(es).toMatchObject([{ name: 'Forensic Medical Service', type: 'organization', affiliations: ['Chile'] }]);
  });

  it('keeps collectives and descriptions that speak as their own entities', () => {
    const es = entitiesOf('Local officials said the siege had killed hundreds. A firefighter at the scene confirmed one person died.');
    expect(es.map((e) => [e.name, e.type])).toEqual([['Local officials', 'group'], ['A firefighter at the scene', 'person']]);
  });

  it('reads a demonym before a title as the country (data/demonyms.json)', () => {
    const es = entitiesOf('Israeli Defense Minister Benny Gantz said the strikes would continue.');
    expect(es).toMatchObject([{ name: 'Benny Gantz', type: 'person', titles: ['Israeli Defense Minister'], country: 'IL' }]);
  });

  it('uses the NER layer to type names and to cut a place off a title', () => {
    const text = 'The envoy to Iran Khaled Nouri said the talks failed.';
    const iran = text.indexOf('Iran');
    const names: NameMention[] = [{ start: iran, end: iran + 4, type: 'place', tokenStart: 0, tokenEnd: 0, titles: [], provenance: { stage: 'test' } }];
    const es = entitiesOf(text, names);
    expect(es.find((e) => e.name === 'Khaled Nouri')?.type).toBe('person');
    expect(es.find((e) => e.name === 'Iran')?.type).toBe('place');
  });
});

describe('text view', () => {
  it('pairs quotation marks, keeps an unclosed quotation to the paragraph end, and never splits a sentence inside a quotation', () => {
    const text = '“One. Two,” he said. “Three and four.\n\nNext paragraph.';
    const v = viewOf(text, {});
    expect(v.quotes.map((q) => [text.slice(q.start, q.end), q.closed])).toEqual([['“One. Two,”', true], ['“Three and four.', false]]);
    expect(v.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['“One. Two,” he said.', '“Three and four.', 'Next paragraph.']);
  });

  it('does not end a sentence after a title abbreviation', () => {
    const text = 'Mr. Isuku said the attack was over. Police agreed.';
    expect(viewOf(text, {}).sentences.length).toBe(2);
  });
});
