// Character spans into a document's text: JS string indices, end exclusive.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid span [${start}, ${end})`);
  }
  return { start, end };
}

export const spanText = (text: string, s: Span): string => text.slice(s.start, s.end);
export const spanLength = (s: Span): number => s.end - s.start;
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** Sorts spans by start, longer first on ties: the order every layer is emitted in. */
export function bySpan<T extends Span>(a: T, b: T): number {
  return a.start - b.start || b.end - a.end;
}

/** Shrinks a span so it neither starts nor ends with white space. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
