// Finds names in a sentence: the model's BILOU decode, then the shared name rules (titles split off, group/facility types, boundary fixes), and across a document.

import { DOCUMENT_CUES_VERSION, FeatureExtractor } from './features.js';
import { CATEGORY_ID, PhraseMatcher, phraseKey } from './lexicon.js';
import { Decoder, ENTITY_TYPES, NerWeights, labelsToSpans, type TokenSpan } from './model.js';
import { NameRules, loadRuleLists, type TokenRange } from './names.js';

const PERSON = ENTITY_TYPES.indexOf('person');
const ORGANIZATION = ENTITY_TYPES.indexOf('organization');
const PLACE = ENTITY_TYPES.indexOf('place');
const FACILITY = ENTITY_TYPES.indexOf('facility');
const GROUP = ENTITY_TYPES.indexOf('group');

/** A name found in a sentence, in document token indices, with the titles right before it. */
export interface FoundName extends TokenSpan {
  titles: TokenRange[];
}

const UPPER_INITIAL = /^\p{Lu}/u;
/** Words that, capitalized at the start of a sentence, begin no name (see sentence()). */
const LEADING_FUNCTION_WORDS = new Set([
  'a', 'an', 'and', 'but', 'or', 'so', 'if', 'when', 'while', 'as', 'after', 'before', 'since', 'although', 'though',
  'because', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'to', 'of', 'this', 'that', 'these', 'those', 'our',
  'his', 'her', 'their', 'its', 'my', 'your', 'some', 'many', 'all', 'every', 'both', 'each', 'then', 'now',
  'meanwhile', 'however', 'also', 'yesterday', 'today', 'tomorrow', 'last', 'next', 'during', 'under', 'over',
]);
const MAX_NAME_TOKENS = 6;
const LETTER = /\p{L}/u;
/** Lower-case nouns for military, transport, religious and detention sites, named by the word before them (addSitesBeforeCommonNouns). */
const SITE_NOUNS = new Set([
  'airport', 'airbase', 'airfield', 'mosque', 'synagogue', 'church', 'cathedral', 'shrine', 'prison', 'jail', 'checkpoint',
  'crossing', 'refinery', 'reactor',
]);
/** A lower-cased word that looks like a participle or gerund ("reiterating", "backed"). */
const VERB_FORM = /^\p{Ll}{3,}(?:ing|ed)$/u;

/** A name particle joined by a hyphen to a capitalized word ("al-Quds"): the particle is group 1. */
const PARTICLE_NAME = /^(\p{Ll}{1,4})-\p{Lu}\p{L}+$/u;

/** An acronym: two to eight capital letters, optionally with periods ("WHO", "U.N.", "FSANZ"). */
const ACRONYM = /^(?:\p{Lu}\.?){2,8}$/u;

/**
 * Whether the letters of `acronym` are, in order, initials of the capitalized words of forms[start, end),
 * starting with the first word's: "WHO" for "World Health Organisation", "FSANZ" for "Food Standards Australia New Zealand".
 */
export function spelledByInitials(acronym: string, forms: readonly string[], start: number, end: number): boolean {
  if (acronym[0] !== forms[start]![0]) return false;
  let j = 0;
  for (let i = start; i < end && j < acronym.length; i++) {
    const w = forms[i]!;
    if (UPPER_INITIAL.test(w) && w[0] === acronym[j]) j++;
  }
  return j === acronym.length;
}

/** One per thread: owns the model's scratch buffers. */
export class NameRecognizer {
  readonly rules: NameRules;
  private readonly decoder: Decoder;
  /** Known multi-word place and organization names, which fix the model's boundaries ("al Jazeera", "Press TV"). */
  private readonly known: PhraseMatcher;
  private readonly orgWords: Set<string>;
  private readonly facilityWords: Set<string>;
  private readonly demonyms: Set<string>;
  private readonly orgHeads: Set<string>;
  /** Plural group names ("Palestinians", "Shiites"), found even where the model saw no name. */
  private readonly groups: PhraseMatcher;
  /** Single given names and place names of the lexicons, by phraseKey (splitPlaceFromPerson). */
  private readonly firstNames: Set<string>;
  private readonly placeNames: Set<string>;
  private readonly orgNames: Set<string>;
  /**
   * Whether token i (sentence-relative) of the sentence last decoded may begin a name: the lexicon scans for known
   * names start only there (every place, organization and group entry begins with a capitalized word or a particle).
   */
  private readonly mayStartName = (i: number): boolean => this.decoder.extractor.mayStartName(i);
  /** The first token of the sentence being read (the decoder's word information is sentence-relative). */
  private sentenceFrom = 0;
  private sentenceTo = 0;
  /** Collective nouns of group-heads.tsv, lower case ("ummah", "diaspora"). */
  private readonly groupHeads = new Set(loadRuleLists().groupHeads.map((h) => h.toLowerCase()));
  /** Lower-case words a name may start with ("al", "de"), from the model file. */
  private readonly particles: Set<string>;
  /** Whether the model was trained with document cues (features.ts DocumentCues). */
  private readonly usesDocumentCues: boolean;

