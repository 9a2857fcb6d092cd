#!/usr/bin/env python3
"""Foundation benchmarks: demo cold start to healthy, and page throughput under load.

Everything runs in one session on one machine, side by side, so ratios are meaningful even on a
noisy machine: SQLite against PostgreSQL (when its server binaries are installed), and each page
against a static file served by the same process (the HTTP stack's ceiling).
"""
import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=2.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


class Server:
    """A `kapok demo` process on a free port."""

    def __init__(self, binary, data_dir, database_url=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [binary, "demo", "--addr", f"127.0.0.1:{self.port}", "--data-dir", data_dir]
        if database_url:
            args += ["--database-url", database_url]
        env = dict(os.environ, KAPOK_LOG="warn")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def wait_healthy(self, limit=60.0):
        while time.perf_counter() - self.started < limit:
            try:
                if get(self.base + "/healthz", timeout=0.5)[0] == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("kapok demo exited early")
            time.sleep(0.005)
        raise RuntimeError("kapok demo did not become healthy")

    def wait_search(self, limit=60.0):
        while time.perf_counter() - self.started < limit:
            try:
                if get(self.base + "/api/v1/initiatives?q=water&limit=1")[0] == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError("the search index was not built")

    def peak_rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url_lua_paths, base, seconds, connections, threads):
    """Runs wrk over a rotating list of paths; returns requests/s, p50 and p99 in ms, errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("paths = {" + ",".join(json.dumps(p) for p in url_lua_paths) + "}\n")
        script.write(
            "counter = 0\n"
            "request = function()\n"
            "  counter = counter + 1\n"
            "  return wrk.format('GET', paths[(counter % #paths) + 1])\n"
            "end\n"
        )
        lua = script.name
    try:
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua, base],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(lua)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    return rate, percentile(50), percentile(99), errors


def postgres_cluster():
    """Starts a throwaway PostgreSQL; returns (admin URL, stop function) or None."""
    bins = sorted(d for d in (f"/usr/lib/postgresql/{v}/bin" for v in os.listdir("/usr/lib/postgresql")) if os.path.isdir(d)) if os.path.isdir("/usr/lib/postgresql") else []
    if not bins:
        return None
    bin_dir = bins[-1]
    root = tempfile.mkdtemp(prefix="kapok-bench-pg.")
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    subprocess.run(as_pg + [f"{bin_dir}/initdb", "-D", f"{root}/data", "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run(as_pg + [f"{bin_dir}/pg_ctl", "-D", f"{root}/data", "-l", f"{root}/log", "-w", "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {root}", "start"], check=True, capture_output=True)
    subprocess.run(["psql", f"postgres://postgres@127.0.0.1:{port}/postgres", "-qc", "CREATE DATABASE kapok_bench"], check=True, capture_output=True)

    def stop():
        subprocess.run(as_pg + [f"{bin_dir}/pg_ctl", "-D", f"{root}/data", "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)

    return f"postgres://postgres@127.0.0.1:{port}/kapok_bench", stop


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/kapok")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cold-starts", type=int, default=5)
    args = parser.parse_args()

    print(f"# Foundation benchmarks\n\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}.\n")

    # 1. Cold start: a fresh data directory each time, to /healthz answering 200.
    cold, search_ready = [], []
    for _ in range(args.cold_starts):
        with tempfile.TemporaryDirectory() as data:
            server = Server(args.binary, data)
            try:
                cold.append(server.wait_healthy())
                search_ready.append(server.wait_search())
            finally:
                server.stop()
    print("## Demo cold start (fresh data directory → /healthz 200)\n")
    print(f"{args.cold_starts} runs: median {statistics.median(cold):.2f} s, max {max(cold):.2f} s "
          f"(target < 3 s). Search index ready (built in the background): median {statistics.median(search_ready):.2f} s.\n")

    # 2. Throughput, SQLite and (if available) PostgreSQL, side by side in this run.
    engines = [("SQLite", None)]
    cluster = postgres_cluster()
    if cluster:
        engines.append(("PostgreSQL", cluster[0]))
    rows = []
    try:
        for name, url in engines:
            with tempfile.TemporaryDirectory() as data:
                server = Server(args.binary, data, url)
                try:
                    server.wait_healthy(120)
                    server.wait_search(120)
                    listing = json.loads(get(server.base + "/api/v1/initiatives?limit=100")[1])
                    total = listing["total"]
                    ids = []
                    cursor = None
                    while len(ids) < 1000:
                        page = json.loads(get(server.base + "/api/v1/initiatives?limit=100" + (f"&cursor={cursor}" if cursor else ""))[1])
                        ids += [item["id"] for item in page["items"]]
                        cursor = page["next"]
                        if not cursor:
                            break
                    pages = (total + 19) // 20
                    workloads = [
                        ("static file (/static/kapok.css)", ["/static/kapok.css"]),
                        ("initiative page", [f"/initiatives/{i}" for i in ids]),
                        ("initiative JSON (API)", [f"/api/v1/initiatives/{i}" for i in ids]),
                        ("library page", [f"/library?page={p}" for p in range(1, min(pages, 100) + 1)]),
                        ("library search", [f"/library?q={w}" for w in ["water", "youth", "waste", "women", "energy", "digital", "agua", "eau", "climate", "market"]]),
                    ]
                    # Warm up caches the way a running site is warm.
                    wrk(workloads[1][1], server.base, 3, args.connections, args.threads)
                    for label, paths in workloads:
                        rate, p50, p99, errors = wrk(paths, server.base, args.seconds, args.connections, args.threads)
                        rows.append((name, label, rate, p50, p99, errors))
                    rss = server.peak_rss_mib()
                    rows.append((name, "peak resident memory", rss, None, None, None))
                finally:
                    server.stop()
    finally:
        if cluster:
            cluster[1]()

    print(f"## Throughput (wrk, {args.connections} connections, {args.threads} threads, {args.seconds} s each, on loopback)\n")
    print("| engine | workload | requests/s | p50 ms | p99 ms | errors | vs static file |")
    print("|---|---|---:|---:|---:|---:|---:|")
    ceiling = {name: rate for name, label, rate, *_ in rows if label.startswith("static")}
    for name, label, rate, p50, p99, errors in rows:
        if p50 is None:
            print(f"| {name} | {label} | {rate:.0f} MiB | | | | |")
        else:
            print(f"| {name} | {label} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {errors} | {rate / ceiling[name]:.2f} |")
    if len(engines) == 2:
        print("\nPostgreSQL / SQLite, same workload, same run:\n")
        sqlite = {label: rate for name, label, rate, *_ in rows if name == "SQLite"}
        for name, label, rate, p50, *_ in rows:
            if name == "PostgreSQL" and p50 is not None:
                print(f"- {label}: {rate / sqlite[label]:.2f}")
    print("\nTarget: ≥ 5,000 initiative pages/s on the 2-core development machine.")


if __name__ == "__main__":
    sys.exit(main())
