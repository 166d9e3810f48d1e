"""A static HTML report for readers without Jupyter: ``python -m defcoop.app.report build [--runs DIR]``.

The report is a folder that works offline, opened from disk or sent as a zip:

``index.html``
    what the workbook is, the corpus summary (articles, outlets, dates, skipped files), every
    notebook with its status, and every figure with its caption and links to PNG, SVG and CSV;
``notebooks/NN-name.html``
    each numbered notebook rendered with its stored outputs;
``figures/NN-name.{png,svg,csv}``
    copies of the figures, so the folder is self-contained.

Without options it is built from ``notebooks/`` and ``figures/`` (the seeds) into ``report/``;
with ``--runs runs/NAME`` (or ``--corpus PATH``, whose run is ``runs/<folder name>``) from that
``make workbook CORPUS=...`` run into ``runs/NAME/report/``.

Article text (titles, passages, keyword-in-context tables, file names) is hostile input: a
crawled page can contain ``<script>``.  Everything that reaches a page is therefore escaped
(the index is written with :func:`html.escape`; notebook text/plain outputs are escaped by
nbconvert), every HTML fragment from a notebook is passed through an allow-list sanitizer
(:func:`clean_html`: no scripts, no event handlers, no ``javascript:`` links, no styles), and
every page carries a Content-Security-Policy that forbids scripts and remote loads altogether,
as a second line of defence.  No page loads anything from the network.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from defcoop.paths import FIGURES_DIR, NOTEBOOKS_DIR, REPO_ROOT, SEEDS_DIR
from defcoop.plots.save import CAPTIONS_FILE

__all__ = ["CSP", "build", "clean_html", "figure_captions", "main"]

#: Content-Security-Policy of every page: no scripts at all, images and styles only from the
#: report itself (or inline), nothing from the network, no forms, no <base> rewriting.
CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
MARKER = ".defcoop-report"  # marks a folder this module built (and may therefore replace)
FIGURE_FILE = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(png|svg|pdf|csv)$")
MAX_ROWS = 200  # rows of the skipped-file table on the index
MAX_ROWS_PER_YEAR = 25  # rows of each year's group of the article table
MAX_DATA_ROWS = 15  # rows of a figure's CSV shown under it

# --------------------------------------------------------------------------- sanitizing

_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins",
        "kbd", "li", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
    }
)  # fmt: skip
_ATTRIBUTES = {
    "*": ["class", "id", "title", "lang", "dir"],
    "a": ["href", "title"],
    "td": ["colspan", "rowspan", "align"],
    "th": ["colspan", "rowspan", "align", "scope"],
    "table": ["border"],
    "col": ["span"],
    "ol": ["start"],
}
_PROTOCOLS = ["http", "https", "mailto"]
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.I | re.S)


def clean_html(fragment: str | bytes) -> str:
    """An HTML fragment reduced to an allow-list of tags and attributes.

    Scripts, event handlers, ``javascript:`` URLs, forms, frames, images and inline styles do
    not survive; a disallowed tag is shown as text rather than dropped, so a reader sees that
    the output contained it.  ``<style>`` elements (pandas puts one before every table) are
    removed with their content.

    >>> clean_html('<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)">')
    '<p>ok</p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;'
    >>> clean_html('<a href="javascript:alert(1)" onclick="x()">link</a>')
    '<a>link</a>'
    """
    import bleach

    text = fragment.decode("utf-8", "replace") if isinstance(fragment, bytes) else str(fragment)
    text = _STYLE_ELEMENT.sub("", text)
    return bleach.clean(text, tags=_TAGS, attributes=_ATTRIBUTES, protocols=_PROTOCOLS, strip=False)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EM = re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")


def inline_markdown(text: str) -> str:
    """Escape ``text``, then render only `code`, **bold** and *italics* (on the escaped text).

    >>> inline_markdown("**Counts** of `01-x` <script>*n*</script>")
    '<strong>Counts</strong> of <code>01-x</code> &lt;script&gt;<em>n</em>&lt;/script&gt;'
    """
    out = _e(text)
    out = _CODE.sub(r"<code>\1</code>", out)
    out = _STRONG.sub(r"<strong>\1</strong>", out)
    return _EM.sub(r"<em>\1</em>", out)


# --------------------------------------------------------------------------- notebooks

# Extends nbconvert's "lab" template: no require.js, MathJax, Mermaid or widget scripts (which
# would come from a CDN), a CSP on the page, a link back to the index, and Mermaid source shown
# as escaped text.  With ``sanitize_html`` the lab template passes markdown, HTML and SVG outputs
# and highlighted code through ``clean_html`` (ours, see above) and drops JavaScript outputs.
_NOTEBOOK_TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}
CSP_META
<meta name="referrer" content="no-referrer">
{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<style type="text/css">
nav.defcoop { font: 14px/1.4 system-ui, sans-serif; padding: 8px 16px; border-bottom: 1px solid #ddd; }
.jp-RenderedHTMLCommon table.dataframe { font-size: 12px; }
</style>
{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
<nav class="defcoop"><a href="../index.html">&larr; report index</a></nav>
{%- endblock body_header -%}
{% block data_mermaid scoped -%}
<div class="jp-RenderedText jp-OutputArea-output"><pre>{{ output.data['text/vnd.mermaid'] | e }}</pre></div>
{%- endblock data_mermaid %}
{%- block data_widget_view scoped %}{%- endblock data_widget_view -%}
{%- block data_javascript scoped %}{%- endblock data_javascript -%}
""".replace("CSP_META", CSP_META)


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        template_file="defcoop-report.html.j2",
        extra_loaders=[DictLoader({"defcoop-report.html.j2": _NOTEBOOK_TEMPLATE})],
        sanitize_html=True,
        filters={"clean_html": clean_html},
        exclude_anchor_links=True,
    )


