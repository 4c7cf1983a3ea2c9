#!/usr/bin/env python3
"""Parallel-text matching speed: extract.bilingual.match_terms on the test fixtures vs jieba alone.

Each fixture in tests/fixtures/parallel has NAME.en.txt, NAME.zh.txt and NAME.pairs.tsv (the English
terms handed to the matcher). The fixtures are matched ``--rounds`` times (best round reported);
the baseline is ``jieba.lcut`` over the same Chinese texts, the least any matcher must do.

    .venv/bin/python bench/bench_parallel.py [--rounds 3] [--quick]
"""
import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import MB, ROOT, best_of, figure, machine, table  # noqa: E402

FIX = ROOT / "tests" / "fixtures" / "parallel"


def fixtures():
    out = []
    for en in sorted(FIX.glob("*.en.txt")):
        name = en.name[:-len(".en.txt")]
        zh, pairs = FIX / f"{name}.zh.txt", FIX / f"{name}.pairs.tsv"
        if not (zh.exists() and pairs.exists()):
            continue
        with open(pairs, encoding="utf-8", newline="") as f:
            terms = [r["en"] for r in csv.DictReader(f, delimiter="\t") if r.get("en")]
        out.append((name, en.read_text(encoding="utf-8"), zh.read_text(encoding="utf-8"), terms))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="one round")
    a = ap.parse_args(argv)
    rounds = 1 if a.quick else a.rounds
    print(f"# bench_parallel  {machine()}")
    import jieba

    from extract.bilingual import match_terms

    jieba.setLogLevel(60)
    jieba.lcut("北京市")   # the default dictionary loads on first use: not part of the baseline's cost
    cases = fixtures()
    zh_bytes = sum(len(z.encode("utf-8")) for _, _, z, _ in cases)
    en_bytes = sum(len(e.encode("utf-8")) for _, e, _, _ in cases)
    n_terms = sum(len(t) for *_, t in cases)
    t = time.perf_counter()
    match_terms(cases[0][1], cases[0][2], cases[0][3])   # loads jieba, dictionaries, CC-CEDICT if present
    init = time.perf_counter() - t
    rows = []
    per_case = {}
    for name, en, zh, terms in cases:
        d, report = best_of(lambda: match_terms(en, zh, terms), rounds)
        per_case[name] = d
        rows.append([name, f"{len(en) / 1000:.1f}", f"{len(zh) / 1000:.1f}", len(terms), len(report.pairs),
                     f"{report.alignment_score:.2f}", f"{d * 1000:.0f}"])
    t_ours = sum(per_case.values())
    t_jieba, _ = best_of(lambda: [jieba.lcut(z) for _, _, z, _ in cases], rounds)
    print(table(rows, ["fixture", "en kchars", "zh kchars", "terms", "pairs", "alignment", "ms"]))
    print(f"{len(cases)} fixtures, {n_terms} terms, {(en_bytes + zh_bytes) / 1000:.0f} kB; "
          f"match_terms {t_ours:.2f} s, jieba.lcut alone {t_jieba:.3f} s; first call (loading) {init:.2f} s")
    figure("parallel_match_terms_per_s", n_terms / t_ours, "terms/s")
    figure("parallel_match_pair_mb_per_s", (en_bytes + zh_bytes) / MB / t_ours, "MB/s")
    figure("parallel_match_init", init, "s")
    figure("parallel_baseline_jieba_lcut_zh_mb_per_s", zh_bytes / MB / t_jieba, "MB/s")
    figure("parallel_match_vs_jieba_lcut", t_ours / t_jieba, "x_slower")


if __name__ == "__main__":
    main()
