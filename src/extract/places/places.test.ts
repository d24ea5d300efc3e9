// Behaviour of the places layer on short sentences: what is a place, what is not, and where it resolves.

import { describe, expect, it } from 'vitest';
import { findPlaces } from './index.js';
import type { NameMention } from '../../core/index.js';

/** The places in a text as "surface=name/CC" strings, in text order. */
function places(text: string, options: Parameters<typeof findPlaces>[1] = {}): string[] {
  return findPlaces(text, options).map((p) => `${text.slice(p.start, p.end)}=${p.name}/${p.country}`);
}
const one = (text: string, surface: string, options: Parameters<typeof findPlaces>[1] = {}) => {
  const hit = findPlaces(text, options).find((p) => text.slice(p.start, p.end) === surface);
  if (!hit) throw new Error(`no place "${surface}" in: ${text}`);
  return hit;
};

describe('places: what counts as a place mention', () => {
  it('finds countries and cities by name', () => {
    expect(places('Israel said 12 people were killed by rockets fired from Gaza.')).toEqual(['Israel=Israel/IL', 'Gaza=Gaza/PS']);
  });

  it('keeps possessives and modifiers, with the possessive outside the span', () => {
    expect(places("Iran's foreign minister arrived.")).toEqual(['Iran=Iran/IR']);
    expect(places('The Gaza truce held as US President Joe Biden spoke.')).toEqual(['Gaza=Gaza/PS', 'US=United States/US']);
    expect(places('US Defense Secretary Lloyd Austin flew in.')).toEqual(['US=United States/US']);
  });

  it('takes place names inside hyphenated modifiers', () => {
    const t = 'The Russia-Ukraine war reached the Ukraine-held city of Zaporizhzhia.';
    expect(findPlaces(t).map((p) => `${t.slice(p.start, p.end)}/${p.country}`)).toEqual(['Russia/RU', 'Ukraine/UA', 'Ukraine/UA', 'Zaporizhzhia/UA']);
  });

  it('does not take demonyms or adjectives for places', () => {
    expect(places('Israeli and Iranian officials met; a Saudi-led coalition and Palestinian groups were there.')).toEqual([]);
  });

  it('does not take a toponym inside an organization, newspaper or event name', () => {
    expect(places('The Israel Defense Forces said so, the Dhaka Tribune reported.')).toEqual([]);
    expect(places('The Vina del Mar Festival cancelled its gala.')).toEqual([]);
    expect(places('He spoke to the New York Times.')).toEqual([]);
  });

  it('keeps a place that ends a media name ("Press TV Iran")', () => {
    expect(places('Press TV Iran reported the strike.')).toEqual(['Iran=Iran/IR']);
  });

  it('ignores common words and names that are only capitalized at a sentence start', () => {
    expect(places('Reading the report, she said it was nice. Police arrived. Same as before. Mobile phones rang.')).toEqual([]);
    expect(places('Bomb blast in the market. Many were hurt.')).toEqual([]);
  });

  it('does not take person names for places', () => {
    expect(places('Victoria Beckham and Paris Hilton arrived.')).toEqual([]);
    expect(places('Gabriel Montalvo was arrested. Montalvo denied it.')).toEqual([]);
  });

  it('tags metonymy as the place', () => {
    expect(places('Tel Aviv saw the continuation of the war as a scandal.')).toEqual(['Tel Aviv=Tel Aviv/IL']);
  });

  it('takes the longest name and multi-word aliases as one span', () => {
    expect(places('Rockets were fired from the Gaza Strip at Jerusalem al-Quds.')).toEqual(['Gaza Strip=Gaza Strip/PS', 'Jerusalem al-Quds=Jerusalem/IL']);
    expect(places('He lives in the occupied Palestinian territories.')).toEqual(['occupied Palestinian territories=Palestinian territories/PS']);
  });

  it('knows country aliases news uses', () => {
    expect(places('Officials in the U.S., the UK and Britain agreed.')).toEqual(['U.S.=United States/US', 'UK=United Kingdom/GB', 'Britain=United Kingdom/GB']);
  });

  it('ignores all-caps acronyms that are not prominent places', () => {
    expect(places('IMF and EPA officials met NDMA staff.')).toEqual([]);
  });
});

