// Which stage (and version, rule or model) produced an annotation.

export interface Provenance {
  /** Versioned stage name, e.g. `times.v1`. */
  readonly stage: string;
  /** The rule, pattern or model feature that fired, where useful. */
  readonly rule?: string;
  /** 0..1 where the stage can estimate it. */
  readonly confidence?: number;
}

export const provenance = (stage: string, rule?: string, confidence?: number): Provenance =>
  rule === undefined && confidence === undefined ? { stage } : confidence === undefined ? { stage, rule } : { stage, rule, confidence };
