#!/usr/bin/env bash
# make bench: builds release and prints one table — every figure side by side with its reference
# and goal, best of RUNS (default 3), with peak memory. Needs python3; installs compliance-trestle
# 5.2.0 into /tmp/trestle-venv and Semgrep into .build/semgrep-venv when missing (each skipped,
# with a note, when that cannot be done).
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
shared=${EVIDENT_SHARED:-../shared}
catalog=${BENCH_CATALOG:-$shared/data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json}
venv=${EVIDENT_TRESTLE_VENV:-/tmp/trestle-venv}

echo "bench: building release (Swift runtime linked in, as make install ships it)…" >&2
swift build -c release --static-swift-stdlib --scratch-path .build-static >/dev/null || exit 1
bin=$PWD/.build-static/release/evident
work=$(mktemp -d /tmp/evident-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export EVIDENT_USER=bench EVIDENT_NOW=2026-10-01T09:00:00Z NO_COLOR=1

# best N CMD...: the fastest of N runs as "seconds peak-KB" (setup of each run is not timed).
best() {
  local runs=$1; shift
  local fastest="" memory=0
  for _ in $(seq "$runs"); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { echo "bench: failed: $* ($(tail -n 2 "$work/err"))" >&2; echo "nan 0"; return; }
    read -r seconds kb < <(tail -n 1 "$work/time")
    if [ -z "$fastest" ] || awk "BEGIN{exit !($seconds < $fastest)}"; then fastest=$seconds; memory=$kb; fi
  done
  echo "$fastest $memory"
}
rows=()
# row NAME SECONDS KB REFERENCE REF_SECONDS GOAL_KIND GOAL [MAX_MB]: goal kinds: max (seconds),
# ratio (evident/reference at most), speedup (reference/evident at least).
row() {
  local name=$1 s=$2 kb=$3 ref=$4 rs=$5 kind=$6 goal=$7 maxmb=${8:-}
  local mb=$((kb / 1024)) verdict measure
  case $kind in
    max) measure="${s} s"; verdict=$(awk "BEGIN{print ($s <= $goal) ? \"yes\" : \"NO\"}"); goal="≤ ${goal} s" ;;
    memory) measure="${s} s"; verdict=yes; goal="" ;;
    ratio) measure=$(awk "BEGIN{printf \"%.2f×\", $s / $rs}"); verdict=$(awk "BEGIN{print ($s / $rs <= $goal) ? \"yes\" : \"NO\"}"); goal="≤ ${goal}×" ;;
    speedup) measure=$(awk "BEGIN{printf \"%.1f× faster\", $rs / $s}"); verdict=$(awk "BEGIN{print ($rs / $s >= $goal) ? \"yes\" : \"NO\"}"); goal="≥ ${goal}×" ;;
  esac
  if [ -n "$maxmb" ]; then goal="${goal:+$goal, }≤ $maxmb MB"; [ "$mb" -le "$maxmb" ] || verdict=NO; fi
  rows+=("$(printf '%-54s %8s %7s  %-30s %8s  %-16s %-20s %s' "$name" "$s" "$mb" "$ref" "$rs" "$measure" "$goal" "$verdict")")
}

echo "bench: start-up" >&2
read -r s kb < <(best 10 "$bin" --version)
row "evident --version" "$s" "$kb" "-" "-" max 0.02

echo "bench: evidence add of 512 MiB" >&2
head -c $((512 << 20)) /dev/urandom > "$work/big.bin"
read -r ref_s ref_kb < <(best "$RUNS" openssl dgst -sha256 "$work/big.bin")
BEFORE='rm -rf "$work/add"; EVIDENT_DB=$work/add/e.db "$bin" init >/dev/null; EVIDENT_DB=$work/add/e.db "$bin" checklist load Tests/Fixtures/checklists/minimal >/dev/null; EVIDENT_DB=$work/add/e.db "$bin" cycle start b >/dev/null'
read -r s kb < <(EVIDENT_DB=$work/add/e.db best "$RUNS" "$bin" evidence add keys.rotation "$work/big.bin")
row "evidence add (512 MiB, synced)" "$s" "$kb" "openssl dgst -sha256" "$ref_s" ratio 1.25 64
# The same content again (a report attached to a second item): read and compared once, not written.
BEFORE="$BEFORE"'; EVIDENT_DB=$work/add/e.db "$bin" evidence add keys.rotation "$work/big.bin" >/dev/null'
read -r s kb < <(EVIDENT_DB=$work/add/e.db best "$RUNS" "$bin" evidence add data.retention "$work/big.bin")
unset BEFORE
row "evidence add, content already in the vault (512 MiB)" "$s" "$kb" "openssl dgst -sha256" "$ref_s" ratio 1.25 64
rm -f "$work/big.bin"

