#!/usr/bin/env python3
"""Full-text search against SPARQL REGEX on the same server, on an N-protocol store.

Builds the store as scripts/scale-bench.py does (N renumbered copies of Plenarprotokoll 18/115
through `ingest`, which keeps the search index in step), starts `serve` on loopback, and for a
list of words times `GET /search?q=WORD&kind=speech` (JSON) and the SPARQL query for the same
speeches, a whole-word `REGEX` in any case, through `/sparql`; each answer's median over
`--rounds`. It checks that every speech the REGEX finds is a hit of the search.

    python3 scripts/search-bench.py --n 100 --work /tmp/search100
    python3 scripts/search-bench.py --work /tmp/search100 --reuse
"""
import argparse, json, os, statistics, subprocess, sys, time, urllib.parse, urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS = ["Schule", "Ganztagsbetreuung", "Polizei", "Digitalisierung", "Haushalt", "Kommunen",
         "Wasserstoff", "Extremismus", "Landesregierung", "Energiewende", "Klimaschutz", "Kita"]


def get(url, accept):
    req = urllib.request.Request(url, headers={"Accept": accept})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read()
    return time.perf_counter() - t, body


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--bin", default=os.environ.get("LANDTAG_LOD_BIN", "landtag-lod"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args()
    if not args.reuse:
        subprocess.run([sys.executable, str(REPO / "scripts/scale-bench.py"), "--n", str(args.n),
                        "--work", str(args.work), "--build-only"], check=True,
                       env={**os.environ, "LANDTAG_LOD_BIN": args.bin})
    store = args.work / "store"
    server = subprocess.Popen([args.bin, "serve", "--store", str(store), "--bind", "127.0.0.1:0",
                               "--timeout", "600", "--max-query-memory-mb", "4096",
                               "--max-memory-mb", "8192"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        url = next(w for w in line.split() if w.startswith("http://")).rstrip("/")
        print(f"{'word':<18} {'speeches':>8} {'search ms':>10} {'REGEX ms':>10} {'ratio':>7}")
        ours_all, ratios = [], []
        for word in WORDS:
            regex = ("SELECT ?s WHERE { ?s a <http://www.w3.org/ns/opengov#Speech> ; "
                     "<http://schema.org/text> ?t FILTER(REGEX(?t, \"\\\\b" + word + "\\\\b\", \"i\")) }")
            s_times, r_times = [], []
            for _ in range(args.rounds):
                q = urllib.parse.urlencode({"q": word, "kind": "speech", "limit": 20})
                dt, body = get(f"{url}/search?{q}", "application/json")
                s_times.append(dt)
                dt, rbody = get(f"{url}/sparql?" + urllib.parse.urlencode({"query": regex}),
                                "application/sparql-results+json")
                r_times.append(dt)
            found = {b["s"]["value"] for b in json.loads(rbody)["results"]["bindings"]}
            total = json.loads(body)["total"]
            # Every speech the REGEX finds is a hit: page through the search's hits.
            hits, offset = set(), 0
            while offset < total:
                q = urllib.parse.urlencode({"q": word, "kind": "speech", "limit": 100, "offset": offset})
                _, page = get(f"{url}/search?{q}", "application/json")
                hits |= {h["id"] for h in json.loads(page)["hits"]}
                offset += 100
            missing = found - hits
            s, r = statistics.median(s_times), statistics.median(r_times)
            ours_all.append(s)
            ratios.append(r / s)
            print(f"{word:<18} {len(found):>8} {s * 1000:>10.1f} {r * 1000:>10.1f} {r / s:>6.0f}x"
                  + (f"  MISSING {len(missing)}" if missing else ""))
        print(f"median search {statistics.median(ours_all) * 1000:.1f} ms; "
              f"REGEX / search median {statistics.median(ratios):.0f}x, least {min(ratios):.0f}x")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
