#!/usr/bin/env bash
# Renders the demo's HTML report, its PCI DSS view and its programme overview page in headless
# Chromium to PNGs and fails on any console message (script errors, Content-Security-Policy
# violations such as a blocked external request).
# Usage: scripts/browser-check.sh EVIDENT_BINARY OUTPUT_DIR
set -euo pipefail
binary=${1:?usage: browser-check.sh EVIDENT_BINARY OUTPUT_DIR}
out=${2:?usage: browser-check.sh EVIDENT_BINARY OUTPUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "browser-check: installing Debian's chromium…"
  SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

rm -rf "$out/demo"
"$binary" demo --dir "$out/demo" >/dev/null
export EVIDENT_DB="$out/demo/.evident/evident.db" EVIDENT_NOW=2026-11-20T10:00:00Z
"$binary" report --format html --out "$out/report.html"
"$binary" overview --format html --out "$out/overview.html"
"$binary" report --by pci-dss --format html --out "$out/report-pci-dss.html"

flags=(--headless=new --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 --window-size=1280,2400)
[ "$(id -u)" -eq 0 ] && flags+=(--no-sandbox)
for page in report overview report-pci-dss; do
  timeout 120 "$browser" "${flags[@]}" --screenshot="$out/$page.png" "file://$out/$page.html" 2>"$out/chromium-$page.log" >/dev/null || {
    echo "browser-check: chromium failed on $page.html; see $out/chromium-$page.log"; exit 1; }
  if grep -q ':CONSOLE' "$out/chromium-$page.log"; then
    echo "browser-check: $page.html logged console messages (errors or blocked requests):"
    grep ':CONSOLE' "$out/chromium-$page.log"
    exit 1
  fi
  [ -s "$out/$page.png" ] || { echo "browser-check: no screenshot of $page.html was written"; exit 1; }
done
echo "browser-check: ok — report.html, overview.html and report-pci-dss.html in $out rendered with no console message; screenshots beside them"
