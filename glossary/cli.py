"""The ``glossary`` command: thin wrappers that open the term base, make one library call, print.

Library errors (:class:`GlossaryError`) become one line on stderr, ``glossary: error: <file>:
<problem>``, and exit status 1; usage errors are click's (status 2).
"""
import os
import sys

import click

from . import __version__
from .errors import GlossaryError
from .model import CATEGORIES, STATUSES

DEFAULT_DB = "glossary.db"
PINYIN_STYLES = ("marks", "numbers", "plain")


class GlossaryGroup(click.Group):
    """Turns library errors into the one-line message and exit status 1, at the boundary only."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GlossaryError as e:
            click.echo(f"glossary: error: {e}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("glossary: interrupted; the term base is unchanged", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # `glossary export -f tsv | head`: the reader has what it wanted; say nothing, like cat.
            _silence_stdout()
            ctx.exit(0)


def _silence_stdout():
    """Point stdout at /dev/null so Python's flush at exit does not raise on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class Context:
    """What every command shares: where the term base is, opened on first use and closed at exit."""

    def __init__(self, db):
        self.db = db
        self._store = None

    def store(self, create=True):
        if self._store is None:
            from .store import open_store

            self._store = open_store(self.db, create=create)
        return self._store

    def close(self):
        if self._store is not None:
            self._store.close()


# -- shared option bundles -------------------------------------------------------------------------

def pinyin_style_option(f):
    return click.option("--pinyin-style", type=click.Choice(PINYIN_STYLES), default="marks", show_default=True,
                        help="Tone marks (liǎng gè), tone numbers (liang3 ge4) or plain.")(f)


def export_filter_options(f):
    for opt in reversed([
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
                     help="Only terms with this status (repeatable)."),
        click.option("--category", "categories", multiple=True, type=click.Choice(CATEGORIES),
                     help="Only concepts of this category (repeatable)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                     help="Only terms at least this confident (terms without a score are kept)."),
        click.option("--with-variants/--preferred-only", default=True, show_default=True,
                     help="All forms of a concept, or only the preferred one per language."),
        pinyin_style_option,
        click.option("--tbx-version", type=click.Choice(["2", "3"]), default="2", show_default=True,
                     help="TBX-Basic 2008 (v2, read by OmegaT and most CAT tools) or ISO 30042:2019 (v3)."),
        click.option("--zh-lang", default="zh-CN", show_default=True,
                     help="Language tag for Chinese (zh-CN, zh-Hans, ...)."),
        click.option("--traditional", metavar="TAG", default=None,
                     help="Also write Traditional Chinese under this tag (zh-TW, zh-HK), converted with OpenCC."),
    ]):
        f = opt(f)
    return f


def _export_options(statuses, categories, min_confidence, with_variants, pinyin_style, tbx_version, zh_lang,
                    traditional):
    from exports import ExportOptions

    return ExportOptions(tbx_version=int(tbx_version), zh_lang=zh_lang, pinyin_style=pinyin_style,
                         status=set(statuses) or None, categories=set(categories) or None,
                         min_confidence=min_confidence, preferred_only=not with_variants,
                         traditional=traditional)


# -- the group ---------------------------------------------------------------------------------------

@click.group(cls=GlossaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="glossary")
@click.option("--db", envvar="GLOSSARY_DB", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="Term base file (SQLite). Also from $GLOSSARY_DB.")
@click.pass_context
def cli(ctx, db):
    """Bilingual English–Chinese term bases for translators of Chinese official texts.

    Extract terms from English articles (with their Chinese originals when you have them), give
    each its Chinese form and pinyin with the evidence, export to CAT tools, look terms up and
    check translations.

    Example: glossary build
    """
    ctx.obj = Context(db)
    ctx.call_on_close(ctx.obj.close)


# -- build ---------------------------------------------------------------------------------------------

@cli.command()
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the term base exports.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of articles to build from instead of the bundled seeds.")
@pinyin_style_option
@click.pass_context
def build(ctx, out_dir, corpus, pinyin_style):
    """Build a fresh term base from the bundled seed articles and export it (TBX, XLSX, CSV, TSV).

    The term base goes to --db if given, else OUT/glossary.db (replaced if it exists).

    Example: glossary build --out out
    """
    from .build import build_all

    explicit_db = ctx.find_root().params.get("db") if _db_given(ctx) else None
    report = build_all(out_dir, db=explicit_db, corpus=corpus, pinyin_style=pinyin_style)
    click.echo(report.text())


