#!/usr/bin/env bash
# Times `evident scan` against `grep -rEn` with a comparable pattern set on a large tree of real
# source code, best of three runs each, and prints wall time and peak memory side by side.
#
#   bench/scan-vs-grep.sh            build release, assemble the tree (once), run
#   BENCH_TREE=/some/tree bench/...  use an existing tree instead
#   RUNS=5 bench/scan-vs-grep.sh     more runs per tool
#
# The tree: the working trees of the Swift package mirrors under /opt/swift-packages (one per
# repository, `git archive HEAD`), else copies of .build/checkouts, until it holds 100+ MB.
# The grep patterns are one or two regular expressions per detector, the nearest a grep user
# would write; grep skips binary files (-I) as Evident does. Evident also hashes every file.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build-scan-release}
TREE=${BENCH_TREE:-/tmp/evident-bench-tree}
RUNS=${RUNS:-3}
MIN_BYTES=$((100 * 1024 * 1024))

echo "building evident (release, scratch path $SCRATCH)…" >&2
swift build -c release --product evident --scratch-path "$SCRATCH" $([[ $SCRATCH == .build-static ]] && echo --static-swift-stdlib) >/dev/null
EVIDENT="$SCRATCH/release/evident"

tree_bytes() { du -sb "$1" 2>/dev/null | cut -f1; }

assemble_tree() {
    rm -rf "$TREE" && mkdir -p "$TREE"
    declare -A seen=()
    if compgen -G "/opt/swift-packages/*/*.git" >/dev/null; then
        for repo in /opt/swift-packages/*/*.git; do
            local key
            key=$(basename "$(dirname "$repo")")-$(basename "$repo" .git)
            key=${key,,}
            [[ -n ${seen[$key]:-} ]] && continue
            seen[$key]=1
            mkdir -p "$TREE/$key"
            git --git-dir="$repo" archive HEAD 2>/dev/null | tar -x -C "$TREE/$key" 2>/dev/null || rm -rf "${TREE:?}/$key"
        done
    fi
    local copy=0
    while [[ $(tree_bytes "$TREE") -lt $MIN_BYTES ]]; do
        [[ -d .build/checkouts || -d "$SCRATCH/checkouts" ]] || { echo "no source to build a tree from" >&2; exit 1; }
        copy=$((copy + 1))
        cp -r "$( [[ -d .build/checkouts ]] && echo .build/checkouts || echo "$SCRATCH/checkouts")" "$TREE/checkouts-$copy"
    done
}

if [[ -z ${BENCH_TREE:-} && ( ! -d $TREE || $(tree_bytes "$TREE") -lt $MIN_BYTES ) ]]; then
    echo "assembling $TREE…" >&2
    assemble_tree
fi

PATTERNS=$(mktemp)
trap 'rm -f "$PATTERNS" "$PATTERNS.time"' EXIT
cat >"$PATTERNS" <<'EOF'
[sr]k_(live|test)_[A-Za-z0-9]{16,}
whsec_[A-Za-z0-9]{16,}
verify[[:space:]]*=[[:space:]]*False
rejectUnauthorized[[:space:]]*:[[:space:]]*false
InsecureSkipVerify[[:space:]]*:[[:space:]]*true
NODE_TLS_REJECT_UNAUTHORIZED
CURLOPT_SSL_VERIFY(PEER|HOST)
CERT_NONE|VERIFY_NONE|TrustAllCerts|ALLOW_ALL_HOSTNAME_VERIFIER
TLSv1(\.[01]|_[01])?[^.0-9_]
VersionTLS1[01]|SslProtocols\.Tls(11)?[^0-9]|SSLv3
http://[^/"' ]*liasonpay
(SELECT|INSERT|UPDATE|DELETE) .*(\$\{|" *\+|%s)
(err|error|e)\.stack|printStackTrace|format_exc|getTraceAsString
(signature|sig|hmac|digest)[[:space:]]*(===?|!==?)
EOF

# Runs "$@" RUNS times with output discarded; prints the best "seconds peak-KB".
best_of() {
    local best="" memory=""
    for _ in $(seq "$RUNS"); do
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -f "%e %M" -o "$PATTERNS.time" "$@" >/dev/null 2>&1 || true
            # The last line: GNU time puts "Command exited with non-zero status" before it.
            read -r seconds kilobytes < <(tail -n 1 "$PATTERNS.time")
        else
            local start end
            start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
            seconds=$(echo "$end - $start" | bc); kilobytes="-"
        fi
        if [[ -z $best ]] || (( $(echo "$seconds < $best" | bc) )); then best=$seconds; memory=$kilobytes; fi
    done
    echo "$best $memory"
}

files=$(find "$TREE" -type f | wc -l)
megabytes=$(( $(tree_bytes "$TREE") / 1024 / 1024 ))
read -r evident_s evident_kb < <(best_of "$EVIDENT" scan "$TREE" --format json)
read -r grep_s grep_kb < <(best_of grep -rEnI -f "$PATTERNS" "$TREE")
# Second reference: Semgrep with the team's equivalent rules (bench/semgrep-rules.yml), offline,
# files up to Evident's own 32 MB limit; SEMGREP=0 leaves it out. Best of SEMGREP_RUNS (default 1).
semgrep_s="" semgrep_kb=""
if [[ ${SEMGREP:-1} != 0 ]] && semgrep=$(bench/semgrep-setup.sh); then
    export SEMGREP_ENABLE_VERSION_CHECK=0 SEMGREP_SEND_METRICS=off
    read -r semgrep_s semgrep_kb < <(RUNS=${SEMGREP_RUNS:-1} best_of "$semgrep" scan --metrics=off --disable-version-check \
        --config bench/semgrep-rules.yml --max-target-bytes=33554432 --sarif --output /dev/null "$TREE")
fi
scanned=$("$EVIDENT" scan "$TREE" --format json 2>/dev/null | grep -m1 '"files_scanned"' | tr -dc '0-9')
matches=$(grep -rEnI -f "$PATTERNS" "$TREE" | wc -l || true)

echo
echo "tree: $TREE — $megabytes MB, $files files ($scanned text files scanned by evident); $(nproc) cores; best of $RUNS"
printf '%-34s %10s %14s %s\n' "tool" "wall (s)" "peak RSS (MB)" "output"
printf '%-34s %10s %14s %s\n' "evident scan --format json" "$evident_s" "$(( ${evident_kb/-/0} / 1024 ))" "JSON report, all 7 detectors"
printf '%-34s %10s %14s %s\n' "grep -rEnI -f patterns (14)" "$grep_s" "$(( ${grep_kb/-/0} / 1024 ))" "$matches matching lines"
[[ -n $semgrep_s ]] && printf '%-34s %10s %14s %s\n' "semgrep --config semgrep-rules.yml" "$semgrep_s" "$(( ${semgrep_kb/-/0} / 1024 ))" "SARIF, 7 equivalent rules"
true
