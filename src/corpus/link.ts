// Links entities across documents: one canonical record per person, organization or place, whatever
// spelling, title or short form each report uses ("Raeisi"/"Raisi", "al-Qaddoumi"/"Qaddoumi", "IDF").

import { readFileSync } from 'node:fs';
import type { Entity, Extraction } from '../schema/index.js';

/** Title and role words that never belong to a name's identity. */
const TITLE = /^(?:mr|mrs|ms|dr|prof|president|prime minister|minister|foreign minister|general|major general|lieutenant general|brigadier general|gen|col|colonel|captain|ayatollah|grand ayatollah|hojatoleslam|sheikh|sayyid|seyed|seyyed|sir|lord|judge|senator|sen|rep|governor|gov|king|queen|prince|princess|chief|speaker|spokesman|spokeswoman|spokesperson|the)\s+/;

/** Arabic and Persian article and patronymic particles that spellings keep or drop. */
const PARTICLE = /\b(?:al|el|ul|ad|ar|as|ash|at|az|an)[-\s]/g;

/**
 * A key that survives transliteration: diacritics and particles dropped, doubled letters single,
 * vowel clusters reduced ("Raeisi" and "Raisi" both give "rasi"), q/k, ph/f, dh/d and an initial g/k merged
 * (Arabic qaf is written q, k or g: Qaddafi, Gaddafi).
 */
export function nameKey(name: string): string {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`ʼ]/g, '').replace(/[^a-z0-9\s-]+/g, ' ').trim();
  let prev;
  do { prev = s; s = s.replace(TITLE, ''); } while (s !== prev);
  s = s.replace(PARTICLE, ' ').replace(/-/g, ' ');
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/ph/g, 'f').replace(/dh/g, 'd').replace(/q/g, 'k').replace(/^g/, 'k').replace(/([a-z])\1+/g, '$1').replace(/[aeiouy]+/g, (v) => v[0]!))
    .join(' ');
}

/** Upper-case initials of a multi-word name: "Israel Defense Forces" -> "IDF". */
export function acronymOf(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : undefined;
}

let aliases: Map<string, string> | undefined;

/** alias key -> canonical name, from org-aliases.tsv. */
function orgAliases(): Map<string, string> {
  if (aliases) return aliases;
  aliases = new Map();
  for (const line of readFileSync(new URL('./org-aliases.tsv', import.meta.url), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [canonical, alts] = line.split('\t');
    for (const a of [canonical!, ...(alts ?? '').split('|')].filter(Boolean)) aliases.set(a.toLowerCase(), canonical!);
  }
  return aliases;
}

export interface LinkedEntity {
  id: string;
  type: Entity['type'];
  /** The fullest name any report gives. */
  name: string;
  names: string[];
  titles: string[];
  roles: string[];
  affiliations: string[];
  /** Where it appears: document id and the entity id within it. */
  mentions: Array<{ doc: string; entity: string; outlet?: string; name: string }>;
}

const TYPE_GROUP: Record<Entity['type'], string> = { person: 'person', organization: 'org', group: 'org', place: 'place', facility: 'place', other: 'other' };

/** Links the entities of many documents; persons match on their full key or, when unambiguous, their last name. */
export function linkEntities(docs: readonly Extraction[]): LinkedEntity[] {
  const out: LinkedEntity[] = [];
  const byKey = new Map<string, LinkedEntity>();
  const orgs = orgAliases();
  const keysOf = (e: Entity): string[] => {
    const group = TYPE_GROUP[e.type];
    const canonical = orgs.get(e.name.toLowerCase().replace(/^the\s+/, ''));
    const name = canonical ?? e.name;
    const keys = [`${group}:${nameKey(name)}`];
    if (group === 'org') {
      const acr = acronymOf(name);
      if (acr) keys.push(`${group}:acr:${acr}`);
      if (/^[A-Z]{2,6}$/.test(e.name)) keys.push(`${group}:acr:${e.name}`);
    }
    return keys;
  };
  // Longest names first, so "Khaled al-Qaddoumi" founds the record that a bare "Qaddoumi" then joins.
  const all = docs.flatMap((x) => x.entities.map((e) => ({ x, e }))).sort((a, b) => b.e.name.length - a.e.name.length);
  for (const { x, e } of all) {
    if (e.type === 'other') continue;
    const keys = keysOf(e);
    let rec = keys.map((k) => byKey.get(k)).find(Boolean);
    if (!rec && e.type === 'person' && !nameKey(e.name).includes(' ')) {
      // A single-word person name joins the one person whose last name it is, if there is exactly one.
      const k = nameKey(e.name);
      const cands = out.filter((r) => r.type === 'person' && r.names.some((n) => nameKey(n).endsWith(' ' + k)));
      if (cands.length === 1) rec = cands[0];
    }
    if (!rec) {
      rec = { id: `E${out.length}`, type: e.type, name: orgs.get(e.name.toLowerCase().replace(/^the\s+/, '')) ?? e.name, names: [], titles: [], roles: [], affiliations: [], mentions: [] };
      out.push(rec);
    }
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, rec);
    const add = (list: string[], vs: readonly string[]) => { for (const v of vs) if (!list.includes(v)) list.push(v); };
    add(rec.names, [e.name]);
    add(rec.titles, e.titles);
    add(rec.roles, e.roles);
    add(rec.affiliations, e.affiliations);
    rec.mentions.push({ doc: x.document.id, entity: e.id, name: e.name, ...(x.document.outlet ? { outlet: x.document.outlet } : {}) });
  }
  return out;
}
