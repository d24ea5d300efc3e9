// The times layer's working shapes: a candidate found in the text, before and after it is resolved.

import type { Time } from '../../schema/index.js';

export type TimeType = Time['type'];
export type Direction = 'past' | 'future';
export type Precision = 'decade' | 'year' | 'quarter' | 'month' | 'week' | 'day' | 'minute';

/** A calendar point as stated: only the fields the text gives are set; the rest are resolved later. */
export interface Point {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** 1-4, for "the third quarter". */
  quarter?: number;
  /** Explicit direction from the expression itself ("last Friday", "next Friday", "since March"). */
  direction?: Direction;
  hour?: number;
  minute?: number;
  /** Minutes east of UTC when a zone or offset is stated. */
  offset?: number;
  precision: Precision;
  /** Other readings of an ambiguous numeric date (8/1/2017); the one nearest the publication date wins. */
  alternatives?: Array<{ year: number; month: number; day: number }>;
}

/** A shift from an anchor: the publication date ("two days ago") or the previous time ("the day before"). */
export interface Shift {
  from: 'published' | 'previous';
  amount: number;
  unit: 'D' | 'W' | 'M' | 'Q' | 'Y';
  precision: Precision;
}

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  point?: Point;
  shift?: Shift;
  /** Already final (durations, the header, periods computed from the publication date). */
  value?: string;
  type?: TimeType;
  certain: string[];
  /** For a zoned restatement ("2:00am on Friday (23:00 GMT)"): the local time it restates, which fixes its day. */
  local?: Candidate;
}

/** What resolution needs about the document. */
export interface TimeContext {
  text: string;
  /** Publication day (UTC midnight ms), when known. */
  published?: number;
  /** Tense direction at a character offset, or undefined when the sentence gives no cue (within `within` characters). */
  directionAt(offset: number, within?: number): Direction | undefined;
}
