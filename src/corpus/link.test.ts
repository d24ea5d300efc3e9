import { describe, expect, it } from 'vitest';
import { acronymOf, linkEntities, nameKey } from './link.js';
import type { Entity, Extraction } from '../schema/index.js';

const entity = (id: string, type: Entity['type'], name: string, extra: Partial<Entity> = {}): Entity => ({
  id, type, name, mentions: [], titles: [], roles: [], affiliations: [], provenance: { stage: 'test' }, ...extra,
});
const doc = (id: string, outlet: string, entities: Entity[]): Extraction => ({
  schema: 'dateline/1', generator: { name: 'dateline', version: '0', stages: [] },
  document: { id, text: '', outlet }, warnings: [], sentences: [], entities,
  statements: [], quantities: [], times: [], places: [], events: [], framing: [],
});

describe('nameKey', () => {
  it('survives transliteration, particles and titles', () => {
    expect(nameKey('Ebrahim Raeisi')).toBe(nameKey('Ebrahim Raisi'));
    expect(nameKey('Khaled al-Qaddoumi')).toBe(nameKey('Khaled Qaddoumi'));
    expect(nameKey('Ayatollah Seyed Ebrahim Raeisi')).toBe(nameKey('Ebrahim Raisi'));
    expect(nameKey('Muammar Gaddafi')).toBe(nameKey('Muammar Qaddafi'));
    expect(nameKey('José Martí')).toBe(nameKey('Jose Marti'));
    expect(nameKey('Ali Akbar Velayati')).not.toBe(nameKey('Ali Akbar Salehi'));
  });

  it('makes acronyms of multi-word names', () => {
    expect(acronymOf('Israel Defense Forces')).toBe('IDF');
    expect(acronymOf('Hamas')).toBeUndefined();
  });
});

describe('linkEntities', () => {
  it('gathers one person across reports under spelling variants and a bare last name', () => {
    const linked = linkEntities([
      doc('a', 'Tehran Times', [entity('e1', 'person', 'Seyed Ebrahim Raeisi', { titles: ['Judiciary Chief', 'Ayatollah'] })]),
      doc('b', 'Reuters', [entity('e4', 'person', 'Ebrahim Raisi')]),
      doc('c', 'AFP', [entity('e2', 'person', 'Raisi')]),
    ]);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.name).toBe('Seyed Ebrahim Raeisi');
    expect(linked[0]!.mentions.map((m) => m.outlet).sort()).toEqual(['AFP', 'Reuters', 'Tehran Times']);
    expect(linked[0]!.titles).toEqual(['Judiciary Chief', 'Ayatollah']);
  });

  it('links an army under its full name, its acronym and the usual short forms', () => {
    const linked = linkEntities([
      doc('a', 'A', [entity('e1', 'organization', 'Israel Defense Forces')]),
      doc('b', 'B', [entity('e1', 'organization', 'IDF')]),
      doc('c', 'C', [entity('e1', 'organization', 'the Israeli army')]),
    ]);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.name).toBe('Israel Defense Forces');
  });

  it('keeps different people with the same last name apart when the bare name is ambiguous', () => {
    const linked = linkEntities([
      doc('a', 'A', [entity('e1', 'person', 'Hassan Nasrallah'), entity('e2', 'person', 'Hadi Nasrallah')]),
      doc('b', 'B', [entity('e1', 'person', 'Nasrallah')]),
    ]);
    expect(linked).toHaveLength(3);
  });

  it('never links a person to an organization or place of the same name', () => {
    expect(linkEntities([doc('a', 'A', [entity('e1', 'person', 'Jordan'), entity('e2', 'place', 'Jordan')])])).toHaveLength(2);
  });
});
