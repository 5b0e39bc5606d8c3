"""Bounded load test of `POST /api/extract`: N concurrent clients on loopback, a fixed number of
requests, latency percentiles printed.

Starts its own server (a subprocess running ``rasid.serve.api.create_app`` under uvicorn on
127.0.0.1 and a free port) unless ``--url`` points at a running one, sends ``--warmup`` requests,
then ``--requests`` requests from ``--clients`` clients, each with its own keep-alive connection
(one asyncio loop in one thread: see run_load).

    python benchmarks/load_api.py                       # 8 clients, 400 requests, cache off
    python benchmarks/load_api.py --cache               # the server's result cache on
    python benchmarks/load_api.py --workers 2           # two server processes
    python benchmarks/load_api.py --processes 2         # one server, two extraction processes
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmarks' shared helpers
from bench_pipeline import python_build  # noqa: E402
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


def _request(host: str, port: int, body: bytes) -> bytes:
    """The raw HTTP/1.1 request, built once and sent as is by every client."""
    head = (f"POST /api/extract HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    request: bytes) -> int:
    """Send one request on a keep-alive connection and read the whole answer; its status."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
        elif name.strip().lower() == "transfer-encoding":
            raise SystemExit("the server answered with a chunked body; this client reads "
                             "Content-Length answers only")
    if length is None:
        raise SystemExit("the server's answer has no Content-Length")
    await reader.readexactly(length)
    return status


async def _load(host: str, port: int, body: bytes, clients: int, requests: int,
                warmup: int) -> tuple[list[float], list[str], float]:
    request = _request(host, port, body)
    left = warmup + requests
    latencies: list[float] = []
    errors: list[str] = []

    async def client() -> None:
        nonlocal left
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while left > 0:
                left -= 1
                measured = left < requests
                t0 = time.perf_counter()
                status = await _exchange(reader, writer, request)
                ms = (time.perf_counter() - t0) * 1000
                if status != 200:
                    errors.append(str(status))
                elif measured:
                    latencies.append(ms)
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors, time.perf_counter() - t0


def _event_loop_run():
    """``uvloop.run`` where uvloop is installed (not on Windows), else ``asyncio.run``."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def run_load(host: str, port: int, body: bytes, clients: int, requests: int,
             warmup: int) -> dict:
    """``clients`` keep-alive connections on one asyncio loop, each sending its next request
    as soon as the answer to the last one is read. One thread and a request built once keep the
    client's own CPU small: it shares the machine with the server (816 requests: 0.32 s of
    client CPU, start-up included, against 0.44 s for 8 threads using http.client; 0.20 s on
    uvloop's loop, used when installed, as it is with Rasid's dependencies)."""
    latencies, errors, wall = _event_loop_run()(_load(host, port, body, clients, requests, warmup))
    if not latencies:
        raise SystemExit(f"no request succeeded (statuses: {', '.join(sorted(set(errors)))})")
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
    result.update(cache=args.cache, workers=args.workers, processes=args.processes, cpus=os.cpu_count(),
                  python=python_build())  # this script's, and the server's when it starts one
    print(f"POST /api/extract  {args.article.name}  clients={result['clients']} "
          f"requests={result['requests']} workers={args.workers} processes={args.processes} "
          f"cache={'on' if args.cache else 'off'}  ({result['python']})")
    print(f"  p50 {result['p50_ms']} ms   p95 {result['p95_ms']} ms   p99 {result['p99_ms']} ms   "
          f"mean {result['mean_ms']} ms   max {result['max_ms']} ms   "
          f"{result['throughput_rps']} req/s   errors {result['errors']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
