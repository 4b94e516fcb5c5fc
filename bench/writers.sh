#!/usr/bin/env bash
# 8 client processes recording reviews at once into one workspace (SQLite file or team store),
# each process one `evident review` per write, as 8 leads at their terminals. Prints
# "SECONDS REVIEWS_PER_SECOND". Usage: bench/writers.sh EVIDENT_BINARY DB [WRITERS] [REVIEWS]
# (DB: a path or a postgres:// URL; the workspace is created and a cycle started first, untimed).
set -uo pipefail
bin=$1 db=$2 writers=${3:-8} reviews=${4:-100}
repo=$(cd "$(dirname "$0")/.." && pwd)
export EVIDENT_DB=$db EVIDENT_NOW=2026-10-01T09:00:00Z NO_COLOR=1
{ "$bin" init && "$bin" checklist load "$repo/Checklists/liasonpay" && "$bin" cycle start writers; } >/dev/null || exit 1
mapfile -t items < <("$bin" checklist show --format json | python3 -c 'import json,sys; print("\n".join(i["id"] for s in json.load(sys.stdin)["sections"] for i in s["items"]))')
start=$(date +%s.%N)
for writer in $(seq 1 "$writers"); do
  (
    for n in $(seq 1 "$reviews"); do
      "$bin" review "${items[$(( (n * 7 + writer) % ${#items[@]} ))]}" --status pass --note "writer $writer review $n" >/dev/null 2>&1 \
        || echo "lost"
    done
  ) > "${TMPDIR:-/tmp}/writers-$$-$writer.log" &
done
wait
end=$(date +%s.%N)
lost=$(cat "${TMPDIR:-/tmp}"/writers-$$-*.log | wc -l); rm -f "${TMPDIR:-/tmp}"/writers-$$-*.log
[ "$lost" -eq 0 ] || { echo "writers: $lost reviews lost" >&2; exit 1; }
awk -v s="$start" -v e="$end" -v n=$((writers * reviews)) 'BEGIN { printf "%.2f %.1f\n", e - s, n / (e - s) }'
