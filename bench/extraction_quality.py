#!/usr/bin/env python3
"""Extraction quality and speed on a folder of English articles (default: the seed corpus).

Runs extract.english.extract_candidates on every *.txt, clusters the surface forms with
extract.variants.cluster, writes a minimal TBX (one termEntry per cluster, langSet en with each
form as a tig/term), runs the shared scorer on it and prints the scorer's output, then measures
throughput on the texts repeated to a few MB.

    .venv/bin/python bench/extraction_quality.py [FOLDER] [--gold GOLD.tsv] [--misses 60] [--no-speed]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.english import extract_candidates  # noqa: E402
from extract.variants import cluster  # noqa: E402

SCORER = Path("/work/shared/tools/score.py")
GOLD = Path("/work/shared/data/seed_gold.tsv")


def collect(folder):
    forms, pairs = [], []
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for c in extract_candidates(text):
            forms.append(c.text)
            if c.term_type == "acronym" and c.expands:
                pairs.append((c.text, c.expands))
    return forms, pairs


def write_tbx(groups, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n<text><body>\n')
        for i, g in enumerate(groups, 1):
            f.write(f'<termEntry id="c{i}"><langSet xml:lang="en">')
            for form in g:
                f.write(f"<tig><term>{escape(form)}</term></tig>")
            f.write("</langSet></termEntry>\n")
        f.write("</body></text>\n</martif>\n")


def speed(folder, target_mb=4.0):
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    if not texts:
        return 0.0, 0
    block = "\n\n".join(texts)
    n = max(1, int(target_mb * 1e6 / max(1, len(block.encode("utf-8")))))
    # articles of ordinary size, as the pipeline feeds them, plus one long text
    docs = texts * n
    size = sum(len(t.encode("utf-8")) for t in docs)
    t0 = time.process_time()
    for t in docs:
        extract_candidates(t)
    dt = time.process_time() - t0
    big = block * max(1, n // 4)
    t1 = time.process_time()
    extract_candidates(big)
    dt_big = time.process_time() - t1
    return size / 1e6 / dt, len(big.encode("utf-8")) / 1e6 / dt_big


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT / "seeds" / "corpus"))
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--misses", default="80")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args()
    forms, pairs = collect(a.folder)
    groups = cluster(forms, pairs)
    fd, tbx = tempfile.mkstemp(suffix=".tbx")
    os.close(fd)
    try:
        write_tbx(groups, tbx)
        print(f"candidates: {len(forms)}  distinct forms: {len(set(forms))}  clusters: {len(groups)}")
        r = subprocess.run([sys.executable, str(SCORER), "--gold", a.gold, "--tbx", tbx, "--misses", a.misses],
                           capture_output=True, text=True)
        print(r.stdout, end="")
        if r.returncode:
            print(r.stderr, file=sys.stderr)
    finally:
        os.unlink(tbx)
    if not a.no_speed:
        per_doc, single = speed(a.folder)
        print(f"speed: {per_doc:.2f} MB/s (article by article), {single:.2f} MB/s (one long text), "
              "CPU time of one core")


if __name__ == "__main__":
    main()
