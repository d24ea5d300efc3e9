// The statement layer's word lists (speech cues with lemmas and frames, channels), read once from the JSON files beside this module.

import cueData from './lexicon/cues.json' with { type: 'json' };
import channelData from './lexicon/channels.json' with { type: 'json' };

/** How a cue takes its content (see lexicon/cues.json). */
export type Frame = 'say' | 'clause' | 'np' | 'as' | 'to' | 'of' | 'inf' | 'at' | 'quote';

export interface Cue {
  readonly lemma: string;
  readonly frame: Frame;
  /** "told Reuters": the first noun phrase after the cue is the addressee. */
  readonly addressee: boolean;
  /** "results released by X showed": only with a document subject and its agent. */
  readonly needsAgent: boolean;
  /** A phrasal cue's particle ("pointed out"): without it the verb is no cue. */
  readonly particle?: string;
}

export const CUE_FORMS: ReadonlyMap<string, Cue> = (() => {
  const m = new Map<string, Cue>();
  for (const [lemma, c] of Object.entries(cueData.cues) as [string, { frame: string; forms: string[]; addressee?: boolean; needsAgent?: boolean; particle?: string }][]) {
    for (const f of c.forms) m.set(f, { lemma, frame: c.frame as Frame, addressee: !!c.addressee, needsAgent: !!c.needsAgent, ...(c.particle ? { particle: c.particle } : {}) });
  }
  return m;
})();

export const CONTENT_STOPS: ReadonlySet<string> = new Set(cueData.contentStops.words);
export const PUT_OBJECTS: ReadonlySet<string> = new Set(cueData.putObjects.words);
export const DOCUMENT_SOURCES: ReadonlySet<string> = new Set(cueData.documentSources.words);

export const CHANNEL_NOUNS: ReadonlyMap<string, string> = new Map(Object.entries(channelData.nouns));
export const CHANNEL_VERBS: ReadonlyMap<string, string> = new Map(Object.entries(channelData.verbs));
