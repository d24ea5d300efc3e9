// Entities: one record per person, organization, place or group, gathering its mentions.

import { z } from 'zod';
import { ProvenanceSchema, SpanSchema } from './common.js';

export const EntityTypeSchema = z.enum(['person', 'organization', 'place', 'facility', 'group', 'other']);

export const MentionSchema = SpanSchema.extend({
  kind: z.enum(['name', 'pronoun', 'description', 'title']).describe('how the entity is referred to'),
});

export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string().describe("the fullest name in the article (\"Khaled al-Qaddoumi\")"),
  mentions: z.array(MentionSchema),
  titles: z.array(z.string()).describe('title words used with the name ("Major General", "Ayatollah")'),
  roles: z.array(z.string()).describe('roles and descriptions ("Hamas representative in Iran")'),
  affiliations: z.array(z.string()).describe('organizations or countries the text ties the entity to'),
  country: z.string().optional().describe('ISO 3166-1 alpha-2 of a demonym or place affinity ("Israeli" -> IL)'),
  provenance: ProvenanceSchema,
});

export type Entity = z.infer<typeof EntitySchema>;