# ten_thousand LABEL DB: the 10,000-item shape (50 sections of 200 items, distinct descriptions; cycle A
# reviewed and closed, cycle B carried forward and reviewed with other verdicts; a distinct note per
# review) built in the workspace database DB (a path, or whatever EVIDENT_DB accepts), then status,
# the HTML report and the diff timed against it. LABEL is appended to each row's name, so a second
# backend can be run side by side with the first.
ten_thousand() {
  local label=$1 db=$2 status_goal=${3:-0.15} html_goal=${4:-1.5} diff_goal=${5:-0.4} s kb
  [ -d "$work/cl" ] || python3 bench/generate-checklist.py "$work/cl" 10000 50 >/dev/null
  export EVIDENT_DB=$db
  { "$bin" init && "$bin" checklist load "$work/cl" && "$bin" cycle start A && "$bin" review import "$work/cl/reviews.csv" \
    && "$bin" cycle close A && "$bin" cycle start B --carry-forward && "$bin" review import "$work/cl/reviews-b.csv"; } >/dev/null \
    || { echo "bench: the 10,000-item workspace could not be built${label:+ ($label)}" >&2; unset EVIDENT_DB; return 1; }
  read -r s kb < <(best "$RUNS" "$bin" status --format json); row "status (10,000 items)$label" "$s" "$kb" "-" "-" max "$status_goal"
  read -r s kb < <(best "$RUNS" "$bin" report --format html --out "$work/r.html"); row "report --format html (10,000 items)$label" "$s" "$kb" "-" "-" max "$html_goal"
  read -r s kb < <(best "$RUNS" "$bin" diff A B --format json); row "diff A B (10,000 items)$label" "$s" "$kb" "-" "-" max "$diff_goal"
  unset EVIDENT_DB
}

echo "bench: a 10,000-item checklist, two reviewed cycles (SQLite)" >&2
ten_thousand "" "$work/ten/e.db"

