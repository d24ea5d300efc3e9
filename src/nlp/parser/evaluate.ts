// Scores a parser against gold trees: UAS and LAS over all tokens (CoNLL 2018 convention) and without punctuation.

import type { ParserModel } from './model.js';
import { buildTree, encodeSentence } from './features.js';
import type { TreebankSentence } from './train.js';

export interface ParserScores {
  tokens: number;
  /** All tokens counted, labels compared in full (`obl:tmod` must match `obl:tmod`). */
  uas: number;
  las: number;
  /** LAS comparing only the universal part of the label (`obl:tmod` ~ `obl`), as conll18_ud_eval does. */
  lasUniversal: number;
  /** Punctuation (gold `punct`) left out. */
  uasNoPunct: number;
  lasNoPunct: number;
  /** Per gold label: count, head correct, head+label correct. */
  byLabel: Map<string, { count: number; head: number; both: number; predicted: number; predictedRight: number }>;
  /** Wall-clock speed of the parse calls. */
  tokensPerSecond: number;
  /** Speed by this process's CPU time: fairer on a machine shared with other jobs. */
  tokensPerCpuSecond: number;
}

/** `speedPasses` > 1 parses the set that many times and keeps the fastest pass (less noise on a shared machine). */
export function evaluateParser(model: ParserModel, gold: readonly TreebankSentence[], tagsOf?: (s: TreebankSentence) => string[], speedPasses = 1): ParserScores {
  let tokens = 0, uh = 0, lh = 0, lu = 0, np = 0, uhp = 0, lhp = 0;
  const byLabel: ParserScores['byLabel'] = new Map();
  const entry = (l: string) => {
    let e = byLabel.get(l);
    if (!e) byLabel.set(l, (e = { count: 0, head: 0, both: 0, predicted: 0, predictedRight: 0 }));
    return e;
  };
  const inputs = gold.map((s) => (tagsOf ? tagsOf(s) : s.tags));
  let parses: ReturnType<ParserModel['parse']>[] = [];
  let seconds = Infinity, cpuSeconds = Infinity;
  for (let pass = 0; pass < Math.max(1, speedPasses); pass++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    parses = gold.map((s, i) => model.parse(s.forms, inputs[i]!));
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    const cpu = process.cpuUsage(c0);
    cpuSeconds = Math.min(cpuSeconds, (cpu.user + cpu.system) / 1e6);
  }
  gold.forEach((s, si) => {
    const p = parses[si]!;
    for (let i = 0; i < s.forms.length; i++) {
      const g = s.deprel[i]!;
      const pl = model.labels[p.label[i]!]!;
      const headOk = p.head[i] === s.head[i];
      const labelOk = pl === g;
      const univOk = pl.split(':')[0] === g.split(':')[0];
      tokens++;
      if (headOk) uh++;
      if (headOk && labelOk) lh++;
      if (headOk && univOk) lu++;
      if (g !== 'punct') {
        np++;
        if (headOk) uhp++;
        if (headOk && labelOk) lhp++;
      }
      const e = entry(g);
      e.count++;
      if (headOk) e.head++;
      if (headOk && labelOk) e.both++;
      const pe = entry(pl);
      pe.predicted++;
      if (headOk && labelOk) pe.predictedRight++;
    }
  });
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  return {
    tokens, uas: pct(uh, tokens), las: pct(lh, tokens), lasUniversal: pct(lu, tokens),
    uasNoPunct: pct(uhp, np), lasNoPunct: pct(lhp, np), byLabel, tokensPerSecond: tokens / seconds, tokensPerCpuSecond: tokens / cpuSeconds,
  };
}

/** Label accuracy on gold trees (labeller alone, gold heads given). */
export function evaluateLabeller(model: ParserModel, gold: readonly TreebankSentence[]): number {
  let right = 0, all = 0;
  for (const s of gold) {
    const n = s.forms.length;
    if (s.head.filter((h) => h < 0).length !== 1) continue;
    const sn = encodeSentence(s.forms, s.tags.map((t) => model.tagId(t)), model.vocabulary);
    const tv = buildTree(Int32Array.from(s.head, (h) => (h < 0 ? n : h)), n);
    const out = new Int32Array(n);
    model.labelTree(sn, tv, out);
    for (let i = 0; i < n; i++) { all++; if (model.labels[out[i]!] === s.deprel[i]) right++; }
  }
  return (100 * right) / all;
}
