#!/usr/bin/env bash
# Bounded fuzzing run for CI: bash fuzz/run.sh SECONDS (total, split between the harnesses).
# Seeds come from the test tables; crashes are written to fuzz/artifacts/ and fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
TOTAL="${1:-60}"
# the interpreter: $PYTHON, else the active virtual environment's, else the repo's .venv
if [ -n "${PYTHON:-}" ]; then PY="$PYTHON"
elif [ -n "${VIRTUAL_ENV:-}" ] || [ ! -x .venv/bin/python ]; then PY=python
else PY=.venv/bin/python; fi
HARNESSES=(fuzz_text fuzz_dates)
EACH=$(( TOTAL / ${#HARNESSES[@]} ))
[ "$EACH" -ge 1 ] || EACH=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p fuzz/artifacts
"$PY" fuzz/seeds.py "$WORK/seeds" >/dev/null
status=0
for h in "${HARNESSES[@]}"; do
  mkdir -p "$WORK/$h"
  cp "$WORK/seeds/"* "$WORK/$h/"
  echo "== $h: ${EACH}s"
  if ! "$PY" "fuzz/$h.py" "$WORK/$h" -max_total_time="$EACH" -timeout=20 -rss_limit_mb=4096 \
       -max_len=4096 -artifact_prefix="fuzz/artifacts/$h-" -print_final_stats=1 \
       2> "$WORK/$h.log"; then
    status=1
    tail -n 40 "$WORK/$h.log"
  else
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$WORK/$h.log" || tail -n 3 "$WORK/$h.log"
  fi
done
exit $status
