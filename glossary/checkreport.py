"""Renderers for a :class:`~glossary.check.CheckReport`: human text, JSON and a self-contained HTML page.

Pure functions returning str; colour is applied through a ``style`` callable the CLI passes in
(``click.style`` on a terminal), so this module does not import click.

JSON schema (``"schema": "glossary-check/1"``; fields are only ever added, never renamed or removed)::

    {
      "schema": "glossary-check/1",
      "fail_on": "error",                 # threshold used for the exit status
      "failed": true,                     # exit status 1
      "summary": {"files": 3, "checked": 2, "bad_files": 1, "segments": 40, "findings": 5,
                  "error": 2, "warning": 2, "info": 1,
                  "by_code": {"DEPRECATED_VARIANT": 1, ...}},
      "files": [{"path": "a.xlf", "kind": "xliff", "segments": 12, "error": null,
                 "source_path": null, "aligned": null}, ...],
      "findings": [{
          "code": "DEPRECATED_VARIANT",   # see glossary.check for the codes
          "severity": "error",            # error | warning | info
          "file": "a.txt", "line": 3, "col": 17,    # 1-based
          "message": "...", "suggestion": "...",
          "text": "International Exchange Center",  # as written ("" when something is missing)
          "concept_id": 12, "term": "International Exchange Center",
          "segment": "tu-4" | null,       # unit id / row / sentence
          "context": "...", "source": "中文..." | null,
          "scope": "segment" | "document" | "set",
          "unverified": false,            # rests on a proposed / machine-made entry
          "occurrences": [{"file", "line", "col", "text", "term", "status"}],  # INCONSISTENT_RENDERING
          "context_span": [start, end] | null   # where "text" sits in "context"
      }, ...],
      "concepts": {"12": {"id": 12, "category": "policy", "definition": null,
                          "terms": [{"text", "lang", "status", "provenance", "term_type", "id"}]}}
    }
"""
import html
import json
from collections import defaultdict
from typing import Callable

from .check import CheckReport, Finding

SCHEMA = "glossary-check/1"
# Uses listed under an inconsistency in the HTML page; the JSON report lists them all.
MAX_HTML_USES = 50
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _plain(text, **_):
    return text


def _where(f: Finding):
    return f"{f.file}:{f.line}:{f.col}"


def summary_line(report: CheckReport) -> str:
    c = report.counts()
    checked = len(report.files) - len(report.bad_files)
    parts = [f"{checked} file{'s' if checked != 1 else ''} checked"]
    if report.bad_files:
        parts.append(f"{len(report.bad_files)} could not be read")
    counts = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in c.items())
    return "; ".join(parts) + f": {counts}"


def render_human(report: CheckReport, style: Callable = _plain) -> str:
    """``file:line:col  CODE  message  → suggestion``, grouped by file, then the summary."""
    by_file = defaultdict(list)
    for f in report.findings:
        by_file[f.file].append(f)
    order = [r.path for r in report.files] + [p for p in by_file if p not in {r.path for r in report.files}]
    out = []
    for path in order:
        items = by_file.get(path)
        if not items:
            continue
        out.append(style(path, bold=True))
        for f in items:
            line = f"{_where(f)}  {style(f.code, fg=_COLOURS[f.severity], bold=f.severity == 'error')}  {f.message}"
            if f.suggestion:
                line += f"  → {f.suggestion}"
            out.append(line)
        out.append("")
    for r in report.bad_files:
        out.append(style(f"{r.error}", fg="red"))
    if report.bad_files:
        out.append("")
    out.append(style(summary_line(report), bold=True))
    return "\n".join(out)


def concept_dict(concept) -> dict:
    return {"id": concept.id, "category": concept.category, "definition": concept.definition,
            "terms": [{"text": t.text, "lang": t.lang, "status": t.status, "provenance": t.provenance,
                       "term_type": t.term_type, "id": t.id} for t in concept.terms]}


def report_dict(report: CheckReport, fail_on: str = "error") -> dict:
    c = report.counts()
    summary = {"files": len(report.files), "checked": len(report.files) - len(report.bad_files),
               "bad_files": len(report.bad_files), "segments": sum(r.segments for r in report.files),
               "findings": len(report.findings)}
    summary.update(c)
    summary["by_code"] = report.by_code()
    return {
        "schema": SCHEMA,
        "fail_on": fail_on,
        "failed": report.failed(fail_on),
        "summary": summary,
        "files": [{"path": r.path, "kind": r.kind, "segments": r.segments, "error": r.error,
                   "source_path": r.source_path, "aligned": r.aligned} for r in report.files],
        "findings": [f.to_dict() for f in report.findings],
        "concepts": {str(cid): concept_dict(c) for cid, c in sorted(report.concepts.items())},
    }


def render_json(report: CheckReport, fail_on: str = "error") -> str:
    return json.dumps(report_dict(report, fail_on), ensure_ascii=False, indent=2)


