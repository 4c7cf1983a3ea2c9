"""The term base: schema and migrations, transactions, concurrency, refusing foreign files."""
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from glossary.errors import DatabaseBusy, NotFound, StoreError
from glossary.model import Concept, Occurrence, Term
from glossary.store import APPLICATION_ID, SCHEMA_VERSION, open_store


def _concept(en="Two Establishments", zh="两个确立", category="slogan"):
    return Concept(category, [Term(en, "en", status="preferred",
                                   occurrences=[Occurrence("a.txt", 10, 28, "uphold the Two Establishments")]),
                              Term(zh, "zh-CN", pinyin="liǎng gè quèlì", provenance="termbase")])


def test_new_base_has_current_schema_and_wal(store_path):
    store = open_store(store_path)
    conn = store.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_concept_round_trip_with_occurrences(fresh_store):
    with fresh_store.transaction():
        doc = fresh_store.add_document("a.txt", "h1", "en", "2024-01-02", "Title")
        cid = fresh_store.add_concept(_concept(), {"a.txt": doc})
    c = fresh_store.get_concept(cid)
    assert [t.text for t in c.en] == ["Two Establishments"]
    assert c.zh[0].pinyin == "liǎng gè quèlì"
    occ = c.en[0].occurrences[0]
    assert (occ.doc, occ.start, occ.doc_date) == ("a.txt", 10, "2024-01-02")


def test_keys_find_variants_of_case_quotes_and_determiners(fresh_store):
    with fresh_store.transaction():
        cid = fresh_store.add_concept(_concept("Center for International Exchanges", "国际交往中心", "other"))
    assert fresh_store.find_by_key("the centre for international exchanges", "en")[0][0] == cid
    assert fresh_store.find_by_key("“国际交往中心”", "zh-CN")[0][0] == cid


def test_failed_transaction_leaves_base_unchanged(fresh_store):
    with fresh_store.transaction():
        fresh_store.add_concept(_concept())
    with pytest.raises(RuntimeError):
        with fresh_store.transaction():
            fresh_store.add_concept(_concept("Two Upholds", "两个维护"))
            raise RuntimeError("crash in the middle of a command")
    assert fresh_store.stats()["concepts"] == 1


def test_invalid_status_is_rejected_and_rolled_back(fresh_store):
    bad = _concept()
    bad.terms[1].status = "approved-ish"
    with pytest.raises(StoreError, match="unknown status"):
        with fresh_store.transaction():
            fresh_store.add_concept(bad)
    assert fresh_store.stats()["concepts"] == 0


def test_set_status_keeps_one_preferred_per_language(fresh_store):
    c = _concept()
    c.terms.append(Term("two establishments", "en", status="admitted"))
    with fresh_store.transaction():
        cid = fresh_store.add_concept(c)
    other = [t for t in fresh_store.get_concept(cid).en if t.status == "admitted"][0]
    with fresh_store.transaction():
        fresh_store.set_status(other.id, "preferred")
    statuses = {t.text: t.status for t in fresh_store.get_concept(cid).en}
    assert statuses == {"Two Establishments": "admitted", "two establishments": "preferred"}
    with pytest.raises(NotFound):
        fresh_store.set_status(99999, "preferred")


def test_refuses_non_sqlite_and_foreign_sqlite(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("just some notes")
    with pytest.raises(StoreError, match="not an SQLite file"):
        open_store(text)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        open_store(foreign)


def test_refuses_newer_schema(store_path):
    open_store(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(store_path)


def test_migration_from_empty_file(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    store = open_store(empty)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


def test_second_writer_gets_busy_error_not_corruption(store_path):
    """A writer holding the lock (another process) makes ours fail cleanly after the timeout."""
    open_store(store_path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        c = sqlite3.connect({store_path!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO concepts (category, created, modified) VALUES ('other', 'x', 'x')")
        print("locked", flush=True)
        time.sleep(3)
        c.execute("ROLLBACK")
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        store = open_store(store_path, timeout_ms=300)
        with pytest.raises(DatabaseBusy, match="busy"):
            with store.transaction():
                store.add_concept(_concept())
        store.close()
    finally:
        holder.wait(timeout=10)
    store = open_store(store_path)
    assert store.stats()["concepts"] == 0
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_iter_concepts_streams_in_batches(fresh_store):
    with fresh_store.transaction():
        for i in range(1203):
            fresh_store.add_concept(Concept("other", [Term(f"Term {i}", "en")]))
    seen = [c.en[0].text for c in fresh_store.iter_concepts(batch=100)]
    assert len(seen) == 1203 and seen[0] == "Term 0" and seen[-1] == "Term 1202"
