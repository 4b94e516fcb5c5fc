#!/usr/bin/env bash
# Prints the path of a Semgrep executable, installing Semgrep from PyPI into a virtual
# environment (default .build/semgrep-venv, or $EVIDENT_SEMGREP_VENV) when none is there.
# Exits 1, saying why on standard error, when it cannot be installed (no python3, no network).
# Used by `make bench` and by the SARIF import test (which then skips, giving the reason).
set -uo pipefail
cd "$(dirname "$0")/.."
venv=${EVIDENT_SEMGREP_VENV:-$PWD/.build/semgrep-venv}
version=${EVIDENT_SEMGREP_VERSION:-1.185.0}
if [ ! -x "$venv/bin/semgrep" ]; then
  command -v python3 >/dev/null || { echo "semgrep-setup: python3 is not installed" >&2; exit 1; }
  python3 -m venv "$venv" >/dev/null 2>&1 || { echo "semgrep-setup: cannot create a virtual environment at $venv" >&2; exit 1; }
  "$venv/bin/pip" install -q "semgrep==$version" >/dev/null 2>"$venv.log" \
    || { echo "semgrep-setup: pip install semgrep==$version failed: $(tail -n 1 "$venv.log")" >&2; exit 1; }
fi
echo "$venv/bin/semgrep"
