"""Lookup speed on a generated term base of 1,000,000 terms (issue 7).

Targets: exact lookup <= 1 ms and fuzzy <= 50 ms in process (p50 and p99 printed), and the CLI
answering in <= 300 ms from process start.

    python bench/bench_lookup.py                 # 1,000,000 terms in a temporary folder
    python bench/bench_lookup.py --terms 200000 --keep /tmp/terms.db

The base is generated, not extracted: English phrases from an official-text vocabulary plus
made-up words (so trigrams are as varied as in a real base), Chinese terms from 3,000 characters,
each with its pypinyin reading, so pinyin, pinyin keys and initials are consistent. A handful of real
concepts (两个确立, Leading Group ...) are planted so the queries hit something.
"""
import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.lookup import lookup, suggest_scored  # noqa: E402
from glossary.normalize import _traditional_chars  # noqa: E402
from glossary.normalize import en_key, pinyin_initials, pinyin_key, zh_key  # noqa: E402
from glossary.store import open_store  # noqa: E402

WORDS = """development reform opening national international cooperation leading group central committee
commission people congress socialism characteristics modernization rural revitalization poverty alleviation
belt road initiative community shared future ecological civilization innovation driven strategy high quality
comprehensive deepening governance system capacity rule law supervision discipline inspection party building
economic zone free trade pilot port science technology park forum summit exchange center municipal district
government bureau office department ministry state council standing plenary session five year plan
establishment upholding core position guiding thought new era common prosperity dual circulation security
green low carbon peak neutrality digital economy smart city talent education health culture heritage tourism
industrial upgrading manufacturing supply chain infrastructure transport water conservancy energy grid
financial risk prevention regional coordinated integrated greater bay area yangtze river delta beijing tianjin
hebei coordinated conference association foundation institute academy university hospital museum theater
""".split()

PLANTED = [  # (category, English preferred, [English variants], Chinese, pinyin)
    ("slogan", "Two Establishments", ["the Two Establishments"], "两个确立", "liǎng gè quèlì"),
    ("slogan", "Two Upholds", [], "两个维护", "liǎng gè wéihù"),
    ("body", "Central Leading Group for Comprehensively Deepening Reform", ["Leading Group for Deepening Reform"],
     "中央全面深化改革领导小组", "Zhōngyāng Quánmiàn Shēnhuà Gǎigé Lǐngdǎo Xiǎozǔ"),
    ("other", "Center for International Exchanges", ["International Exchange Center"], "国际交往中心",
     "guójì jiāowǎng zhōngxīn"),
    ("event", "Zhongguancun Forum", [], "中关村论坛", "Zhōngguāncūn Lùntán"),
]

_VOWEL_MARKS = {"a": "āáǎà", "o": "ōóǒò", "e": "ēéěè", "i": "īíǐì", "u": "ūúǔù", "v": "ǖǘǚǜ"}


def _mark(syllable, tone):
    """Tone mark on the vowel GB/T 16159 puts it on (a, o, e first; else the last vowel)."""
    if tone == 5:
        return syllable.replace("v", "ü")
    for v in "aoe":
        if v in syllable:
            i = syllable.index(v)
            break
    else:
        i = max(syllable.rfind(v) for v in "iuv")
    return (syllable[:i] + _VOWEL_MARKS[syllable[i]][tone - 1] + syllable[i + 1:]).replace("v", "ü")


def _pseudo_words(rng, n):
    parts = ["ta", "ro", "mi", "ven", "sol", "dar", "ine", "ial", "ment", "tion", "cor", "pla", "sta", "gri",
             "bel", "fen", "quo", "lux", "ner", "ost", "ar", "is", "um", "ex", "ple", "tri", "gon", "val"]
    return sorted({"".join(rng.choice(parts) for _ in range(rng.randint(2, 4))) for _ in range(n)})


