"""The main job on the bundled seeds: a fresh term base, extraction, Chinese forms, pinyin, exports."""
import os
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import List, Optional

from .errors import GlossaryError, StoreError

EXPORT_FORMATS = ("tbx", "xlsx", "csv", "tsv")


@dataclass
class BuildReport:
    db: str
    files: List[str] = field(default_factory=list)
    seconds: float = 0.0
    extraction: object = None
    summary: str = ""
    zh_provenance: dict = field(default_factory=dict)

    def text(self):
        ext = self.extraction
        lines = [f"Built {self.db} from {ext.documents} documents in {self.seconds:.1f} s", "", self.summary, ""]
        if self.zh_provenance:
            lines.append("Chinese forms by provenance: " +
                         ", ".join(f"{k} {v}" for k, v in sorted(self.zh_provenance.items())))
        lines.append("Exports: " + ", ".join(self.files))
        return "\n".join(lines)


def seed_corpus() -> Path:
    """The bundled seed articles (a real folder in any normal install)."""
    return Path(str(resources.files("seeds").joinpath("corpus")))


def build_all(out_dir, db: Optional[str] = None, corpus=None, pinyin_style="marks") -> BuildReport:
    import exports
    from extract.pipeline import extract

    from .display import summary_table
    from .store import open_store

    started = time.perf_counter()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GlossaryError(f"cannot create the output folder: {e.strerror}", out) from None
    if db is None:
        db = str(out / "glossary.db")
        for suffix in ("", "-wal", "-shm"):   # the build's own output from a previous run
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    elif os.path.exists(db) and os.path.getsize(db):
        with open_store(db, create=False) as existing:
            n = existing.stats()["concepts"]
        if n:
            raise StoreError(f"already holds {n} concepts; build makes a fresh term base: "
                             "remove it or give another --db", db)
    corpus = Path(corpus) if corpus else seed_corpus()
    report = BuildReport(db)
    with open_store(db) as store:
        report.extraction = extract(store, [str(corpus)])
        options = exports.ExportOptions(pinyin_style=pinyin_style)
        for fmt in EXPORT_FORMATS:
            target = out / f"glossary.{fmt}"
            exports.write_file(store.iter_concepts(), str(target), fmt, options)
            report.files.append(str(target))
        report.summary = summary_table(store.category_summary())
        report.zh_provenance = store.stats()["by_provenance"]
    report.seconds = time.perf_counter() - started
    return report
