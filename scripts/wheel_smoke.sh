#!/usr/bin/env bash
# Install Rasid as users do and run it: build the sdist and, from it, the wheel (`python -m build`),
# install the wheel into a fresh virtual environment, and from a folder outside the source tree
# (so src/ is not importable) run three smoke checks:
#   1. `rasid extract` on the example article gives events;
#   2. `rasid serve` answers GET / with the page (and its scripts and styles) and
#      POST /api/extract with a document with events;
#   3. `rasid ingest` into a temporary SQLite store, then `rasid export`, gives events.
# Before those, every file of src/rasid must be in the sdist and in the wheel.
# Exits non-zero, with a line saying which check failed, if any does. CI runs it (.ci/run).
#
# Usage: bash scripts/wheel_smoke.sh        (PYTHON=python3.12 to pick the interpreter;
#                                            KEEP=1 keeps the temporary folder for a look)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
EXAMPLE="$REPO/examples/sy24_isis_leader_killed.txt"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rasid-wheel-smoke.XXXXXX")"
SERVER_PID=""
FAILED=0

say() { echo "wheel smoke: $*" >&2; }
check_failed() { say "FAIL: $*"; FAILED=$((FAILED + 1)); }
die() { say "FAIL: $*"; exit 1; }

cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "${KEEP:-}" ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the source, as a clone would have it: tracked and new files, nothing ignored (no build/,
# no *.egg-info from an earlier build, whose SOURCES.txt setuptools would read back)
mkdir -p "$WORK/tree" "$WORK/dist" "$WORK/run"
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done \
        | xargs -0 cp --parents -t "$WORK/tree")
else
    cp "$REPO/pyproject.toml" "$REPO/README.md" "$REPO/LICENSE" "$WORK/tree/"
    cp -r "$REPO/src" "$WORK/tree/src"
    find "$WORK/tree/src" \( -name '*.egg-info' -o -name __pycache__ \) -prune -exec rm -rf {} +
fi

# --- build: the sdist, then the wheel from the unpacked sdist (so both must be complete)
say "building the sdist and the wheel"
"$PY" -m venv "$WORK/buildenv"
timeout 600 "$WORK/buildenv/bin/python" -m pip install --quiet --disable-pip-version-check "build==1.6.1" \
    >"$WORK/buildenv.log" 2>&1 \
    || { tail -n 30 "$WORK/buildenv.log" >&2; die "could not install 'build' into $WORK/buildenv"; }
timeout 600 "$WORK/buildenv/bin/python" -m build --outdir "$WORK/dist" "$WORK/tree" >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; die "python -m build failed (log above)"; }
SDIST="$(ls "$WORK"/dist/rasid-*.tar.gz)"
WHEEL="$(ls "$WORK"/dist/rasid-*.whl)"
say "built $(basename "$SDIST") and $(basename "$WHEEL")"

# --- every file of the package (code, data, web page) is in both
"$PY" - "$WORK/tree/src/rasid" "$SDIST" "$WHEEL" <<'EOF' || check_failed "files of src/rasid are missing from the sdist or the wheel (see above): add them to [tool.setuptools.package-data] in pyproject.toml"
import pathlib, sys, tarfile, zipfile
pkg, sdist, wheel = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
want = {p.relative_to(pkg).as_posix() for p in pkg.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
with tarfile.open(sdist) as tf:
    in_sdist = {n.split("/src/rasid/", 1)[1] for n in tf.getnames() if "/src/rasid/" in n}
with zipfile.ZipFile(wheel) as zf:
    in_wheel = {n[len("rasid/"):] for n in zf.namelist() if n.startswith("rasid/")}
bad = False
for name, have in (("sdist", in_sdist), ("wheel", in_wheel)):
    missing = sorted(want - have)
    if missing:
        bad = True
        print(f"wheel smoke: the {name} lacks {len(missing)} of {len(want)} package files: "
              + ", ".join(missing[:12]) + (" ..." if len(missing) > 12 else ""), file=sys.stderr)
if bad:
    sys.exit(1)
print(f"wheel smoke: {len(want)} package files, all in the sdist and the wheel", file=sys.stderr)
EOF

# --- a fresh virtual environment with the wheel and nothing else of the source
say "installing the wheel into a fresh virtual environment"
"$PY" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
RASID="$WORK/venv/bin/rasid"
timeout 900 "$VPY" -m pip install --quiet --disable-pip-version-check "$WHEEL" >"$WORK/install.log" 2>&1 \
    || { grep -v "^WARNING: Location" "$WORK/install.log" | tail -n 30 >&2; die "pip install of the wheel failed"; }
cd "$WORK/run"
unset PYTHONPATH
where="$("$VPY" -c 'import rasid, sys; print(rasid.__file__)')"
case "$where" in
    "$WORK/venv/"*) say "rasid imports from $where" ;;
    *) die "rasid imports from $where, not from the installed wheel" ;;
