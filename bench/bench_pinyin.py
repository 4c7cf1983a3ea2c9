#!/usr/bin/env python3
"""Pinyin speed: our GB/T 16159 word-joined ``extract.pinyin.to_pinyin`` vs plain pypinyin and jieba.

Terms: the Chinese column (and variants) of seeds/reference.tsv, plus compounds of two of them
(a place in front of a body, as official names are built) up to ``--terms`` distinct terms. Each
term is converted once (to_pinyin caches per term; a repeat pass measures the cache separately).
Baselines over the same terms in the same run: ``pypinyin.lazy_pinyin`` (syllables, no joining,
no marks), ``pypinyin.pinyin`` with tone marks, and ``jieba.lcut`` (the segmentation alone).

    .venv/bin/python bench/bench_pinyin.py [--terms 3000] [--quick]
"""
import argparse
import csv
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, best_of, figure, machine, table  # noqa: E402


def terms(n, seed=3):
    with open(ROOT / "seeds" / "reference.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    base = []
    for r in rows:
        base.append((r["zh"].strip(), r["category"].strip() or None))
        base += [(v.strip(), r["category"].strip() or None) for v in (r.get("zh_variants") or "").split("|")]
    base = sorted({(t, c) for t, c in base if t})
    places = [t for t, c in base if c == "place"] or ["北京市"]
    rng = random.Random(seed)
    out = dict(base)
    tries = 0
    while len(out) < n and tries < n * 20:
        tries += 1
        t, c = rng.choice(base)
        out.setdefault(rng.choice(places) + t, c)
    items = list(out.items())[:n]
    rng.shuffle(items)
    return items


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--terms", type=int, default=3000)
    ap.add_argument("--quick", action="store_true", help="1000 terms")
    a = ap.parse_args(argv)
    n = 1000 if a.quick else a.terms
    print(f"# bench_pinyin  {machine()}")
    items = terms(n)
    words = [t for t, _ in items]
    chars = sum(len(w) for w in words)
    print(f"{len(items)} distinct terms, {chars} characters (mean {chars / len(items):.1f})")

    import jieba
    import pypinyin

    from extract import pinyin as ours

    jieba.setLogLevel(60)
    t = time.perf_counter()
    ours.to_pinyin("北京市人民政府", "body")   # loads jieba, pypinyin and the term base words
    init = time.perf_counter() - t
    jieba.lcut("北京")
    pypinyin.lazy_pinyin("北京")

    t = time.perf_counter()
    for w, c in items:
        ours.to_pinyin(w, c)
    t_ours = time.perf_counter() - t   # once: each term converted for real (cold per-term cache)
    t_cached, _ = best_of(lambda: [ours.to_pinyin(w, c) for w, c in items], 3)
    t_lazy, _ = best_of(lambda: [pypinyin.lazy_pinyin(w) for w in words], 3)
    t_marks, _ = best_of(lambda: [pypinyin.pinyin(w, style=pypinyin.Style.TONE) for w in words], 3)
    t_jieba, _ = best_of(lambda: [jieba.lcut(w) for w in words], 3)
    t_both, _ = best_of(lambda: [pypinyin.lazy_pinyin(jieba.lcut(w)) for w in words], 3)

    rate = lambda s: len(items) / s  # noqa: E731
    rows = [["to_pinyin (GB/T 16159, first call per term)", f"{rate(t_ours):,.0f}", "1.00"],
            ["to_pinyin (cached repeat)", f"{rate(t_cached):,.0f}", f"{t_ours / t_cached:.2f}"],
            ["pypinyin.lazy_pinyin", f"{rate(t_lazy):,.0f}", f"{t_ours / t_lazy:.2f}"],
            ["pypinyin.pinyin(style=TONE)", f"{rate(t_marks):,.0f}", f"{t_ours / t_marks:.2f}"],
            ["jieba.lcut", f"{rate(t_jieba):,.0f}", f"{t_ours / t_jieba:.2f}"],
            ["jieba.lcut + lazy_pinyin", f"{rate(t_both):,.0f}", f"{t_ours / t_both:.2f}"]]
    print(table(rows, ["method", "terms/s", "x faster than to_pinyin"]))
    print(f"to_pinyin first-call initialisation (jieba dictionary, words): {init:.2f} s")
    figure("pinyin_to_pinyin_terms_per_s", rate(t_ours), "terms/s", ">=1000")
    figure("pinyin_to_pinyin_cached_terms_per_s", rate(t_cached), "terms/s")
    figure("pinyin_init", init, "s")
    figure("pinyin_baseline_lazy_pinyin_terms_per_s", rate(t_lazy), "terms/s")
    figure("pinyin_baseline_jieba_lcut_terms_per_s", rate(t_jieba), "terms/s")
    figure("pinyin_ours_vs_lazy_pinyin", t_lazy / t_ours, "ratio")
    figure("pinyin_ours_vs_jieba_plus_lazy", t_both / t_ours, "ratio")


if __name__ == "__main__":
    main()
