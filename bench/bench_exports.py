#!/usr/bin/env python3
"""Export and import speed, and export memory, on a generated term base of 20,000 and 100,000 concepts.

The base is written straight into a temporary SQLite term base (``glossary.store`` schema, one
``executemany`` transaction): per concept an English preferred term (a third with an English
variant), a Chinese term with pinyin (nine in ten), a note on some, and one dated occurrence with
its sentence, so exports carry contexts as they do on a real base. Each export runs in its own
process as `glossary export` does (``store.iter_concepts`` → ``exports.write_file``), and its peak
RSS above the RSS it started with is reported: that figure must not grow with the size of the base.

Baselines in the same run: the same rows read with one plain SQL join and written by lxml alone
(``etree.xmlfile``, termEntry/langSet/tig/term, no options, no filters) and by the csv module
alone; lxml ``iterparse`` over our TBX without building concepts.

Targets (100,000 concepts): TBX export <= 3 s, TBX read <= 5 s, XLSX export <= 10 s.

    .venv/bin/python bench/bench_exports.py [--sizes 20000,100000] [--quick]
"""
import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import MB, emit, figure, machine, peak_rss_mb, rss_mb, run_child, table  # noqa: E402

TARGETS = {("export", "tbx"): "<=3", ("read", "tbx"): "<=5", ("export", "xlsx"): "<=10"}
FORMATS = ("tbx", "xlsx", "csv", "tsv", "json")
EXT = {"tbx": ".tbx", "xlsx": ".xlsx", "csv": ".csv", "tsv": ".tsv", "json": ".json"}

_EN_WORDS = ("Beijing Municipal District Committee Commission Bureau Office Leading Group Reform Development "
             "Center International Exchange Forum Plan Policy Zone Park Science Technology Culture Heritage "
             "Green Digital Economy Capital Function Planning Conference Association Innovation").split()
_ZH_CHARS = "北京市区委员会局办公室领导小组改革发展中心国际交往论坛规划政策园科技文化遗产绿色数字经济首都功能协会创新"
_SYL = ("běi jīng shì qū wěi yuán huì jú bàn gōng shì lǐng dǎo xiǎo zǔ gǎi gé fā zhǎn zhōng xīn guó jì jiāo wǎng "
        "lùn tán guī huà zhèng cè yuán kē jì wén huà yí chǎn lǜ sè shù zì jīng jì shǒu dū gōng néng xié huì "
        "chuàng").split()