esac

# --- 1. rasid extract on the example
say "1/3 rasid extract"
if timeout 300 "$RASID" extract "$EXAMPLE" --published 2023-04-04 --source SY24 >extract.jsonl 2>extract.err; then
    n="$("$VPY" -c 'import json,sys; print(len(json.loads(open(sys.argv[1]).readline())["events"]))' extract.jsonl 2>/dev/null || echo 0)"
    if [ "$n" -ge 1 ]; then say "1/3 ok: $n events"; else check_failed "rasid extract gave no events on the example"; fi
else
    cat extract.err >&2
    check_failed "rasid extract exited non-zero"
fi

# --- 2. rasid serve: the page, its assets, and the API
say "2/3 rasid serve"
PORT="$("$VPY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$RASID" serve --port "$PORT" >serve.log 2>&1 &
SERVER_PID=$!
"$VPY" - "$PORT" "$SERVER_PID" "$EXAMPLE" <<'EOF' || { tail -n 20 serve.log >&2; check_failed "rasid serve (its log above)"; }
import json, os, sys, time, urllib.error, urllib.request
port, pid, example = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
base = f"http://127.0.0.1:{port}"

def get(path, data=None, timeout=60):
    req = urllib.request.Request(base + path, data=data,
                                 headers={"content-type": "application/json"} if data else {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.headers.get("content-type", ""), r.read()

deadline = time.monotonic() + 120
while True:
    try:
        get("/api/health", timeout=2)
        break
    except OSError:
        try:
            os.kill(pid, 0)
            if open(f"/proc/{pid}/stat").read().split()[2] == "Z":
                raise ProcessLookupError
        except (ProcessLookupError, FileNotFoundError):
            sys.exit("wheel smoke: the server exited before answering")
        if time.monotonic() > deadline:
            sys.exit("wheel smoke: the server did not answer within 120 s")
        time.sleep(0.5)

status, ctype, body = get("/")
if status != 200 or "text/html" not in ctype or b"/static/app.js" not in body:
    sys.exit(f"wheel smoke: GET / gave {status} {ctype}, not the page")
for path in ("/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
             "/static/vendor/leaflet/leaflet.css", "/static/world.geojson", "/docs"):
    try:
        status, _, body = get(path)
    except urllib.error.HTTPError as exc:
        status, body = exc.code, b""
    if status != 200 or not body:
        sys.exit(f"wheel smoke: GET {path} gave {status}")
text = open(example, encoding="utf-8").read()
req = json.dumps({"text": text, "published": "2023-04-04", "source": "SY24"}).encode()
status, _, body = get("/api/extract", data=req, timeout=120)
events = json.loads(body).get("events") or []
if status != 200 or not events:
    sys.exit(f"wheel smoke: POST /api/extract gave {status} with {len(events)} events")
print(f"wheel smoke: 2/3 ok: the page, its assets and /docs served; POST /api/extract gave "
      f"{len(events)} events", file=sys.stderr)
EOF
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

# --- 3. rasid ingest into a temporary store, then rasid export
say "3/3 rasid ingest and rasid export"
if timeout 300 "$RASID" ingest "$EXAMPLE" --db store.sqlite --published 2023-04-04 --source SY24 -q >ingest.log 2>&1 \
    && timeout 120 "$RASID" export --db store.sqlite --format jsonl -o export.jsonl >>ingest.log 2>&1; then
    n="$("$VPY" -c 'import json,sys; print(sum(1 for ln in open(sys.argv[1]) if ln.strip() and json.loads(ln)))' export.jsonl 2>/dev/null || echo 0)"
    if [ "$n" -ge 1 ]; then say "3/3 ok: $n events exported"; else check_failed "rasid export gave no events after rasid ingest"; fi
else
    tail -n 20 ingest.log >&2
    check_failed "rasid ingest or rasid export exited non-zero"
fi

if [ "$FAILED" -gt 0 ]; then
    say "$FAILED check(s) failed"
    exit 1
fi
say "all checks passed"
