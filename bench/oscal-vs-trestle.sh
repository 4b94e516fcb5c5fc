#!/usr/bin/env bash
# Evident against compliance-trestle on an OSCAL catalog (issue 5: at least 15x faster).
#   Evident: checklist import --from oscal, init, checklist load, cycle start, report --format md
#   trestle: import, author catalog-generate (in a workspace made by `trestle init`, not timed)
# Each path runs 3 times in fresh folders; the fastest run is shown, step by step, with wall time
# and peak RSS from /usr/bin/time -f '%e %M'.
# Usage: bench/oscal-vs-trestle.sh [CATALOG.json]
#   default catalog: $EVIDENT_SHARED (else ../shared)/data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json
#   trestle: $EVIDENT_TRESTLE_VENV (else /tmp/trestle-venv), installed there (compliance-trestle 5.2.0) when missing
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${EVIDENT_SHARED:-../shared}
catalog=$(realpath "${1:-$shared/data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json}")
venv=${EVIDENT_TRESTLE_VENV:-/tmp/trestle-venv}

echo "Building Evident (release)…" >&2
swift build -c release >/dev/null
bin=$PWD/.build/release/evident
if [ ! -x "$venv/bin/trestle" ]; then
  echo "Installing compliance-trestle 5.2.0 into $venv…" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q compliance-trestle==5.2.0
fi
trestle=$venv/bin/trestle
work=$(mktemp -d /tmp/evident-bench-oscal.XXXXXX)
trap 'rm -rf "$work"' EXIT

# timed LABEL COMMAND...: runs the command, appends "LABEL<TAB>wall<TAB>rss_kb" to $work/run.
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  read -r wall rss < "$work/time"
  printf '%s\t%s\t%s\n' "$label" "$wall" "$rss" >> "$work/run"
}

evident_run() {
  local dir=$work/evident-$1
  mkdir -p "$dir"
  export EVIDENT_DB=$dir/ws/evident.db EVIDENT_USER=bench EVIDENT_NOW=2026-10-01T09:00:00Z
  timed "evident checklist import" "$bin" checklist import --from oscal "$catalog" --out "$dir/checklist"
  timed "evident init" "$bin" init
  timed "evident checklist load" "$bin" checklist load "$dir/checklist"
  timed "evident cycle start" "$bin" cycle start bench
  timed "evident report --format md" "$bin" report --format md --out "$dir/report.md"
}

trestle_run() {
  local dir=$work/trestle-$1
  mkdir -p "$dir" && (cd "$dir" && "$trestle" init >/dev/null 2>&1)
  (cd "$dir" && timed "trestle import" "$trestle" import -f "$catalog" -o catalog)
  (cd "$dir" && timed "trestle author catalog-generate" "$trestle" author catalog-generate -n catalog -o markdown)
}

# best TOOL: runs TOOL_run 3 times; keeps the run with the smallest total wall time in $work/best-TOOL.
best() {
  local tool=$1 best_total=999999
  for attempt in 1 2 3; do
    : > "$work/run"
    "${tool}_run" "$attempt"
    local total
    total=$(awk -F'\t' '{ s += $2 } END { printf "%.2f", s }' "$work/run")
    if awk "BEGIN { exit !($total < $best_total) }"; then best_total=$total; cp "$work/run" "$work/best-$tool"; fi
  done
}

best evident
best trestle
echo "Catalog: $catalog ($(du -k "$catalog" | cut -f1) KB); best of 3 runs; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %8s %8s\n' "step" "wall s" "RSS MB"
for tool in evident trestle; do
  awk -F'\t' '{ printf "%-34s %8.2f %8d\n", $1, $2, $3 / 1024 }' "$work/best-$tool"
  awk -F'\t' -v name="$tool" '{ s += $2; if ($3 > m) m = $3 } END { printf "%-34s %8.2f %8d\n\n", "= " name " path", s, m / 1024 }' "$work/best-$tool"
done
evident_total=$(awk -F'\t' '{ s += $2 } END { print s }' "$work/best-evident")
trestle_total=$(awk -F'\t' '{ s += $2 } END { print s }' "$work/best-trestle")
awk -v e="$evident_total" -v t="$trestle_total" 'BEGIN { printf "Evident is %.1fx faster than trestle (goal: 15x)\n", t / e }'
