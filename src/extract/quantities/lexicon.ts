// The quantities lexicons (number words, qualifiers, units, closed-class words, categories), built once from the data files.

import numbersData from './data/numbers.json' with { type: 'json' };
import qualifiersData from './data/qualifiers.json' with { type: 'json' };
import unitsData from './data/units.json' with { type: 'json' };
import wordsData from './data/words.json' with { type: 'json' };
import categoriesData from './data/categories.json' with { type: 'json' };
import { lexPhrase } from './lex.js';
import type { Approx } from './types.js';

/** A multi-token phrase as lower-cased token forms, with what it means. */
export interface Phrase<T> {
  readonly forms: readonly string[];
  readonly meaning: T;
}

export interface Lexicon {
  readonly units: ReadonlyMap<string, number>;
  readonly tens: ReadonlyMap<string, number>;
  readonly scales: ReadonlyMap<string, number>;
  readonly scaleAbbreviations: ReadonlyMap<string, number>;
  readonly moneyOnlyAbbreviations: ReadonlyMap<string, number>;
  readonly dozen: ReadonlyMap<string, number>;
  readonly vague: ReadonlyMap<string, number>;
  readonly vagueFixed: readonly Phrase<number>[];
  readonly fractions: ReadonlyMap<string, number>;
  readonly months: ReadonlySet<string>;
  /** Qualifiers before a number, indexed by their last form for a quick backward match; longest first. */
  readonly before: ReadonlyMap<string, readonly Phrase<Approx>[]>;
  readonly after: readonly Phrase<Approx>[];
  readonly percent: readonly Phrase<string>[];
  readonly currencySymbols: ReadonlyMap<string, string>;
  readonly currencyCodes: ReadonlySet<string>;
  readonly currencyWords: readonly Phrase<string>[];
  readonly measures: readonly Phrase<string>[];
  /** What a measure unit measures (km -> distance), for the gloss. */
  readonly measureKinds: ReadonlyMap<string, string>;
  readonly durations: ReadonlySet<string>;
  readonly timeOfDay: ReadonlySet<string>;
  readonly prefixUnits: readonly Phrase<string>[];
  readonly functionWords: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
  readonly casualtyHeads: ReadonlySet<string>;
  readonly irregularPlurals: ReadonlySet<string>;
  readonly pronounHeads: ReadonlySet<string>;
  readonly ofDeterminers: ReadonlySet<string>;
  readonly nameDesignators: ReadonlySet<string>;
  readonly oneIdioms: ReadonlySet<string>;
  readonly oneBefore: ReadonlySet<string>;
  readonly superlativeMarkers: ReadonlySet<string>;
  readonly scoreWords: ReadonlySet<string>;
  readonly streetWords: ReadonlySet<string>;
  readonly weekdays: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  /** Auxiliaries and adverbs skipped between a counted noun and its predicate ("12 people have been killed"). */
  readonly predicateSkips: ReadonlySet<string>;
  readonly bareNumberBlockers: ReadonlySet<string>;
  readonly ageCopulas: ReadonlySet<string>;
  readonly agePronouns: ReadonlySet<string>;
  readonly countModifiers: ReadonlySet<string>;
  /** Event vocabulary: word or phrase -> category, phrases first by length. */
  readonly events: readonly Phrase<string>[];
  readonly eventWords: ReadonlyMap<string, string>;
  readonly weapons: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly participles: ReadonlyMap<string, string>;
  /** Every word that can start a number ("one", "dozens", "a", "double", ...), for the prefilter. */
  readonly numberStarters: ReadonlySet<string>;
}

const mapOf = <T>(o: Record<string, T>): Map<string, T> => new Map(Object.entries(o).filter(([k]) => !k.startsWith('_')));

function phrases<T>(o: Record<string, T>): Phrase<T>[] {
  return Object.entries(o)
    .filter(([k]) => !k.startsWith('_'))
    .map(([k, meaning]) => ({ forms: lexPhrase(k), meaning }))
    .sort((a, b) => b.forms.length - a.forms.length);
}

let shared: Lexicon | undefined;

/** The lexicon, built on first use and shared read-only. */
export function lexicon(): Lexicon {
  return (shared ??= build());
}

function build(): Lexicon {
  const before = new Map<string, Phrase<Approx>[]>();
  for (const p of phrases(qualifiersData.before as Record<string, Approx>)) {
    const last = p.forms[p.forms.length - 1]!;
    const list = before.get(last) ?? [];
    list.push(p);
    before.set(last, list);
  }
  const eventEntries: Record<string, string> = {};
  for (const [category, words] of Object.entries(categoriesData.events)) for (const w of words) eventEntries[w] ??= category;
  const events = phrases(eventEntries);
  const eventWords = new Map(events.filter((p) => p.forms.length === 1).map((p) => [p.forms[0]!, p.meaning]));
  const units = mapOf(numbersData.units), tens = mapOf(numbersData.tens), scales = mapOf(numbersData.scales);
  const vague = mapOf(numbersData.vague), dozen = mapOf(numbersData.dozen), fractions = mapOf(numbersData.fractions);
  const numberStarters = new Set<string>([...units.keys(), ...tens.keys(), ...vague.keys(), ...dozen.keys(), 'a', 'an', 'double', 'triple', 'several', 'half']);
  return {
    units, tens, scales, dozen, vague, fractions, numberStarters,
    scaleAbbreviations: mapOf(numbersData.scaleAbbreviations),
    moneyOnlyAbbreviations: mapOf(numbersData.moneyOnlyAbbreviations),
    vagueFixed: phrases(numbersData.vagueFixed),
    months: new Set(numbersData.months),
    before,
    after: phrases(qualifiersData.after as Record<string, Approx>),
    percent: phrases(unitsData.percent),
    currencySymbols: mapOf(unitsData.currencySymbols),
    currencyCodes: new Set(unitsData.currencyCodes),
    currencyWords: phrases(unitsData.currencyWords),
    measures: phrases(unitsData.measures),
    measureKinds: mapOf(unitsData.measureKinds),
    durations: new Set(unitsData.durations),
    timeOfDay: new Set(unitsData.timeOfDay),
    prefixUnits: phrases(unitsData.prefixUnits),
    functionWords: new Set(wordsData.function),
    verbs: new Set(wordsData.verbs),
    casualtyHeads: new Set(wordsData.casualtyHeads),
    irregularPlurals: new Set(wordsData.irregularPlurals),
    pronounHeads: new Set(wordsData.pronounHeads),
    ofDeterminers: new Set(wordsData.ofDeterminers),
    nameDesignators: new Set(wordsData.nameDesignators),
    oneIdioms: new Set(wordsData.oneIdioms),
    oneBefore: new Set(wordsData.oneBefore),
    superlativeMarkers: new Set(wordsData.superlativeMarkers),
    scoreWords: new Set(wordsData.scoreWords),
    streetWords: new Set(wordsData.streetWords),
    weekdays: new Set(wordsData.weekdays),
    speechVerbs: new Set(wordsData.speechVerbs),
    predicateSkips: new Set(wordsData.predicateSkips),
    bareNumberBlockers: new Set(wordsData.bareNumberBlockers),
    ageCopulas: new Set(wordsData.ageCopulas),
    agePronouns: new Set(wordsData.agePronouns),
    countModifiers: new Set(wordsData.countModifiers),
    events, eventWords,
    weapons: new Set(categoriesData.weapons),
    people: new Set(categoriesData.people),
    participles: mapOf(categoriesData.participles),
  };
}
