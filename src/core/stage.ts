// The stage contract and the pipeline that runs stages in order, checking what each requires.

import type { Document } from './document.js';
import { DatelineError, asProblem, type Problem } from './errors.js';

/** Layers are named slots; each stage reads some and adds others. (`object`, so interfaces qualify too.) */
export type LayerMap = object;

export interface Stage<Req extends LayerMap, Prod extends LayerMap> {
  /** Versioned name, recorded in provenance: `times.v1`. */
  readonly name: string;
  readonly requires: readonly (keyof Req & string)[];
  readonly produces: readonly (keyof Prod & string)[];
  /** Pure: reads the document and the layers it requires, returns the layers it produces. No I/O. */
  run(doc: Document, layers: Req): Prod;
  /** What to produce when `run` throws, so one bad document cannot sink a batch. */
  empty?(): Prod;
}

export type AnyStage = Stage<any, any>;

export interface Analysis<L extends LayerMap> {
  readonly doc: Document;
  readonly layers: L;
  /** Milliseconds spent in each stage, for benchmarks. */
  readonly timings: Record<string, number>;
}

/**
 * An ordered list of stages. `add` only compiles when the layers built so far
 * satisfy the stage's requirements; `check` repeats that at run time with a readable message.
 */
export class Pipeline<Have extends LayerMap = {}> {
  private constructor(readonly stages: readonly AnyStage[]) {}

  static empty(): Pipeline<{}> {
    return new Pipeline<{}>([]);
  }

  add<Req extends LayerMap, Prod extends LayerMap>(
    stage: Stage<Req, Prod>,
    ..._requirementsMet: Have extends Req ? [] : [missing: Exclude<keyof Req, keyof Have>]
  ): Pipeline<Have & Prod> {
    return new Pipeline<Have & Prod>([...this.stages, stage]);
  }

  /** Throws E_PIPELINE naming the first stage whose requirement no earlier stage produces. */
  check(): this {
    const have = new Set<string>();
    for (const s of this.stages) {
      const missing = s.requires.filter((r) => !have.has(r));
      if (missing.length) throw new DatelineError('E_PIPELINE', `stage ${s.name} requires ${missing.join(', ')}; add a stage that produces it before ${s.name}`);
      for (const p of s.produces) have.add(p);
    }
    return this;
  }

  /** Runs every stage; a stage that throws is recorded as a warning and its layers left empty when it can say what empty is. */
  run(doc: Document, options: { timings?: boolean } = {}): Analysis<Have> {
    const layers: Record<string, unknown> = {};
    const timings: Record<string, number> = {};
    for (const s of this.stages) {
      const t0 = options.timings ? performance.now() : 0;
      let out: object;
      try {
        out = s.run(doc, layers);
      } catch (e) {
        if (!s.empty) throw new DatelineError('E_STAGE', `${s.name}: ${asProblem(e).message}`, { cause: e, ...(doc.meta.source ? { input: doc.meta.source } : {}) });
        const p: Problem = { code: 'W_STAGE', message: `${s.name} failed: ${asProblem(e).message}` };
        doc.warnings.push(p);
        out = s.empty();
      }
      Object.assign(layers, out);
      if (options.timings) timings[s.name] = (timings[s.name] ?? 0) + performance.now() - t0;
    }
    return { doc, layers: layers as Have, timings };
  }
}
