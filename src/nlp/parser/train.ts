// Trains the parser: averaged perceptron over hashed features, arc-hybrid with a dynamic oracle and exploration.

import type { ConlluSentence } from '../conllu.js';
import { ArcHybridState, N_TRANSITIONS, RIGHT, SHIFT, projectivize } from './transition.js';
import {
  MAX_LABEL_FEATURES, MAX_TRANSITION_FEATURES, TAG_UNKNOWN,
  WORD_TAG_SALT, buildTree, encodeSentence, labelFeatures, mix, normalizeWord, transitionFeatures, wordValue, type EncodedSentence,
} from './features.js';
import { LABEL_SPREAD_ADJACENT, ParserModel, candidateKey, labelBucket } from './model.js';

/** A gold sentence: forms, PTB tags, heads (sentence-local, -1 for the root) and UD labels. */
export interface TreebankSentence {
  forms: string[];
  tags: string[];
  head: Int32Array;
  deprel: string[];
}

export function fromConllu(s: ConlluSentence): TreebankSentence {
  return {
    forms: s.tokens.map((t) => t.form),
    tags: s.tokens.map((t) => (t.xpos && t.xpos !== '_' ? t.xpos : t.upos)),
    head: Int32Array.from(s.tokens.map((t) => t.head - 1)),
    deprel: s.tokens.map((t) => t.deprel),
  };
}

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  transitionBits?: number;
  labelBits?: number;
  /** First epoch (0-based) from which the parser follows its own mistakes. */
  exploreFrom?: number;
  /** Probability of following the model's (possibly wrong) transition once exploring. */
  exploreProbability?: number;
  /** Labels seen fewer times fold into their universal part (obl:npmod -> obl). */
  minLabelCount?: number;
  /** Words seen fewer times fall into unknown-word classes. */
  minWordCount?: number;
  /** Train only the labeller (for quick experiments on label features). */
  labelsOnly?: boolean;
  /** A label joins the candidates of a (dependent tag, head tag, direction) only when seen this often with it. */
  minCandidateCount?: number;
  /**
   * The trained model keeps only candidates that make up at least this share of the arcs seen with their key
   * (training still scores all): the labeller then scores about 4 labels per arc instead of 11, at no cost on
   * EWT dev (0.005: LAS 85.10 vs 85.09).
   */
  minCandidateShare?: number;
  /** Probability of replacing a training tag by a plausible wrong one, so the parser tolerates tagger errors. */
  tagNoise?: number;
  /**
   * How a real tagger errs: counts of predicted tags per gold tag, measured on held-out text. When given,
   * training tags are corrupted at that tagger's rate and in its way (replaces `tagNoise`'s same-letter guess).
   */
  tagConfusion?: Record<string, Record<string, number>>;
  /**
   * With `tagConfusion`: the share of the tagger's error rate applied (default `tagNoise`, else 1). At 0.5 the
   * parser sees half its tagger's errors: better with gold tags than at 1, as good with predicted ones.
   */
  tagErrorScale?: number;
  /**
   * Word dropout: each epoch a word seen c times in training is read as an unknown word (its shape class) with
   * probability a / (a + c), so the unknown-word classes get trained (with every training word in the
   * vocabulary they never are otherwise). 0 (default) turns it off.
   */
  wordDropout?: number;
  /** Train with the extra transition templates (110-122, see transitionFeatures). */
  extraFeatures?: boolean;
  /** Train with the extra label templates (32-34, see labelFeatures). */
  extraLabelFeatures?: boolean;
  log?: (line: string) => void;
  /** Called after each epoch with the averaged model so far (for dev-set curves); costs one averaging pass. */
  afterEpoch?: (epoch: number, model: () => ParserModel) => void;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights with the running sums needed for averaging (Daumé's trick: avg = w - u / c). */
class AveragedWeights {
  readonly w: Float32Array;
  readonly u: Float64Array;
  c = 1;
  constructor(size: number) {
    this.w = new Float32Array(size);
    this.u = new Float64Array(size);
  }
  add(i: number, d: number): void {
    this.w[i]! += d;
    this.u[i]! += this.c * d;
  }
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / this.c;
    return out;
  }
}

interface Prepared {
  sn: EncodedSentence;
  /** Projectivized gold heads, ROOT = n. */
  gold: Int32Array;
  /** Original gold heads, ROOT = n, for the labeller. */
  goldHead: Int32Array;
  goldLabel: Int32Array;
  tagIds: Int32Array;
  forms: string[];
  /** Per word: its unknown-word class value and its dropout probability (word dropout only). */
  unknownWord?: Int32Array;
  dropout?: Float64Array;
  wordValues?: Int32Array;
}

