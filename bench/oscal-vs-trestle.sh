#!/usr/bin/env bash
# Evident against compliance-trestle on an OSCAL catalog (goal: at least 20x faster).
#   Evident: init, checklist import --from oscal --load (catalog to loaded checklist in one process),
#            cycle start, report --format md
#   trestle: import, author catalog-generate (in a workspace made by `trestle init`, not timed)
# Each path runs whole 3 times in fresh folders under /usr/bin/time -f '%e %M' (wall seconds, peak
# RSS); the fastest run counts. One more run, timed step by step, shows where the time goes.
# Usage: bench/oscal-vs-trestle.sh [CATALOG.json]
#   default catalog: $EVIDENT_SHARED (else ../shared)/data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json
#   trestle: $EVIDENT_TRESTLE_VENV (else /tmp/trestle-venv), installed there (compliance-trestle 5.2.0) when missing
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${EVIDENT_SHARED:-../shared}
catalog=$(realpath "${1:-$shared/data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json}")
venv=${EVIDENT_TRESTLE_VENV:-/tmp/trestle-venv}

echo "Building Evident (release, Swift runtime linked in, as make install ships it)…" >&2
swift build -c release --static-swift-stdlib --scratch-path .build-static >/dev/null
bin=$PWD/.build-static/release/evident
if [ ! -x "$venv/bin/trestle" ]; then
  echo "Installing compliance-trestle 5.2.0 into $venv…" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q compliance-trestle==5.2.0
fi
trestle=$venv/bin/trestle
work=$(mktemp -d /tmp/evident-bench-oscal.XXXXXX)
trap 'rm -rf "$work"' EXIT
export BENCH_BIN=$bin BENCH_TRESTLE=$trestle BENCH_CATALOG=$catalog

# timed LABEL COMMAND...: runs the command, appends "LABEL<TAB>wall<TAB>rss_kb" to $work/run.
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  local wall rss
  read -r wall rss < "$work/time"
  printf '%s\t%s\t%s\n' "$label" "$wall" "$rss" >> "$work/run"
}

# The whole paths, as one command each (DIR is the run's fresh folder).
evident_path='set -e; dir=$1
export EVIDENT_DB=$dir/ws/evident.db EVIDENT_USER=bench EVIDENT_NOW=2026-10-01T09:00:00Z
"$BENCH_BIN" init
"$BENCH_BIN" checklist import --from oscal "$BENCH_CATALOG" --load
"$BENCH_BIN" cycle start bench
"$BENCH_BIN" report --format md --out "$dir/report.md"'
trestle_path='set -e; cd "$1"
"$BENCH_TRESTLE" import -f "$BENCH_CATALOG" -o catalog
"$BENCH_TRESTLE" author catalog-generate -n catalog -o markdown'

# fresh TOOL NAME: a new folder (trestle's holds a `trestle init` workspace, made untimed).
fresh() {
  local dir=$work/$1-$2
  mkdir -p "$dir"
  if [ "$1" = trestle ]; then (cd "$dir" && "$trestle" init >/dev/null 2>&1); fi
  echo "$dir"
}

# best TOOL: the whole path 3 times; the fastest run's line goes to $work/best-TOOL.
best() {
  local tool=$1 script
  if [ "$tool" = evident ]; then script=$evident_path; else script=$trestle_path; fi
  : > "$work/run"
  for attempt in 1 2 3; do timed "$tool path" bash -c "$script" bench "$(fresh "$tool" "$attempt")"; done
  sort -t "$(printf '\t')" -k2,2g "$work/run" | head -1 > "$work/best-$tool"
}

# steps TOOL: one more run, each step timed alone, into $work/steps-TOOL.
steps() {
  local dir
  dir=$(fresh "$1" steps)
  : > "$work/run"
  if [ "$1" = evident ]; then
    export EVIDENT_DB=$dir/ws/evident.db EVIDENT_USER=bench EVIDENT_NOW=2026-10-01T09:00:00Z
    timed "  init" "$bin" init
    timed "  checklist import --load" "$bin" checklist import --from oscal "$catalog" --load
    timed "  cycle start" "$bin" cycle start bench
    timed "  report --format md" "$bin" report --format md --out "$dir/report.md"
  else
    (cd "$dir" && timed "  import" "$trestle" import -f "$catalog" -o catalog \
      && timed "  author catalog-generate" "$trestle" author catalog-generate -n catalog -o markdown)
  fi
  cp "$work/run" "$work/steps-$1"
}

for tool in evident trestle; do best "$tool"; steps "$tool"; done
echo "Catalog: $catalog ($(du -k "$catalog" | cut -f1) KB); $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-30s %8s %8s\n' "" "wall s" "RSS MB"
for tool in evident trestle; do
  awk -F'\t' '{ printf "%-30s %8.2f %8d   best of 3\n", $1, $2, $3 / 1024 }' "$work/best-$tool"
  awk -F'\t' '{ printf "%-30s %8.2f %8d\n", $1, $2, $3 / 1024 }' "$work/steps-$tool"
done
evident=$(cut -f2 "$work/best-evident")
trestle_wall=$(cut -f2 "$work/best-trestle")
awk -v e="$evident" -v t="$trestle_wall" 'BEGIN { printf "\nEvident is %.1fx faster than trestle (goal: 20x)\n", t / e }'
