#!/usr/bin/env python3
"""Extraction throughput, linearity and memory over a generated corpus (the whole `glossary extract` job).

The corpus is the seed articles' sentences shuffled across ~20 KB documents with a fixed seed (see
``_common.make_corpus``). Each size runs in its own process on a fresh term base through
``extract.pipeline.extract`` (what the CLI calls): the map step (analyse every document) and the
reduce step (merge into the term base in one transaction) are timed apart from the progress
callback, and the peak RSS of the process is read from ``ru_maxrss``.

Baselines measured in the same run, over the same text: ``str.split`` (plain tokenisation, no
regex) and one capitalised-phrase regex (the cheapest possible "term finder").

    .venv/bin/python bench/bench_extract.py            # 1, 10, 100 MB; --jobs 2 vs 1 at 10 MB
    .venv/bin/python bench/bench_extract.py --quick    # 1 and 3 MB; --jobs 2 vs 1 at 1 MB
"""
import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (MB, best_of, cpu_seconds, emit, figure, machine, make_corpus, peak_rss_mb,  # noqa: E402
                     read_corpus, rss_mb, run_child, table)

TARGET_MBPS_PER_CORE = 2.0
_CAPS = re.compile(r"(?:[A-Z][a-z]+ )+[A-Z][a-z]+")


def child_extract(folder, jobs, engine):
    from extract import english, pipeline  # noqa: F401  (imports and rule tables are not extraction cost)
    from glossary.store import open_store

    db = os.path.join(tempfile.mkdtemp(prefix="bench-extract-"), "b.db")
    store = open_store(db)
    rss0 = rss_mb()
    marks = {"n": 0}

    def progress(_r):
        marks["n"] += 1
        marks["map_end"] = time.perf_counter()
        marks["map_cpu"] = time.process_time()

    cpu0, pcpu0 = cpu_seconds(), time.process_time()
    t0 = time.perf_counter()
    report = pipeline.extract(store, [folder], jobs=int(jobs), engine=engine, progress=progress)
    t1 = time.perf_counter()
    stats = store.stats()
    store.close()
    size = sum(p.stat().st_size for p in Path(folder).glob("*.txt"))
    emit({"bytes": size, "docs": report.documents, "wall": t1 - t0, "map": marks.get("map_end", t1) - t0,
          "reduce": t1 - marks.get("map_end", t1),
          "map_cpu": marks.get("map_cpu", pcpu0) - pcpu0, "cpu": cpu_seconds() - cpu0, "rss0": rss0,
          "peak": peak_rss_mb(), "peak_children": peak_rss_mb(children=True), "concepts": stats["concepts"],
          "terms": stats["terms"], "db_mb": os.path.getsize(db) / MB})