def _db_given(ctx):
    source = ctx.find_root().get_parameter_source("db")
    return source is not None and source.name != "DEFAULT"


# -- extract -------------------------------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--zh", "zh_path", type=click.Path(), default=None,
              help="The Chinese original of the (single) English file given.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Analyse documents in this many processes (same result as 1).")
@click.option("--encoding", default=None, help="Force the input encoding (default: detected).")
@click.option("--no-reference", is_flag=True, help="Do not consult the bundled reference term list.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the per-document step locally or on Dask (pip install '.[dask]').")
@click.pass_obj
def extract(obj, paths, zh_path, jobs, encoding, no_reference, engine):
    """Extract terms from English articles (.txt files or folders) into the term base.

    NAME.en.txt beside NAME.zh.txt is a parallel pair: Chinese forms are taken from the original.
    A document already in the term base (same content) is not counted twice.

    Example: glossary extract articles/ --jobs 2
    """
    from extract.pipeline import discover, extract as run, total_size

    store = obj.store()
    size = total_size(paths)
    bar = None
    if size > 2_000_000 and sys.stderr.isatty():
        n = len(discover(paths, zh_path))
        bar = click.progressbar(length=n, label="extracting", file=sys.stderr)
        bar.__enter__()
    try:
        report = run(store, paths, zh=zh_path, jobs=jobs, encoding=encoding, use_reference=not no_reference,
                     progress=(lambda r: bar.update(1)) if bar else None, engine=engine)
    finally:
        if bar:
            bar.__exit__(None, None, None)
    for w in report.warnings:
        click.echo(f"glossary: warning: {w}", err=True)
    for s in report.skipped:
        click.echo(f"glossary: {s}: already in the term base, skipped", err=True)
    zh = ", ".join(f"{n} {p}" for p, n in sorted(report.zh_by_provenance.items())) or "none"
    click.echo(f"{report.documents} documents: {report.concepts_new} new concepts, "
               f"{report.concepts_updated} updated, {report.terms_new} new terms; Chinese forms added: {zh}")


# -- export / import -------------------------------------------------------------------------------

@cli.command(name="export")
@click.option("--format", "-f", "fmt", default=None, help="tbx, xlsx, csv, tsv or json (default: from -o).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Output file (default: standard output for text formats).")
@export_filter_options
@click.pass_obj
def export_cmd(obj, fmt, output, statuses, categories, min_confidence, with_variants, pinyin_style, tbx_version,
               zh_lang, traditional):
    """Export the term base for CAT tools (memoQ, Trados, OmegaT, Phrase...).

    Written to a temporary file and renamed, so an interrupted export never leaves half a file.

    Example: glossary export --format tbx -o terms.tbx
    """
    import exports

    options = _export_options(statuses, categories, min_confidence, with_variants, pinyin_style, tbx_version,
                              zh_lang, traditional)
    if fmt is None and output in (None, "-"):
        raise click.UsageError("give --format or an output file with an extension")
    store = obj.store(create=False)
    concepts = store.iter_concepts(categories=options.categories)
    if output in (None, "-"):
        n = exports.write_stream(concepts, sys.stdout, fmt, options)
    else:
        n = exports.write_file(concepts, output, fmt, options)
        click.echo(f"{n} concepts written to {output}", err=True)


@cli.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "-f", "fmt", default=None, help="tbx, xlsx, csv, tsv or json (default: from the extension).")
@click.option("--dry-run", is_flag=True, help="Report what would change; change nothing.")
@click.pass_obj
def import_cmd(obj, path, fmt, dry_run):
    """Import a term base file, merging into existing concepts by English/Chinese key.

    The whole file is imported in one transaction: a malformed file imports nothing.

    Example: glossary import client-terms.xlsx --dry-run
    """
    from .merge import import_file

    summary = import_file(obj.store(), path, fmt, dry_run=dry_run)
    if dry_run:
        for line in summary.actions:
            click.echo(line)
        click.echo(f"dry run: would add {summary}")
    else:
        click.echo(f"imported {path}: {summary}")


# -- look and edit -----------------------------------------------------------------------------------

