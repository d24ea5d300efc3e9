#!/bin/sh
# Rebuild every gold file from its annotation script, then validate.
cd "$(dirname "$0")" && for f in ann_*.py; do python3 "$f" || exit 1; done && node /work/shared/eval/score.mjs --gold .. --check