  constructor(readonly weights: NerWeights) {
    const lex = weights.meta.lexicons;
    this.rules = new NameRules(lex);
    this.known = new PhraseMatcher({ place: lex.place, organization: lex.organization });
    this.orgWords = new Set(lex.orgWord.map(phraseKey));
    this.facilityWords = new Set(lex.facilityHead.map(phraseKey));
    this.demonyms = new Set(lex.demonym.map(phraseKey));
    this.orgHeads = new Set(lex.orgHead.map(phraseKey));
    this.firstNames = new Set(lex.firstName.map(phraseKey));
    this.placeNames = new Set(lex.place.map(phraseKey));
    this.orgNames = new Set(lex.organization.map(phraseKey));
    this.groups = new PhraseMatcher({ group: lex.group.filter((g) => /s$/i.test(g)) });
    this.particles = new Set((weights.meta.nameParticles ?? []).map((p) => p.toLowerCase()));
    this.usesDocumentCues = (weights.meta.featureVersion ?? 0) >= DOCUMENT_CUES_VERSION;
    this.decoder = new Decoder(weights, new FeatureExtractor(new PhraseMatcher(lex), weights.meta.caseWords, weights.meta.nameParticles, weights.meta.nameConnectors));
  }

  /** Forgets the prediction history of the last document (for callers of sentence() alone; document() does it itself). */
  startDocument(): void {
    this.decoder.startDocument();
  }

