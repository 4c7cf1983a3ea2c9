"""The ``glossary check`` command: terminology consistency of translations against the term base.

Registered by the main CLI with ``cli.add_command(check)``; a thin wrapper over
:func:`glossary.check.check_files` and the renderers in :mod:`glossary.checkreport`.
"""
import os
import sys

import click

# Spelled out rather than imported from .check, so `glossary --help` does not load the matcher.
FAIL_ON = ("error", "warning", "info")
FORMATS = ("human", "json", "html")
NO_FILES = ("no files to check: the folders given hold no .txt, .md, .html, .docx, XLIFF, .tmx, .tsv or "
            ".csv files")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="human", show_default=True,
              help="Findings for people (coloured on a terminal), JSON for tools, or an HTML report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit with status 1 when a finding at or above this severity is found.")
@click.option("--encoding", default=None, help="Force the encoding of text inputs (default: detected).")
@click.option("--no-align", is_flag=True,
              help="Check NAME.en.txt against the whole of NAME.zh.txt instead of sentence by sentence.")
@click.pass_obj
def check(obj, files, fmt, output, fail_on, encoding, no_align):
    """Check translations for terminology: deprecated forms, inconsistent renderings, case and spelling
    variants and, in bilingual files, key terms of the Chinese missing from the English.

    FILES may be .txt/.md/.html/.docx (English), XLIFF 1.2/2.0 (also .sdlxliff, .mqxliff), TMX,
    two-column TSV/CSV, or NAME.en.txt with NAME.zh.txt beside it; a folder means the supported
    files in it. A file that cannot be read is reported and the others are still checked. Exit
    status 1 when anything at or above --fail-on is found or a file could not be read.

    Example: glossary check chapter1.xlf chapter2.docx --format html -o report.html
    """
    from .check import TermIndex, check_files
    from .checkreport import render_html, render_human, render_json

    index = TermIndex.from_store(obj.store(create=False))
    report = check_files(index, files, encoding=encoding, use_align=not no_align)
    if not report.files:
        raise click.ClickException(NO_FILES)
    if fmt == "json":
        text = render_json(report, fail_on)
    elif fmt == "html":
        text = render_html(report, fail_on)
    else:
        to_tty = output in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = render_human(report, style=click.style if to_tty else (lambda s, **_: s))
    if output in (None, "-"):
        click.echo(text)
    else:
        with click.open_file(output, "w", encoding="utf-8", atomic=True) as fh:
            fh.write(text + "\n")
        click.echo(f"report written to {output}", err=True)
        if fmt != "human":
            from .checkreport import summary_line
            click.echo(summary_line(report), err=True)
    if report.failed(fail_on):
        click.get_current_context().exit(1)