@cli.command()
@click.argument("query", required=False)
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Only concepts with a term in this language.")
@click.option("--category", type=click.Choice(CATEGORIES), default=None)
@click.option("--status", type=click.Choice(STATUSES), default=None)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pinyin_style_option
@click.pass_obj
def lookup(obj, query, lang, category, status, limit, as_json, pinyin_style):
    """Look a term up by English, Chinese (Simplified or Traditional), pinyin or initials.

    With no QUERY on a terminal, keeps answering queries until end of input.

    Example: glossary lookup "liang ge queli"
    """
    from .display import concept_json, concept_text, dumps
    from .lookup import interactive, lookup as run, miss_message

    store = obj.store(create=False)

    def answer(q):
        res = run(store, q, limit=limit, category=category, status=status, lang=lang)
        if as_json:
            click.echo(dumps({"query": q, "simplified": res.simplified,
                              "matches": [dict(concept_json(c), match=how) for c, how in res.matches],
                              "suggestions": res.suggestions}))
        elif res.matches:
            click.echo("\n\n".join(concept_text(c, pinyin_style) for c, _ in res.matches))
        else:
            click.echo(miss_message(res))
        return bool(res.matches)

    if query is not None:
        if not answer(query):
            sys.exit(1)
    elif sys.stdin.isatty():
        interactive(store, answer)
        click.echo()
    else:
        for line in sys.stdin:
            if line.strip():
                answer(line.strip())


@cli.command()
@click.argument("concept_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--contexts", type=click.IntRange(0, 100), default=3, show_default=True)
@pinyin_style_option
@click.pass_obj
def show(obj, concept_id, as_json, contexts, pinyin_style):
    """Show one concept with all its terms, statuses, provenance and contexts.

    Example: glossary show 12
    """
    from .display import concept_json, concept_text, dumps

    concept = obj.store(create=False).get_concept(concept_id, contexts=contexts)
    click.echo(dumps(concept_json(concept)) if as_json else concept_text(concept, pinyin_style, contexts))


@cli.command()
@click.option("--en", "en_text", default=None, help="English term.")
@click.option("--zh", "zh_text", default=None, help="Chinese term.")
@click.option("--pinyin", default=None, help="Pinyin for the Chinese term (default: generated).")
@click.option("--category", type=click.Choice(CATEGORIES), default="other", show_default=True)
@click.option("--status", type=click.Choice(STATUSES), default="preferred", show_default=True)
@click.option("--definition", default=None)
@click.option("--note", default=None)
@click.option("--source", default=None, help="Where the form comes from (URL, document).")
@click.pass_obj
def add(obj, en_text, zh_text, pinyin, category, status, definition, note, source):
    """Add a term pair by hand (merged into the concept that already has either term).

    Example: glossary add --en "Two Establishments" --zh 两个确立 --category slogan
    """
    from .merge import add_manual

    if not en_text and not zh_text:
        raise click.UsageError("give --en, --zh or both")
    concept = add_manual(obj.store(), en_text, zh_text, pinyin=pinyin, category=category, status=status,
                         definition=definition, note=note, source=source)
    click.echo(f"concept #{concept.id}: {concept.headword('en') or ''} {concept.headword('zh') or ''}".rstrip())


@cli.command(name="set-status")
@click.argument("term_id", type=int)
@click.argument("status", type=click.Choice(STATUSES))
@click.pass_obj
def set_status(obj, term_id, status):
    """Set the status of one term (ids are shown by `show` and `lookup`).

    Making a term preferred demotes the previous preferred term of its language to admitted.

    Example: glossary set-status 42 preferred
    """
    store = obj.store(create=False)
    with store.transaction():
        term = store.set_status(term_id, status)
    click.echo(f"term {term.id} {term.text}: {term.status}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def stats(obj, as_json):
    """Counts of concepts, terms and documents; concepts by category with and without Chinese.

    Example: glossary stats
    """
    from .display import dumps, summary_table

    store = obj.store(create=False)
    s = store.stats()
    if as_json:
        click.echo(dumps(s))
        return
    click.echo(f"{obj.db}: {s['concepts']} concepts, {s['terms']} terms, {s['documents']} documents")
    click.echo(summary_table(store.category_summary()))
    if s["by_provenance"]:
        click.echo("Chinese forms by provenance: " +
                   ", ".join(f"{k} {v}" for k, v in sorted(s["by_provenance"].items())))


def _register_commands():
    """Command families that live in their own modules (the CLI stays one screen per family)."""
    from .cli_check import check

    cli.add_command(check)


_register_commands()


def main():
    cli(prog_name="glossary")


if __name__ == "__main__":
    main()
