// Finds files under the repository (or installed package) root, from src/ under vitest/tsx and from dist/ after tsc.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Absolute path of `relative` (e.g. `models/tagger.bin`) under the nearest folder above this module holding package.json. */
export function repoPath(relative: string): string {
  if (!root) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json'))) {
      const up = dirname(dir);
      if (up === dir) throw new Error('cannot find the package root (package.json) above ' + fileURLToPath(import.meta.url));
      dir = up;
    }
    root = dir;
  }
  return join(root, relative);
}