@dataclass(frozen=True)
class NotebookInfo:
    path: Path
    title: str
    error: str  # "" when every cell ran; else "ename: evalue" of the first error
    readable: bool = True


def _read_notebook(path: Path) -> nbformat.NotebookNode | None:
    try:
        return nbformat.read(path, as_version=4)
    except Exception:  # a half-written or foreign file: reported on the index, not fatal
        return None


def _notebook_info(path: Path, nb: nbformat.NotebookNode | None) -> NotebookInfo:
    if nb is None:
        return NotebookInfo(path, path.stem, "the notebook file could not be read", readable=False)
    title = path.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                title = m.group(1).strip()
                break
    error = ""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                error = f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"
                break
        if error:
            break
    return NotebookInfo(path, title, error)


def _first_paragraph(markdown: str) -> str:
    lines = [ln for ln in markdown.splitlines() if not ln.lstrip().startswith("#")]
    for para in re.split(r"\n\s*\n", "\n".join(lines)):
        words = " ".join(para.split())
        if words:
            return words
    return ""


def figure_captions(notebooks: list[Path]) -> dict[str, tuple[str, str]]:
    """``{figure name: (caption, notebook file name)}`` from the notebooks' sources.

    A figure's caption is the first paragraph of the "What this shows" markdown cell that
    follows the code cell calling ``save_figure(<fig>, "NAME", ...)``.
    """
    out: dict[str, tuple[str, str]] = {}
    call = re.compile(r"""save_figure\(\s*[\w.]+\s*,\s*["']([^"']+)["']""")
    for path in notebooks:
        nb = _read_notebook(path)
        if nb is None:
            continue
        cells = nb.cells
        for i, cell in enumerate(cells):
            if cell.cell_type != "code":
                continue
            for m in call.finditer(cell.source):
                caption = ""
                for nxt in cells[i + 1 :]:
                    if nxt.cell_type == "code":
                        break
                    if "What this shows" in nxt.source:
                        caption = _first_paragraph(nxt.source)
                        break
                out.setdefault(m.group(1), (caption, path.name))
    return out


# --------------------------------------------------------------------------- the index

_PAGE_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1000px;
       padding: 16px 24px; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