  /** Names in tokens [from, to) of `forms` (document-wide arrays); `upos` null when there are no tags. */
  sentence(forms: readonly string[], upos: readonly string[] | null, from: number, to: number, out: FoundName[]): void {
    if (to <= from) return;
    this.sentenceFrom = from;
    this.sentenceTo = to;
    const y = this.decoder.decode(forms, upos, from, to);
    const spans = labelsToSpans(y, to - from);
    for (const sp of spans) {
      // Names end in a capitalized word or a number: "Ottawa street" is "Ottawa", "Museum of Flight was" is "Museum of Flight".
      while (sp.end > sp.start + 1 && !this.decoder.mayEndName(sp.end - 1)) sp.end--;
      if (sp.type === FACILITY && !this.rules.endsInFacilityWord(forms, sp.start + from, sp.end + from)) sp.type = PLACE;
      sp.start += from;
      sp.end += from;
    }
    this.applyKnownNames(forms, from, to, spans);
    this.joinParticleNames(forms, to, spans);
    this.attachHeadWords(forms, from, to, spans);
    // Determiners and sentence-initial common words are no part of a name: "The Daily Collegian" is
    // "Daily Collegian", "While University Relations" is "University Relations" (GUM's rule: proper nouns only).
    // So is a sentence-initial verb form before a known name ("Reiterating Iran's policy, ..." is "Iran").
    const lowers = this.decoder.lowerForms;
    let first = 0;
    while (first < to - from && !LETTER.test(lowers[first]!)) first++;
    const leadingWord = first < to - from && (LEADING_FUNCTION_WORDS.has(lowers[first]!) || this.decoder.isCommonWord(first));
    for (const sp of spans) {
      const modelStart = sp.start;
      const verbFirst = sp.start === from + first && this.verbBeforeKnownName(forms, sp.start, sp.end);
      while (sp.end > sp.start + 1 && (lowers[sp.start - from] === 'the' || (sp.start === from + first && (leadingWord || verbFirst)))) sp.start++;
      // The model's type was for the longer span: "Reiterating Iran" looked like a person, "Iran" is a known place.
      if (sp.start > modelStart && sp.type === PERSON && this.placeNames.has(phraseKey(forms.slice(sp.start, sp.end).join('')))) sp.type = PLACE;
    }
    this.splitPlaceFromPerson(forms, spans);
    this.splitTitledPeople(forms, from, spans);
    this.addAcronyms(forms, to, spans);
    this.addGroups(forms, from, to, spans);
    this.addSitesBeforeCommonNouns(forms, from, to, spans);
    for (const sp of spans) {
      let start = sp.start;
      const end = sp.end;
      let type = sp.type;
      // Events ("Intifada", "Arab Spring") are no person, organization or place, whatever the model said.
      if (this.rules.isEvent(forms, start, end)) continue;
      // A position is not an organization or place: "the Armed Force Chief of Staff", "Parliament Speaker".
      if ((type === ORGANIZATION || type === PLACE) && this.rules.isTitlePhrase(forms, start, end)) continue;
      // An organization of generic words only, written right before a title of two or more words, is part of that
      // position ("the Armed Force Chief of Staff", "Iran's Armed Forces Chief of Staff Major General ...").
      if (type === ORGANIZATION && this.genericBeforeLongTitle(forms, start, end, to)) continue;
      // Nor is a position in the plural a name ("Senators will be asked to vote", "the Ministers"): a common noun.
      if (end - start === 1 && type !== GROUP && /^\p{Lu}\p{Ll}+s$/u.test(forms[start]!) && this.rules.isTitle([forms[start]!.slice(0, -1)], 0, 1)) continue;
      if (type === PERSON) {
        const ns = this.rules.nameStartAfterTitles(forms, start, end);
        if (ns >= end) continue;
        start = ns;
        // People's names do not end in "Airport" or "Ministry": the model confused the type.
        if (end - start >= 2 && this.rules.endsInFacilityWord(forms, start, end)) type = FACILITY;
        else if (end - start >= 2 && this.orgWords.has(phraseKey(forms[end - 1]!))) type = ORGANIZATION;
      }
      if (type !== ORGANIZATION && type !== GROUP && end - start >= 2 && this.orgHeads.has(phraseKey(forms[end - 1]!))) type = ORGANIZATION;
      // A community is a group even where the model took it for a place ("the Muslim Ummah").
      if ((type === PERSON || type === ORGANIZATION) && this.rules.isGroup(forms, start, end)) type = GROUP;
      else if (type === PLACE && this.rules.endsInGroupHead(forms, start, end)) type = GROUP;
      else if (type === PLACE && this.rules.endsInFacilityWord(forms, start, end)) type = FACILITY;
      const titles = type === PERSON ? this.rules.titlesBefore(forms, start, from) : [];
      out.push({ start, end, type, titles });
    }
  }

  /**
   * Whether forms[start, end) has no word of its own (each is an institution word of org-words.tsv, a word usually
   * written in lower case or an -ed/-ing form: "Armed Forces") and a capitalized title phrase of two or more words follows it.
   */
  private genericBeforeLongTitle(forms: readonly string[], start: number, end: number, to: number): boolean {
    for (let i = start; i < end; i++) {
      const key = phraseKey(forms[i]!);
      if (!this.orgWords.has(key) && !this.decoder.isCommonWord(i - this.sentenceFrom) && !VERB_FORM.test(key)) return false;
    }
    for (let e = end + 2; e <= Math.min(to, end + 6); e++) if (UPPER_INITIAL.test(forms[end]!) && this.rules.isTitle(forms, end, e)) return true;
    return false;
  }

  /**
   * Whether forms[start] is a verb form in -ing/-ed (not itself a known given or place name: "Khaled", "Beijing")
   * followed by a known place, organization or group name or by a known given name: "Reiterating Iran", "Quoting Ali
   * Akbar Velayati". Names that merely look like verb forms ("Sterling Brown", "Jared Kushner") stay whole.
   */
  private verbBeforeKnownName(forms: readonly string[], start: number, end: number): boolean {
    if (end - start < 2) return false;
    const lower = forms[start]!.toLowerCase();
    if (!VERB_FORM.test(lower) || this.firstNames.has(lower) || this.placeNames.has(lower)) return false;
    const rest = phraseKey(forms.slice(start + 1, end).join(''));
    return this.placeNames.has(rest) || this.orgNames.has(rest) || this.rules.isGroup(forms, start + 1, end)
      || this.firstNames.has(phraseKey(forms[start + 1]!));
  }