# -- HTML --------------------------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.5 system-ui,"Noto Sans SC","PingFang SC",sans-serif;margin:2em auto;max-width:70em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:2em}
.f{border-left:4px solid #999;padding:.3em .8em;margin:.8em 0;background:#fafafa}
.f.error{border-color:#c0392b}.f.warning{border-color:#d4a017}.f.info{border-color:#2e86c1}
.code{font-weight:bold;font-family:monospace}.error .code{color:#c0392b}.warning .code{color:#9a7d0a}
.info .code{color:#2e86c1}.where{font-family:monospace;color:#555}.ctx{color:#444;margin:.3em 0}
mark{background:#fde68a}.src{color:#555}.sugg{color:#1e7e34}.entry{font-size:.9em;color:#333}
.st-deprecated{text-decoration:line-through;color:#a00}.st-proposed{font-style:italic;color:#777}
.bad{color:#c0392b}table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left}
.links a{margin-right:.6em}
"""


def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _context_html(f: Finding) -> str:
    ctx = f.context or ""
    if f.context_span:
        a, b = f.context_span
        return _e(ctx[:a]) + "<mark>" + _e(ctx[a:b]) + "</mark>" + _e(ctx[b:])
    return _e(ctx)


def _terms_html(concept) -> str:
    return ", ".join(f'<span class="st-{_e(t.status)}">{_e(t.text)}</span> '
                     f"<small>({_e(t.lang)}, {_e(t.status)}, {_e(t.provenance)})</small>" for t in concept.terms)


def render_html(report: CheckReport, fail_on: str = "error", title: str = "Terminology check") -> str:
    """One self-contained page: findings by file with context, each concept's entry, and links
    between every finding about the same concept."""
    by_concept = defaultdict(list)
    for i, f in enumerate(report.findings):
        if f.concept_id is not None:
            by_concept[f.concept_id].append(i)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_e(title)}</h1>", f"<p><strong>{_e(summary_line(report))}</strong> "
           f"(fail on {_e(fail_on)}: {'FAILED' if report.failed(fail_on) else 'passed'})</p>"]
    if report.findings:
        out.append("<table><tr><th>code</th><th>findings</th></tr>" + "".join(
            f"<tr><td>{_e(code)}</td><td>{n}</td></tr>" for code, n in report.by_code().items()) + "</table>")
    if report.bad_files:
        out.append("<h2>Files that could not be checked</h2><ul>")
        out.extend(f'<li class="bad">{_e(r.error)}</li>' for r in report.bad_files)
        out.append("</ul>")
    by_file = defaultdict(list)
    for i, f in enumerate(report.findings):
        by_file[f.file].append((i, f))
    for path, items in by_file.items():
        out.append(f"<h2>{_e(path)}</h2>")
        for i, f in items:
            out.append(f'<div class="f {_e(f.severity)}" id="f{i}">')
            out.append(f'<span class="where">{_e(_where(f))}</span> <span class="code">{_e(f.code)}</span> '
                       f"<span class=\"sev\">({_e(f.severity)}{', unverified entry' if f.unverified else ''})</span>"
                       f"<br>{_e(f.message)}")
            if f.suggestion:
                out.append(f'<div class="sugg">→ {_e(f.suggestion)}</div>')
            if f.context:
                out.append(f'<div class="ctx">{_context_html(f)}</div>')
            if f.source:
                src = f.source if len(f.source) <= 300 else f.source[:300] + "…"
                out.append(f'<div class="src">中文: {_e(src)}</div>')
            if f.occurrences:
                shown = f.occurrences[:MAX_HTML_USES]
                more = len(f.occurrences) - len(shown)
                out.append("<div>Uses: " + "; ".join(
                    f"{_e(o['file'])}:{o['line']}:{o['col']} “{_e(o['text'])}”" for o in shown)
                    + (f"; … and {more} more (all in --format json)" if more else "") + "</div>")
            if f.concept_id is not None:
                others = [j for j in by_concept[f.concept_id] if j != i]
                concept = report.concepts.get(f.concept_id)
                if concept is not None:
                    out.append('<div class="entry">' + _terms_html(concept) + "</div>")
                out.append(f'<div class="links">concept <a href="#c{_e(f.concept_id)}">#{_e(f.concept_id)}</a>')
                if others:
                    out.append(" · same concept: " + "".join(
                        f'<a href="#f{j}">{_e(_where(report.findings[j]))}</a>' for j in others))
                out.append("</div>")
            out.append("</div>")
    if report.concepts:
        out.append("<h2>Term base entries</h2>")
        for cid, concept in sorted(report.concepts.items()):
            out.append(f'<div class="entry" id="c{_e(cid)}"><strong>#{_e(cid)}</strong> [{_e(concept.category)}] '
                       + _terms_html(concept))
            if concept.definition:
                out.append(f"<br><em>{_e(concept.definition)}</em>")
            out.append(" — findings: " + "".join(f'<a href="#f{j}">{_e(_where(report.findings[j]))}</a> '
                                                  for j in by_concept.get(cid, [])))
            out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


RENDERERS = {"human": render_human, "json": render_json, "html": render_html}
FORMATS = tuple(RENDERERS)
