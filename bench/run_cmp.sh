#!/bin/bash
# Subset of ../shared/bench/run_all.sh: torch-t1 (SkylakeX), tfjs-wasm and the Layerlab engine,
# interleaved rounds. Copy into a writable copy of ../shared/bench (after its setup), with the built
# runner beside it: cp dist/bench/run.cjs COPY/engine-run.cjs; then ./run_cmp.sh 3
set -u
cd "$(dirname "$0")"
ROUNDS=${1:-3}
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=results/raw/$STAMP-cmp
mkdir -p "$OUT"
PY=/usr/bin/python3
SMALL=W-tiny,W-tiny-fb,W-digits,W-bc
{ lscpu | grep -E 'Model name|^CPU\(s\)'; uptime; node --version; } > "$OUT/machine.txt"
r=0
run() {
  local tag=$1; shift
  echo "[round $r] $tag: $*" >&2
  "$@" 2>>"$OUT/stderr.log" | grep '^{' | sed "s/^{/{\"round\":$r,\"tag\":\"$tag\",/" >> "$OUT/results.jsonl"
}
SKX="env OPENBLAS_CORETYPE=SkylakeX"
for r in $(seq 1 "$ROUNDS"); do
  run torch-t1   $SKX $PY bench_py.py --fw torch --threads 1 --workloads $SMALL,W-big --reps 2 --big-reps 1
  run tfjs-wasm  node node/bench_tfjs.js --backend wasm --workloads $SMALL,W-big --reps 2 --big-reps 1
  run engine     node engine-run.cjs --data-dir data --cache-dir cache --workloads $SMALL,W-big --reps 2 --big-reps 1
done
echo "$OUT"
$PY summarize.py "$OUT" | tee "$OUT/summary.md"
