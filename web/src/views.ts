// Which view the location hash shows: #article (default), #corpus, #map, #timeline, or #document/ID/ANNOTATION
// (a stored document in the article view, opened at one annotation's evidence). Each view loads once, when first shown.

import { openStoredDocument } from './main.js';
import { renderCorpus } from './corpus.js';
import { renderMap } from './map.js';
import { renderTimeline } from './timeline.js';

type View = 'article' | 'corpus' | 'map' | 'timeline';

const SECTIONS: Record<View, string> = { article: 'article-view', corpus: 'corpus-view', map: 'map-view', timeline: 'timeline-view' };
const LOADERS: Partial<Record<View, [string, (root: HTMLElement) => Promise<void>]>> = {
  corpus: ['corpus-content', renderCorpus], map: ['map-content', renderMap], timeline: ['timeline-content', renderTimeline],
};
const DOCUMENT = /^#document\/([^/]+)(?:\/([^/]+))?$/;

function route(): void {
  const hash = location.hash;
  const doc = DOCUMENT.exec(hash);
  const named = hash.slice(1) as View;
  const view: View = doc ? 'article' : named in SECTIONS ? named : 'article';
  for (const [v, id] of Object.entries(SECTIONS)) {
    const section = document.getElementById(id);
    if (section) section.hidden = v !== view;
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#view-nav a')) {
    if (a.hash === `#${view}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const loader = LOADERS[view];
  const section = document.getElementById(SECTIONS[view]);
  if (loader && section && !section.dataset['loaded']) {
    section.dataset['loaded'] = '1';
    void loader[1](document.getElementById(loader[0])!);
  }
  if (doc) void openStoredDocument(decodeURIComponent(doc[1]!), doc[2] ? decodeURIComponent(doc[2]) : undefined);
}

window.addEventListener('hashchange', route);
route();