describe('places: curated landmarks and names known from context', () => {
  it('finds facilities, holy sites and neighbourhoods from the landmark list', () => {
    const t = 'Worshippers at al-Aqsa Mosque and residents of the Sheikh Jarrah neighborhood; rockets hit Hatzerim airbase.';
    expect(places(t)).toEqual(['al-Aqsa Mosque=Al-Aqsa Mosque/PS', 'Sheikh Jarrah=Sheikh Jarrah/PS', 'Hatzerim airbase=Hatzerim Airbase/IL']);
  });

  it('places an unknown name followed by a designator at the nearest known place', () => {
    const p = one('Bombers tried to enter Maiduguri via Garki Muna village near a checkpoint.', 'Garki Muna');
    expect(p.country).toBe('NG');
    expect(p.lat).toBeCloseTo(11.85, 1);
    expect(p.kind).toBe('locality');
  });

  it('takes an unknown name listed with a known town', () => {
    const t = 'The fires hit Viña del Mar. Two other towns, Quilpé and Villa Alemana, were also hit.';
    expect(one(t, 'Quilpé').country).toBe('CL');
  });

  it('needs a designator or the country for a common-word neighbourhood ("Central")', () => {
    expect(places('Central banks raised rates.')).toEqual([]);
    expect(places('In Hong Kong, protesters marched to the Central district.')).toEqual(['Hong Kong=Hong Kong/HK', 'Central district=Central/HK']);
  });
});

describe('places: disambiguation', () => {
  it('prefers the populous reading, and a qualifier overrides it ("Paris, Texas")', () => {
    expect(one('She moved to Paris last year.', 'Paris').country).toBe('FR');
    expect(one('She moved to Paris, Texas, last year.', 'Paris').country).toBe('US');
  });

  it('uses the focus country for ambiguous regions', () => {
    expect(one('Floods swept Pakistan. Sindh and Punjab were hit, Pakistan said.', 'Punjab').country).toBe('PK');
    expect(one('Farmers in India protested. Amritsar and the rest of Punjab were shut.', 'Punjab').country).toBe('IN');
  });

  it('reads "the state of New York" as the state and "New York" alone as the city', () => {
    expect(one('Jews in the U.S. state of New York oppose it.', 'New York').kind).toBe('region');
    expect(one('He flew to New York on Monday.', 'New York').kind).toBe('city');
  });

  it('resolves an all-caps dateline', () => {
    const t = 'TEHRAN - Hamas has said the Palestinians were victorious.';
    const p = one(t, 'TEHRAN', { dateline: { start: 0, end: 6 } });
    expect(p.name).toBe('Tehran');
    expect(p.country).toBe('IR');
  });

  it('reads a name as a region of the focus country when nothing else points at the same-named country', () => {
    expect(one('Voters in Atlanta and Savannah went to the polls as Georgia, Texas and Florida counted.', 'Georgia').country).toBe('US');
    expect(one("Georgia's parliament in Tbilisi passed the law, angering Russia.", 'Georgia').country).toBe('GE');
  });

  it('resolves classic datelines', () => {
    const t = 'GAZA CITY, May 21 (Reuters) - Air strikes hit the Gaza Strip.';
    expect(places(t, { dateline: { start: 0, end: 9 } })).toEqual(['GAZA CITY=Gaza/PS', 'Gaza Strip=Gaza Strip/PS']);
    expect(places('WASHINGTON (AP) — The Senate voted.', { dateline: { start: 0, end: 10 } })).toEqual(['WASHINGTON=Washington/US']);
  });

  it('drops a small foreign town the rest of the story does not support', () => {
    expect(places('Take Obama: his security advisor disagreed.')).toEqual([]);
  });

  it('matches spellings without diacritics and alternate spellings', () => {
    expect(one('Fires burned in Vina del Mar.', 'Vina del Mar').name).toBe('Viña del Mar');
    expect(one("Strikes hit Sana'a again.", "Sana'a").name).toBe('Sanaa');
  });

  it('gives every place a point, a kind and a provenance', () => {
    const [p] = findPlaces('Egypt raised rates.');
    expect(p).toMatchObject({ name: 'Egypt', country: 'EG', kind: 'country', provenance: { stage: 'places.v1' } });
    expect(Math.abs(p!.lat)).toBeLessThanOrEqual(90);
  });
});

describe('places: NER agreement', () => {
  const mention = (text: string, surface: string, type: NameMention['type']): NameMention => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, type, tokenStart: 0, tokenEnd: 0, titles: [], provenance: { stage: 'test' } };
  };

  it('drops a toponym the NER puts inside a longer organization name', () => {
    const t = 'The Kabul Bank Group said so.';
    expect(places(t, { names: [mention(t, 'Kabul Bank Group', 'organization')] })).toEqual([]);
  });

  it('keeps a gazetteer place when a lone NER person label is the only evidence against it', () => {
    const t = 'Strikes hit the suburbs of Irpin, Hostomel and Bucha.';
    expect(places(t, { names: [mention(t, 'Hostomel', 'person')] })).toEqual(['Irpin=Irpin/UA', 'Hostomel=Hostomel/UA', 'Bucha=Bucha/UA']);
  });

  it('keeps a place followed by a lower-case noun even when the NER calls the phrase an organization', () => {
    const t = 'The Hong Kong police approved the rally.';
    expect(places(t, { names: [mention(t, 'Hong Kong police', 'organization')] })).toEqual(['Hong Kong=Hong Kong/HK']);
  });
});
