#!/usr/bin/env bash
# Prints the sha256 of every output that a pure restructuring must leave byte-identical: the golden log, `run` of
# every reference scenario with both engines and seeds 1-3, and a 2,000-path `mc` of each reference scenario
# (outcomes.csv and summary.json). Usage: scripts/output-digests.sh [work-folder]  (default: a fresh temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
hashsim() { node --import tsx packages/cli/src/main.ts "$@"; }
sha256sum packages/sim/test/golden/*.jsonl | sed 's#  packages/sim/test/golden/#  golden/#'
for s in scenarios/*.jsonl; do
  name="$(basename "$s" .jsonl)"
  for engine in block aggregate; do
    for seed in 1 2 3; do
      hashsim run "$s" --seed "$seed" --engine "$engine" --out "$work/$name.$engine.$seed.jsonl" > "$work/$name.$engine.$seed.txt"
      (cd "$work" && sha256sum "$name.$engine.$seed.jsonl" "$name.$engine.$seed.txt")
    done
  done
  hashsim mc "$s" --paths 2000 --seed 1 --out "$work/$name.mc" > /dev/null
  (cd "$work" && sha256sum "$name.mc/outcomes.csv" "$name.mc/summary.json")
done
