#!/usr/bin/env python3
"""Every named query through the endpoint, with its default limits, on an N-protocol store.

Builds the store as scripts/scale-bench.py does (or reuses --work/store), starts `serve` on
loopback with no limit changed, and for each named query times, medians of --rounds:
the whole listing (`Accept: text/csv`, status and bytes), its first 1,000 rows (the query
with `LIMIT 1000` after it), and the whole listing in the `oxigraph` CLI over the same store
(`query --union-default-graph`, run as a process: the reference, in the same run). Reports the
server's peak resident memory (VmHWM) after all of it.

    python3 scripts/listings-bench.py --n 100 --work /tmp/scale100
    python3 scripts/listings-bench.py --work /tmp/scale100 --reuse
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def post(url, query, accept="text/csv"):
    req = urllib.request.Request(url, data=query.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": accept})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return time.perf_counter() - t, status, body


def oxigraph(binary, store, query_file):
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        subprocess.run([binary, "query", "--location", str(store), "--query-file", str(query_file),
                        "--results-format", "csv", "--union-default-graph"],
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - t


def start(binary, store):
    proc = subprocess.Popen([binary, "serve", "--store", str(store), "--bind", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    url = re.search(r"http://\S+", line).group(0).rstrip("/")
    return proc, url


def peak_mib(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--bin", default=os.environ.get("LANDTAG_LOD_BIN", "landtag-lod"))
    ap.add_argument("--oxigraph", default=shutil.which("oxigraph") or "oxigraph")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args()
    if not args.reuse:
        subprocess.run([sys.executable, str(REPO / "scripts/scale-bench.py"), "--n", str(args.n),
                        "--work", str(args.work), "--build-only"], check=True,
                       env={**os.environ, "LANDTAG_LOD_BIN": args.bin})
    store = args.work / "store"
    queries = sorted((REPO / "queries").glob("*.rq"))
    # The oxigraph CLI first: RocksDB lets one process open the store, and serve holds it.
    reference = {q.stem: statistics.median(oxigraph(args.oxigraph, store, q) for _ in range(args.rounds))
                 for q in queries}
    proc, url = start(args.bin, store)
    try:
        time.sleep(2)  # the server's background refresh of the listings, if any was stale
        print(f"{'query':<15} {'status':>6} {'rows':>8} {'whole s':>8} {'first 1000 s':>13}"
              f" {'oxigraph s':>11} {'ratio':>6}")
        for q in queries:
            text = q.read_text()
            whole, first = [], []
            for _ in range(args.rounds):
                dt, status, body = post(f"{url}/sparql", text)
                whole.append(dt)
                dt1, status1, _ = post(f"{url}/sparql", text + "\nLIMIT 1000")
                first.append(dt1)
            rows = body.count(b"\n") - 1
            w, f, o = statistics.median(whole), statistics.median(first), reference[q.stem]
            print(f"{q.stem:<15} {status:>3}/{status1:<3} {rows:>8} {w:>8.3f} {f:>13.3f}"
                  f" {o:>11.2f} {o / w:>6.1f}")
        print(f"server peak RSS: {peak_mib(proc.pid):.0f} MiB")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
