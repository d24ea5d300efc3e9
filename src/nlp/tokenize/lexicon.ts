// The tokenizer's word lists (abbreviations, clitics, number suffixes, sentence starters), read once from the JSON files beside this module.

import abbreviations from './abbreviations.json' with { type: 'json' };
import contractions from './contractions.json' with { type: 'json' };
import units from './units.json' with { type: 'json' };
import starters from './sentence-starters.json' with { type: 'json' };

/** Abbreviations that precede a name ("Gen.", "Dr."): they never end a sentence. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations.title);
/** Other abbreviations that keep their period ("Jan.", "Inc.", "etc."). */
export const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations.other);
/** Abbreviations that keep their period only before a number ("No. 5"). */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations.beforeNumber);

/** Clitic endings split off a word, lower case with a straight apostrophe, longest first. */
export const CLITIC_SUFFIXES: readonly string[] = [...contractions.suffixes].sort((a, b) => b.length - a.length);
/** Fused words ("cannot", "gonna") and where they split. */
export const FUSED_WORDS: ReadonlyMap<string, readonly number[]> = new Map(Object.entries(contractions.words));

/** Letter suffixes split off a number ("3bn", "2:00am"). */
export const NUMBER_SUFFIXES: ReadonlySet<string> = new Set(units.suffixes);

/** Capitalised words that begin a new sentence after an abbreviation. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(starters.words);

/** Opening marks that may stand before the first word of a sentence. */
export const OPENERS: ReadonlySet<string> = new Set(['"', '“', "'", '‘', '(', '[', '{', '«', '‹', '-', '–', '—', '•', '*', '¿', '¡', '``']);
