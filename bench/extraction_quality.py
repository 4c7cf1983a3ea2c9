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


def norm_en(s):
    """The scorer's normalisation: NFKC, plain quotes/dashes, case-folded, no outer quotes, no leading the/a/an."""
    import re
    import unicodedata
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip().strip('"\'').strip().rstrip(".,;:").casefold()
    return re.sub(r"^(the|a|an) ", "", s)


def heldout_scores(folder):
    """Recall and precision of the extractor against NAME.terms (term TAB category) beside each NAME.txt.

    Returns {"files": {name: (recall, precision, missed, extra)}, "recall": r, "precision": p} where the
    overall figures pool every file's distinct terms."""
    files, tp_all, gold_all, got_all = {}, 0, 0, 0
    for path in sorted(Path(folder).glob("*.txt")):
        terms = path.with_suffix(".terms")
        if not terms.exists():
            continue
        gold = {norm_en(line.split("\t")[0]) for line in terms.read_text(encoding="utf-8").splitlines()
                if line.strip()}
        got = {norm_en(c.text) for c in extract_candidates(path.read_text(encoding="utf-8"))}
        tp = len(gold & got)
        files[path.stem] = (tp / len(gold) if gold else 1.0, tp / len(got) if got else 1.0,
                            sorted(gold - got), sorted(got - gold))
        tp_all, gold_all, got_all = tp_all + tp, gold_all + len(gold), got_all + len(got)
    return {"files": files, "recall": tp_all / gold_all if gold_all else 1.0,
            "precision": tp_all / got_all if got_all else 1.0}


def speed(folder, target_mb=4.0, repeats=3):
    """MB/s of CPU time on one core: the folder's texts repeated to about `target_mb`, fed article by article
    (as the pipeline does) and as one long text; best of `repeats` runs, since the machine is shared."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    if not texts:
        return 0.0, 0.0
    block = "\n\n".join(texts)
    n = max(1, int(target_mb * 1e6 / max(1, len(block.encode("utf-8")))))
    docs = texts * n
    size = sum(len(t.encode("utf-8")) for t in docs)
    big = block * max(1, n // 4)
    best_docs = best_big = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for t in docs:
            extract_candidates(t)
        best_docs = min(best_docs, time.process_time() - t0)
        t1 = time.process_time()
        extract_candidates(big)
        best_big = min(best_big, time.process_time() - t1)
    return size / 1e6 / best_docs, len(big.encode("utf-8")) / 1e6 / best_big


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT / "seeds" / "corpus"))
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--misses", default="80")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--heldout", default=str(ROOT / "tests" / "fixtures" / "heldout"),
                    help="folder of held-out articles with NAME.terms beside NAME.txt ('' to skip)")
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
    if a.heldout and Path(a.heldout).is_dir():
        h = heldout_scores(a.heldout)
        print(f"held-out ({a.heldout}): recall={h['recall']:.3f} precision={h['precision']:.3f}")
        for name, (r, p, missed, extra) in h["files"].items():
            print(f"  {name}: recall={r:.2f} precision={p:.2f}")
            for t in missed:
                print(f"    missed: {t}")
            for t in extra:
                print(f"    extra:  {t}")
    if not a.no_speed:
        per_doc, single = speed(a.folder)
        print(f"speed: {per_doc:.2f} MB/s (article by article), {single:.2f} MB/s (one long text); "
              "CPU time of one core, best of 3 runs of about 4 MB")


if __name__ == "__main__":
    main()
