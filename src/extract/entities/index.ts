// The entities stage: one record per person, organization, place or group, gathering its names, descriptions and pronouns.

import { provenance, type Stage, type Tokens, type Sentences, type Tags, type Syntax, type NameMention } from '../../core/index.js';
import type { Entity, Place } from '../../schema/index.js';
import { attributionsOf } from '../statements/attribution.js';

const STAGE = 'entities.v1';

export type EntityLayers = { tokens: Tokens; sentences: Sentences; tags: Tags; syntax: Syntax; names: readonly NameMention[]; places: Place[] };

export const entitiesStage: Stage<EntityLayers, { entities: Entity[] }> = {
  name: STAGE,
  requires: ['tokens', 'sentences', 'tags', 'syntax', 'names', 'places'],
  produces: ['entities'],
  run(doc, layers) {
    const { registry } = attributionsOf(doc, layers);
    const entities: Entity[] = [];
    for (const e of registry.entities) {
      if (e.mentions.length === 0) continue;
      const rec: Entity = {
        id: e.id, type: e.type, name: e.name,
        mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, kind: m.kind })),
        titles: [...e.titles], roles: [...e.roles], affiliations: [...e.affiliations],
        provenance: provenance(STAGE, e.named ? 'name' : 'description'),
      };
      if (e.country) rec.country = e.country;
      entities.push(rec);
    }
    return { entities };
  },
  empty: () => ({ entities: [] }),
};