def generate(path, n_terms=1_000_000, seed=7):
    """Write a term base of about n_terms terms to path with executemany in one transaction."""
    rng = random.Random(seed)
    vocab = WORDS + _pseudo_words(rng, 20000)
    cum, total = [], 0.0
    for w in vocab:
        total += 50.0 if w in WORDS else 1.0
        cum.append(total)
    # Real readings (pypinyin, here only: never on the lookup path) so the pinyin is made of the ~400
    # syllables translators type; Simplified characters only, like the bases built from official texts.
    from pypinyin import Style, lazy_pinyin

    traditional = _traditional_chars() or set()
    char_pinyin = {}
    for code in rng.sample(range(0x4E00, 0x9FA5), 8000):
        c = chr(code)
        reading = lazy_pinyin(c, style=Style.TONE3, neutral_tone_with_five=True)[0]
        if (c not in traditional and reading[:-1].isalpha() and reading[-1] in "12345"
                and any(v in reading for v in "aeiouv")):
            char_pinyin[c] = (reading[:-1], int(reading[-1]))
        if len(char_pinyin) == 3000:
            break
    chars = sorted(char_pinyin)
    stamp = "2026-01-01T00:00:00"
    categories = ["title", "body", "slogan", "plan", "policy", "event", "place", "facility", "other"]
    concepts, terms = [], []
    seen_en, seen_zh = set(), set()
    cid = tid = 0

    def add_term(lang, text, status, pinyin=None, sylls=None):
        """Keys computed directly (generated text has no quotes or British spellings to fold), checked
        against glossary.normalize on a sample below."""
        nonlocal tid
        tid += 1
        if lang.startswith("zh"):
            key = text
            # initials as every writer computes them (segmenting the written pinyin)
            pk, ini = ("".join(sylls) if sylls else pinyin_key(pinyin)), pinyin_initials(pinyin)
        else:
            key = text.lower()
            key = key[4:] if key.startswith("the ") else key
            pk = ini = None
        terms.append((tid, cid, lang, text, key, status, "fullForm", "noun", pinyin, pk, ini,
                      "extracted", round(rng.random(), 2), None, None, rng.randint(1, 50)))

    for category, en, variants, zh, py in PLANTED:
        cid += 1
        concepts.append((cid, category, f"planted concept {en}", None, stamp, stamp))
        add_term("en", en, "preferred")
        for v in variants:
            add_term("en", v, "admitted")
        add_term("zh-CN", zh, "preferred", py)
    while tid < n_terms:
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(2, 5))
        en = " ".join(w.capitalize() if w not in ("for", "of", "and") else w for w in words)
        if en.casefold() in seen_en:
            continue
        seen_en.add(en.casefold())
        cid += 1
        concepts.append((cid, rng.choice(categories), None, None, stamp, stamp))
        add_term("en", en, "preferred")
        if rng.random() < 0.15:
            add_term("en", "the " + en.lower(), "admitted")
        if rng.random() < 0.85:
            zh = "".join(rng.choices(chars, k=rng.choice([2, 3, 4, 4, 4, 5, 6, 8])))
            if zh not in seen_zh:
                seen_zh.add(zh)
                marked = [_mark(*char_pinyin[c]) for c in zh]
                # GB/T 16159: an apostrophe before a, o, e inside a word (xī'ān)
                py = " ".join(marked[i] + ("'" if marked[i + 1][0] in "aoeāáǎàōóǒòēéěè" else "") + marked[i + 1]
                              if i + 1 < len(marked) else marked[i] for i in range(0, len(marked), 2))
                add_term("zh-CN", zh, rng.choice(["preferred", "preferred", "proposed"]), py,
                         [char_pinyin[c][0] for c in zh])
    for row in rng.sample(terms, 2000):
        text, key, pinyin, pk, ini = row[3], row[4], row[8], row[9], row[10]
        assert key == (zh_key(text) if pinyin else en_key(text)), row
        if pinyin:
            assert (pk, ini) == (pinyin_key(pinyin), pinyin_initials(pinyin)), row
    store = open_store(path)
    store.conn.execute("PRAGMA cache_size = -400000")   # 400 MB: the FTS index builds in memory
    store.conn.execute("PRAGMA synchronous = OFF")       # a benchmark base, rebuilt if a crash spoils it
    # Bulk load: the full-text indexes merge their segments once at the end instead of after every
    # flush (automerge back to the FTS5 default afterwards, so the base behaves like any other).
    for fts in ("terms_fts", "terms_words"):
        store.conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('automerge', 0)")
    with store.transaction():
        store.conn.executemany("INSERT INTO concepts (id, category, definition, note, created, modified) "
                               "VALUES (?,?,?,?,?,?)", concepts)
        store.conn.executemany("""INSERT INTO terms (id, concept_id, lang, text, key, status, term_type, pos, pinyin,
                                  pinyin_key, initials, provenance, confidence, source, note, count)
                                  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", terms)
    for fts in ("terms_fts", "terms_words"):
        store.conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
        store.conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('automerge', 4)")
    store.conn.execute("ANALYZE")
    store.close()
    return len(terms), [t for t in terms if t[2] == "en"], [t for t in terms if t[2].startswith("zh")]


def _typo(rng, text):
    i = rng.randrange(1, len(text) - 1)
    op = rng.choice("swap drop double".split())
    if op == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == "drop":
        return text[:i] + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def _percentiles(store, queries, **kw):
    """p50, p99, max of wall time, and p99 of this thread's CPU time (what the lookup costs when the
    machine is shared: wall time also counts waiting for a CPU)."""
    wall, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.thread_time()
        lookup(store, q, **kw)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    wall.sort()
    cpu.sort()
    p99 = min(len(wall) - 1, int(len(wall) * 0.99))
    return statistics.median(wall), wall[p99], wall[-1], statistics.median(cpu), cpu[p99]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--terms", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--cli-runs", type=int, default=10)
    ap.add_argument("--keep", default=None, help="Write (or reuse, if it exists) the base here.")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    path = args.keep or os.path.join(tmp.name, "bench.db")
    rng = random.Random(1)
    t = time.perf_counter()
    if args.keep and os.path.exists(path):
        store = open_store(path, create=False)
        rows = store.conn.execute("SELECT id, concept_id, lang, text, key, status, term_type, pos, pinyin, "
                                  "pinyin_key, initials FROM terms").fetchall()
        store.close()
        n = len(rows)
        en = [r for r in rows if r[2] == "en"]
        zh = [r for r in rows if r[2].startswith("zh")]
        del rows
        print(f"reused {path}: {n:,} terms")
    else:
        n, en, zh = generate(path, args.terms)
        print(f"generated {n:,} terms in {time.perf_counter() - t:.1f} s ({os.path.getsize(path) / 1e6:.0f} MB)")
    k = args.queries
    en_sample = rng.sample(en, k)
    zh_sample = rng.sample(zh, k)
    # The million rows were only needed to draw queries; kept, they make every full garbage collection
    # walk a million tuples inside some lookup's timing (100+ ms) - a cost of this script, not of lookup.
    del en, zh
    gc.collect()
    gc.freeze()
    cases = {
        "exact English": [r[3] for r in en_sample],
        "exact English, other case": [r[3].upper() for r in en_sample],
        "exact Chinese": [r[3] for r in zh_sample],
        "pinyin, tone marks": [r[8] for r in zh_sample],
        "pinyin, no tones, joined": [r[9] for r in zh_sample],
        "initials": [r[10] for r in zh_sample],
        "prefix English": [r[4][:max(3, len(r[4]) * 2 // 3)] for r in en_sample],
        "partial English (words)": [" ".join(r[4].split()[1:3]) or r[4] for r in en_sample],
        "partial Chinese (3 chars)": [r[4][1:4] if len(r[4]) >= 4 else r[4] for r in zh_sample],
        "partial Chinese (2 chars)": [r[4][-2:] for r in zh_sample],
        "Traditional (兩個確立...)": ["兩個確立", "兩個維護", "國際交往中心", "中關村論壇"] * (k // 4),
        "fuzzy English (one typo)": [_typo(rng, r[4]) for r in en_sample if len(r[4]) > 6],
        "fuzzy pinyin (one typo)": [_typo(rng, r[9]) for r in zh_sample if len(r[9]) > 6],
        "miss (nothing like it)": ["qqqxxzzv kkwwjj " + str(i) for i in range(k)],
    }
    store = open_store(path, create=False)
    lookup(store, "warm up")
    print(f"{'query kind':<28} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8} {'cpu p99':>8}")
    for name, queries in cases.items():
        p50, p99, mx, c50, c99 = _percentiles(store, queries)
        print(f"{name:<28} {p50:8.2f} {p99:8.2f} {mx:8.2f} {c50:8.2f} {c99:8.2f}")
    # How often the concept a typo came from is among the suggestions (quality, not speed).
    for name, sample, col in (("English", en_sample, 4), ("pinyin", zh_sample, 9)):
        pairs = [(_typo(rng, r[col]), r[1]) for r in sample if len(r[col]) > 6]
        found = 0
        for q, concept_id in pairs:
            res = lookup(store, q)
            found += (concept_id in [c.id for c, _ in res.matches]
                      or concept_id in [cid for _, _, cid in suggest_scored(store, q)])
        print(f"fuzzy {name}: the typo's concept is suggested (or matched) for {found}/{len(pairs)} queries")
    store.close()
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    cli = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for i in range(args.cli_runs):
        q = ["两个确立", "liang3 ge4 que4 li4", "lgql", "Leading Group", "Two Establishmnets"][i % 5]
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "glossary.cli", "--db", path, "lookup", q],
                             capture_output=True, text=True, env=env)
        cli.append((time.perf_counter() - t) * 1000)
        if i < 5 and out.returncode not in (0, 1):
            print(out.stderr, file=sys.stderr)
    cli.sort()
    print(f"{'CLI start to answer':<28} {statistics.median(cli):8.1f} {cli[int(len(cli) * 0.99)]:8.1f} {cli[-1]:8.1f}"
          f"  ({args.cli_runs} runs)")
    tmp.cleanup()


if __name__ == "__main__":
    main()