export function labelInventory(data: readonly TreebankSentence[], minCount: number): { labels: string[]; map: (l: string) => string } {
  const counts = new Map<string, number>();
  for (const s of data) for (const l of s.deprel) counts.set(l, (counts.get(l) ?? 0) + 1);
  const map = (l: string) => ((counts.get(l) ?? 0) >= minCount || !l.includes(':') ? l : l.split(':')[0]!);
  const labels = [...new Set([...counts.keys()].map(map))].sort();
  return { labels, map };
}

export function trainParser(data: readonly TreebankSentence[], opts: TrainOptions = {}): ParserModel {
  const seed = opts.seed ?? 1;
  const epochs = opts.epochs ?? 12;
  const tBits = opts.transitionBits ?? 22;
  const lBits = opts.labelBits ?? 22;
  const exploreFrom = opts.exploreFrom ?? 1;
  const exploreP = opts.exploreProbability ?? 0.9;
  const tagNoise = opts.tagNoise ?? 0;
  const log = opts.log ?? (() => {});
  const random = rng(seed);

  // Vocabularies: tags by frequency, labels with rare subtypes folded.
  const tagCounts = new Map<string, number>();
  for (const s of data) for (const t of s.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const tags = [...tagCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  const { labels, map: mapLabel } = labelInventory(data, opts.minLabelCount ?? 20);
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const wordCounts = new Map<string, number>();
  for (const s of data) for (const f of s.forms) { const w = normalizeWord(f); wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1); }
  const minWord = opts.minWordCount ?? 1;
  const vocabulary = [...wordCounts].filter(([, c]) => c >= minWord).map(([w]) => w).sort();
  const vocabularySet = new Set(vocabulary);
  const tagId = new Map(tags.map((t, i) => [t, i + 3]));
  const wordDropout = opts.wordDropout ?? 0;

  const prepared: Prepared[] = [];
  const candidateSets = new Map<number, Map<number, number>>();
  for (const s of data) {
    const n = s.forms.length;
    if (n === 0) continue;
    const roots = s.head.reduce((a, h) => a + (h < 0 ? 1 : 0), 0);
    if (roots !== 1) continue; // The transition system builds single-rooted trees only.
    const tagIds = Int32Array.from(s.tags.map((t) => tagId.get(t) ?? TAG_UNKNOWN));
    const sn = encodeSentence(s.forms, tagIds, vocabularySet);
    const proj = projectivize(s.head);
    const gold = Int32Array.from(proj, (h) => (h < 0 ? n : h));
    const goldHead = Int32Array.from(s.head, (h) => (h < 0 ? n : h));
    const goldLabel = Int32Array.from(s.deprel, (l) => labelId.get(mapLabel(l))!);
    for (let d = 0; d < n; d++) {
      const h = goldHead[d]!;
      const key = candidateKey(tagIds[d]!, h === n ? 1 : tagIds[h]!, d < h ? 1 : 2);
      let counts = candidateSets.get(key);
      if (!counts) candidateSets.set(key, (counts = new Map()));
      counts.set(goldLabel[d]!, (counts.get(goldLabel[d]!) ?? 0) + 1);
    }
    const p: Prepared = { sn, gold, goldHead, goldLabel, tagIds, forms: s.forms };
    if (wordDropout > 0) {
      p.unknownWord = Int32Array.from(s.forms, (f) => wordValue(f, NO_WORDS));
      p.wordValues = sn.word.slice(0, n);
      p.dropout = Float64Array.from(s.forms, (f) => wordDropout / (wordDropout + (wordCounts.get(normalizeWord(f)) ?? 0)));
    }
    prepared.push(p);
  }
  // Tag corruption: per gold tag, the chance of a wrong tag and the wrong tags to draw from (repeated by weight).
  const errorRate = new Float64Array(tags.length + 3);
  const confusable: number[][] = tags.map(() => []);
  if (opts.tagConfusion) {
    tags.forEach((t, i) => {
      const row = opts.tagConfusion![t] ?? {};
      const total = Object.values(row).reduce((a, b) => a + b, 0);
      let wrong = 0;
      for (const [u, c] of Object.entries(row)) {
        if (u === t || !tagId.has(u)) continue;
        wrong += c;
        for (let r = 0; r < c; r++) confusable[i]!.push(tagId.get(u)!);
      }
      errorRate[i + 3] = total ? (wrong / total) * (opts.tagErrorScale ?? (opts.tagNoise || 1)) : 0;
    });
  } else if (tagNoise > 0) {
    tags.forEach((t, i) => {
      confusable[i] = tags.map((u, j) => [u, j + 3] as const).filter(([u]) => u !== t && u[0] === t[0]).map(([, j]) => j);
      errorRate[i + 3] = tagNoise;
    });
  }
  const corruptTags = errorRate.some((r) => r > 0);

  // With corrupted tags the labeller meets tag pairs never seen with the right label: add those pairs,
  // drawn the way the tagger errs, so the right label stays among the candidates.
  if (corruptTags) {
    const draw = rng(seed ^ 0x5bd1e995);
    for (let pass = 0; pass < 3; pass++) {
      for (const p of prepared) {
        const n = p.sn.n;
        const t = Int32Array.from(p.tagIds, (orig) => {
          const alt = orig >= 3 ? confusable[orig - 3]! : [];
          return alt.length && draw() < errorRate[orig]! ? alt[Math.floor(draw() * alt.length)]! : orig;
        });
        for (let d = 0; d < n; d++) {
          const h = p.goldHead[d]!;
          const key = candidateKey(t[d]!, h === n ? 1 : t[h]!, d < h ? 1 : 2);
          let counts = candidateSets.get(key);
          if (!counts) candidateSets.set(key, (counts = new Map()));
          counts.set(p.goldLabel[d]!, (counts.get(p.goldLabel[d]!) ?? 0) + 1);
        }
      }
    }
  }
  // Labels seen only once for a tag pair are mostly annotation noise; leaving them out also keeps labelling fast.
  const minCandidate = opts.minCandidateCount ?? 1;
  const candidates = new Map<number, Int32Array>();
  const prunedCandidates = new Map<number, Int32Array>();
  const minShare = opts.minCandidateShare ?? 0;
  for (const [k, counts] of candidateSets) {
    let total = 0;
    for (const c of counts.values()) total += c;
    const keep = (share: number) => {
      const kept = [...counts].filter(([, c]) => c >= minCandidate && c >= share * total).map(([l]) => l);
      return Int32Array.from((kept.length ? kept : [...counts.keys()]).sort((a, b) => a - b));
    };
    candidates.set(k, keep(0));
    prunedCandidates.set(k, minShare > 0 ? keep(minShare) : candidates.get(k)!);
  }
  log(`parser training: ${prepared.length} sentences, ${vocabulary.length} words, ${tags.length} tags, ${labels.length} labels, ${candidates.size} label-candidate keys`);


  const tW = new AveragedWeights((1 << tBits) * N_TRANSITIONS);
  const lW = new AveragedWeights(1 << lBits);
  const tMask = (1 << tBits) - 1, lMask = (1 << lBits) - 1;
  // A model object sharing the live (non-averaged) weights, used for scoring during training.
  const live = new ParserModel({
    tags, labels, vocabulary, transitionBits: tBits, labelBits: lBits,
    transitionWeights: tW.w, labelWeights: lW.w, candidates, extraFeatures: opts.extraFeatures ?? false, extraLabelFeatures: opts.extraLabelFeatures ?? false,
  });
  const st = new ArcHybridState();
  const feats = new Int32Array(Math.max(MAX_TRANSITION_FEATURES, MAX_LABEL_FEATURES) + 32);
  const scores = new Float64Array(N_TRANSITIONS);
  const costs = new Int32Array(N_TRANSITIONS);
  const order = prepared.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let decisions = 0, errors = 0, arcs = 0, labelErrors = 0;
    const explore = epoch >= exploreFrom;
    for (const idx of order) {
      const p = prepared[idx]!;
      const sn = p.sn;
      const n = sn.n;
      // Word dropout: some words read as unknown this epoch (restored after the sentence, with the tags).
      const dropped = p.dropout !== undefined && p.unknownWord !== undefined;
      if (dropped) {
        for (let d = 0; d < n; d++) {
          if (random() < p.dropout![d]!) { sn.word[d] = p.unknownWord![d]!; sn.wt[d] = mix(WORD_TAG_SALT, sn.word[d]!, sn.tag[d]!, 0); }
        }
      }
      // Tag noise: a fresh corruption each epoch, restored after the sentence.
      if (corruptTags) {
        for (let d = 0; d < n; d++) {
          const orig = p.tagIds[d]!;
          const alt = orig >= 3 ? confusable[orig - 3]! : [];
          const t = alt.length && random() < errorRate[orig]! ? alt[Math.floor(random() * alt.length)]! : orig;
          sn.tag[d] = t;
          sn.wt[d] = mix(WORD_TAG_SALT, sn.word[d]!, t, 0);
        }
      }
      // Transitions.
      st.reset(n);
      while (!st.terminal && !opts.labelsOnly) {
        // Forced moves (only one legal transition) teach nothing and are skipped at parse time too.
        if (st.sp === 1) { st.apply(SHIFT); continue; }
        if (st.b >= n) { st.apply(RIGHT); continue; }
        const k = transitionFeatures(st, sn, feats, opts.extraFeatures ?? false);
        live.scoreTransitions(feats, k, scores);
        let pred = -1, minCost = Infinity;
        for (let t = 0; t < N_TRANSITIONS; t++) {
          if (!st.isLegal(t)) { costs[t] = -1; continue; }
          const c = st.cost(t, p.gold);
          costs[t] = c;
          if (c < minCost) minCost = c;
          if (pred < 0 || scores[t]! > scores[pred]!) pred = t;
        }
        let next = pred;
        if (costs[pred] !== minCost) {
          let goldT = -1;
          for (let t = 0; t < N_TRANSITIONS; t++) {
            if (costs[t] === minCost && (goldT < 0 || scores[t]! > scores[goldT]!)) goldT = t;
          }
          for (let i = 0; i < k; i++) {
            const o = (feats[i]! & tMask) * N_TRANSITIONS;
            tW.add(o + goldT, 1);
            tW.add(o + pred, -1);
          }
          errors++;
          if (!(explore && random() < exploreP)) next = goldT;
        }
        tW.c++;
        decisions++;
        st.apply(next);
      }
      // Labels, on the gold tree, heads first (so the head's gold label is a feature).
      const tv = buildTree(p.goldHead, n);
      const queue = [n];
      for (let qi = 0; qi < queue.length; qi++) {
        const h = queue[qi]!;
        for (let i = tv.childStart[h]!; i < tv.childStart[h + 1]!; i++) queue.push(tv.child[i]!);
        if (h === n) continue;
        const k = labelFeatures(tv, sn, h, feats, opts.extraLabelFeatures ?? false);
        const cands = live.labelCandidates(sn, h, p.goldHead[h]!);
        const pred = live.bestLabel(feats, k, cands);
        const gl = p.goldLabel[h]!;
        if (pred !== gl) {
          for (let i = 0; i < k; i++) {
            lW.add(labelBucket(feats[i]!, gl, lMask, LABEL_SPREAD_ADJACENT), 1);
            lW.add(labelBucket(feats[i]!, pred, lMask, LABEL_SPREAD_ADJACENT), -1);
          }
          labelErrors++;
        }
        lW.c++;
        arcs++;
        tv.label[h] = gl;
      }
      if (dropped) sn.word.set(p.wordValues!.subarray(0, n));
      if (corruptTags || dropped) {
        sn.tag.set(p.tagIds.subarray(0, n));
        for (let d = 0; d < n; d++) sn.wt[d] = mix(WORD_TAG_SALT, sn.word[d]!, sn.tag[d]!, 0);
      }
    }
    log(`epoch ${epoch + 1}/${epochs}: ${decisions ? `transition errors ${(100 * errors / decisions).toFixed(2)}%, ` : ''}label errors ${(100 * labelErrors / arcs).toFixed(2)}%${explore ? ' (exploring)' : ''}`);
    opts.afterEpoch?.(epoch + 1, averagedModel);
  }
  return averagedModel();

  function averagedModel(): ParserModel {
    return new ParserModel({
      tags, labels, vocabulary, transitionBits: tBits, labelBits: lBits,
      transitionWeights: tW.averaged(), labelWeights: lW.averaged(), candidates: prunedCandidates, extraFeatures: opts.extraFeatures ?? false, extraLabelFeatures: opts.extraLabelFeatures ?? false,
      meta: {
        seed, epochs, sentences: prepared.length, tagNoise, wordDropout, minWordCount: minWord, tagConfusion: !!opts.tagConfusion, tagErrorScale: opts.tagErrorScale, minCandidateShare: minShare,
        transitionBits: tBits, labelBits: lBits, trained: 'arc-hybrid, dynamic oracle, averaged perceptron',
      },
    });
  }
}
