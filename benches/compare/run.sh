#!/usr/bin/env bash
# Side-by-side measurement of stance, scikit-learn and fastText on the same
# data, one run, one machine. Run by hand (not in CI): see README.md.
# Prints the table; writes RESULTS.md only with --write-results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install -q --upgrade pip
    # fasttext-wheel is the prebuilt wheel of Facebook's fastText 0.9.2; its
    # predict() needs NumPy 1.x.
    "$here/.venv/bin/pip" install -q "scikit-learn==1.5.*" "numpy<2" "fasttext-wheel==0.9.2"
fi
cargo build --release -q
target="${CARGO_TARGET_DIR:-$root/target}"
export PYTHONDONTWRITEBYTECODE=1
exec "$here/.venv/bin/python" "$here/compare.py" --stance "$target/release/stance" "$@"
