#!/usr/bin/env bash
# Times `evident report` on a 10,000-item cycle (release build): best of 3, with peak memory.
# Goal (issue 4): HTML under 1.5 s. Usage: bench/report-10k.sh [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
swift build -c release >/dev/null
bin=$PWD/.build/release/evident
work=$(mktemp -d /tmp/evident-bench-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/generate-checklist.py "$work/checklist" "$items" >/dev/null
export EVIDENT_DB="$work/ws/evident.db" EVIDENT_USER=bench EVIDENT_NOW=2026-10-01T09:00:00Z
"$bin" init >/dev/null
"$bin" checklist load "$work/checklist" >/dev/null
"$bin" cycle start bench >/dev/null
"$bin" review import "$work/checklist/reviews.csv" >/dev/null

best() {  # best wall time (s) and its peak RSS (MB) of 3 runs of "$@"
  local best_time=999 best_rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1
    read -r wall rss < "$work/time"
    if awk "BEGIN{exit !($wall < $best_time)}"; then best_time=$wall; best_rss=$((rss / 1024)); fi
  done
  echo "$best_time $best_rss"
}
printf '%-28s %8s %8s\n' "command ($items items)" "wall s" "RSS MB"
for format in html md json csv; do
  read -r wall rss <<< "$(best "$bin" report --format "$format" --out "$work/report.$format")"
  printf '%-28s %8s %8s\n' "report --format $format" "$wall" "$rss"
done
read -r wall rss <<< "$(best "$bin" status --format json)"
printf '%-28s %8s %8s\n' "status --format json" "$wall" "$rss"
