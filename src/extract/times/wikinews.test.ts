// The times layer on Wikinews reports (CC BY 2.5, Wikinews: "At least 107 killed in Mecca crane collapse", 2015-09-12,
// and "New faces emerge as veteran politicians step down in Hong Kong legislative election", 2016-09-09).

import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/index.js';
import { timesStage, type TimeLayers } from './index.js';

function times(text: string): [string, string][] {
  const doc = documentFromText(text);
  return timesStage.run(doc, { names: [] } as unknown as TimeLayers).times.map((t) => [text.slice(t.start, t.end), t.value]);
}

describe('Wikinews reports', () => {
  it('the Mecca crane collapse: header, dateline date, a year, and yesterday', () => {
    const text = " date 2015-09-12 At least 107 killed in Mecca crane collapse\nSaturday, September 12, 2015\n" +
      "pilgrims at Mecca's Grand Mosque in 2008.\nA storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority.\n" +
      'The accident, which occurred yesterday afternoon, was caused by strong winds and heavy rain that led the crane to fall.';
    expect(times(text)).toEqual([
      ['2015-09-12', '2015-09-12'], ['Saturday, September 12, 2015', '2015-09-12'], ['in 2008', '2008'],
      ['yesterday', '2015-09-11'], ['yesterday afternoon', '2015-09-11'],
    ]);
  });
  it('the Hong Kong election: a clock time takes the day of the vote, "the next day" the day after it', () => {
    const text = ' date 2016-09-09 New faces emerge as veteran politicians step down in Hong Kong legislative election\nFriday, September 9, 2016\n' +
      'The Hong Kong legislative election was held on Sunday, with a record-breaking turnout of around 2 million voters and turnout rate of 58%.\n' +
      'At a polling station in Taikoo of the Hong Kong Island constituency, after the polls closed at 22:30, with the long queues outside the station the last ballot there was cast at 2:30 the next day, four hours after the last person was allowed to join the queue.';
    expect(times(text).slice(2)).toEqual([
      ['on Sunday', '2016-09-04'], ['at 22:30', '2016-09-04T22:30'], ['at 2:30 the next day', '2016-09-05T02:30'], ['four hours', 'PT4H'],
    ]);
  });
});
