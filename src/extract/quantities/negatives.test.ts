// Numbers that are not quantities: dates, years, times of day, durations, ordinals, names, scores, phone numbers, idioms.

import { describe, expect, it } from 'vitest';
import { findQuantities } from './index.js';

const texts = (text: string) => findQuantities(text).map((q) => text.slice(q.start, q.end));

describe('quantities: negative cases that must not match', () => {
  it.each([
    // dates and years
    ['date 2021-05-26 Officials met in Cairo.'],
    ['The talks were held on May 21 in Doha.'],
    ['The fires began on 3 February in the hills.'],
    ['It opened on February 3, 2024, in the capital.'],
    ['The law was passed in 2010.'],
    ['The 2023 Pan American Games ended.'],
    ['The letter is dated 8/1/2017.'],
    ['Prices rose sharply in the 1990s.'],
    // times of day
    ['The blast happened at 2:00am on Friday.'],
    ['Attacks occurred between 8.20 p.m. and 10.30 p.m.'],
    ['At about 2020hrs the bombers struck.'],
    ['The curfew starts at 10pm.'],
    ['Shelling began at 23:00 GMT.'],
    // durations
    ['The siege lasted 12 days.'],
    ['Rain fell over the past 24 hours.'],
    ['Protests have gone on for more than two months.'],
    ['The 33-day war ended in August.'],
    ['He spent three years in prison.'],
    // ordinals
    ['It was the first attack of the week.'],
    ['She finished 2nd in the race.'],
    ['It was the second-largest march.'],
    ['A third attack followed.'],
    // numbers inside names
    ['The council passed Resolution 242 unanimously.'],
    ['The airline grounded every Boeing 737 it owns.'],
    ['Cases of COVID-19 rose.'],
    ['Leaders of the G7 met.'],
    ['Traffic stopped on Highway 1.'],
    ['Article 5 of the treaty applies.'],
    ['Officers found two Ak47s.'.replace('two ', '')],
    ['The F-16 crashed near the base.'],
    ['He lives at 10 Downing Street.'],
    // scores, phone numbers, list markers
    ['Sweden beat Korea 1-0 in the opener.'],
    ['Belgium 3 – 0 Panama was the score.'],
    ['Call +44 20 7946 0958 for details.'],
    // idioms with "one" and pronoun uses of numbers
    ['No one was hurt in the fire.'],
    ['They blamed one another for the crash.'],
    ['One day the rain stopped.'],
    ['It is one of the most dangerous roads.'],
    ['How did you two meet?'],
    ['One resident said the strike shook the house.'],
    ['The party won a third term.'],
    ['Formula One returned to Bahrain.'],
  ])('%s', (text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe('quantities: more negatives from news copy', () => {
  it.each([
    ['The attack happened around 3 a.m. and police arrived within 48 hours.'],
    ['The president began a two-day visit.'],
    ['The rebels of the M23 group shot down an Su-25 near Goma.'],
    ['Residents marked the anniversary of 9/11 and his 70th birthday.'],
    ['Sales rose in the first half of the year.'],
    ['Call (713) 853-3242 for tickets.'],
    ['The vote is set for Feb. 3 in the capital.'],
    ['The bill is known as No. 2 in the list.'],
    ['The forms must be returned within twenty working days.'],
  ])('%s', (text) => {
    expect(texts(text)).toEqual([]);
  });
});
