#!/usr/bin/env bash
# Fault tests: SIGKILL in the middle of writes, many concurrent writers, a full disk. Afterwards the
# workspace must verify (audit chain, rows, vault, SQLite integrity) and every write must have
# happened whole or not at all. Bounded: about a minute. Usage: scripts/soak.sh EVIDENT_BINARY
set -uo pipefail
bin=$(readlink -f "${1:?usage: soak.sh EVIDENT_BINARY}")
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${SOAK_ROUNDS:-12}
work=$(mktemp -d /tmp/evident-soak.XXXXXX)
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export EVIDENT_USER=soak@example.com EVIDENT_NOW=2026-10-01T09:00:00Z NO_COLOR=1
failures=0
fail() { echo "soak: FAILED: $*"; failures=$((failures + 1)); }
random_delay() { sleep "0.0$(( RANDOM % 9 ))$(( RANDOM % 10 ))"; }

"$bin" init >/dev/null && "$bin" checklist load "$repo/Checklists/liasonpay" >/dev/null && "$bin" cycle start soak >/dev/null || { echo "soak: setup failed"; exit 1; }
head -c $((48 << 20)) /dev/urandom > big.bin
items=$("$bin" checklist show --format json | python3 -c 'import json,sys; print("\n".join(i["id"] for s in json.load(sys.stdin)["sections"] for i in s["items"]))')
rows=$(echo "$items" | wc -l)
python3 "$repo/bench/generate-checklist.py" generated 3000 >/dev/null

echo "soak: SIGKILL during evidence add, review import, export and checklist load, $rounds rounds each"
for round in $(seq 1 "$rounds"); do
  { echo "item,status,note"; echo "$items" | sed "s/\$/,pass,soak round $round/"; } > reviews.csv
  "$bin" evidence add keys.rotation-log big.bin >/dev/null 2>&1 & pid=$!; random_delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$bin" review import reviews.csv >/dev/null 2>&1 & pid=$!; random_delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$bin" export soak --out "bundle-$round.zip" >/dev/null 2>&1 & pid=$!; random_delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  sed -i "s/^version: .*/version: \"1.$round\"/" generated/checklist.yaml
  "$bin" checklist load generated >/dev/null 2>&1 & pid=$!; random_delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
done
"$bin" verify >/dev/null 2>verify.err || { fail "verify after the kills"; "$bin" verify; }
# review import: all rows of a round or none
"$bin" log --format json | python3 -c '
import json, sys, collections
rounds = collections.Counter(e["payload"].get("note", "") for e in json.load(sys.stdin)["entries"] if e["action"] == "review.record")
bad = {n: c for n, c in rounds.items() if n.startswith("soak round") and c != '"$rows"'}
sys.exit(1 if bad else 0)' || fail "a review import was recorded in part"
# export: the bundle is whole or absent
for zip in bundle-*.zip; do [ -e "$zip" ] || continue; "$bin" verify --bundle "$zip" --unsigned >/dev/null || fail "$zip is half-written"; done
ls .bundle-*.partial-* >/dev/null 2>&1 && echo "soak: note: interrupted exports left temporary files (never the named bundle)"
# checklist load: each stored version has every item
"$bin" checklist list --format json | python3 -c '
import json, sys
bad = [c for c in json.load(sys.stdin)["checklists"] if c["id"] == "bench" and c["items"] != 3000]
sys.exit(1 if bad else 0)' || fail "a checklist version was stored in part"

echo "soak: 4 processes x 50 concurrent writes"
before=$("$bin" evidence list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["evidence"]))')
for writer in 1 2 3 4; do
  ( for n in $(seq 1 50); do "$bin" evidence add keys.rotation-log --note "writer $writer note $n" >/dev/null || echo "lost $writer $n"; done ) > "writer-$writer.log" 2>&1 &
done
wait
after=$("$bin" evidence list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["evidence"]))')
[ $((after - before)) -eq 200 ] || fail "concurrent writes: $((after - before)) of 200 stored ($(cat writer-*.log | head -3))"
"$bin" verify >/dev/null 2>&1 || fail "verify after concurrent writes"

echo "soak: a full disk"
mkdir -p full
if mount -t tmpfs -o size=6m tmpfs full 2>/dev/null; then
  ( cd full && "$bin" init >/dev/null && "$bin" checklist load "$repo/Checklists/liasonpay" >/dev/null && "$bin" cycle start disk >/dev/null ) || fail "setup on the small disk"
  head -c $((1 << 20)) /dev/urandom > one.bin
  status=0
  for n in $(seq 1 12); do
    cp one.bin "piece-$n.bin"; printf '%s' "$n" >> "piece-$n.bin"
    ( cd full && "$bin" evidence add keys.rotation-log "../piece-$n.bin" >/dev/null 2>../disk.err ); status=$?
    [ $status -ne 0 ] && break
  done
  [ $status -eq 74 ] || fail "a full disk gave exit $status, not 74 ($(cat disk.err))"
  grep -q "evident: error:" disk.err || fail "a full disk printed no error"
  ( cd full && "$bin" verify >/dev/null ) || fail "verify after the disk filled"
  umount full
else
  echo "soak: note: cannot mount a small tmpfs here; the full-disk check was skipped"
fi

if [ $failures -gt 0 ]; then echo "soak: $failures failure(s)"; exit 1; fi
echo "soak: ok — every write whole or absent, nothing lost, the workspace verifies"