def generate(path, n, seed=5):
    """A term base of ``n`` concepts written directly with executemany; returns the number of terms."""
    from glossary.normalize import en_key, pinyin_initials, pinyin_key, zh_key
    from glossary.store import open_store

    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00"
    cats = ["title", "body", "slogan", "plan", "policy", "event", "place", "facility", "other"]
    docs = [(i, f"articles/doc{i}.txt", f"{i:064x}", "en", f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}", f"Doc {i}",
             stamp) for i in range(1, 101)]
    concepts, terms, occs = [], [], []
    tid = 0
    for cid in range(1, n + 1):
        concepts.append((cid, rng.choice(cats), None, "generated note" if cid % 7 == 0 else None, stamp, stamp))
        en = " ".join(rng.choice(_EN_WORDS) for _ in range(rng.randint(2, 5))) + f" {cid}"
        tid += 1
        terms.append((tid, cid, "en", en, en_key(en), "preferred", "fullForm", None, None, None, None, "extracted",
                      round(rng.random(), 2), None, None, rng.randint(1, 9)))
        occs.append((tid, 1 + cid % 100, 3, 100, 100 + len(en), f"On Monday the {en} met in Beijing & <agreed>."))
        if cid % 3 == 0:
            tid += 1
            v = "the " + en.lower()
            terms.append((tid, cid, "en", v, en_key(v), "admitted", "variant", None, None, None, None, "extracted",
                          None, None, None, 1))
        if cid % 10:
            k = rng.randint(2, 8)
            idx = [rng.randrange(len(_ZH_CHARS)) for _ in range(k)]
            zh = "".join(_ZH_CHARS[i] for i in idx) + str(cid)
            py = " ".join(_SYL[i % len(_SYL)] for i in idx) + f" {cid}"
            tid += 1
            terms.append((tid, cid, "zh-CN", zh, zh_key(zh), rng.choice(["preferred", "proposed"]), "fullForm",
                          None, py, pinyin_key(py), pinyin_initials(py), "termbase", 0.9, "seeds/reference.tsv",
                          None, 0))
    store = open_store(path)
    store.conn.execute("PRAGMA synchronous = OFF")
    store.conn.execute("PRAGMA cache_size = -200000")
    # The full-text triggers cost most of a row-by-row insert: drop them, bulk insert, fill the
    # indexes in one statement each (the migration's own backfill), put the triggers back.
    triggers = store.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    with store.transaction():
        for name, _ in triggers:
            store.conn.execute(f"DROP TRIGGER {name}")
        store.conn.executemany("INSERT INTO documents (id, path, sha256, lang, date, title, added) "
                               "VALUES (?,?,?,?,?,?,?)", docs)
        store.conn.executemany("INSERT INTO concepts (id, category, definition, note, created, modified) "
                               "VALUES (?,?,?,?,?,?)", concepts)
        store.conn.executemany("""INSERT INTO terms (id, concept_id, lang, text, key, status, term_type, pos, pinyin,
                                  pinyin_key, initials, provenance, confidence, source, note, count)
                                  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", terms)
        store.conn.executemany("INSERT INTO occurrences (term_id, document_id, sentence_no, start, end, sentence) "
                               "VALUES (?,?,?,?,?,?)", occs)
        from glossary.store import _LOOKUP_V2, _statements

        for statement in _statements(_LOOKUP_V2):
            if statement.strip().upper().startswith("INSERT INTO TERMS_"):
                store.conn.execute(statement)
        for _, sql in triggers:
            store.conn.execute(sql)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return len(terms)


# -- children: one measurement each, in a fresh process ---------------------------------------------

def child_export(db, fmt, out):
    import exports
    from glossary.store import open_store

    exports.get_format(fmt)   # imports the format module (and openpyxl for XLSX) before the baseline RSS
    if fmt == "xlsx":
        import openpyxl  # noqa: F401
    store = open_store(db, create=False)
    rss0 = rss_mb()
    t = time.perf_counter()
    n = exports.write_file(store.iter_concepts(), out, fmt)
    wall = time.perf_counter() - t
    store.close()
    emit({"wall": wall, "n": n, "rss0": rss0, "peak": peak_rss_mb(), "bytes": os.path.getsize(out)})


def child_read(path, fmt):
    import exports

    exports.get_format(fmt)
    rss0 = rss_mb()
    t = time.perf_counter()
    n = sum(1 for _ in exports.read_file(path, fmt))
    emit({"wall": time.perf_counter() - t, "n": n, "rss0": rss0, "peak": peak_rss_mb()})


_PLAIN_SQL = """SELECT c.id, c.category, t.lang, t.text, t.status, t.pinyin FROM concepts c JOIN terms t
                ON t.concept_id = c.id ORDER BY c.id, t.id"""


def child_base_lxml(db, out):
    import sqlite3

    from lxml import etree

    conn = sqlite3.connect(db)
    rss0 = rss_mb()
    t = time.perf_counter()
    n = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("martif", type="TBX-Basic"):
            with xf.element("text"):
                with xf.element("body"):
                    entry, cur = None, None
                    for cid, cat, lang, text, status, pinyin in conn.execute(_PLAIN_SQL):
                        if cid != cur:
                            if entry is not None:
                                xf.write(entry)
                            cur, n = cid, n + 1
                            entry = etree.Element("termEntry", id=f"c{cid}")
                            etree.SubElement(entry, "descrip", type="subjectField").text = cat
                        ls = etree.SubElement(entry, "langSet")
                        ls.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
                        tig = etree.SubElement(ls, "tig")
                        etree.SubElement(tig, "term").text = text
                        etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
                        if pinyin:
                            etree.SubElement(tig, "note").text = pinyin
                    if entry is not None:
                        xf.write(entry)
    emit({"wall": time.perf_counter() - t, "n": n, "rss0": rss0, "peak": peak_rss_mb(), "bytes": os.path.getsize(out)})


def child_base_csv(db, out):
    import csv
    import sqlite3

    conn = sqlite3.connect(db)
    rss0 = rss_mb()
    t = time.perf_counter()
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "category", "lang", "text", "status", "pinyin"])
        for row in conn.execute(_PLAIN_SQL):
            w.writerow(row)
            n += 1
    emit({"wall": time.perf_counter() - t, "n": n, "rss0": rss0, "peak": peak_rss_mb(), "bytes": os.path.getsize(out)})


def child_base_iterparse(path):
    from lxml import etree

    rss0 = rss_mb()
    t = time.perf_counter()
    n = 0
    for _, el in etree.iterparse(path, events=("end",), tag=("termEntry", "{*}termEntry", "conceptEntry",
                                                                "{*}conceptEntry")):
        n += 1
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    emit({"wall": time.perf_counter() - t, "n": n, "rss0": rss0, "peak": peak_rss_mb()})


def child_generate(db, n):
    t = time.perf_counter()
    emit({"terms": generate(db, int(n)), "wall": time.perf_counter() - t})


CHILDREN = {"generate": child_generate, "export": child_export, "read": child_read, "base_lxml": child_base_lxml,
            "base_csv": child_base_csv,
            "base_iterparse": child_base_iterparse}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=None, help="concept counts, default 20000,100000")
    ap.add_argument("--quick", action="store_true", help="5000 and 20000 concepts")
    ap.add_argument("--child", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    if a.child:
        return CHILDREN[a.child[0]](*a.child[1:])
    sizes = [int(s) for s in (a.sizes or ("5000,20000" if a.quick else "20000,100000")).split(",")]
    print(f"# bench_exports  {machine()}")
    work = tempfile.TemporaryDirectory(prefix="bench-exports-")
    rows, res = [], {}
    for n in sizes:
        db = os.path.join(work.name, f"base{n}.db")
        g = run_child(__file__, "generate", db, n)   # in a child: the parent stays small
        print(f"base of {n:,} concepts, {g['terms']:,} terms generated in {g['wall']:.1f} s "
              f"({os.path.getsize(db) / MB:.0f} MB)", flush=True)

        def record(kind, fmt, r):
            res[(kind, fmt, n)] = r
            target = TARGETS.get((kind, fmt), "-") if n == max(sizes) else "-"
            rows.append([f"{n:,}", kind, fmt, f"{r['wall']:.2f}", f"{n / r['wall']:,.0f}", f"{r['rss0']:.0f}",
                         f"{r['peak']:.0f}", f"{r['peak'] - r['rss0']:.0f}",
                         f"{r['bytes'] / MB:.1f}" if "bytes" in r else "", target])
            print(table(rows[-1:], HEAD).splitlines()[-1], flush=True)
            figure(f"{kind}_{fmt}_{n // 1000}k", r["wall"], "s", target)
            figure(f"{kind}_{fmt}_{n // 1000}k_peak_above_start", r["peak"] - r["rss0"], "MB")

        for fmt in FORMATS:
            out = os.path.join(work.name, f"out{n}{EXT[fmt]}")
            record("export", fmt, run_child(__file__, "export", db, fmt, out))
        record("read", "tbx", run_child(__file__, "read", os.path.join(work.name, f"out{n}.tbx"), "tbx"))
        record("baseline", "lxml_write", run_child(__file__, "base_lxml", db, os.path.join(work.name, f"b{n}.xml")))
        record("baseline", "csv_module", run_child(__file__, "base_csv", db, os.path.join(work.name, f"b{n}.csv")))
        record("baseline", "lxml_iterparse",
               run_child(__file__, "base_iterparse", os.path.join(work.name, f"out{n}.tbx")))
        for name in os.listdir(work.name):
            if name.startswith(("out", "b")) and not name.endswith(".db"):
                os.unlink(os.path.join(work.name, name))
    print()
    print(table(rows, HEAD))
    big, small = max(sizes), min(sizes)
    k = f"{big // 1000}k"
    figure(f"export_tbx_{k}_vs_lxml",
           res[("export", "tbx", big)]["wall"] / res[("baseline", "lxml_write", big)]["wall"], "ratio")
    figure(f"export_csv_{k}_vs_csv_module",
           res[("export", "csv", big)]["wall"] / res[("baseline", "csv_module", big)]["wall"], "ratio")
    figure(f"read_tbx_{k}_vs_iterparse",
           res[("read", "tbx", big)]["wall"] / res[("baseline", "lxml_iterparse", big)]["wall"], "ratio")
    for fmt in FORMATS if big > small else ():
        a_, b_ = res[("export", fmt, small)], res[("export", fmt, big)]
        # Memory growth from the small to the big base, in MB of extra peak per extra 10,000 concepts.
        grow = ((b_["peak"] - b_["rss0"]) - (a_["peak"] - a_["rss0"])) / ((big - small) / 10_000)
        figure(f"export_{fmt}_peak_growth_per_10k_concepts", grow, "MB", "<=1")
    work.cleanup()


HEAD = ["concepts", "what", "format", "wall s", "concepts/s", "rss0 MB", "peak MB", "peak-rss0 MB", "file MB",
        "target s"]

if __name__ == "__main__":
    main()
