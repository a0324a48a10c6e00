#!/bin/bash
# Subset of ../shared/bench/run_all.sh: torch 1 and 2 threads (SkylakeX), tfjs-wasm and the
# Layerlab engine on 1 and 2 threads, interleaved rounds. Copy into a writable copy of
# ../shared/bench (after its setup), with the built runner and its helper-thread entry beside it:
#   cp bench/run_cmp.sh dist/bench/run.cjs dist/bench/gemm-helper.cjs COPY/
#   mv COPY/run.cjs COPY/engine-run.cjs; cd COPY && ./run_cmp.sh 3
# The engine runs with relaxed SIMD on (Electron's V8 ships it; Node 20 needs the flag).
# QUICK=1 leaves out torch on 2 threads and tfjs-wasm (under heavy load torch's 2 threads take
# minutes per round and say nothing about a quiet machine).
# ENGINE_BASE=/path/to/run.cjs (an earlier build, its gemm-helper.cjs beside it) adds that build
# on 1 and 2 threads to every round, for before/after ratios under the same load.
set -u
cd "$(dirname "$0")"
ROUNDS=${1:-3}
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=results/raw/$STAMP-cmp
mkdir -p "$OUT"
PY=/usr/bin/python3
SMALL=W-tiny,W-tiny-fb,W-digits,W-bc
{ lscpu | grep -E 'Model name|^CPU\(s\)'; uptime; node --version; } > "$OUT/machine.txt"
# The load average before each run, to report with the results.
load() { echo "round $r $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"; }
r=0
run() {
  local tag=$1; shift
  echo "[round $r] $tag: $*" >&2
  load "$tag"
  "$@" 2>>"$OUT/stderr.log" | grep '^{' | sed "s/^{/{\"round\":$r,\"tag\":\"$tag\",/" >> "$OUT/results.jsonl"
}
SKX="env OPENBLAS_CORETYPE=SkylakeX"
NODE="node --experimental-wasm-relaxed-simd"
for r in $(seq 1 "$ROUNDS"); do
  run torch-t1   $SKX $PY bench_py.py --fw torch --threads 1 --workloads $SMALL,W-big --reps 2 --big-reps 1
  if [ "${QUICK:-0}" != 1 ]; then
    run torch-t2   $SKX $PY bench_py.py --fw torch --threads 2 --workloads W-big --reps 2 --big-reps 1
    run tfjs-wasm  node node/bench_tfjs.js --backend wasm --workloads $SMALL,W-big --reps 2 --big-reps 1
  fi
  run engine     $NODE engine-run.cjs --data-dir data --cache-dir cache --workloads $SMALL,W-big --reps 2 --big-reps 1
  run engine-t2  $NODE engine-run.cjs --data-dir data --cache-dir cache --workloads W-big --reps 2 --big-reps 1 --threads 2
  if [ -n "${ENGINE_BASE:-}" ]; then
    run base       $NODE "$ENGINE_BASE" --data-dir data --cache-dir cache --workloads $SMALL,W-big --reps 2 --big-reps 1
    run base-t2    $NODE "$ENGINE_BASE" --data-dir data --cache-dir cache --workloads W-big --reps 2 --big-reps 1 --threads 2
  fi
done
echo "$OUT"
$PY summarize.py "$OUT" | tee "$OUT/summary.md"
# Wall-clock W-big ratios per round (threads show in wall time, not in summed CPU time).
$PY - "$OUT" <<'PYEOF' | tee -a "$OUT/summary.md"
import json, sys, statistics as st
rows = [json.loads(l) for l in open(sys.argv[1] + "/results.jsonl") if l.startswith("{")]
big = {(d["round"], d["tag"]): d for d in rows if d.get("workload") == "W-big" and d["rep"] == 0}
print("\n## W-big wall-clock ratios (median over rounds)\n")
for a, b in [("engine", "torch-t1"), ("engine-t2", "torch-t1"), ("engine-t2", "torch-t2"), ("engine", "tfjs-wasm"),
             ("engine", "base"), ("engine-t2", "base-t2"), ("base", "torch-t1"), ("base-t2", "torch-t1")]:
    for key in ("train_samples_per_s", "infer_samples_per_s"):
        rs = [big[(r, a)][key] / big[(r, b)][key] for (r, t) in big if t == a and (r, b) in big]
        if rs: print(f"- {a} / {b} {key}: {st.median(rs):.2f} ({', '.join(f'{x:.2f}' for x in rs)})")
PYEOF
