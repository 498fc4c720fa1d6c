#!/usr/bin/env python3
"""Scale benchmark: every named query on an N-protocol store, in landtag-lod and in the
`oxigraph` CLI (PyPI package `oxigraph`, the same engine as a prebuilt binary) over the same
store, side by side.

The store is built from real documents (default: the bundled Plenarprotokoll 18/115; `--source`
takes several, of every kind), each renumbered N times (18/1000, 18/1001, …: its identity
rewritten, its words kept), through the product's own `ingest`. Figures are medians of wall-clock seconds per query, each query run as
a process (start-up and opening the store included, alike for both engines); the ratio is ours
over oxigraph's. Row counts must agree between the engines.

    python3 scripts/scale-bench.py --n 100 --work /tmp/scale100
    python3 scripts/scale-bench.py --n 500 --work /tmp/scale500 --keep-docs
    python3 scripts/scale-bench.py --n 100 --work /tmp/mixed --source sample/pdf/mmp18-115.pdf \
        ../shared/corpus/pdf/*.pdf tests/fixtures/rollcall/annex.pdf ../shared/corpus/*.txt
    python3 scripts/scale-bench.py --work /tmp/pdf --pdf-rate a.pdf b.pdf --rounds 5
"""
import argparse, json, os, re, resource, shutil, statistics, subprocess, sys, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def renumbered(text, ident, new):
    """The document as if it were number `new` of its kind and period: its own number and its
    session (`N. Sitzung`) rewritten, its words kept."""
    _, period, number, session = ident
    if number:
        text = text.replace(f"{period}/{number}", f"{period}/{new}")
    if session:
        text = re.sub(rf"\b{session}\. Sitzung", f"{new}. Sitzung", text)
    return text


def identity(text):
    """A document's kind (as the archive's file names spell it), period, own number and
    session: a plenary protocol prints `Plenarprotokoll P/N` in its running heads, a Drucksache
    `… Wahlperiode Drucksache P/N` in its head; a committee protocol prints no number, its
    session (`61. Sitzung`) is its own."""
    session = re.search(r"\b(\d+)\. Sitzung", text)
    session = session.group(1) if session else None
    if m := re.search(r"Plenarprotokoll (\d+)/(\d+)", text):
        return ("mmp", m.group(1), m.group(2), session)
    if m := re.search(r"Wahlperiode\s+Drucksache (\d+)/(\d+)", text[:400]):
        return ("mmd", m.group(1), m.group(2), None)
    return ("apr", "", None, session)


def file_name(ident, new):
    """The name the Landtag's archive would give copy `new` (`MMP18-115.pdf`,
    `MMD17-10377.pdf`, `APR17-1565.pdf`): as short as the archive's. oxigraph keeps a string
    of up to 15 bytes inline and reads a longer one from the store; the listings sort by source
    (the vendored evaluator reads each row's key once, so longer names cost little more)."""
    return f"{ident[0]}{ident[1]}-{new}.txt"


