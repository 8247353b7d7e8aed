#!/usr/bin/env bash
# Renders the HTML jury pack of a call to PDF with headless Chromium and checks that every
# structure of the pack appears in the PDF text. Not part of `cargo test` (it needs Chromium).
#
# Usage:
#   scripts/render-jury-pack.sh --call ID [--workspace DIR] [--out DIR] [other export flags…]
#   e.g. scripts/render-jury-pack.sh --call tempo-2026 --workspace /tmp/ws --status en_instruction
#
# Needs: chromium, pdftotext and pdftoppm (Debian: apt-get install chromium poppler-utils), jq.
# Writes into --out (default: a new temporary folder): pack.html, pack.json, pack.pdf,
# pack.txt (pdftotext) and page-1.png (first page, 80 dpi, to look at).
# Exit status: 0 when every structure name is found in the PDF, 1 otherwise, 2 on bad usage.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out=""
workspace=()
export_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --workspace) workspace=(--workspace "$2"); shift 2 ;;
    -o|--output|--format) echo "render-jury-pack: $1 is chosen by the script" >&2; exit 2 ;;
    *) export_args+=("$1"); shift ;;
  esac
done
if [[ ${#export_args[@]} -eq 0 ]]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
for tool in chromium pdftotext pdftoppm jq; do
  command -v "$tool" >/dev/null || { echo "render-jury-pack: $tool is missing" >&2; exit 2; }
done
out="${out:-$(mktemp -d -t jury-pack.XXXXXX)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

bin="${ANCRAGE_BIN:-}"
if [[ -z "$bin" ]]; then
  cargo build --quiet --manifest-path "$root/Cargo.toml"
  bin="$root/target/debug/ancrage"
fi

"$bin" "${workspace[@]}" export "${export_args[@]}" --format html --force -o "$out/pack.html"
"$bin" "${workspace[@]}" export "${export_args[@]}" --format json --force -o "$out/pack.json" >/dev/null

# A throw-away profile, so the render never touches the user's Chromium settings.
profile="$(mktemp -d -t jury-pack-chromium.XXXXXX)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
  --no-pdf-header-footer --print-to-pdf="$out/pack.pdf" "file://$out/pack.html" 2>"$out/chromium.log"
pdftotext "$out/pack.pdf" "$out/pack.txt"
pdftoppm -png -r 80 -f 1 -l 1 "$out/pack.pdf" "$out/page"
mv -f "$out"/page-*1.png "$out/page-1.png" 2>/dev/null || true

# Names may wrap across lines in table cells: compare with all white space removed.
text="$(tr -d '[:space:]' <"$out/pack.txt")"
missing=0
count=0
while IFS= read -r name; do
  count=$((count + 1))
  squeezed="$(printf '%s' "$name" | tr -d '[:space:]')"
  if [[ "$text" != *"$squeezed"* ]]; then
    echo "absent du PDF : $name" >&2
    missing=$((missing + 1))
  fi
done < <(jq -r '.jury_report.applications[].name' "$out/pack.json" | sort -u)

pages="$(pdfinfo "$out/pack.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
echo "PDF : $out/pack.pdf (${pages:-?} pages) ; aperçu : $out/page-1.png"
if [[ $missing -gt 0 ]]; then
  echo "$missing structure(s) sur $count absente(s) du PDF" >&2
  exit 1
fi
echo "Les $count structure(s) du dossier figurent dans le PDF."
