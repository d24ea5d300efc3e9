// The times layer, behaviour by behaviour, on short sentences written for these tests.

import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/index.js';
import { findTimes, timesStage, type TimeLayers } from './index.js';

/** The mentions of a text as `[span text, value]` pairs. */
function times(text: string, published: string | null = '2021-05-26'): [string, string][] {
  return findTimes(text, published ?? undefined).map((t) => [text.slice(t.start, t.end), t.value]);
}
const one = (text: string, published?: string): [string, string] => {
  const all = times(text, published);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('the date header', () => {
  it('is itself a time mention, spanning the date in the header', () => {
    const text = ' date 2021-05-26 TEHRAN - Hamas said it had won.';
    const doc = documentFromText(text);
    const { times: out } = timesStage.run(doc, { names: [] } as unknown as TimeLayers);
    expect(out.map((t) => [text.slice(t.start, t.end), t.value, t.provenance.rule])).toEqual([['2021-05-26', '2021-05-26', 'header']]);
  });
});

describe('weekdays (published Wednesday 2021-05-26)', () => {
  it('in a past-tense report are the most recent such day, with the preposition in the span', () => {
    expect(one('In an interview on Monday, he said the rockets were a response.')).toEqual(['on Monday', '2021-05-24']);
  });
  it('on the publication weekday itself are that day', () => {
    expect(one('The ministry said on Wednesday that talks had failed.')).toEqual(['on Wednesday', '2021-05-26']);
  });
  it('in a sentence about the future are the next such day', () => {
    expect(one('The leaders will meet on Saturday.')).toEqual(['on Saturday', '2021-05-29']);
    expect(one('The vote is scheduled for Friday.')).toEqual(['for Friday', '2021-05-28']);
    expect(one('The summit is due to open on Monday.')).toEqual(['on Monday', '2021-05-31']);
  });
  it('follow an explicit "next" or "last" over the tense', () => {
    expect(one('He said they met next Friday.')).toEqual(['next Friday', '2021-05-28']);
    expect(one('They will discuss what happened last Friday.')).toEqual(['last Friday', '2021-05-21']);
    expect(one('They met last Wednesday.')).toEqual(['last Wednesday', '2021-05-19']);
  });
  it('keep the part of the day in the span but not in the value', () => {
    expect(one('The bombers struck late on Sunday.', '2017-01-09')).toEqual(['late on Sunday', '2017-01-08']);
    expect(one('Police said on Monday morning that two people died.', '2017-01-09')).toEqual(['on Monday morning', '2017-01-09']);
  });
  it('are not dates when generic ("on a Monday")', () => {
    expect(times('Headlines are chosen on a Monday.')).toEqual([]);
  });
});

describe('days and periods relative to the publication date', () => {
  it('yesterday, today, tomorrow', () => {
    expect(times('Yesterday it rained; today it is dry and tomorrow it will snow.')).toEqual([
      ['Yesterday', '2021-05-25'], ['today', '2021-05-26'], ['tomorrow', '2021-05-27'],
    ]);
  });
  it('last week is the previous ISO week; last month and last year their calendar units', () => {
    expect(times('Prices rose last week, fell last month and peaked last year.')).toEqual([
      ['last week', '2021-W20'], ['last month', '2021-04'], ['last year', '2020'],
    ]);
  });
  it('this week and earlier this month', () => {
    expect(times('The talks began this week after a truce earlier this month.')).toEqual([
      ['this week', '2021-W21'], ['earlier this month', '2021-05'],
    ]);
  });
  it('part of the current period is valued as the period', () => {
    expect(one('The plant will close by the end of the year.')).toEqual(['by the end of the year', '2021']);
  });
  it('counted shifts back from publication ("two days ago") keep the unit as precision', () => {
    expect(one('The convoy left two days ago.')).toEqual(['two days ago', '2021-05-24']);
    expect(one('He was elected four years ago.')).toEqual(['four years ago', '2017']);
  });
  it('shifts from the time last mentioned ("the day before", "four years later")', () => {
    expect(times('Shelling hit the city on Tuesday. The day before, a convoy had left.', '2022-03-15')).toEqual([['on Tuesday', '2022-03-15'], ['The day before', '2022-03-14']]);
    expect(times('The strike came a day after talks failed.', '2022-03-15')).toEqual([]);
    expect(times('He lost in 2018. Four years later he won.')).toEqual([['in 2018', '2018'], ['Four years later', '2022']]);
  });
});

describe('months and years', () => {
  it('a bare month after a preposition is the most recent such month in a report', () => {
    expect(one('Protests began in June.', '2019-08-18')).toEqual(['in June', '2019-06']);
    expect(one('The bank has raised rates since March.', '2022-10-27')).toEqual(['since March', '2022-03']);
  });
  it('a bare month in a sentence about the future is the next such month', () => {
    expect(one('Inflation is expected to ease by December.', '2022-10-27')).toEqual(['by December', '2022-12']);
  });
  it('a month or date with its year given as "last year" / "this year"', () => {
    expect(one('Talks collapsed in October last year.')).toEqual(['in October last year', '2020-10']);
    expect(one('He was arrested on May 3 this year.')).toEqual(['on May 3 this year', '2021-05-03']);
  });
  it('month and year, and month modifiers', () => {
    expect(one('He has been held since June 2007.')).toEqual(['since June 2007', '2007-06']);
    expect(one('Fighting resumed in mid-May.')).toEqual(['in mid-May', '2021-05']);
  });
  it('written dates with and without a year', () => {
    expect(times('It was signed on 21 May 2021 and ratified May 24.')).toEqual([['on 21 May 2021', '2021-05-21'], ['May 24', '2021-05-24']]);
    expect(one('The runoff will be held on October 30.', '2022-10-02')).toEqual(['on October 30', '2022-10-30']);
  });
  it('a day and month far on the tense side yields to a near one on the other side', () => {
    expect(one('NASA announced that its last shuttle flight, with six crew aboard, launches June 28.', '2011-04-13')).toEqual(['June 28', '2011-06-28']);
    // ...but the date's own verb is trusted outright.
    expect(one('Shares rose Sept. 11.', '2021-05-26')).toEqual(['Sept. 11', '2020-09-11']);
  });
  it('bare years with a preposition or a modifier', () => {
    expect(times('Hezbollah fought Israel in 2006 and again in late 2014.')).toEqual([['in 2006', '2006'], ['in late 2014', '2014']]);
  });
  it('years with "mid-" and in ranges', () => {
    expect(times('Growth slowed from mid-2015 and during 2019-2020.')).toEqual([['from mid-2015', '2015'], ['during 2019', '2019'], ['2020', '2020']]);
  });
  it('a weekday restated as a date takes the date', () => {
    expect(one('A storm hit on Sunday night (March 4).', '2007-03-05')).toEqual(['on Sunday night (March 4)', '2007-03-04']);
  });
  it('bare years that modify a noun', () => {
    expect(one('Bolsonaro won the 2018 election.', '2022-10-02')).toEqual(['2018', '2018']);
  });
  it('quarters', () => {
    expect(one('Profit rose in the third quarter.')).toEqual(['in the third quarter', '2020-Q3']);
    expect(one('Sales fell in the first quarter of 2021.')).toEqual(['in the first quarter of 2021', '2021-Q1']);
  });
  it('decades and centuries', () => {
    expect(one('The strikes of the 1930s were large.')).toEqual(['the 1930s', '193']);
    expect(one('It was built in the 19th century.')).toEqual(['in the 19th century', '18']);
  });
  it('numeric dates read day-month or month-day, whichever is nearer the publication date', () => {
    expect(one('The attack came on 8/1/2017.', '2017-01-09')).toEqual(['on 8/1/2017', '2017-01-08']);
    expect(one('The attack came on 8/1/2017.', '2017-08-03')).toEqual(['on 8/1/2017', '2017-08-01']);
  });
});

describe('times of day', () => {
  it('with a zone are UTC instants', () => {
    expect(one('The polls closed at 23:00 GMT on Thursday.')).toEqual(['at 23:00 GMT on Thursday', '2021-05-20T23:00Z']);
    expect(one('The blast came at 10:30 EST on Monday.')).toEqual(['at 10:30 EST on Monday', '2021-05-24T15:30Z']);
    expect(one('The quake struck at 14:00 UTC+3 on Monday.')[1]).toBe('2021-05-24T11:00Z');
  });
  it('without a zone are local date-times on the day they are said to be', () => {
    expect(one('The truce began at 2:00am on Friday.')).toEqual(['at 2:00am on Friday', '2021-05-21T02:00']);
  });
  it('a local time restated with a zone is one mention valued as the instant', () => {
    const text = 'The truce took effect at 2:00am on Friday (23:00 GMT on Thursday).';
    expect(one(text)).toEqual(['at 2:00am on Friday (23:00 GMT on Thursday)', '2021-05-20T23:00Z']);
    expect(one('Voting ended at 8pm local time (17:00 GMT) on Sunday.')[1]).toBe('2021-05-23T17:00Z');
  });
  it('a time alone takes the day of the events last talked about, not the day of the report', () => {
    const text = 'Bombers struck on Sunday. Police said in a statement on Monday that the attacks came between 8.20 p.m. and 10.30 p.m.';
    expect(times(text, '2017-01-09').slice(-2)).toEqual([['8.20 p.m.', '2017-01-08T20:20'], ['10.30 p.m.', '2017-01-08T22:30']]);
  });
  it('four-digit clock times of police statements, restated in parentheses', () => {
    const text = 'At about 2020hrs (10.20pm) of yesterday 8/1/2017, three men attacked. Then about 2230hrs same date, two more came.';
    expect(times(text, '2017-01-09')).toEqual([
      ['2020hrs (10.20pm) of yesterday 8/1/2017', '2017-01-08T20:20'], ['2230hrs same date', '2017-01-08T22:30'],
    ]);
  });
  it('noon and midnight join the day next to them', () => {
    expect(one('The meeting starts at noon on Friday.')).toEqual(['at noon on Friday', '2021-05-28T12:00']);
  });
  it('a written date with a clock time', () => {
    expect(one('Posted 07 February, 2024, 10:56 am by the agency.', '2024-02-07')).toEqual(['07 February, 2024, 10:56 am', '2024-02-07T10:56']);
  });
});

describe('durations', () => {
  it('counted units with their preposition', () => {
    expect(one('The war ended after 12 days of fighting.')).toEqual(['after 12 days', 'P12D']);
    expect(one('He stayed for three weeks.')).toEqual(['for three weeks', 'P3W']);
    expect(one('Talks lasted 48 hours.')).toEqual(['48 hours', 'PT48H']);
    expect(one('The fund will run out within a month.')).toEqual(['within a month', 'P1M']);
    expect(one('More rain fell in the past 24 hours.')[1]).toBe('PT24H');
    expect(one('The siege has lasted for more than two weeks.')).toEqual(['for more than two weeks', 'P2W']);
  });
  it('halves and one unit named with "the past"', () => {
    expect(one('He served two and a half years.')).toEqual(['two and a half years', 'P2.5Y']);
    expect(one('Sales doubled over the past year.')).toEqual(['over the past year', 'P1Y']);
  });
  it('compound adjectives', () => {
    expect(one('He recalled the 33-day war.')).toEqual(['33-day', 'P33D']);
    expect(one('She began a two-year term.')).toEqual(['two-year', 'P2Y']);
  });
});

describe('without a publication date', () => {
  it('keeps absolute values and skips relative ones', () => {
    expect(times('On Monday, after the vote of 21 May 2021, he resigned; in 2006 he had won; yesterday he left.', null)).toEqual([
      ['21 May 2021', '2021-05-21'], ['in 2006', '2006'],
    ]);
  });
});

describe('the stage', () => {
  it('is versioned, records the rule, and marks stated components as certain', () => {
    const [t] = findTimes('They met on 21 May 2021.', '2021-05-26');
    expect(t!.provenance).toEqual({ stage: 'times.v1', rule: 'chrono' });
    expect(t!.certain).toEqual(expect.arrayContaining(['year', 'month', 'day']));
    expect(t!.type).toBe('date');
  });
});