figure { margin: 24px 0; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #333; } .links { font-size: 13px; } .error { color: #a00; } .muted { color: #666; }
code { background: #f4f4f4; padding: 0 3px; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'{CSP_META}\n<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_PAGE_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _table(rows: list[dict], columns: list[str], *, total: int | None = None) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(r.get(c, ''))}</td>" for c in columns) + "</tr>\n" for r in rows)
    more = ""
    if total is not None and total > len(rows):
        more = f'<p class="muted">… and {total - len(rows):,} more (see notebook 01).</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>{more}"


def _corpus_section(corpus_dir: Path | None, languages: str = "") -> str:
    if corpus_dir is None or not corpus_dir.is_dir():
        return (
            '<h2>The corpus</h2>\n<p class="muted">The corpus folder is not available on this machine; '
            "see notebook 01 for what was read.</p>"
        )
    import defcoop
    from defcoop.corpus import story_mask

    try:
        loaded = defcoop.load(corpus_dir)
        corpus = loaded.in_languages(languages)
    except (OSError, ValueError) as exc:  # reported, not fatal: the notebooks still render
        return f'<h2>The corpus</h2>\n<p class="error">The corpus could not be loaded: {_e(exc)}</p>'
    docs, skipped = corpus.docs, corpus.skipped
    n = len(docs)
    cut = []
    if corpus.languages:
        cut = [("languages kept (LANGUAGES)", f"{', '.join(corpus.languages)}: {n:,} of {len(loaded.docs):,} articles")]
    dated = sorted(d for d in docs["date"] if d)
    per_outlet = docs.loc[docs["outlet"] != "", "outlet"].value_counts()
    ranked = sorted(per_outlet.items(), key=lambda kv: (-kv[1], kv[0]))
    outlets = ", ".join(f"{o} ({k:,})" for o, k in ranked[:10])
    if len(ranked) > 10:
        outlets += f" and {len(ranked) - 10:,} more"
    unrecognised = int((docs["outlet"] == "").sum())
    facts = [
        ("corpus folder", corpus.name),
        ("files found", f"{len(loaded.docs) + len(skipped):,}"),
        ("articles loaded", f"{len(loaded.docs):,}"),
        *cut,
        ("files skipped", f"{len(skipped):,}"),
        ("stories (without syndicated copies)", f"{int(story_mask(corpus.docs).sum()):,}"),
        (
            "outlets (articles)",
            (outlets or "none recognised") + (f"; {unrecognised:,} articles not recognised" if unrecognised else ""),
        ),
        ("dates", f"{dated[0]} to {dated[-1]} ({n - len(dated):,} undated)" if dated else "no dated article"),
        ("languages", ", ".join(f"{k} ({v})" for k, v in docs["language"].value_counts().sort_index().items())),
    ]
    facts_html = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    skips = skipped.head(MAX_ROWS).to_dict("records")
    return (
        "<h2>The corpus</h2>\n"
        f"<table>{facts_html}</table>\n"
        "<h3>Articles, by year</h3>\n"
        + _articles_by_year(docs)
        + "\n<h3>Files not loaded</h3>\n"
        + _table(skips, ["path", "reason"], total=len(skipped))
    )


def _articles_by_year(docs) -> str:
    """The article table grouped by year of publication (undated last), one collapsible group per year.

    Within a year, articles are sorted by date, then outlet and id; each group lists at most
    ``MAX_ROWS_PER_YEAR`` articles and says how many more it holds.  An article with no title
    found says so rather than showing an empty cell.
    """
    if docs.empty:
        return '<p class="muted">none</p>'
    table = docs[["doc_id", "outlet", "date", "language", "title"]].copy()
    table["year"] = table["date"].str[:4].replace("", "undated")
    table["title"] = table["title"].where(table["title"] != "", "(no title found)")
    table["outlet"] = table["outlet"].where(table["outlet"] != "", "(not recognised)")
    years = sorted(y for y in set(table["year"]) if y != "undated") + (
        ["undated"] if (table["year"] == "undated").any() else []
    )
    parts = []
    for year in years:
        group = table[table["year"] == year].sort_values(["date", "outlet", "doc_id"], kind="mergesort")
        outlets = group["outlet"].value_counts()
        top = ", ".join(f"{o} ({n})" for o, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        summary = f"{_e(year)} · {len(group):,} article{'s' if len(group) != 1 else ''} · {_e(top)}"
        rows = group.head(MAX_ROWS_PER_YEAR).to_dict("records")
        body = _table(rows, ["doc_id", "outlet", "date", "language", "title"], total=len(group))
        parts.append(f"<details><summary>{summary}</summary>\n{body}\n</details>")
    return "\n".join(parts)


def _figure_data(path: Path) -> str:
    """The first rows of a figure's CSV as a collapsible table, with the number of rows in all."""
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error):
        return ""
    if not rows:
        return ""
    header, body = rows[0], rows[1:]
    shown = [dict(zip(header, r, strict=False)) for r in body[:MAX_DATA_ROWS]]
    more = f"first {len(shown)} of {len(body):,} rows" if len(body) > len(shown) else f"{len(body):,} rows"
    return f"<details><summary>The numbers behind it ({more})</summary>\n" + _table(shown, header) + "\n</details>"


def _figures(figures_dir: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    if figures_dir.is_dir():
        for p in sorted(figures_dir.iterdir()):
            m = FIGURE_FILE.match(p.name)
            if m and p.is_file():
                found.setdefault(p.name.rsplit(".", 1)[0], set()).add(m.group(3))
    return found


def _index(
    *,
    label: str,
    corpus_html: str,
    notebooks: list[NotebookInfo],
    missing: list[str],
    figures: dict[str, set[str]],
    captions: dict[str, tuple[str, str]],
    recorded: dict[str, tuple[str, str]] | None = None,
    figures_dir: Path | None = None,
    is_run: bool = False,
) -> str:
    from defcoop.version import __version__

    parts = [
        "<h1>defcoop — defence diplomacy in the news</h1>",
        f'<p class="muted">Report of the workbook run on {_e(label)} · defcoop {_e(__version__)}</p>',
        "<p>This workbook studies <strong>who met whom, when, and about what</strong> in the defence "
        "diplomacy of Vietnam as reported in the news. It reads a folder of crawled articles, annotates "
        "officials, partner countries, dates and cooperation themes with the evidence sentence for each, "
        "and draws the figures below. Every count in a figure can be traced to sentences of the articles: "
        "each figure's CSV holds the numbers it plots, and the notebooks show the tables behind them.</p>",
        corpus_html,
        "<h2>Notebooks</h2>\n<ul>",
    ]
    for info in notebooks:
        status = ""
        if info.error:
            status = f' <span class="error">— stopped: {_e(info.error)}</span>'
        link = f'<a href="notebooks/{_e(info.path.stem)}.html">{_e(info.path.name)}</a>' if info.readable else ""
        parts.append(f"<li>{link or _e(info.path.name)} — {_e(info.title)}{status}</li>")
    for name in missing:
        parts.append(f'<li>{_e(name)} <span class="muted">— not run on this corpus</span></li>')
    parts.append("</ul>\n<h2>Figures</h2>")
    if is_run:
        parts.append(
            '<p class="muted">The reading under each figure is the notebook\'s "What this shows", written for '
            f"the seeds corpus; on {_e(label)} the numbers differ, so read the figure and its CSV.</p>"
        )
    if not figures:
        parts.append('<p class="muted">No figures were written.</p>')
    elif recorded:
        parts.append(
            f'<p class="links">Every figure\'s caption and denominators, for a paper: '
            f'<a href="figures/{CAPTIONS_FILE}">{CAPTIONS_FILE}</a>.</p>'
        )
    recorded = recorded or {}
    for name, exts in figures.items():
        caption, source = captions.get(name, ("", ""))
        what, denominators = recorded.get(name, ("", ""))
        made_by = f' Made by <a href="notebooks/{_e(Path(source).stem)}.html">{_e(source)}</a>.' if source else ""
        links = " · ".join(
            f'<a href="figures/{_e(name)}.{ext}">{label_}</a>'
            for ext, label_ in (("png", "PNG"), ("svg", "SVG"), ("pdf", "PDF"), ("csv", "CSV (the data plotted)"))
            if ext in exts
        )
        img = f'<img src="figures/{_e(name)}.png" alt="{_e(what or caption or name)}">' if "png" in exts else ""
        cap = inline_markdown(caption) if caption else '<span class="muted">(no reading found)</span>'
        plotted = f"<strong>{_e(what)}</strong>" if what else ""
        if denominators:
            plotted += f' <span class="muted">Out of: {_e(denominators)}.</span>'
        data = _figure_data(figures_dir / f"{name}.csv") if figures_dir is not None and "csv" in exts else ""
        parts.append(
            f'<figure id="{_e(name)}">\n<h3>{_e(name)}</h3>\n{img}\n'
            f"<figcaption>{plotted + '<br>' if plotted else ''}{cap}{made_by}<br>"
            f'<span class="links">{links}</span></figcaption>\n{data}\n</figure>'
        )
    return _page(f"defcoop report — {label}", "\n".join(parts))


# --------------------------------------------------------------------------- building


def _recorded_captions(figures_dir: Path) -> dict[str, tuple[str, str]]:
    """``{figure: (caption, denominators)}`` from the ``captions.csv`` that save_figure keeps."""
    from defcoop.plots.save import read_captions

    try:
        table = read_captions(figures_dir)
    except (OSError, ValueError, KeyError):  # a damaged captions file costs the captions, not the report
        return {}
    return {r.figure: (r.caption, r.denominators) for r in table.itertuples(index=False)}


def _run_parameters(notebooks: list[Path]) -> dict:
    """The parameters papermill injected into a run's notebooks (``CORPUS``, ``LANGUAGES``, ...):
    those of the first notebook that has any, else ``{}``."""
    for path in notebooks:
        nb = _read_notebook(path)
        injected = nb.metadata.get("papermill", {}).get("parameters", {}) if nb else {}
        if injected:
            return injected
    return {}


def _replace_dir(tmp: Path, out: Path) -> None:
    """Move the finished ``tmp`` folder to ``out``, replacing an earlier report there."""
    if out.exists():
        if out.is_symlink() or not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists()):
            raise FileExistsError(f"{out} exists and is not a report built by defcoop; not replacing it")
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
        os.replace(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out)


def build(
    *,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    figures_dir: Path = FIGURES_DIR,
    corpus: Path | None = SEEDS_DIR,
    out: Path = REPO_ROOT / "report",
    label: str | None = None,
    is_run: bool = False,
    languages: str = "",
) -> Path:
    """Build the report into ``out`` (written to a temporary folder first, then renamed); the
    corpus section counts the articles in ``languages`` only when given, as the run did.

    Returns the path of ``index.html``.
    """
    from defcoop.app.workbook import notebooks as numbered

    paths = numbered(notebooks_dir)
    if not paths:
        raise FileNotFoundError(f"no numbered notebooks (NN-name.ipynb) in {notebooks_dir}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        (tmp / MARKER).write_text("built by python -m defcoop.app.report\n", encoding="utf-8")
        (tmp / "notebooks").mkdir()
        (tmp / "figures").mkdir()
        exporter = _exporter()
        infos = []
        for path in paths:
            nb = _read_notebook(path)
            info = _notebook_info(path, nb)
            infos.append(info)
            if nb is None:
                continue
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
            (tmp / "notebooks" / f"{path.stem}.html").write_text(body, encoding="utf-8")
        figures = _figures(figures_dir)
        for name, exts in figures.items():
            for ext in sorted(exts):
                shutil.copyfile(figures_dir / f"{name}.{ext}", tmp / "figures" / f"{name}.{ext}")
        if (figures_dir / CAPTIONS_FILE).is_file():
            shutil.copyfile(figures_dir / CAPTIONS_FILE, tmp / "figures" / CAPTIONS_FILE)
        all_names = [p.name for p in numbered(NOTEBOOKS_DIR)] if notebooks_dir != NOTEBOOKS_DIR else []
        missing = [n for n in all_names if n not in {p.name for p in paths}]
        page = _index(
            label=label or (corpus.name if corpus else notebooks_dir.name),
            corpus_html=_corpus_section(corpus, languages),
            notebooks=infos,
            missing=missing,
            figures=figures,
            captions=figure_captions(paths),
            recorded=_recorded_captions(figures_dir),
            figures_dir=figures_dir,
            is_run=is_run,
        )
        (tmp / "index.html").write_text(page, encoding="utf-8")
        tmp.chmod(0o755)
        _replace_dir(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / "index.html"


def build_for_run(run_dir: Path, *, corpus: Path | None = None, out: Path | None = None) -> Path:
    """Build the report of a ``make workbook CORPUS=...`` run folder (``runs/NAME``)."""
    from defcoop.app.workbook import notebooks as numbered

    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise FileNotFoundError(f"run folder {str(run_dir)!r} does not exist (run `make workbook CORPUS=...` first)")
    injected = _run_parameters(numbered(run_dir))
    if corpus is None and injected.get("CORPUS"):
        corpus = Path(injected["CORPUS"])
    languages = str(injected.get("LANGUAGES") or "")
    return build(
        notebooks_dir=run_dir,
        figures_dir=run_dir / "figures",
        corpus=corpus,
        out=out or run_dir / "report",
        label=(corpus.name if corpus else run_dir.name) + (f" ({languages} only)" if languages else ""),
        is_run=True,
        languages=languages,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m defcoop.app.report", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the static HTML report (report/, or runs/NAME/report/)")
    b.add_argument("--runs", type=Path, help="a run folder runs/NAME made by `make workbook CORPUS=...`")
    b.add_argument(
        "--corpus",
        type=Path,
        help="the corpus of a `make workbook CORPUS=...` run: its report is built from runs/<folder name>/",
    )
    b.add_argument(
        "--languages", default="", help="with --corpus: the run made with --languages (runs/<folder>-ru-vi/)"
    )
    b.add_argument("--out", type=Path, help="where to write the report folder")
    args = parser.parse_args(argv)
    try:
        if args.runs:
            index = build_for_run(args.runs, corpus=args.corpus, out=args.out)
        elif args.corpus:
            # the same run folder as `python -m defcoop.app.workbook run --corpus` writes
            from defcoop.app.workbook import run_folder

            run_dir = run_folder(args.corpus, args.languages)
            index = build_for_run(run_dir, corpus=args.corpus, out=args.out)
        else:
            index = build(out=args.out or REPO_ROOT / "report")
    except (FileNotFoundError, FileExistsError, NotADirectoryError, ValueError) as exc:
        print(f"defcoop: {exc}", file=sys.stderr)
        return 2
    shown = index.relative_to(REPO_ROOT) if index.is_relative_to(REPO_ROOT) else index
    print(f"report written: {shown} (open it in a browser; it works offline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
