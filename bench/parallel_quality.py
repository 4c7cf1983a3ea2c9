#!/usr/bin/env python3
"""Parallel mode end to end: how many expected term pairs the whole `extract` job gets right.

For every NAME.en.txt + NAME.zh.txt + NAME.pairs.tsv in the given folders (default: our parallel
fixtures and the nine sets written blind by someone who read no code), runs `extract` on the pair into a fresh term base,
exactly as a user would (bundled reference on, unless --no-reference), then for each expected
(en, zh) pair looks at the concept holding the English form:

  right      the concept carries the expected Chinese (any status)
  no English the extractor did not take the English as a term
  no Chinese the concept has no Chinese at all
  wrong      the concept has Chinese, none of it the expected form; "confident" when one of its
             forms is approved (admitted/preferred) and came from the parallel text

    .venv/bin/python bench/parallel_quality.py [FOLDER ...] [--no-reference] [--misses]
"""
import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract  # noqa: E402
from glossary.model import EN  # noqa: E402
from glossary.normalize import zh_key  # noqa: E402
from glossary.store import open_store  # noqa: E402

FOLDERS = [ROOT / "tests/fixtures/parallel", ROOT / "tests/fixtures/parallel_blind"] + \
    [ROOT / f"tests/fixtures/parallel_blind{n}" for n in range(2, 30)]


def expected_pairs(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        return [(r[0], r[1]) for r in rows if len(r) >= 2 and r[0] and r[1]]


def judge(store, en, zh):
    hits = store.find_by_key(en, EN)
    if not hits:
        return "no English", None
    want = zh_key(zh)
    got = []
    for concept_id, _ in hits:
        concept = store.get_concept(concept_id, contexts=0)
        for t in concept.zh:
            if zh_key(t.text) == want:
                return "right", t
        got += concept.zh
    if not got:
        return "no Chinese", None
    confident = [t for t in got if t.status in ("admitted", "preferred")
                 and t.provenance in ("parallel-text", "pinyin-match")]
    return ("confident wrong" if confident else "wrong"), (confident or got)[0]


def run_fixture(en_path, use_reference):
    zh_path = en_path.with_name(en_path.name.replace(".en.txt", ".zh.txt"))
    pairs = expected_pairs(en_path.with_name(en_path.name.replace(".en.txt", ".pairs.tsv")))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "g.db"))
        try:
            extract(store, [str(en_path)], zh=str(zh_path), use_reference=use_reference)
            results = [(en, zh, *judge(store, en, zh)) for en, zh in pairs]
            unexpected = 0
            if not pairs:   # a "translation" that is not one: nothing may come from it
                unexpected = store.conn.execute(
                    "SELECT COUNT(*) FROM terms WHERE provenance IN ('parallel-text', 'pinyin-match')"
                ).fetchone()[0]
        finally:
            store.close()
    return results, unexpected


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=FOLDERS)
    ap.add_argument("--no-reference", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list every pair not right")
    args = ap.parse_args(argv)
    total, by_source = Counter(), Counter()
    t0 = time.perf_counter()
    for folder in args.folders:
        folder_total = Counter()
        for en_path in sorted(folder.glob("*.en.txt")):
            results, unexpected = run_fixture(en_path, not args.no_reference)
            counts = Counter(r[2] for r in results)
            folder_total.update(counts)
            folder_total["pairs"] += len(results)
            for _, _, verdict, term in results:
                if verdict == "right":
                    by_source[term.provenance] += 1
            name = en_path.name[:-7]
            if not results:
                print(f"  {name:16} no pairs expected; terms taken from the 'translation': {unexpected}")
                continue
            print(f"  {name:16} {counts['right']:3}/{len(results):<3} right   " +
                  "  ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "right"))
            if args.misses:
                for en, zh, verdict, term in results:
                    if verdict != "right":
                        print(f"      {verdict:15} {en} → {zh}" + (f"   (got {term.text} [{term.status}, "
                                                                  f"{term.provenance}])" if term else ""))
        n = folder_total["pairs"]
        if n:
            print(f"{folder.name}: {folder_total['right']}/{n} = {folder_total['right'] / n:.3f} right; "
                  f"confident wrong {folder_total['confident wrong']}, wrong {folder_total['wrong']}, "
                  f"no Chinese {folder_total['no Chinese']}, no English {folder_total['no English']}")
        total.update(folder_total)
    n = total["pairs"]
    print(f"all: {total['right']}/{n} = {total['right'] / max(n, 1):.3f} right "
          f"(reference {'off' if args.no_reference else 'on'}); right forms by provenance: "
          + ", ".join(f"{k} {v}" for k, v in by_source.most_common()) + f"; {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
