"""The term base: one SQLite file, concept-oriented like TBX.

Why SQLite: a translator's term base is a single file they can copy, back up and share; SQLite gives
transactions (a crash leaves the base as it was), WAL (readers never block the writer) and a busy
timeout (a second writer waits, then gets a clear error instead of corrupting anything).

Every public method that writes expects to run inside ``with store.transaction():`` so a command's
writes land together or not at all.
"""
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import AbstractSet, Iterator, List, Optional

from .errors import DatabaseBusy, NotFound, StoreError
from .model import CATEGORIES, PROVENANCES, STATUSES, Concept, Occurrence, Term, is_zh
from .normalize import en_key, pinyin_initials, pinyin_key, zh_key

# Marks the file as ours so we refuse to "migrate" someone else's SQLite database.
APPLICATION_ID = 0x474C5359  # "GLSY"
# A second writer (a colleague's extract on the same base) waits this long for the lock before
# getting "database is busy"; long enough to queue behind a normal extract's merge.
BUSY_TIMEOUT_MS = 30000
# An occurrence list is evidence, not an index of the corpus: a few contexts per term and document
# are enough for a translator, and capping keeps the base small on years of news.
MAX_OCCURRENCES_PER_DOC = 3

_SCHEMA_V1 = f"""
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    date TEXT,
    title TEXT,
    added TEXT NOT NULL
);
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY,
    category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ({",".join(repr(c) for c in CATEGORIES)})),
    definition TEXT,
    note TEXT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({",".join(repr(s) for s in STATUSES)})),
    term_type TEXT,
    pos TEXT,
    pinyin TEXT,
    pinyin_key TEXT,
    initials TEXT,
    provenance TEXT NOT NULL CHECK (provenance IN ({",".join(repr(p) for p in PROVENANCES)})),
    confidence REAL,
    source TEXT,
    note TEXT,
    count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (concept_id, lang, text)
);
CREATE INDEX terms_by_key ON terms (key, lang);
CREATE INDEX terms_by_concept ON terms (concept_id);
CREATE INDEX terms_by_pinyin ON terms (pinyin_key) WHERE pinyin_key IS NOT NULL;
CREATE INDEX terms_by_initials ON terms (initials) WHERE initials IS NOT NULL;
CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_no INTEGER,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence TEXT,
    UNIQUE (term_id, document_id, start)
);
CREATE INDEX occurrences_by_term ON occurrences (term_id);
"""

# Forward migrations: index i brings a base from user_version i to i + 1. Never edit a released
# step; append a new one.
def _statements(script):
    """The complete SQL statements of a migration step; a ';' inside a trigger body does not end one."""
    out, buf = [], ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                out.append(buf)
            buf = ""
    return out


# v2 (lookup, issue 7): two full-text indexes, contentless (the text stays in `terms` only) and kept
# in step with every writer by triggers, including the cascade when a concept is deleted.
# - terms_words: the words of English keys and of the pinyin (tone marks folded away by unicode61),
#   for word, phrase and word-prefix matches ("Leading Group", "deepening ref", "jiaowang") and the
#   fuzzy candidate prefilter; word doclists are short, so these stay fast on a million terms.
# - terms_fts: trigrams of every key and of the toneless pinyin key, for substrings (交往中心, "queli"
#   inside lianggequeli). Each value is indexed with two END marks (char 3) after it, so every substring
#   of one or two characters (确立 at the end of 两个确立) begins some indexed trigram, and lookup finds
#   short Chinese partials from the trigram vocabulary instead of scanning all terms.
_LOOKUP_V2 = """
CREATE VIRTUAL TABLE terms_fts USING fts5(key, pinyin_key, content='', tokenize='trigram', columnsize=0);
CREATE VIRTUAL TABLE terms_words USING fts5(key, pinyin, content='', prefix='2 3', columnsize=0,
                                            tokenize='unicode61 remove_diacritics 2');
INSERT INTO terms_fts (rowid, key, pinyin_key)
    SELECT id, key || char(3, 3), pinyin_key || char(3, 3) FROM terms;
INSERT INTO terms_words (rowid, key, pinyin)
    SELECT id, CASE WHEN lang LIKE 'zh%' THEN NULL ELSE key END, pinyin FROM terms;
CREATE TRIGGER terms_fts_insert AFTER INSERT ON terms BEGIN
    INSERT INTO terms_fts (rowid, key, pinyin_key)
        VALUES (new.id, new.key || char(3, 3), new.pinyin_key || char(3, 3));
    INSERT INTO terms_words (rowid, key, pinyin)
        VALUES (new.id, CASE WHEN new.lang LIKE 'zh%' THEN NULL ELSE new.key END, new.pinyin);
END;
CREATE TRIGGER terms_fts_delete AFTER DELETE ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, key, pinyin_key)
        VALUES ('delete', old.id, old.key || char(3, 3), old.pinyin_key || char(3, 3));
    INSERT INTO terms_words (terms_words, rowid, key, pinyin)
        VALUES ('delete', old.id, CASE WHEN old.lang LIKE 'zh%' THEN NULL ELSE old.key END, old.pinyin);
END;
CREATE TRIGGER terms_fts_update AFTER UPDATE OF key, lang, pinyin, pinyin_key ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, key, pinyin_key)
        VALUES ('delete', old.id, old.key || char(3, 3), old.pinyin_key || char(3, 3));
    INSERT INTO terms_words (terms_words, rowid, key, pinyin)
        VALUES ('delete', old.id, CASE WHEN old.lang LIKE 'zh%' THEN NULL ELSE old.key END, old.pinyin);
    INSERT INTO terms_fts (rowid, key, pinyin_key)
        VALUES (new.id, new.key || char(3, 3), new.pinyin_key || char(3, 3));
    INSERT INTO terms_words (rowid, key, pinyin)
        VALUES (new.id, CASE WHEN new.lang LIKE 'zh%' THEN NULL ELSE new.key END, new.pinyin);
END;
"""

