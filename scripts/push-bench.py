#!/usr/bin/env python3
"""Push rate: `landtag-lod push` into Virtuoso 7 over the Graph Store Protocol, against
Virtuoso's own bulk loader (`ld_dir` + `rdf_loader_run()` through `isql-vt`) on the same
quads (the store's N-Quads dump), each into a fresh database, in the same run.

    python3 scripts/push-bench.py --store /tmp/sc100/store --work /tmp/pushbench
"""
import argparse, os, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path

INI = """[Database]
DatabaseFile = {d}/v.db
ErrorLogFile = {d}/v.log
LockFile = {d}/v.lck
TransactionFile = {d}/v.trx
xa_persistent_file = {d}/v.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/t.db
TransactionFile = {d}/t.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = ., {d}, {data}
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 1000000
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def virtuoso(d, data):
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    sql, http = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http, data=data))
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", "virtuoso.ini"], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D", timeout=2)
            return proc, sql, http
        except Exception:
            time.sleep(0.2)
    sys.exit("virtuoso did not come up")


def count(http):
    q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://landtag-lod')) }")
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/sparql?query={q}&format=text/csv") as r:
        return int(r.read().decode().splitlines()[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--bin", default=os.environ.get("LANDTAG_LOD_BIN", "landtag-lod"))
    args = ap.parse_args()
    data = args.work / "data"
    data.mkdir(parents=True, exist_ok=True)
    dump = data / "store.nq"
    subprocess.run([args.bin, "dump", "--store", str(args.store), "--out", str(dump)], check=True,
                   capture_output=True)
    quads = sum(1 for _ in dump.open())

    proc, sql, http = virtuoso(args.work / "db-push", data)
    record = args.store / "push"
    shutil.rmtree(record, ignore_errors=True)
    t = time.perf_counter()
    subprocess.run([args.bin, "push", "--store", str(args.store), "--to",
                    f"http://127.0.0.1:{http}/sparql-graph-crud-auth", "--user", "dba",
                    "--password", "dba"], check=True)
    push_s = time.perf_counter() - t
    pushed = count(http)
    proc.terminate(); proc.wait()
    shutil.rmtree(record, ignore_errors=True)

    proc, sql, http = virtuoso(args.work / "db-bulk", data)
    t = time.perf_counter()
    subprocess.run(["isql-vt", str(sql), "dba", "dba",
                    f"exec=ld_dir('{data}', 'store.nq', 'http://example.org/unused'); rdf_loader_run(); checkpoint;"],
                   check=True, capture_output=True)
    bulk_s = time.perf_counter() - t
    loaded = count(http)
    proc.terminate(); proc.wait()

    print(f"{quads} quads (N-Quads dump of {args.store})")
    print(f"landtag-lod push (Graph Store, digest auth)  {push_s:7.1f} s  {quads / push_s:9.0f} quads/s  ({pushed} there)")
    print(f"Virtuoso bulk loader (ld_dir, rdf_loader_run) {bulk_s:7.1f} s  {quads / bulk_s:9.0f} quads/s  ({loaded} there)")
    print(f"ratio push / bulk loader: {bulk_s / push_s:.2f}")


if __name__ == "__main__":
    main()