# The team store, side by side: the same shapes on a PostgreSQL server on this machine — the one
# $EVIDENT_TEST_DATABASE_URL names, else a throwaway one (scripts/postgres.sh), stopped at the end.
if [ -z "${EVIDENT_TEST_DATABASE_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/evident-bench-pg.XXXXXX)
  if bash scripts/postgres.sh start "$pg_dir" >/dev/null 2>&1; then
    # shellcheck source=/dev/null
    source "$pg_dir/env"
    trap 'bash scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1; rm -rf "$work"' EXIT
  else
    echo "bench: note: no PostgreSQL server could be started; the team store rows are skipped" >&2
  fi
fi
if [ -n "${EVIDENT_TEST_DATABASE_URL:-}" ]; then
  # pg_database NAME: a new, empty database on the server; prints its URL.
  pg_database() {
    local name="evident_bench_$1_$$" base=${EVIDENT_TEST_DATABASE_URL%%\?*}
    psql -X -q -c "CREATE DATABASE $name TEMPLATE template0" >/dev/null || return 1
    echo "${base%/*}/$name?sslmode=require"
  }
  echo "bench: the 10,000-item shape on PostgreSQL" >&2
  ten_thousand " on PostgreSQL" "$(pg_database ten)" 0.3 2.5 0.4

  echo "bench: evidence add of 512 MiB into PostgreSQL" >&2
  add_db=$(pg_database add)
  { EVIDENT_DB=$add_db "$bin" init && EVIDENT_DB=$add_db "$bin" checklist load Tests/Fixtures/checklists/minimal \
    && EVIDENT_DB=$add_db "$bin" cycle start b; } >/dev/null
  head -c $((512 << 20)) /dev/urandom > "$work/big.bin"
  # Each run adds new content (one more byte), so every run streams the whole file into the store.
  BEFORE='printf x >> "$work/big.bin"'
  read -r s kb < <(EVIDENT_DB=$add_db best "$RUNS" "$bin" evidence add keys.rotation "$work/big.bin")
  unset BEFORE
  row "evidence add into PostgreSQL (512 MiB)" "$s" "$kb" "openssl dgst -sha256" "$ref_s" memory - 96
  rm -f "$work/big.bin"

  echo "bench: 8 concurrent writers, SQLite and PostgreSQL" >&2
  mkdir -p "$work/writers"
  read -r sq_s sq_rate < <(bench/writers.sh "$bin" "$work/writers/e.db" 8 "${WRITER_REVIEWS:-100}")
  read -r pg_s pg_rate < <(bench/writers.sh "$bin" "$(pg_database writers)" 8 "${WRITER_REVIEWS:-100}")
  if [ -n "${pg_s:-}" ] && [ -n "${sq_s:-}" ]; then
    row "8 writers × ${WRITER_REVIEWS:-100} reviews on PostgreSQL ($pg_rate/s)" "$pg_s" 0 "the same on SQLite ($sq_rate/s)" "$sq_s" speedup 3
  fi
fi

if [ -f "$catalog" ]; then
  echo "bench: OSCAL SP 800-53 catalog → loaded checklist (import --load) → cycle → Markdown report" >&2
  evident_path='set -e; d=$(mktemp -d "$0/e.XXXX"); export EVIDENT_DB=$d/ws/e.db
"$1" init; "$1" checklist import --from oscal "$2" --load; "$1" cycle start x; "$1" report --format md --out "$d/r.md"'
  read -r s kb < <(best "$RUNS" bash -c "$evident_path" "$work" "$bin" "$catalog")
  if [ -x "$venv/bin/trestle" ] || { python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install -q compliance-trestle==5.2.0 >/dev/null 2>&1; }; then
    # trestle's workspace (trestle init) is made before each run, untimed: only import + generate count.
    BEFORE='rm -rf "$work/t" && mkdir "$work/t" && (cd "$work/t" && "$venv/bin/trestle" init >/dev/null 2>&1)'
    trestle_path='set -e; cd "$0"; "$1" import -f "$2" -o c; "$1" author catalog-generate -n c -o md'
    read -r ts tkb < <(best "$RUNS" bash -c "$trestle_path" "$work/t" "$venv/bin/trestle" "$(realpath "$catalog")")
    unset BEFORE
    row "OSCAL catalog → report (1,007 controls)" "$s" "$kb" "trestle import + catalog-generate" "$ts" speedup 20 60
  else
    row "OSCAL catalog → report (1,007 controls)" "$s" "$kb" "(trestle not installable)" "-" max 99 60
  fi
else
  echo "bench: note: no catalog at $catalog; the OSCAL row is skipped" >&2
fi

echo "bench: scan of a 100+ MB real source tree" >&2
scan=$(SCRATCH=.build-static RUNS=$RUNS bench/scan-vs-grep.sh 2>/dev/null | tail -n 3)
es=$(echo "$scan" | grep '^evident scan' | awk '{print $5}'); ekb=$(( $(echo "$scan" | grep '^evident scan' | awk '{print $6}') * 1024 ))
gs=$(echo "$scan" | grep '^grep -rEnI' | awk '{print $6}')
ss=$(echo "$scan" | grep '^semgrep' | awk '{print $4}')
[ -n "$es" ] && [ -n "$gs" ] && row "scan (100+ MB tree, 7 detectors)" "$es" "$ekb" "grep -rEnI, 14 patterns" "$gs" ratio 1.0
if [ -n "$es" ] && [ -n "$ss" ]; then
  row "scan (same tree) vs Semgrep" "$es" "$ekb" "semgrep, 7 equivalent rules" "$ss" speedup 10
else
  echo "bench: note: Semgrep could not be installed (bench/semgrep-setup.sh); its row is skipped" >&2
fi

echo
echo "Evident $("$bin" --version) — $(nproc) cores, $(awk '/MemTotal/{printf "%d GiB", $2/1048576}' /proc/meminfo), $(uname -sr); best of $RUNS"
printf '%-54s %8s %7s  %-30s %8s  %-16s %-20s %s\n' "benchmark" "wall s" "RSS MB" "reference" "ref s" "result" "goal" "met"
printf '%s\n' "${rows[@]}"
