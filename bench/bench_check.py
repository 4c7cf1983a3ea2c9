"""Benchmark of `glossary check`'s matcher: one Aho–Corasick automaton vs a naive regex per term.

Generates a synthetic term base of 100,000 concepts (English preferred + deprecated variants and
Chinese forms) and ~10 MB of English text with terms sprinkled in (some deprecated, some
lower-cased), then measures in the same run:

  * automaton scan: TermIndex.scan_en (fold, automaton, word boundaries, case resolution)
  * full check:     Checker over the text in paragraph segments (all findings, consistency)
  * naive baseline: one compiled ``(?<!\\w)form(?!\\w)`` re.IGNORECASE pattern per term, run over the
                    text, measured on a subset of terms and a slice of the text and extrapolated
                    to all terms x the whole text (the cost is linear in both)

Prints MB/s and the ratio, then FIGURE lines for bench/run; asserts nothing (timings belong in a
report, not in tests).

    python bench/bench_check.py [--terms 100000] [--mb 10] [--regex-terms 100] [--regex-mb 1] [--seed 1]
                               [--repeat 3]

Times are this process's CPU time (time.process_time), and each measurement is repeated (--repeat)
with the best run reported, as timeit does: on a shared machine the best run is the one least
disturbed by other processes.
"""
import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.check import Checker, TermIndex  # noqa: E402
from glossary.checkinputs import Segment  # noqa: E402
from glossary.model import Concept, Term  # noqa: E402

FILLER = ("the of and to in a is that for on with as by was at from it be are this have an has which will not "
          "its their more than also been new development city work year district people government support "
          "said meeting policy plan key major efforts capital services further promote improve").split()
SYLLABLES = ("ba bei ben bi bo ca ce chan chen cheng chong chu da de di dong du fa fan fang fei feng fu gan gao "
             "ge gong gu guan guo hai han hao he hong hu hua huan hui ji jia jian jiang jin jing ju kai kang ke "
             "kong la lan li lian liang lin ling liu long lu ma mao mei meng min ming na nan ning pan peng ping "
             "qi qian qiang qing qu ran ren rong ru sa san shan shang shen sheng shi shu song su tai tan tang "
             "tian ting tong wan wang wei wen wu xi xia xian xiang xin xing xu yan yang ye yi yin ying yong you "
             "yu yuan yun zai zhang zhao zhen zheng zhi zhong zhou zhu zi zong").split()
NOUNS = ("Center Forum Committee Plan Program Area Zone Park Initiative Council Office Bureau Commission Group "
         "Project Strategy Campaign Festival Conference Exchange Alliance Institute Base Corridor").split()
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def make_concepts(n, rng):
    concepts, seen = [], set()
    while len(concepts) < n:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        noun = rng.choice(NOUNS)
        words = [name] + ([rng.choice(NOUNS)] if rng.random() < 0.3 else []) + [noun]
        en = " ".join(words)
        if en in seen:
            continue
        seen.add(en)
        terms = [Term(en, status="preferred", provenance="termbase"),
                 Term("".join(rng.choice(HAN) for _ in range(rng.randint(3, 6))), "zh-CN", status="preferred")]
        if rng.random() < 0.3:
            terms.append(Term(f"{noun} of {name}", status="deprecated", provenance="termbase"))
        concepts.append(Concept("other", terms, id=len(concepts) + 1))
    return concepts


def make_text(concepts, megabytes, rng):
    target = int(megabytes * 1_000_000)
    forms = [t.text for c in concepts for t in c.terms if t.lang == "en"]
    paragraphs, size = [], 0
    while size < target:
        words = []
        for _ in range(rng.randint(40, 120)):
            if rng.random() < 0.03:
                form = rng.choice(forms)
                words.append(form.lower() if rng.random() < 0.05 else form)
            else:
                words.append(rng.choice(FILLER))
        para = " ".join(words)
        para = para[:1].upper() + para[1:] + "."
        paragraphs.append(para)
        size += len(para) + 1
    return "\n".join(paragraphs)


