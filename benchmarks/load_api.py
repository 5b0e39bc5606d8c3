"""Bounded load test of `POST /api/extract`: N concurrent clients on loopback, a fixed number of
requests, latency percentiles printed.

Starts its own server (a subprocess running ``rasid.serve.api.create_app`` under uvicorn on
127.0.0.1 and a free port) unless ``--url`` points at a running one, sends ``--warmup`` requests,
then ``--requests`` requests from ``--clients`` threads, each with its own keep-alive connection.

    python benchmarks/load_api.py                       # 8 clients, 400 requests, cache off
    python benchmarks/load_api.py --cache               # the server's result cache on
    python benchmarks/load_api.py --workers 2           # two server processes
    python benchmarks/load_api.py --processes 2         # one server, two extraction processes
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples/sy24_isis_leader_killed.txt"

SERVER = """
import sys, uvicorn
from rasid.serve.api import create_app
port, workers, cache, processes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
if workers == 1:
    uvicorn.run(create_app(cache_size=cache, processes=processes), host="127.0.0.1", port=port,
                log_level="warning")
else:
    import os
    os.environ["RASID_SERVE_CACHE"] = str(cache)
    uvicorn.run("rasid.serve.api:app_from_env", factory=True, host="127.0.0.1", port=port,
                workers=workers, log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(host: str, port: int, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on {host}:{port} did not come up in {timeout:.0f} s")


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    k = max(0, min(len(sorted_ms) - 1, int(round(q / 100 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


def run_load(host: str, port: int, body: bytes, clients: int, requests: int,
             warmup: int) -> dict:
    headers = {"content-type": "application/json"}
    lock = threading.Lock()
    left = [warmup + requests]
    latencies: list[float] = []
    errors: list[str] = []

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while True:
            with lock:
                if left[0] <= 0:
                    break
                left[0] -= 1
                measured = left[0] < requests
            t0 = time.perf_counter()
            conn.request("POST", "/api/extract", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                if resp.status != 200:
                    errors.append(str(resp.status))
                elif measured:
                    latencies.append(ms)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {"clients": clients, "requests": len(lat), "errors": len(errors),
            "p50_ms": round(percentile(lat, 50), 1), "p95_ms": round(percentile(lat, 95), 1),
            "p99_ms": round(percentile(lat, 99), 1), "mean_ms": round(statistics.fmean(lat), 1),
            "max_ms": round(lat[-1], 1), "throughput_rps": round((warmup + requests) / wall, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="measured requests (bounded)")
    ap.add_argument("--warmup", type=int, default=16)
    ap.add_argument("--article", type=Path, default=EXAMPLE)
    ap.add_argument("--published", default="2023-04-04")
    ap.add_argument("--source", default="SY24")
    ap.add_argument("--cache", action="store_true", help="leave the server's result cache on")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--processes", type=int, default=0,
                    help="extraction processes behind one server (rasid serve --processes)")
    ap.add_argument("--url", help="use a running server (loopback only), e.g. http://127.0.0.1:8000")
    args = ap.parse_args()
    if args.requests > 100_000 or args.clients > 256:
        raise SystemExit("keep the load test bounded: at most 100000 requests and 256 clients")

    body = json.dumps({"text": args.article.read_text(encoding="utf-8"),
                       "published": args.published, "source": args.source}).encode()
    proc = None
    if args.url:
        u = urlsplit(args.url)
        host, port = u.hostname or "127.0.0.1", u.port or 80
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("loopback only: --url must be on 127.0.0.1 or localhost")
    else:
        host, port = "127.0.0.1", free_port()
        env = dict(os.environ, RASID_SERVE_CACHE=str(256 if args.cache else 0))
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(args.workers),
                                 str(256 if args.cache else 0), str(args.processes)], env=env)
    try:
        wait_ready(host, port)
        result = run_load(host, port, body, args.clients, args.requests, args.warmup)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    result.update(cache=args.cache, workers=args.workers, processes=args.processes, cpus=os.cpu_count())
    print(f"POST /api/extract  {args.article.name}  clients={result['clients']} "
          f"requests={result['requests']} workers={args.workers} processes={args.processes} "
          f"cache={'on' if args.cache else 'off'}")
    print(f"  p50 {result['p50_ms']} ms   p95 {result['p95_ms']} ms   p99 {result['p99_ms']} ms   "
          f"mean {result['mean_ms']} ms   max {result['max_ms']} ms   "
          f"{result['throughput_rps']} req/s   errors {result['errors']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
