// The entity layer's word lists (pronouns, titles, source nouns, function words), read once from the JSON files beside this module.

import pronounData from './lexicon/pronouns.json' with { type: 'json' };
import titleData from './lexicon/titles.json' with { type: 'json' };
import nounData from './lexicon/nouns.json' with { type: 'json' };
import closedData from './lexicon/closed.json' with { type: 'json' };
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PronounInfo { readonly gender: string; readonly number: string; readonly type: string }

export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map(Object.entries(pronounData.pronouns));
export const MALE_CUES: ReadonlySet<string> = new Set(pronounData.genderCues.m);
export const FEMALE_CUES: ReadonlySet<string> = new Set(pronounData.genderCues.f);

export const TITLE_WORDS: ReadonlySet<string> = new Set(titleData.words);
export const POSTNOMINALS: ReadonlySet<string> = new Set(titleData.postnominals.words);
export const NAME_PARTICLES: ReadonlySet<string> = new Set(titleData.particles.words);

export const PERSON_NOUNS: ReadonlySet<string> = new Set(nounData.person);
export const GROUP_NOUNS: ReadonlySet<string> = new Set(nounData.group);
export const ORG_NOUNS: ReadonlySet<string> = new Set(nounData.organization);
export const MODIFIERS: ReadonlySet<string> = new Set(nounData.modifiers.words);
export const DETERMINERS: ReadonlySet<string> = new Set(nounData.determiners);
export const CHANNEL_HEADS: ReadonlySet<string> = new Set(nounData.channelHeads.words);

export const AUXILIARIES: ReadonlySet<string> = new Set(closedData.auxiliaries);
export const BE_FORMS: ReadonlySet<string> = new Set(closedData.beForms);
export const ADVERBS: ReadonlySet<string> = new Set(closedData.adverbs);
export const CLAUSE_STOPS: ReadonlySet<string> = new Set(closedData.clauseStops);
export const NP_PREPOSITIONS: ReadonlySet<string> = new Set(closedData.npPrepositions);
export const TIME_WORDS: ReadonlySet<string> = new Set(closedData.timeWords);
export const ADVERBIAL_PREPOSITIONS: ReadonlySet<string> = new Set(closedData.adverbialPrepositions);
export const IRREGULAR_VERBS: ReadonlySet<string> = new Set(closedData.irregularVerbs.words);
export const SUBORDINATORS: ReadonlySet<string> = new Set(closedData.subordinators);

/** Source nouns of any type: the heads a speaker description can end in. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(nounData.documents.words);
export const SOURCE_NOUNS: ReadonlySet<string> = new Set([...PERSON_NOUNS, ...GROUP_NOUNS, ...ORG_NOUNS, ...DOCUMENT_NOUNS]);

let demonyms: ReadonlyMap<string, string> | undefined;

/** Demonym -> ISO country code ("israeli" -> IL) from data/demonyms.json when the places engineer's file is present; empty otherwise. */
export function demonymCountries(): ReadonlyMap<string, string> {
  if (demonyms) return demonyms;
  const map = new Map<string, string>();
  try {
    const file = join(repoRoot(), 'data', 'demonyms.json');
    if (existsSync(file)) {
      const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const add = (k: unknown, v: unknown) => { if (typeof k === 'string' && typeof v === 'string') map.set(k.toLowerCase(), v.toUpperCase()); };
      if (Array.isArray(raw)) for (const r of raw) { const o = r as Record<string, unknown>; add(o.demonym ?? o.name, o.country ?? o.code); }
      else if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof v === 'string') add(k, v);
        else if (v && typeof v === 'object') add(k, (v as Record<string, unknown>).country ?? (v as Record<string, unknown>).code);
      }
    }
  } catch { /* an unreadable optional file only costs the country field */ }
  return (demonyms = map);
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