def timed(fn):
    """(result, seconds of this process's CPU time): other processes on a shared machine do not count."""
    t0 = time.process_time()
    out = fn()
    return out, time.process_time() - t0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--terms", type=int, default=100_000)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--regex-terms", type=int, default=100, help="terms in the regex subset")
    ap.add_argument("--regex-mb", type=float, default=1.0, help="MB of text the regex subset scans")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    concepts, t_gen = timed(lambda: make_concepts(args.terms, rng))
    text = make_text(concepts, args.mb, rng)
    mb = len(text.encode("utf-8")) / 1e6
    n_forms = sum(len(c.terms) for c in concepts)
    print(f"term base: {len(concepts):,} concepts, {n_forms:,} forms; text: {mb:.2f} MB "
          f"({len(text):,} characters)")

    index, t_build = timed(lambda: TermIndex(concepts))
    print(f"automaton build: {t_build:.2f} s ({index.forms:,} keys incl. spelling twins)")

    runs = [timed(lambda: index.scan_en(text)) for _ in range(args.repeat)]
    hits, t_scan = min(runs, key=lambda r: r[1])
    scan_rate = mb / t_scan
    print(f"automaton scan:  {t_scan:.2f} s  {scan_rate:8.1f} MB/s  ({len(hits):,} term uses; best of "
          f"{args.repeat}, all: {', '.join(f'{t:.2f}' for _, t in runs)} s)")

    segments = [Segment("bench.txt", p, line=i) for i, p in enumerate(text.split("\n"), 1)]

    def full():
        checker = Checker(index)
        for seg in segments:
            checker.check_segment(seg)
        checker.check_consistency(["bench.txt"])
        return checker.findings

    findings, t_full = min((timed(full) for _ in range(args.repeat)), key=lambda r: r[1])
    full_rate = mb / t_full
    print(f"full check:      {t_full:.2f} s  {full_rate:8.1f} MB/s  ({len(findings):,} findings, "
          f"{len(segments):,} segments)")

    subset = [t.text for c in rng.sample(concepts, min(args.regex_terms, len(concepts))) for t in c.terms
              if t.lang == "en"]
    all_en = sum(1 for c in concepts for t in c.terms if t.lang == "en")
    sample = text[:int(args.regex_mb * 1_000_000)]
    sample_mb = len(sample.encode("utf-8")) / 1e6
    patterns = [re.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)", re.I) for f in subset]

    def naive():
        return sum(1 for p in patterns for _ in p.finditer(sample))

    n_regex, t_regex = min((timed(naive) for _ in range(args.repeat)), key=lambda r: r[1])
    per_form_mb = t_regex / (len(subset) * sample_mb)
    t_regex_all = per_form_mb * all_en * mb
    regex_rate = mb / t_regex_all
    print(f"naive regex:     {len(subset)} patterns x {sample_mb:.2f} MB in {t_regex:.2f} s "
          f"({n_regex} matches); extrapolated to {all_en:,} forms x {mb:.2f} MB: {t_regex_all:,.0f} s "
          f"= {regex_rate:.4f} MB/s")
    print(f"ratio: automaton scan is {scan_rate / regex_rate:,.0f}x the regex baseline "
          f"(full check {full_rate / regex_rate:,.0f}x); targets: >= 10 MB/s and >= 50x")
    # for bench/run's table: FIGURE name value unit target
    print(f"FIGURE check_scan {scan_rate:.1f} MB/s >=10")
    print(f"FIGURE check_full {full_rate:.1f} MB/s -")
    print(f"FIGURE check_regex_baseline {regex_rate:.5f} MB/s -")
    print(f"FIGURE check_scan_vs_regex {scan_rate / regex_rate:.0f} ratio >=50")
    print(f"FIGURE check_index_build {t_build:.2f} s -")


if __name__ == "__main__":
    main()