MIGRATIONS = [_SCHEMA_V1, _LOOKUP_V2]
SCHEMA_VERSION = len(MIGRATIONS)


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def term_key(text, lang):
    return zh_key(text) if is_zh(lang) else en_key(text)


class Store:
    """An open term base. Use :func:`open_store` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self._depth = 0

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        """All writes inside land together, or none do. Nested use joins the outer transaction.

        BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        instead of failing half-way through a command.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise _translate(e, self.path) from None
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.conn.rollback()
            raise
        else:
            self._depth = 0
            try:
                self.conn.commit()
            except sqlite3.OperationalError as e:
                self.conn.rollback()
                raise _translate(e, self.path) from None

    def _exec(self, sql, params=()):
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as e:
            raise _translate(e, self.path) from None

    # -- documents -----------------------------------------------------------------------------
    def document_id(self, sha256: str) -> Optional[int]:
        row = self._exec("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def add_document(self, path, sha256, lang, date=None, title=None) -> int:
        cur = self._exec("INSERT INTO documents (path, sha256, lang, date, title, added) VALUES (?,?,?,?,?,?)",
                         (str(path), sha256, lang, date, title, now()))
        return cur.lastrowid

    def documents(self):
        return self._exec("SELECT id, path, sha256, lang, date, title FROM documents ORDER BY id").fetchall()

    # -- concepts and terms --------------------------------------------------------------------
    def add_concept(self, concept: Concept, doc_ids: Optional[dict] = None) -> int:
        """Insert a concept with its terms and occurrences; returns its id.

        ``doc_ids`` maps an occurrence's ``doc`` to a documents.id; occurrences of unknown
        documents are dropped (they cannot be shown with context).
        """
        stamp = now()
        cur = self._exec("INSERT INTO concepts (category, definition, note, created, modified) VALUES (?,?,?,?,?)",
                         (_category(concept.category), concept.definition, concept.note,
                          concept.created or stamp, concept.modified or stamp))
        concept.id = cur.lastrowid
        for term in concept.terms:
            self.add_term(concept.id, term, doc_ids)
        return concept.id

    def add_term(self, concept_id: int, term: Term, doc_ids: Optional[dict] = None,
                 new_documents: AbstractSet[int] = frozenset()) -> int:
        """Insert a term into a concept, or merge it into the same (language, text) already there.

        ``new_documents``: ids of documents the caller added and has written no occurrence of this
        term for, whose occurrences need no count (the extraction merge: one call per term and
        chunk of new documents; counting them was 190,000 queries on 100 MB)."""
        key = term_key(term.text, term.lang)
        if not key:
            raise StoreError(f"empty term text for concept {concept_id}", self.path)
        row = self._exec("SELECT id FROM terms WHERE concept_id = ? AND lang = ? AND text = ?",
                         (concept_id, term.lang, term.text)).fetchone()
        pk = pinyin_key(term.pinyin) if term.pinyin else None
        ini = pinyin_initials(term.pinyin) if term.pinyin else None
        if row:
            term.id = row[0]
            self._exec("""UPDATE terms SET count = count + ?, pinyin = COALESCE(pinyin, ?),
                          pinyin_key = COALESCE(pinyin_key, ?), initials = COALESCE(initials, ?),
                          source = COALESCE(source, ?), note = COALESCE(note, ?) WHERE id = ?""",
                       (term.count, term.pinyin, pk, ini, term.source, term.note, term.id))
        else:
            cur = self._exec(
                """INSERT INTO terms (concept_id, lang, text, key, status, term_type, pos, pinyin, pinyin_key,
                   initials, provenance, confidence, source, note, count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (concept_id, term.lang, term.text, key, _status(term.status), term.term_type, term.pos,
                 term.pinyin, pk, ini, _provenance(term.provenance), term.confidence, term.source, term.note,
                 term.count))
            term.id = cur.lastrowid
        by_doc = {}
        for occ in term.occurrences:
            doc_id = (doc_ids or {}).get(occ.doc)
            if doc_id is not None:
                by_doc.setdefault(doc_id, []).append(occ)
        rows = []
        for doc_id, occs in by_doc.items():
            have = 0
            if row and doc_id not in new_documents:   # only a term already in the base can have them
                have = self._exec("SELECT COUNT(*) FROM occurrences WHERE term_id = ? AND document_id = ?",
                                  (term.id, doc_id)).fetchone()[0]
            rows += [(term.id, doc_id, o.sentence_no, o.start, o.end, o.sentence)
                     for o in occs[:max(0, MAX_OCCURRENCES_PER_DOC - have)]]
        if rows:
            try:
                self.conn.executemany("""INSERT OR IGNORE INTO occurrences
                                         (term_id, document_id, sentence_no, start, end, sentence)
                                         VALUES (?,?,?,?,?,?)""", rows)
            except sqlite3.OperationalError as e:
                raise _translate(e, self.path) from None
        return term.id

    def update_term(self, term: Term):
        pk = pinyin_key(term.pinyin) if term.pinyin else None
        ini = pinyin_initials(term.pinyin) if term.pinyin else None
        self._exec("""UPDATE terms SET status = ?, term_type = ?, pos = ?, pinyin = ?, pinyin_key = ?, initials = ?,
                      provenance = ?, confidence = ?, source = ?, note = ? WHERE id = ?""",
                   (_status(term.status), term.term_type, term.pos, term.pinyin, pk, ini,
                    _provenance(term.provenance), term.confidence, term.source, term.note, term.id))
        self._touch_term(term.id)

    def update_concept(self, concept: Concept):
        self._exec("UPDATE concepts SET category = ?, definition = ?, note = ?, modified = ? WHERE id = ?",
                   (_category(concept.category), concept.definition, concept.note, now(), concept.id))

    def _touch_term(self, term_id):
        self._exec("UPDATE concepts SET modified = ? WHERE id = (SELECT concept_id FROM terms WHERE id = ?)",
                   (now(), term_id))

    def set_status(self, term_id: int, status: str) -> Term:
        """Change one term's status; making a term preferred demotes the other preferred term of its
        language in the concept to admitted, so a concept never has two preferred forms."""
        status = _status(status)
        row = self._exec("SELECT concept_id, lang FROM terms WHERE id = ?", (term_id,)).fetchone()
        if not row:
            raise NotFound(f"no term with id {term_id} (see `glossary show CONCEPT_ID` for term ids)")
        if status == "preferred":
            self._exec("UPDATE terms SET status = 'admitted' WHERE concept_id = ? AND lang = ? AND status = 'preferred'",
                       row)
        self._exec("UPDATE terms SET status = ? WHERE id = ?", (status, term_id))
        self._touch_term(term_id)
        return self.get_term(term_id)

    def move_term(self, term_id: int, concept_id: int):
        self._exec("UPDATE OR IGNORE terms SET concept_id = ? WHERE id = ?", (concept_id, term_id))

    def delete_concept(self, concept_id: int):
        self._exec("DELETE FROM concepts WHERE id = ?", (concept_id,))

    # -- reading -------------------------------------------------------------------------------
    def get_term(self, term_id: int) -> Term:
        row = self._exec(f"SELECT {_TERM_COLS} FROM terms WHERE id = ?", (term_id,)).fetchone()
        if not row:
            raise NotFound(f"no term with id {term_id}")
        return _term(row)

    def get_concept(self, concept_id: int, contexts: int = 2) -> Concept:
        row = self._exec("SELECT id, category, definition, note, created, modified FROM concepts WHERE id = ?",
                         (concept_id,)).fetchone()
        if not row:
            raise NotFound(f"no concept with id {concept_id}")
        concept = _concept(row)
        concept.terms = self._terms_of([concept.id], contexts)[concept.id]
        return concept

    def concept_ids(self, categories=None) -> List[int]:
        sql, params = "SELECT id FROM concepts", []
        if categories:
            sql += f" WHERE category IN ({','.join('?' * len(categories))})"
            params = list(categories)
        return [r[0] for r in self._exec(sql + " ORDER BY id", params)]

    def iter_concepts(self, categories=None, contexts: int = 2, batch: int = 2000) -> Iterator[Concept]:
        """All concepts with their terms, streamed in batches so exporting a huge base stays flat in memory.

        Batches are id ranges, so every query walks an index range instead of parsing a long IN list.
        """
        ids = self.concept_ids(categories)
        for i in range(0, len(ids), batch):
            chunk = ids[i:i + batch]
            lo, hi = chunk[0], chunk[-1]
            wanted = set(chunk) if categories else None
            terms = self._terms_of_range(lo, hi, contexts)
            for row in self._exec("SELECT id, category, definition, note, created, modified FROM concepts "
                                  "WHERE id BETWEEN ? AND ? ORDER BY id", (lo, hi)):
                if wanted is not None and row[0] not in wanted:
                    continue
                concept = _concept(row)
                concept.terms = terms.get(concept.id, [])
                yield concept

    def _terms_of(self, concept_ids, contexts):
        out = {}
        for cid in concept_ids:
            out[cid] = self._terms_of_range(cid, cid, contexts).get(cid, [])
        return out

    def _terms_of_range(self, lo, hi, contexts):
        out = {}
        by_id = {}
        for row in self._exec(f"SELECT {_TERM_COLS}, concept_id FROM terms WHERE concept_id BETWEEN ? AND ? "
                              f"ORDER BY concept_id, id", (lo, hi)):
            term = _term(row[:-1])
            out.setdefault(row[-1], []).append(term)
            by_id[term.id] = term
        if contexts and by_id:
            sql = """SELECT o.term_id, d.path, o.start, o.end, o.sentence, o.sentence_no, d.date
                     FROM terms t JOIN occurrences o ON o.term_id = t.id JOIN documents d ON d.id = o.document_id
                     WHERE t.concept_id BETWEEN ? AND ?
                     ORDER BY o.term_id, d.date DESC, o.id"""
            for tid, path, start, end, sent, sno, date in self._exec(sql, (lo, hi)):
                term = by_id.get(tid)
                if term is not None and len(term.occurrences) < contexts:
                    term.occurrences.append(Occurrence(path, start, end, sent or "", sno or 0, date))
        return out

    def find_by_key(self, text: str, lang: str):
        """(concept_id, term id) pairs whose term has the same normalised key."""
        key = term_key(text, lang)
        cond = "lang LIKE 'zh%'" if is_zh(lang) else "lang NOT LIKE 'zh%'"
        return self._exec(f"SELECT concept_id, id FROM terms WHERE key = ? AND {cond}", (key,)).fetchall()

    def stats(self) -> dict:
        q = lambda sql: self._exec(sql).fetchall()  # noqa: E731
        return {
            "concepts": q("SELECT COUNT(*) FROM concepts")[0][0],
            "terms": q("SELECT COUNT(*) FROM terms")[0][0],
            "documents": q("SELECT COUNT(*) FROM documents")[0][0],
            "by_category": dict(q("SELECT category, COUNT(*) FROM concepts GROUP BY category ORDER BY 2 DESC")),
            "by_status": dict(q("SELECT status, COUNT(*) FROM terms GROUP BY status")),
            "by_provenance": dict(q("SELECT provenance, COUNT(*) FROM terms WHERE lang LIKE 'zh%' GROUP BY provenance")),
            "with_zh": q("SELECT COUNT(DISTINCT concept_id) FROM terms WHERE lang LIKE 'zh%'")[0][0],
            "with_variants": q("""SELECT COUNT(*) FROM (SELECT concept_id FROM terms WHERE lang NOT LIKE 'zh%'
                                  GROUP BY concept_id HAVING COUNT(*) > 1)""")[0][0],
        }


    def category_summary(self) -> dict:
        """Per category: concepts, concepts with a Chinese form, concepts with English variants."""
        q = lambda sql: dict(self._exec(sql).fetchall())  # noqa: E731
        return {
            "categories": self._exec("SELECT category, COUNT(*) FROM concepts GROUP BY category "
                                     "ORDER BY 2 DESC, 1").fetchall(),
            "zh_by_category": q("""SELECT c.category, COUNT(DISTINCT c.id) FROM concepts c JOIN terms t
                                   ON t.concept_id = c.id AND t.lang LIKE 'zh%' GROUP BY c.category"""),
            "variants_by_category": q("""SELECT category, COUNT(*) FROM concepts WHERE id IN (
                                         SELECT concept_id FROM terms WHERE lang NOT LIKE 'zh%'
                                         GROUP BY concept_id HAVING COUNT(*) > 1) GROUP BY category"""),
        }


_TERM_COLS = ("id, lang, text, status, term_type, pos, pinyin, provenance, confidence, source, note, count")


def _term(row) -> Term:
    (tid, lang, text, status, term_type, pos, pinyin, prov, conf, source, note, count) = row
    return Term(text=text, lang=lang, status=status, provenance=prov, confidence=conf, term_type=term_type,
                pos=pos, pinyin=pinyin, source=source, note=note, id=tid, count=count or 0)


def _concept(row) -> Concept:
    cid, category, definition, note, created, modified = row
    return Concept(category=category, definition=definition, note=note, id=cid, created=created, modified=modified)


def _category(value):
    if value not in CATEGORIES:
        raise StoreError(f"unknown category {value!r}; choose one of {', '.join(CATEGORIES)}")
    return value


def _status(value):
    if value not in STATUSES:
        raise StoreError(f"unknown status {value!r}; choose one of {', '.join(STATUSES)}")
    return value


def _provenance(value):
    if value not in PROVENANCES:
        raise StoreError(f"unknown provenance {value!r}; choose one of {', '.join(PROVENANCES)}")
    return value


def _translate(error: sqlite3.Error, path) -> Exception:
    text = str(error)
    if "locked" in text or "busy" in text:
        return DatabaseBusy("database is busy: another glossary process is writing it; try again when it "
                            "has finished", path)
    if "readonly" in text or "read-only" in text:
        return StoreError("term base is read-only", path)
    return StoreError(f"database error: {text}", path)


def open_store(path, create: bool = True, timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open (and if needed create and migrate) a term base.

    Refuses files that are not SQLite, SQLite databases that are not term bases, and term bases
    written by a newer version of the tool, each with a message naming the file.
    """
    path = str(path)
    p = Path(path)
    if p.is_dir():
        raise StoreError("is a directory, not a term base file", path)
    if not p.exists():
        if not create:
            raise StoreError("no such term base (create one with `glossary build` or `glossary extract`)", path)
        if not p.parent.exists():
            raise StoreError(f"folder {p.parent} does not exist", path)
    elif p.stat().st_size:
        with open(p, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise StoreError("not a glossary term base (not an SQLite file)", path)
    try:
        # check_same_thread off: a Store may be opened in one thread and used or closed in another
        # (a GUI or server embedding the library); SQLite itself is built thread-safe.
        conn = sqlite3.connect(path, timeout=timeout_ms / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise _translate(e, path) if "locked" in str(e) else StoreError(f"cannot open term base: {e}", path) from None
    if has_tables and app_id != APPLICATION_ID:
        conn.close()
        raise StoreError("not a glossary term base (an SQLite database of another program)", path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"term base schema v{version} is newer than this glossary (v{SCHEMA_VERSION}); "
                         "upgrade the tool", path)
    store = Store(conn, path)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            _migrate(store, version)
    except sqlite3.OperationalError as e:
        conn.close()
        raise _translate(e, path) from None
    except Exception:
        conn.close()
        raise
    return store


def _migrate(store: Store, version: int):
    """Apply the pending migrations in one transaction; a failure leaves the base at its old version."""
    with store.transaction():
        # Another process may have migrated between our first look and taking the write lock
        # (two commands creating one new base at once): start from what the file says now.
        version = store._exec("PRAGMA user_version").fetchone()[0]
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                store._exec(statement)
        store._exec(f"PRAGMA application_id = {APPLICATION_ID}")
        store._exec(f"PRAGMA user_version = {SCHEMA_VERSION}")