def build(args, binary):
    """N copies of every source, each source's copies numbered in a block of its own (so two
    sources of one document, an excerpt and its annex, stay apart)."""
    docs = args.work / "docs"
    store = args.work / "store"
    if store.exists():
        shutil.rmtree(store)
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.txt"):
        old.unlink()
    for j, source in enumerate(args.source):
        text = run([binary, "text", str(source)]).stdout.decode()
        ident = identity(text)
        for i in range(args.n):
            new = 1000 + j * args.n + i
            name = file_name(ident, new)
            (docs / name).write_text(renumbered(text, ident, new))
    ingest_s, cpu, rss = measured([binary, "ingest", str(docs), "--store", str(store)])
    print(f"ingest: {ingest_s:.1f} s, CPU {cpu:.2f} cores, peak RSS {rss / 1024:.0f} MiB")
    count = query_ours(binary, store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    quads = int(count.splitlines()[1])
    # The invariant on the scale store: every triple stands in one graph.
    distinct = query_ours(binary, store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                          "WHERE { GRAPH ?g { ?s ?p ?o } } }")
    triples = int(distinct.splitlines()[1])
    print(f"quads {quads}, distinct triples {triples}: " + ("equal" if quads == triples else "DIFFER"))
    if not args.keep_docs:
        shutil.rmtree(docs)
    return store, ingest_s, quads


def measured(cmd):
    """Runs `cmd`: wall seconds, cores used ((user + sys) / wall, its pdftotext children
    included), its peak RSS in KiB."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(err.decode()[-2000:])
    return wall, (usage.ru_utime + usage.ru_stime) / wall, usage.ru_maxrss


def pdf_rate(args):
    """Pages per second of `ingest` over PDFs against one `pdftotext -bbox-layout` over the
    same files, alternating in the same run (`--rounds` times each: the machine's speed drifts);
    CPU use and peak RSS of the ingest."""
    pdfs = [Path(p) for p in args.pdf_rate]
    pages = 0
    for p in pdfs:
        info = run(["pdfinfo", str(p)]).stdout.decode()
        pages += int(re.search(r"Pages:\s+(\d+)", info).group(1))
    store = args.work / "pdf-store"
    rounds = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for p in pdfs:
            run(["pdftotext", "-bbox-layout", str(p), "/dev/null"])
        reference = time.perf_counter() - t
        if store.exists():
            shutil.rmtree(store)
        wall, cpu, rss = measured([args.bin, "ingest", *map(str, pdfs), "--store", str(store)])
        rounds.append((reference, wall, cpu, rss))
        print(f"pdftotext -bbox-layout (one process) {pages / reference:7.1f} pages/s;"
              f" landtag-lod ingest {pages / wall:7.1f} pages/s, ratio {reference / wall:.2f},"
              f" CPU {cpu:.2f} cores, peak RSS {rss / 1024:.0f} MiB")
    reference = statistics.median(r[0] for r in rounds)
    wall = statistics.median(r[1] for r in rounds)
    print(f"{len(pdfs)} PDFs, {pages} pages, {args.rounds} rounds: medians pdftotext"
          f" {pages / reference:.1f} pages/s, ingest {pages / wall:.1f} pages/s,"
          f" ratio {reference / wall:.2f}")


def query_ours(binary, store, query):
    return run([binary, "query", "--store", str(store), query, "--format", "csv"]).stdout.decode()


def timed(cmd):
    """Runs `cmd`: wall seconds, result rows, its peak RSS in MiB, error text."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        dt = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss / 1024
        if proc.returncode != 0:
            return dt, None, rss, err.read().decode()[-300:]
        rows = sum(1 for _ in out) - 1
        return dt, rows, rss, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--source", type=Path, nargs="+", default=[REPO / "sample/pdf/mmp18-115.pdf"],
                    help="the documents copied N times each (default: Plenarprotokoll 18/115)")
    ap.add_argument("--bin", default=os.environ.get("LANDTAG_LOD_BIN", "landtag-lod"))
    ap.add_argument("--oxigraph", default=shutil.which("oxigraph") or "oxigraph")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="time the store already in --work")
    ap.add_argument("--keep-docs", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--pdf-rate", nargs="+", metavar="PDF",
                    help="instead: ingest these PDFs, as a rate against pdftotext -bbox-layout")
    ap.add_argument("--build-only", action="store_true", help="build, skip the query timings")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.pdf_rate:
        return pdf_rate(args)
    if args.reuse:
        store, ingest_s = args.work / "store", None
        quads = int(query_ours(args.bin, store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").splitlines()[1])
    else:
        store, ingest_s, quads = build(args, args.bin)
    print(f"N = {args.n}: {quads} quads" + (f", ingest {ingest_s:.1f} s" if ingest_s else ""))
    if args.build_only:
        return
    print(f"{'query':<15} {'rows':>7} {'ours s':>8} {'oxigraph s':>11} {'ratio':>6}"
          f" {'ours MiB':>9} {'oxigraph MiB':>13}")
    results = []
    for q in sorted((REPO / "queries").glob("*.rq")):
        name = q.stem
        ours, theirs = [], []
        rows_ours = rows_theirs = None
        for _ in range(args.rounds):
            dt, rows_ours, rss_ours, err = timed(
                [args.bin, "query", "--store", str(store), name, "--format", "csv"])
            if err:
                sys.exit(f"{name}: {err}")
            ours.append(dt)
            dt, rows_theirs, rss_theirs, err = timed(
                [args.oxigraph, "query", "--location", str(store), "--query-file", str(q),
                 "--results-format", "csv", "--union-default-graph"])
            if err:
                sys.exit(f"{name} (oxigraph): {err}")
            theirs.append(dt)
        a, b = statistics.median(ours), statistics.median(theirs)
        agree = "" if rows_ours == rows_theirs else f"  ROWS DIFFER: oxigraph {rows_theirs}"
        print(f"{name:<15} {rows_ours:>7} {a:>8.2f} {b:>11.2f} {a / b:>6.2f}"
              f" {rss_ours:>9.0f} {rss_theirs:>13.0f}{agree}")
        results.append({"query": name, "rows": rows_ours, "ours_s": a, "oxigraph_s": b,
                        "rows_oxigraph": rows_theirs, "ours_mib": rss_ours,
                        "oxigraph_mib": rss_theirs})
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "quads": quads, "ingest_s": ingest_s,
                                         "queries": results}, indent=1))


if __name__ == "__main__":
    main()
