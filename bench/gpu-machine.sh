#!/usr/bin/env bash
# One short call on a lent GPU machine (see bench/README.md, "On a GPU machine"): builds the
# benchmark, makes W-big's data, and prints one table of W-big (784-256-128-10) and W-wide (one
# 4096-unit layer) on the CPU backend and on gpu.js, with the kernel class and GL renderer that
# really ran. gpu.js needs an X display for headless-gl: the script starts Xvfb when none is
# set, which may mean Mesa's software renderer rather than the GPU; the renderer column says.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-12800}"   # W-big / W-wide training rows (100 steps of 128)
OUT="${OUT:-/tmp}"
command -v xvfb-run >/dev/null || { apt-get install -y -q xvfb xauth >/dev/null 2>&1 || true; }
[ -f node_modules/gpu.js/package.json ] || ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null
node scripts/build.mjs --only bench >/dev/null
mkdir -p "$OUT/bigdata/cache"
cp ../shared/bench/gen_big.js "$OUT/bigdata/"
[ -f "$OUT/bigdata/cache/big_x.f32" ] || node "$OUT/bigdata/gen_big.js" >/dev/null
run() {
  local b=$1
  local cmd=(node dist/bench/run.cjs --data-dir ../shared/bench/data --cache-dir "$OUT/bigdata/cache"
    --workloads W-big,W-wide --reps 1 --big-limit "$ROWS" --backend "$b")
  if [ "$b" = gpu ] && [ -z "${DISPLAY:-}" ]; then xvfb-run -a "${cmd[@]}"; else "${cmd[@]}"; fi
}
{ run cpu; run gpu || echo '{"fw":"gpu.js","note":"no GL context"}'; } > "$OUT/gpu-bench.jsonl"
nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | sed 's/^/GPU: /' || true
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
console.log("| workload | backend | kernel | renderer | ms/step | train samples/s | test acc |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.workload ?? "-"} | ${r.fw} | ${r.kernel ?? "-"} | ${r.renderer ?? "-"} | ${r.us_per_step ? (r.us_per_step / 1000).toFixed(2) : "-"} | ${r.train_samples_per_s ? Math.round(r.train_samples_per_s) : "-"} | ${r.test_acc ?? r.note} |`);
' "$OUT/gpu-bench.jsonl"
