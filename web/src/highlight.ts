// Splits a text into segments at every annotation boundary, so overlapping highlights can be drawn as flat spans.

export interface Annotation {
  id: string;
  layer: 'statement' | 'cue' | 'speaker' | 'quantity' | 'time' | 'place';
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** The annotations covering this segment, innermost (shortest) first. */
  covering: Annotation[];
}

export function segments(textLength: number, annotations: readonly Annotation[]): Segment[] {
  const valid = annotations.filter((a) => a.start >= 0 && a.end <= textLength && a.start < a.end);
  const cuts = new Set<number>([0, textLength]);
  for (const a of valid) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let open: Annotation[] = [];
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!, e = points[i + 1]!;
    open = open.filter((a) => a.end > s);
    while (k < byStart.length && byStart[k]!.start <= s) {
      if (byStart[k]!.end > s) open.push(byStart[k]!);
      k++;
    }
    out.push({ start: s, end: e, covering: [...open].sort((a, b) => a.end - a.start - (b.end - b.start)) });
  }
  return out;
}

/** A stable, readable colour per speaker, from a small palette that keeps dark text legible. */
const PALETTE = ['#ffe08a', '#b8e1ff', '#c9f2c7', '#ffc9de', '#e3d1ff', '#ffd8b0', '#c4f0ec', '#f0e6a8', '#d8e2ff', '#f5c6c6'];

export function speakerColours(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) if (!out.has(n)) out.set(n, PALETTE[out.size % PALETTE.length]!);
  return out;
}
