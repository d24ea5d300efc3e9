// The offline gazetteer: loads data/gazetteer once per thread and indexes every name by its token key for n-gram lookup.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameTokens, foldKey } from './words.js';

export interface GazEntry {
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly pop: number;
  /** GeoNames feature code (PPLC, PPLA, ADM1, PCLI) or LM for a curated landmark. */
  readonly fcode: string;
  readonly admin1: string;
  readonly flags: string;
  readonly geonameid?: number;
}

/** One way of writing an entry's name. */
export interface Variant {
  readonly entry: number;
  /** Folded tokens as the source writes them (case kept), for the case check. */
  readonly tokens: readonly string[];
  /** An alternate (foreign or historic) name rather than the main one. */
  readonly alt: boolean;
}

export interface Cues {
  regionDesignators: Set<string>;
  localDesignators: Set<string>;
  facilityDesignators: Set<string>;
  precedingCues: string[][];
  regionCuesBefore: string[][];
  orgHeads: Set<string>;
  stopNames: Set<string>;
  particles: Set<string>;
  monthsAndDays: Set<string>;
  titleWords: Set<string>;
  personRoles: Set<string>;
  directions: Set<string>;
  personTitles: Set<string>;
  locative: Set<string>;
  determiners: Set<string>;
  sentenceWords: Set<string>;
  prefixes: Set<string>;
  featurePrefixes: Set<string>;
}

export interface Gazetteer {
  readonly entries: readonly GazEntry[];
  /** Upper-cased folded token key ("GAZA STRIP") -> the variants written that way. */
  readonly index: ReadonlyMap<string, readonly Variant[]>;
  /** Every proper token prefix of an index key ("GAZA" for "GAZA STRIP"), so matching stops as soon as no longer name fits. */
  readonly prefixes: ReadonlySet<string>;
  /** Longest variant, in tokens. */
  readonly maxTokens: number;
  readonly byKey: ReadonlyMap<string, number>;
  readonly cues: Cues;
  /** Single-word names that are also common lower-case words ("Reading", "Nice"). */
  readonly commonWords: ReadonlySet<string>;
  /** Demonym -> ISO country code ("Israeli" -> IL). */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Milliseconds spent loading, for benchmarks. */
  readonly loadMs: number;
}

/** Variants longer than this many tokens are not indexed: no real place name is. */
const MAX_VARIANT_TOKENS = 8;

let shared: Gazetteer | undefined;

/** The gazetteer, loaded on first use and shared read-only by every document in this thread. */
export function gazetteer(): Gazetteer {
  return (shared ??= loadGazetteer(findRoot()));
}

/** The repository root: the nearest folder above this module with a package.json (works from src/ and dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data/gazetteer'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('places: data/gazetteer not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function loadGazetteer(root: string): Gazetteer {
  const t0 = performance.now();
  const dir = join(root, 'data/gazetteer');
  const entries: GazEntry[] = [];
  const index = new Map<string, Variant[]>();
  const byKey = new Map<string, number>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  const addVariant = (name: string, entry: number, alt: boolean): void => {
    const tokens = nameTokens(name);
    if (!tokens.length || tokens.length > MAX_VARIANT_TOKENS) return;
    const key = foldKey(tokens);
    const list = index.get(key);
    const v: Variant = { entry, tokens, alt };
    if (!list) {
      index.set(key, [v]);
      for (let sp = key.indexOf(' '); sp > 0; sp = key.indexOf(' ', sp + 1)) prefixes.add(key.slice(0, sp));
    }
    else list.push(v); // duplicates are harmless: candidates keep each entry's best variant
    if (tokens.length > maxTokens) maxTokens = tokens.length;
  };
  for (const line of readFileSync(join(dir, 'gazetteer.tsv'), 'utf8').split('\n')) {
    if (!line || line.charCodeAt(0) === 35 /* # */) continue;
    const f = line.split('\t');
    const [key, kind, name, country, lat, lon, pop, fcode, admin1, flags, names, alts] = f as [string, string, string, string, string, string, string, string, string, string, string, string];
    const i = entries.length;
    const gid = key.startsWith('gn:') ? Number(key.slice(3)) : undefined;
    // A literal then an assignment (not a spread): same fields in the same order, without the slow object copy.
    const entry: { -readonly [K in keyof GazEntry]: GazEntry[K] } = { key, kind, name, country, lat: Number(lat), lon: Number(lon), pop: Number(pop), fcode, admin1, flags };
    if (gid !== undefined) entry.geonameid = gid;
    entries.push(entry);
    byKey.set(key, i);
    if (names) for (const n of names.split('|')) addVariant(n, i, false);
    if (alts) for (const n of alts.split('|')) addVariant(n, i, true);
  }
  const raw = JSON.parse(readFileSync(join(dir, 'cues.json'), 'utf8'));
  const phrases = (xs: string[]): string[][] => xs.map((x) => x.split(' '));
  const cues: Cues = {
    regionDesignators: new Set(raw.designators.region),
    localDesignators: new Set(raw.designators.local),
    facilityDesignators: new Set(raw.designators.facility),
    precedingCues: phrases(raw.precedingCues.words),
    regionCuesBefore: phrases(raw.regionCues.before),
    orgHeads: new Set(raw.orgHeads.words),
    stopNames: new Set(raw.stopNames.words),
    particles: new Set(raw.particles.words),
    monthsAndDays: new Set(raw.monthsAndDays.words),
    titleWords: new Set(raw.titleWords.words),
    personRoles: new Set(raw.personRoles.words),
    directions: new Set(raw.directions.words),
    personTitles: new Set(raw.personTitles.words),
    locative: new Set(raw.locative.words),
    determiners: new Set(raw.determiners.words),
    sentenceWords: new Set(raw.sentenceWords.words),
    prefixes: new Set(raw.prefixes.words),
    featurePrefixes: new Set(raw.featurePrefixes.words),
  };
  const commonWords = new Set(readFileSync(join(dir, 'common-words.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
  const demonyms = new Map(Object.entries(JSON.parse(readFileSync(join(root, 'data/demonyms.json'), 'utf8')) as Record<string, string>));
  return { entries, index, prefixes, maxTokens, byKey, cues, commonWords, demonyms, loadMs: performance.now() - t0 };
}
