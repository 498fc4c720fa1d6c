"""Seeds for the fuzz targets, cut from the bundled corpus: `text/` holds paragraphs of the
sample texts and the written variants (vote passages, roll-call rows), at most 4 KiB each;
`layout/` holds poppler `-tsv` pages of the bundled PDFs, a few blocks each; the roll-call
annexes' pages as `pdftotext -layout` prints them (its first lines, a form feed, the next
page's first rows) are text seeds too."""
import json, os, pathlib, re, subprocess, sys

out = pathlib.Path(sys.argv[1])
(out / "text").mkdir(parents=True, exist_ok=True)
(out / "layout").mkdir(parents=True, exist_ok=True)
n = 0

def seed(kind, data):
    global n
    n += 1
    (out / kind / f"{n:05}").write_bytes(data.encode() if isinstance(data, str) else data)

for folder in sys.argv[2:]:
    for p in sorted(pathlib.Path(folder).rglob("*")):
        if p.suffix == ".txt":
            chunk = ""
            for para in re.split(r"\n\s*\n", p.read_text(encoding="utf-8", errors="replace")):
                if len(chunk) + len(para) > 4000:
                    seed("text", chunk)
                    chunk = ""
                chunk += para[:4000] + "\n\n"
            if chunk:
                seed("text", chunk)
        elif p.suffix == ".json":
            def strings(v):
                if isinstance(v, str):
                    yield v
                elif isinstance(v, dict):
                    for x in v.values():
                        yield from strings(x)
                elif isinstance(v, list):
                    for x in v:
                        yield from strings(x)
            for s in strings(json.loads(p.read_text())):
                if len(s) > 20:
                    seed("text", s[:4000])
        elif p.suffix == ".pdf":
            r = subprocess.run(["pdftotext", "-tsv", "-f", "1", "-l", "12", str(p), "-"],
                               capture_output=True, text=True)
            rows = r.stdout.splitlines()
            header, pages, page = rows[:1], [], []
            for row in rows[1:]:
                if row.startswith("1\t") and page:
                    pages.append(page)
                    page = []
                page.append(row)
            pages.append(page)
            if "rollcall" in p.parts:
                r = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True,
                                   text=True)
                printed = [pg.splitlines() for pg in r.stdout.split("\f")]
                for a, b in zip(printed, printed[1:]):
                    lines = [l.rstrip() for l in a[:14]] + ["\f"] + [l.rstrip() for l in b[:6]]
                    seed("text", "\n".join(lines))
            for page in [p for p in pages if p][:12]:
                # A page cut to its first blocks: small inputs run fast.
                starts = [i for i, row in enumerate(page) if row.startswith("3\t")] + [len(page)]
                for k in range(0, min(len(starts) - 1, 12), 3):
                    body = page[starts[k] : starts[min(k + 3, len(starts) - 1)]]
                    seed("layout", "\n".join(header + page[:1] + body)[:4096] + "\n")
print(f"{n} seeds in {out}")