  /**
   * A name goes on through a following word made of a name particle, a hyphen and a capitalized word when the model
   * left that word out: "Jerusalem al-Quds" is one run of proper nouns (GUM's names are such runs), like "Khaled
   * al-Qaddoumi", which the model usually finds whole.
   */
  private joinParticleNames(forms: readonly string[], to: number, spans: TokenSpan[]): void {
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k]!;
      if (sp.end >= to || sp.type === GROUP) continue;
      const next = spans[k + 1];
      if (next && next.start === sp.end) continue;
      const m = PARTICLE_NAME.exec(forms[sp.end]!);
      if (m && this.particles.has(m[1]!)) sp.end++;
    }
  }

  /**
   * A lone capitalized word right before a lower-case site noun names the place ("the Hatzerim airbase", "Evin prison",
   * "the Rafah crossing"): GUM annotates it as a place inside the unnamed site ("[Havana] airport"), and the model's
   * one-word person there becomes that place ("the Ofer prison"). Words usually written in lower case, sentence-initial
   * words, nationalities, groups, institution words and (when the model found nothing) given names are left alone.
   */
  private addSitesBeforeCommonNouns(forms: readonly string[], from: number, to: number, spans: TokenSpan[]): void {
    const lowers = this.decoder.lowerForms;
    let added = false;
    for (let i = from + 1; i + 1 < to; i++) {
      if (!SITE_NOUNS.has(forms[i + 1]!) || !/^\p{Lu}\p{Ll}+$/u.test(forms[i]!)) continue;
      if (UPPER_INITIAL.test(forms[i - 1]!) || this.decoder.isCommonWord(i - from)) continue;
      const key = phraseKey(lowers[i - from]!);
      if (this.demonyms.has(key) || this.orgWords.has(key) || this.rules.isGroup(forms, i, i + 1)
        || this.rules.isGroup([forms[i] + 's'], 0, 1) || this.rules.isTitle(forms, i, i + 1)) continue;
      const inside = spans.find((sp) => sp.start <= i && i < sp.end);
      // A one-word "person" there is the site's place name too ("the Ofer prison", "the Erez crossing"), and so is a
      // one-word "organization" that is no known one ("the Evin prison", but "the Hamas checkpoint" stays).
      if (inside) {
        if (inside.start === i && inside.end === i + 1 && (inside.type === PERSON || (inside.type === ORGANIZATION && !this.orgNames.has(key)))) inside.type = PLACE;
        continue;
      }
      if (this.firstNames.has(key)) continue;
      spans.push({ start: i, end: i + 1, type: PLACE });
      added = true;
    }
    if (added) spans.sort((a, b) => a.start - b.start);
  }

  /**
   * Capitalized plural group names the model left out ("thousands of Palestinians"), and a capitalized word before a
   * capitalized collective noun of group-heads.tsv ("the Muslim Ummah", "the Jewish Diaspora"), which replaces the
   * one-word names the model may have found inside it.
   */
  private addGroups(forms: readonly string[], from: number, to: number, spans: TokenSpan[]): void {
    let added = false;
    const lowers = this.decoder.lowerForms;
    for (let i = from; i + 1 < to; i++) {
      if (!this.groupHeads.has(lowers[i + 1 - from]!) || !UPPER_INITIAL.test(forms[i]!) || !UPPER_INITIAL.test(forms[i + 1]!)) continue;
      if (i + 2 < to && UPPER_INITIAL.test(forms[i + 2]!)) continue;
      if (spans.some((sp) => sp.start < i + 2 && i < sp.end && (sp.start < i || sp.end > i + 2))) continue;
      for (let k = spans.length - 1; k >= 0; k--) if (spans[k]!.start >= i && spans[k]!.end <= i + 2) spans.splice(k, 1);
      spans.push({ start: i, end: i + 2, type: GROUP });
      added = true;
    }
    this.groups.scan(this.decoder.lowerForms, 0, to - from, (s, e) => {
      s += from;
      e += from;
      if (!UPPER_INITIAL.test(forms[s]!)) return;
      for (const sp of spans) if (sp.start < e && s < sp.end) return;
      spans.push({ start: s, end: e, type: GROUP });
      added = true;
    }, true, this.mayStartName);
    if (added) spans.sort((a, b) => a.start - b.start);
  }

  /**
   * A known place run into a person's name ("Hamas representative in Iran Khaled al-Qaddoumi", which the model may
   * take for one place or one person, or cut after the given name: "Iran Ali" + "Akbar Velayati") is a place and a
   * person when a known given name follows the place and starts two or more words. A person span only loses a place
   * that is not itself a given name ("Georgia Ann Smith" stays whole), or a known place of two or more words
   * ("United States Hamdullah Mohib").
   */
  private splitPlaceFromPerson(forms: readonly string[], spans: TokenSpan[]): void {
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k]!;
      if (sp.type !== PLACE && sp.type !== ORGANIZATION && sp.type !== PERSON) continue;
      // A person span right after, touching it, is the rest of the same name.
      const next = spans[k + 1];
      const joined = sp.type !== PERSON && next && next.type === PERSON && next.start === sp.end;
      const end = joined ? next.end : sp.end;
      for (let cut = sp.start + 1; cut <= sp.start + 3 && cut <= end - 1; cut++) {
        const place = this.placeNames.has(phraseKey(forms.slice(sp.start, cut).join('')));
        // A known place of two or more words does not begin a person's name ("to the United States Hamdullah Mohib"),
        // whatever follows; a one-word place does only before a known given name ("Jordan Henderson" stays whole).
        const longPlace = place && cut - sp.start >= 2 && (sp.type === PERSON || this.plainWords(forms, cut, end));
        if (!longPlace && (cut > sp.start + 2 || cut > end - 2 || !place || !this.firstNames.has(phraseKey(forms[cut]!)))) continue;
        // The model may have stopped inside the name ("United States Masood" + "Khan"): it goes on through the
        // capitalized words no other name holds; a place and organization's rest is a person only when two or more
        // words long ("New York Yankees" stays whole).
        let personEnd = end;
        if (longPlace && sp.type !== PERSON) {
          const limit = Math.min(this.sentenceTo, joined ? (spans[k + 2]?.start ?? forms.length) : (next?.start ?? forms.length));
          while (personEnd < limit && /^\p{Lu}\p{Ll}/u.test(forms[personEnd]!)) personEnd++;
          if (personEnd - cut < 2) continue;
        }
        if (sp.type === PERSON && this.firstNames.has(phraseKey(forms[sp.start]!))) break;
        if (joined && cut === sp.end) break;
        if (joined) spans.splice(k + 1, 1);
        spans.splice(k + 1, 0, { start: cut, end: personEnd, type: PERSON });
        sp.end = cut;
        sp.type = PLACE;
        k++;
        break;
      }
    }
  }

  /** Whether forms[start, end) has no institution, facility or organization head word (it may be a person's name). */
  private plainWords(forms: readonly string[], start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const key = phraseKey(forms[i]!);
      if (this.orgWords.has(key) || this.facilityWords.has(key) || this.orgHeads.has(key) || !/^\p{Lu}\p{Ll}/u.test(forms[i]!)) return false;
    }
    return !this.orgNames.has(phraseKey(forms.slice(start, end).join('')));
  }

  /**
   * An organization span that runs through a title into a name ("Armed Forces Chief of Staff Major General
   * Mohammad Baqeri", which a model without POS tags may find) is an organization, titles and a person.
   */
  private splitTitledPeople(forms: readonly string[], from: number, spans: TokenSpan[]): void {
    const lowers = this.decoder.lowerForms;
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k]!;
      if (sp.type !== ORGANIZATION) continue;
      const cut = this.rules.nameStartAfterTitles(forms, sp.start, sp.end);
      if (cut <= sp.start || cut >= sp.end) continue;
      let plain = true;
      for (let i = cut; i < sp.end && plain; i++) {
        const key = phraseKey(lowers[i - from]!);
        plain = !this.orgWords.has(key) && !this.facilityWords.has(key);
      }
      if (!plain) continue;
      const chain = this.rules.titlesBefore(forms, cut, sp.start);
      let orgEnd = chain.length ? chain[0]!.start : cut;
      while (orgEnd > sp.start && !this.decoder.mayEndName(orgEnd - 1 - from)) orgEnd--;
      const person: TokenSpan = { start: cut, end: sp.end, type: PERSON };
      if (orgEnd > sp.start) {
        sp.end = orgEnd;
        spans.splice(k + 1, 0, person);
        k++;
      } else spans[k] = person;
    }
  }

  /**
   * Capitalized organization and facility words belong to the name beside them: "Ben Gurion" + "Airport",
   * "Foreign" + "Ministry". The head word decides the type.
   */
  private attachHeadWords(forms: readonly string[], from: number, to: number, spans: TokenSpan[]): void {
    const lowers = this.decoder.lowerForms;
    const headKind = (i: number): number => {
      if (!UPPER_INITIAL.test(forms[i]!)) return -1;
      const k = phraseKey(lowers[i - from]!);
      return this.facilityWords.has(k) ? FACILITY : this.orgWords.has(k) ? ORGANIZATION : -1;
    };
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k]!;
      // Rightwards: the head word follows the name, alone or as a one-word name of its own.
      let kind = -1;
      while (sp.end < to && (kind = headKind(sp.end)) >= 0) {
        const next = spans[k + 1];
        if (next && next.start === sp.end) {
          if (next.end - next.start > 1) break;
          spans.splice(k + 1, 1);
        } else if (next && next.start < sp.end + 1) break;
        sp.end++;
        sp.type = kind === FACILITY && sp.type !== ORGANIZATION ? FACILITY : kind === ORGANIZATION ? ORGANIZATION : sp.type;
      }
      // Leftwards: an organization name that starts with its head word takes the capitalized words before it.
      if (headKind(sp.start) === ORGANIZATION && sp.type === ORGANIZATION) {
        const floor = k > 0 ? spans[k - 1]!.end : from;
        while (sp.start - 1 >= floor && UPPER_INITIAL.test(forms[sp.start - 1]!) && !this.demonyms.has(phraseKey(lowers[sp.start - 1 - from]!))
          && !this.rules.isTitle(forms, sp.start - 1, sp.start)) sp.start--;
      }
    }
  }

  /**
   * An acronym in brackets right after a multi-word name, spelled by that name's initials, names the same
   * thing: "World Health Organisation ( WHO )". Written in capitals it looks like the word "who" to the model.
   * The document pass then finds the acronym's later mentions.
   */
  private addAcronyms(forms: readonly string[], to: number, spans: TokenSpan[]): void {
    const n = spans.length;
    for (let k = 0; k < n; k++) {
      const sp = spans[k]!;
      const a = sp.end + 1;
      if (sp.end - sp.start < 2 || a + 1 >= to || forms[sp.end] !== '(' || forms[a + 1] !== ')') continue;
      if (!ACRONYM.test(forms[a]!) || !spelledByInitials(forms[a]!.replace(/\./g, ''), forms, sp.start, sp.end)) continue;
      if (spans.some((o) => o.start <= a && o.end > a)) continue;
      spans.push({ start: a, end: a + 1, type: sp.type });
    }
    if (spans.length > n) spans.sort((x, y) => x.start - y.start);
  }

  /**
   * Multi-word names from the lexicons that end in a capitalized word replace the model's names they
   * overlap, or are added when the model found nothing there; names only partly inside stay as they are.
   */
  private applyKnownNames(forms: readonly string[], from: number, to: number, spans: TokenSpan[]): void {
    const placeBit = 1 << CATEGORY_ID.place;
    this.known.scan(this.decoder.lowerForms, 0, to - from, (s, e, mask) => {
      s += from;
      e += from;
      if (e - s < 2 || !UPPER_INITIAL.test(forms[e - 1]!)) return;
      const inside: number[] = [];
      for (let k = 0; k < spans.length; k++) {
        const sp = spans[k]!;
        if (sp.end <= s || sp.start >= e) continue;
        if (sp.start < s || sp.end > e) return;
        inside.push(k);
      }
      const modelType = inside.length ? spans[inside[0]!]!.type : -1;
      const type = (mask & placeBit) && !(mask & (1 << CATEGORY_ID.organization)) ? PLACE
        : !(mask & placeBit) ? ORGANIZATION
        : modelType === PLACE || modelType === ORGANIZATION ? modelType : PLACE;
      // The model's span is the known name: the lexicon also corrects a person ("Sheikh Jarrah") or a place that is an
      // organization ("al Jazeera"); an organization stays, as places stand for their governments ("North Korea is a
      // dictatorship"), and so do facilities and groups, which the lexicons do not list.
      if (inside.length === 1 && spans[inside[0]!]!.start === s && spans[inside[0]!]!.end === e) {
        if (modelType === PERSON || (modelType === PLACE && type === ORGANIZATION)) spans[inside[0]!]!.type = type;
        return;
      }
      for (let k = inside.length - 1; k >= 0; k--) spans.splice(inside[k]!, 1);
      spans.push({ start: s, end: e, type });
      spans.sort((a, b) => a.start - b.start);
    }, true, this.mayStartName);
  }

  /**
   * Names of a whole document (sentences given as token ranges), then made consistent across it:
   * a name string keeps the type most of its mentions got, and later mentions the model missed
   * ("Brahms" after "Johannes Brahms", "Dvořák" in a sentence where it was left out) are added.
   */
  document(forms: readonly string[], upos: readonly string[] | null, sentStart: ArrayLike<number>, sentEnd: ArrayLike<number>, sentences: number): FoundName[] {
    const out: FoundName[] = [];
    const ex = this.decoder.extractor;
    if (this.usesDocumentCues) ex.setDocument(ex.documentCues(forms, sentStart, sentEnd, sentences));
    this.decoder.startDocument();
    try {
      for (let s = 0; s < sentences; s++) this.sentence(forms, upos, sentStart[s]!, sentEnd[s]!, out);
    } finally {
      ex.setDocument(null);
    }
    if (out.length === 0) return out;
    const key = (a: number, b: number) => forms.slice(a, b).join(' ');
    const votes = new Map<string, Int32Array>();
    const vote = (k: string, type: number, w: number) => {
      let v = votes.get(k);
      if (!v) votes.set(k, (v = new Int32Array(ENTITY_TYPES.length)));
      v[type] += w;
    };
    for (const n of out) {
      vote(key(n.start, n.end), n.type, 2);
      // A person's surname alone refers to the person.
      if (n.type === PERSON && n.end - n.start >= 2 && UPPER_INITIAL.test(forms[n.end - 1]!) && forms[n.end - 1]!.length > 1) vote(forms[n.end - 1]!, PERSON, 1);
    }
    const majority = (k: string): number => {
      const v = votes.get(k);
      if (!v) return -1;
      let best = 0;
      for (let t = 1; t < v.length; t++) if (v[t]! > v[best]!) best = t;
      return best;
    };
    const covered = new Uint8Array(forms.length);
    for (const n of out) {
      for (let i = n.start; i < n.end; i++) covered[i] = 1;
      const m = majority(key(n.start, n.end));
      if (m >= 0 && m !== n.type) n.type = m;
    }
    for (let s = 0; s < sentences; s++) {
      const from = sentStart[s]!, to = sentEnd[s]!;
      for (let i = from; i < to; i++) {
        if (covered[i] || !UPPER_INITIAL.test(forms[i]!)) continue;
        for (let e = Math.min(to, i + MAX_NAME_TOKENS); e > i; e--) {
          let free = true;
          for (let j = i; j < e; j++) if (covered[j]) { free = false; break; }
          if (!free) continue;
          let type = majority(key(i, e));
          // A sentence capitalizes a name written in lower case elsewhere: "Al-Qaddoumi said" after "al-Qaddoumi".
          if (type < 0 && i === from && /^\p{Lu}\p{Ll}*-/u.test(forms[i]!)) type = majority(forms[i]![0]!.toLowerCase() + key(i, e).slice(1));
          if (type < 0) continue;
          // Do not run into a following capitalized word: "Brahms Prize" is not "Brahms".
          // A regnal number is not a name of its own: "Norton I" is "Norton".
          if (e < to && UPPER_INITIAL.test(forms[e]!) && !covered[e] && forms[e] !== 'I') break;
          const titles = type === PERSON ? this.rules.titlesBefore(forms, i, from) : [];
          out.push({ start: i, end: e, type, titles });
          for (let j = i; j < e; j++) covered[j] = 1;
          i = e - 1;
          break;
        }
      }
    }
    out.sort((a, b) => a.start - b.start);
    return out;
  }
}
