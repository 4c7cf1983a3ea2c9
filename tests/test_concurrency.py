"""Several processes on one term base, and processes killed half-way.

The store promises (glossary/store.py): WAL, so readers never block the writer and see the last
committed state; BEGIN IMMEDIATE with a 5 s busy timeout, so a second writer queues and, if the
first one holds the lock longer, gets a clear "database is busy" error instead of half-writing;
one transaction per command, so a killed command leaves the base as it was. Exports go through a
temporary file renamed at the end, so a killed export leaves no partial target.

Everything here runs the installed console script in real processes (glossary_exe fixture).
"""
import json
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "corpus"
BUSY = "database is busy"


def seed_sentences():
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        out += [s.strip() + "." for s in re.split(r"(?<=[a-z])\.\s+", body) if len(s.strip()) > 30]
    return out


def make_articles(folder, n, seed, paragraphs=8):
    """``n`` distinct dated articles from the seed sentences shuffled with a fixed seed."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(" ".join(rng.choice(sentences) for _ in range(5)) for _ in range(paragraphs))
        (folder / f"art{seed}_{i:03d}.txt").write_text(
            f"Topics:\nArticle {seed}-{i}\nDate: 20{15 + i % 9}-0{1 + i % 9}-1{i % 9}\nSource: Test\n\n{body}\n",
            encoding="utf-8")
    return folder


def glossary(exe, db, *args, **kw):
    return subprocess.run([exe, "--db", str(db), *map(str, args)], capture_output=True, text=True, **kw)


def start(exe, db, *args):
    return subprocess.Popen([exe, "--db", str(db), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def counts(db):
    conn = sqlite3.connect(str(db))
    try:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "concepts", "terms", "occurrences"))
    finally:
        conn.close()


def en_terms(db):
    conn = sqlite3.connect(str(db))
    try:
        return sorted(r[0] for r in conn.execute("SELECT text FROM terms WHERE lang = 'en'"))
    finally:
        conn.close()


def integrity(db):
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def snapshot(exe, db, out):
    r = glossary(exe, db, "export", "--format", "json", "-o", out)
    assert r.returncode == 0, r.stderr
    return Path(out).read_bytes()


def new_base(exe, db):
    """An existing, migrated term base with one manual concept."""
    r = glossary(exe, db, "add", "--en", "Two Establishments", "--zh", "两个确立", "--category", "slogan")
    assert r.returncode == 0, r.stderr


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("articles")
    return make_articles(root / "a", 6, seed=1, paragraphs=4), make_articles(root / "b", 6, seed=2, paragraphs=4)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory, folders):
    """What A then B, one after the other, puts in a base: the reference for the concurrent runs."""
    exe = str(Path(sys.executable).with_name("glossary"))
    if not Path(exe).exists():
        pytest.skip("console script not installed (pip install -e .)")
    db = tmp_path_factory.mktemp("seq") / "seq.db"
    new_base(exe, db)
    for f in folders:
        r = glossary(exe, db, "extract", f)
        assert r.returncode == 0, r.stderr
    return counts(db), en_terms(db)


def test_two_extracts_at_once_lose_no_documents(glossary_exe, tmp_path, folders, sequential):
    """Both writers run at the same time on different folders. Either both finish, or the one that
    waited longer than the busy timeout says so (exit 1, "database is busy") having written nothing,
    and running it again completes the base: never a silent loss, never a half-merged folder."""
    db = tmp_path / "t.db"
    new_base(glossary_exe, db)
    procs = [start(glossary_exe, db, "extract", f) for f in folders]
    outs = [p.communicate(timeout=300) for p in procs]
    failed = []
    for f, p, (out, err) in zip(folders, procs, outs):
        if p.returncode != 0:
            assert p.returncode == 1 and BUSY in err and "Traceback" not in err, err
            failed.append(f)
        else:
            assert "6 documents" in out, out + err
    assert len(failed) < 2
    if failed:
        # Only the winner's documents are in: the loser wrote nothing at all.
        assert counts(db)[0] == 6
        r = glossary(glossary_exe, db, "extract", failed[0])
        assert r.returncode == 0, r.stderr
    seq_counts, seq_terms = sequential
    assert counts(db)[0] == seq_counts[0] == 12
    assert en_terms(db) == seq_terms
    assert counts(db)[1:3] == seq_counts[1:3]
    assert integrity(db) == "ok"


def test_readers_see_before_or_after_never_between(glossary_exe, tmp_path, folders):
    db = tmp_path / "t.db"
    new_base(glossary_exe, db)
    before = counts(db)
    writer = start(glossary_exe, db, "extract", folders[0], folders[1])
    seen = []
    while writer.poll() is None:
        r = glossary(glossary_exe, db, "stats")
        assert r.returncode == 0, r.stderr
        m = re.search(r"(\d+) concepts, (\d+) terms, (\d+) documents", r.stdout)
        seen.append(tuple(int(x) for x in m.groups()))
        out = tmp_path / f"read{len(seen)}.json"
        r = glossary(glossary_exe, db, "export", "--format", "json", "-o", out)
        assert r.returncode == 0, r.stderr
        json.loads(out.read_text(encoding="utf-8"))
    assert writer.returncode == 0, writer.stderr.read()
    after = counts(db)
    assert seen, "the writer finished before any read"
    for concepts, terms, documents in seen:
        assert (documents, concepts, terms) in (before[:3], after[:3])


def test_migration_race_on_a_new_base(tmp_path):
    """Two processes (here threads, deterministically) open a term base that does not exist yet:
    both read version 0, then migrate in turn. Seen with two `glossary extract` on a new --db."""
    from glossary import store as store_mod

    db = str(tmp_path / "race.db")
    barrier = threading.Barrier(2, timeout=3)
    real = store_mod._migrate
    errors, stores = [], []

    def slow_migrate(store, version):
        try:
            barrier.wait()   # both openers have read the old version before either migrates
        except threading.BrokenBarrierError:
            pass             # only one opener migrates at all: no race to show
        return real(store, version)

    def opener():
        try:
            stores.append(store_mod.open_store(db))
        except Exception as e:   # noqa: BLE001 - collected and re-raised below
            errors.append(e)

    store_mod._migrate = slow_migrate
    try:
        threads = [threading.Thread(target=opener) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        store_mod._migrate = real
        for s in stores:
            s.close()
    if errors:
        raise errors[0]


# -- killed half-way -------------------------------------------------------------------------------

def wait_for_write_lock(db, proc, timeout=120):
    """Block until ``proc`` holds the write lock of ``db`` (our own BEGIN IMMEDIATE is refused)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        conn = sqlite3.connect(str(db), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                return True
            raise
        finally:
            conn.close()
        time.sleep(0.02)
    return False


def test_extract_killed_mid_transaction_leaves_the_base_as_it_was(glossary_exe, tmp_path, folders):
    db = tmp_path / "t.db"
    new_base(glossary_exe, db)
    assert glossary(glossary_exe, db, "extract", folders[0]).returncode == 0
    before, before_counts = snapshot(glossary_exe, db, tmp_path / "before.json"), counts(db)
    # A bigger folder, so that the merge (one transaction) lasts long enough to be killed inside.
    big = make_articles(tmp_path / "c", 40, seed=3)
    proc = start(glossary_exe, db, "extract", big)
    assert wait_for_write_lock(db, proc), "extract finished or failed before taking the write lock"
    time.sleep(0.05)   # inside the merge: rows written, nothing committed
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert integrity(db) == "ok"
    assert counts(db) == before_counts
    assert snapshot(glossary_exe, db, tmp_path / "after.json") == before
    # And the base still takes the same folder afterwards.
    r = glossary(glossary_exe, db, "extract", big)
    assert r.returncode == 0 and "40 documents" in r.stdout, r.stderr


def bulk_base(db, n):
    """A term base of ``n`` concepts (English, Chinese with pinyin, a context each), written in bulk."""
    from glossary.normalize import en_key, zh_key
    from glossary.store import open_store

    store = open_store(str(db))
    stamp = "2026-01-01T00:00:00"
    zh_chars = "北京市区委员会局办公室领导小组改革发展中心国际交往论坛规划政策"
    concepts, terms, occs = [], [], []
    for cid in range(1, n + 1):
        concepts.append((cid, "body", None, None, stamp, stamp))
        en = f"Municipal Commission of Development Number {cid}"
        zh = zh_chars[cid % 20:cid % 20 + 6] + str(cid)
        terms.append((2 * cid - 1, cid, "en", en, en_key(en), "preferred", "extracted"))
        terms.append((2 * cid, cid, "zh-CN", zh, zh_key(zh), "admitted", "termbase"))
        occs.append((2 * cid - 1, 1, 0, 10, 20, f"The {en} met on Monday, as {cid} members agreed."))
    with store.transaction():
        store.conn.execute("INSERT INTO documents (id, path, sha256, lang, added) VALUES (1, 'a.txt', 'x', 'en', ?)",
                           (stamp,))
        store.conn.executemany("INSERT INTO concepts VALUES (?,?,?,?,?,?)", concepts)
        store.conn.executemany("INSERT INTO terms (id, concept_id, lang, text, key, status, provenance) "
                               "VALUES (?,?,?,?,?,?,?)", terms)
        store.conn.executemany("INSERT INTO occurrences (term_id, document_id, sentence_no, start, end, sentence) "
                               "VALUES (?,?,?,?,?,?)", occs)
    store.close()


@pytest.fixture(scope="module")
def big_base(tmp_path_factory):
    db = tmp_path_factory.mktemp("big") / "big.db"
    bulk_base(db, 25000)
    return db


@pytest.mark.parametrize("existing", [False, True], ids=["new-target", "existing-target"])
def test_export_killed_midway_leaves_no_partial_file(glossary_exe, tmp_path, big_base, existing):
    target = tmp_path / "terms.tbx"
    old = b"<old export, must survive>"
    if existing:
        target.write_bytes(old)
    before = counts(big_base)
    proc = start(glossary_exe, big_base, "export", "--format", "tbx", "-o", target)
    deadline = time.monotonic() + 120
    part = []
    while time.monotonic() < deadline and proc.poll() is None:
        part = [p for p in tmp_path.iterdir() if p.name.startswith(".terms.tbx.") and p.stat().st_size > 4096]
        if part:
            break
        time.sleep(0.01)
    assert part and proc.poll() is None, "the export finished before it could be killed; make the base bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if existing:
        assert target.read_bytes() == old
    else:
        assert not target.exists()
    # What SIGKILL cannot clean up is the hidden temporary file: never under the target's name.
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name != "terms.tbx")
    assert all(n.startswith(".terms.tbx.") and n.endswith(".part") for n in leftovers), leftovers
    assert integrity(big_base) == "ok" and counts(big_base) == before
    # The next export goes through and replaces the target whole.
    r = glossary(glossary_exe, big_base, "export", "--format", "tbx", "-o", target)
    assert r.returncode == 0, r.stderr
    assert target.read_bytes().rstrip().endswith(b"</martif>")