def baselines(folder, repeat):
    texts = read_corpus(folder)
    size = sum(len(t.encode("utf-8")) for t in texts)
    t_split, _ = best_of(lambda: sum(len(t.split()) for t in texts), repeat)
    t_caps, _ = best_of(lambda: sum(len(_CAPS.findall(t)) for t in texts), repeat)
    return size / MB / t_split, size / MB / t_caps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1 and 3 MB, --jobs 2 at 1 MB (a few minutes)")
    ap.add_argument("--sizes", default=None, help="comma-separated MB, e.g. 1,10,100")
    ap.add_argument("--jobs-size", type=float, default=None, help="MB for the --jobs 2 vs 1 comparison")
    ap.add_argument("--child", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    if a.child:
        return {"extract": child_extract}[a.child[0]](*a.child[1:])
    sizes = [float(s) for s in (a.sizes or ("1,3" if a.quick else "1,10,100")).split(",")]
    jobs_size = a.jobs_size or (1.0 if a.quick else 10.0)
    print(f"# bench_extract  {machine()}")
    work = tempfile.TemporaryDirectory(prefix="bench-extract-")
    folders = {}

    def corpus(mb):
        if mb not in folders:
            folders[mb] = os.path.join(work.name, f"{mb:g}mb")
            t = time.perf_counter()
            n, size = make_corpus(folders[mb], mb)
            print(f"corpus {mb:g} MB: {n} documents, {size / MB:.1f} MB, generated in {time.perf_counter() - t:.1f} s",
                  flush=True)
        return folders[mb]

    rows, results = [], {}
    split_mbps, caps_mbps = baselines(corpus(sizes[0]), 3)
    for mb in sizes:
        r = run_child(__file__, "extract", corpus(mb), 1, "local")
        results[mb] = r
        mbps = r["bytes"] / MB / r["wall"]
        rows.append([f"{mb:g} MB", r["docs"], f"{r['wall']:.1f}", f"{r['map']:.1f}", f"{r['reduce']:.1f}",
                     f"{mbps:.2f}", f"{r['rss0']:.0f}", f"{r['peak']:.0f}", r["concepts"], f"{r['db_mb']:.0f}"])
        print(table(rows[-1:], ["size", "docs", "wall s", "map s", "reduce s", "MB/s", "rss0 MB", "peak MB",
                                "concepts", "db MB"]).splitlines()[-1], flush=True)
        tag = f"extract_{mb:g}mb"
        figure(f"{tag}_mbps_per_core", mbps, "MB/s", f">={TARGET_MBPS_PER_CORE}")
        figure(f"{tag}_wall", r["wall"], "s")
        figure(f"{tag}_map", r["map"], "s")
        figure(f"{tag}_map_mbps_per_core", r["bytes"] / MB / r["map"], "MB/s", f">={TARGET_MBPS_PER_CORE}")
        figure(f"{tag}_map_cpu_mbps", r["bytes"] / MB / max(r["map_cpu"], 1e-9), "MB/s", f">={TARGET_MBPS_PER_CORE}")
        figure(f"{tag}_reduce", r["reduce"], "s")
        figure(f"{tag}_peak_rss", r["peak"], "MB")
        figure(f"{tag}_vs_str_split", mbps / split_mbps, "ratio")
    print()
    print(table(rows, ["size", "docs", "wall s", "map s", "reduce s", "MB/s", "rss0 MB", "peak MB", "concepts",
                       "db MB"]))
    figure("extract_baseline_str_split", split_mbps, "MB/s")
    figure("extract_baseline_caps_regex", caps_mbps, "MB/s")
    if len(sizes) >= 2:
        small, big = results[sizes[0]], results[sizes[-1]]
        per_mb = lambda r: r["wall"] / (r["bytes"] / MB)  # noqa: E731
        # Linear cost: seconds per MB at the largest size over the smallest (1.0 = perfectly linear).
        figure("extract_cost_per_mb_growth", per_mb(big) / per_mb(small), "ratio", "<=1.5")
        figure("extract_reduce_share_largest", big["reduce"] / big["wall"], "fraction")
        # Memory: extra peak RSS per MB of corpus between the smallest and largest size (0 = a stream).
        slope = (big["peak"] - small["peak"]) / ((big["bytes"] - small["bytes"]) / MB)
        figure("extract_peak_rss_slope", slope, "MB_per_corpus_MB", "-")
    r1 = results.get(jobs_size) or run_child(__file__, "extract", corpus(jobs_size), 1, "local")
    r2 = run_child(__file__, "extract", corpus(jobs_size), 2, "local")
    speedup = r1["wall"] / r2["wall"]
    print(f"\n--jobs 2 vs 1 at {jobs_size:g} MB: {r1['wall']:.1f} s -> {r2['wall']:.1f} s (x{speedup:.2f}); "
          f"map {r1['map']:.1f} -> {r2['map']:.1f} s; reduce {r1['reduce']:.1f} -> {r2['reduce']:.1f} s; "
          f"peak main {r2['peak']:.0f} MB, largest worker {r2['peak_children']:.0f} MB")
    figure(f"extract_jobs2_speedup_{jobs_size:g}mb", speedup, "x", ">=1.5")
    figure(f"extract_jobs2_{jobs_size:g}mb_mbps_per_core", r2["bytes"] / MB / r2["wall"] / 2, "MB/s",
           f">={TARGET_MBPS_PER_CORE}")
    figure(f"extract_jobs2_{jobs_size:g}mb_map_speedup", r1["map"] / r2["map"], "x")
    work.cleanup()


if __name__ == "__main__":
    main()
