#!/usr/bin/env bash
# Fault and concurrency runs against a real PostgreSQL team store (the server scripts/postgres.sh
# starts; its env file must be sourced): the server restarted mid-command, clients killed with
# SIGKILL mid-transaction, 8 client processes x 250 reviews and 10 evidence files at once.
# Afterwards every write is whole or absent, the audit chain is one line, `verify` is green.
# Skipped, saying so, when no server is configured. Usage: scripts/soak-postgres.sh EVIDENT_BINARY
set -uo pipefail
bin=$(readlink -f "${1:?usage: soak-postgres.sh EVIDENT_BINARY}")
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${EVIDENT_TEST_DATABASE_URL:-}" ]; then
  echo "soak-postgres: skipped: EVIDENT_TEST_DATABASE_URL is not set (make postgres starts a server)"
  exit 0
fi
writers=${SOAK_WRITERS:-8} reviews=${SOAK_REVIEWS:-250} files=${SOAK_FILES:-10}
work=$(mktemp -d /tmp/evident-soak-pg.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export EVIDENT_NOW=2026-10-01T09:00:00Z NO_COLOR=1
unset EVIDENT_USER
failures=0
fail() { echo "soak-postgres: FAILED: $*"; failures=$((failures + 1)); }
base=${EVIDENT_TEST_DATABASE_URL%%\?*}; query=${EVIDENT_TEST_DATABASE_URL#"$base"}
server=${base%/*}
db="evident_soak_$$_$RANDOM"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db TEMPLATE template0" >/dev/null || { echo "soak-postgres: cannot create a database"; exit 1; }
export EVIDENT_DB="$server/$db$query"
no_trace() { ! grep -qE 'Fatal error|Stack dump|Backtrace|0x[0-9a-f]{12}' "$1"; }

"$bin" init >/dev/null && "$bin" checklist load "$repo/Checklists/liasonpay" >/dev/null && "$bin" cycle start soak >/dev/null \
  || { echo "soak-postgres: setup failed"; exit 1; }
items=$("$bin" checklist show --format json | python3 -c 'import json,sys; print("\n".join(i["id"] for s in json.load(sys.stdin)["sections"] for i in s["items"]))')
rows=$(echo "$items" | wc -l)
python3 "$repo/bench/generate-checklist.py" generated 3000 >/dev/null

echo "soak-postgres: the server restarted (pg_ctl restart -m fast) in the middle of commands"
if [ -n "${EVIDENT_TEST_PG_CTL:-}" ]; then
  for round in 1 2 3; do
    { echo "item,status,note"; echo "$items" | sed "s/\$/,pass,restart round $round/"; } > restart.csv
    sed -i "s/^version: .*/version: \"9.$round\"/" generated/checklist.yaml
    "$bin" checklist load generated >load.out 2>load.err & load=$!
    "$bin" review import restart.csv >import.out 2>import.err & import=$!
    sleep "0.$((RANDOM % 3))$((RANDOM % 10))"
    sh -c "$EVIDENT_TEST_PG_CTL restart -m fast" >/dev/null 2>&1 || fail "pg_ctl restart"
    wait $load; load_status=$?; wait $import; import_status=$?
    for pair in "load:$load_status" "import:$import_status"; do
      name=${pair%%:*} status=${pair##*:}
      case $status in
        0) ;;
        74) grep -q "evident: error: .*cannot be reached" "$name.err" || fail "restart: $name said: $(head -c 300 "$name.err")" ;;
        *) fail "restart: $name exited $status, not 0 or 74: $(head -c 300 "$name.err")" ;;
      esac
      no_trace "$name.err" || fail "restart: $name printed a stack trace"
    done
    for _ in $(seq 1 50); do "$bin" status >/dev/null 2>&1 && break; sleep 0.2; done
    "$bin" status >/dev/null 2>status.err || fail "the next command after a restart: $(cat status.err)"
  done
else
  echo "soak-postgres: note: EVIDENT_TEST_PG_CTL is not set; the restart runs were skipped"
fi

echo "soak-postgres: SIGKILL in the middle of evidence add, review import and checklist load"
head -c $((48 << 20)) /dev/urandom > big.bin
for round in $(seq 1 "${SOAK_ROUNDS:-6}"); do
  { echo "item,status,note"; echo "$items" | sed "s/\$/,pass,kill round $round/"; } > kill.csv
  sed -i "s/^version: .*/version: \"8.$round\"/" generated/checklist.yaml
  printf '%s' "$round" >> big.bin
  "$bin" evidence add keys.rotation-log big.bin >/dev/null 2>&1 & pid=$!; sleep "0.$((RANDOM % 9))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$bin" review import kill.csv >/dev/null 2>&1 & pid=$!; sleep "0.0$((RANDOM % 9))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$bin" checklist load generated >/dev/null 2>&1 & pid=$!; sleep "0.0$((RANDOM % 9))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
done
"$bin" verify >verify.out 2>&1 || fail "verify after the kills and restarts: $(tail -n 5 verify.out)"
"$bin" log --format json | python3 -c '
import json, sys, collections
notes = collections.Counter(e["payload"].get("note", "") for e in json.load(sys.stdin)["entries"] if e["action"] == "review.record")
bad = {n: c for n, c in notes.items() if (n.startswith("kill round") or n.startswith("restart round")) and c != '"$rows"'}
sys.exit(1 if bad else 0)' || fail "a review import was recorded in part"
"$bin" checklist list --format json | python3 -c '
import json, sys
bad = [c for c in json.load(sys.stdin)["checklists"] if c["id"] == "bench" and c["items"] != 3000]
sys.exit(1 if bad else 0)' || fail "a checklist version was stored in part"
leftovers=$(psql -X -At -d "$db" -c "SELECT count(*) FROM evident.evidence_file f WHERE NOT EXISTS (SELECT 1 FROM evident.evidence e WHERE e.digest = f.digest)")
[ "$leftovers" = 0 ] || fail "$leftovers evidence files without evidence (half-written adds)"

echo "soak-postgres: SIGKILL in the middle of db copy, then the copy again"
mkdir -p local && (cd local && EVIDENT_DB= "$bin" init >/dev/null && EVIDENT_DB= "$bin" checklist load "$repo/Checklists/liasonpay" >/dev/null \
  && EVIDENT_DB= "$bin" cycle start local >/dev/null && EVIDENT_DB= "$bin" evidence add keys.rotation-log ../big.bin >/dev/null) \
  || fail "local workspace for db copy"
copy_db="${db}_copy"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $copy_db TEMPLATE template0" >/dev/null || fail "create the copy's database"
copy_url="$server/$copy_db$query"
for attempt in 1 2 3; do
  "$bin" db copy --from local/.evident/evident.db --to "$copy_url" >/dev/null 2>&1 & pid=$!
  sleep "0.$((RANDOM % 9))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  held=0
  if [ "$(psql -X -At -d "$copy_db" -c "SELECT to_regclass('evident.audit_log') IS NOT NULL")" = t ]; then
    held=$(psql -X -At -d "$copy_db" -c "SELECT count(*) FROM evident.audit_log")
  fi
  [ "$held" = 0 ] || break
done
[ "$held" = 0 ] || echo "soak-postgres: note: a db copy finished before it could be killed"
if [ "$held" = 0 ]; then
  "$bin" db copy --from local/.evident/evident.db --to "$copy_url" >copy.out 2>&1 || fail "db copy after interrupted copies: $(tail -n 3 copy.out)"
fi
EVIDENT_DB="$copy_url" "$bin" verify >/dev/null 2>&1 || fail "verify of the copied store"
psql -X -q -c "DROP DATABASE IF EXISTS $copy_db WITH (FORCE)" >/dev/null 2>&1

echo "soak-postgres: $writers client processes x $reviews reviews and $files evidence files each, at once"
before_reviews=$(psql -X -At -d "$db" -c "SELECT count(*) FROM evident.review")
before_evidence=$(psql -X -At -d "$db" -c "SELECT count(*) FROM evident.evidence")
start=$(date +%s.%N)
for writer in $(seq 1 "$writers"); do
  (
    mapfile -t mine < <(echo "$items")
    for n in $(seq 1 "$reviews"); do
      item=${mine[$(( (n + writer) % ${#mine[@]} ))]}
      "$bin" review "$item" --status pass --note "writer $writer review $n" >/dev/null 2>>"writer-$writer.err" || echo "lost review $writer $n"
      if [ $((n % (reviews / files))) -eq 0 ]; then
        head -c 4096 /dev/urandom > "w$writer-$n.bin"
        "$bin" evidence add "$item" "w$writer-$n.bin" >/dev/null 2>>"writer-$writer.err" || echo "lost file $writer $n"
      fi
    done
  ) > "writer-$writer.log" 2>&1 &
done
wait
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
lost=$(cat writer-*.log | wc -l)
[ "$lost" -eq 0 ] || fail "concurrent writers lost $lost writes: $(head -n 3 writer-*.err | head -c 400)"
after_reviews=$(psql -X -At -d "$db" -c "SELECT count(*) FROM evident.review")
after_evidence=$(psql -X -At -d "$db" -c "SELECT count(*) FROM evident.evidence")
[ $((after_reviews - before_reviews)) -eq $((writers * reviews)) ] || fail "reviews stored: $((after_reviews - before_reviews)) of $((writers * reviews))"
[ $((after_evidence - before_evidence)) -eq $((writers * files)) ] || fail "evidence stored: $((after_evidence - before_evidence)) of $((writers * files))"
"$bin" verify >verify.out 2>&1 || fail "verify after the concurrent writers: $(tail -n 5 verify.out)"
echo "soak-postgres: $((writers * reviews)) reviews and $((writers * files)) files in ${elapsed%.*} s by $writers processes"

psql -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
if [ $failures -gt 0 ]; then echo "soak-postgres: $failures failure(s)"; exit 1; fi
echo "soak-postgres: ok — restarts and kills left nothing half-written, every concurrent write is present, the store verifies"
