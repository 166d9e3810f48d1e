"""The static report: built from the seeds and from a hostile CORPUS run, opened in headless Chromium.

How "nothing injected ran" and "the images load" are checked: Chromium is driven over the
DevTools protocol (CDP).  The hostile articles carry payloads (``<script>``, ``onerror``,
``onload``, ``javascript:`` links, ``<meta refresh>``, ``<base>``, ``<iframe srcdoc>``) that
would each set ``window.__pwned`` or the page title if they ever executed.  After a page has
loaded, ``Runtime.evaluate`` (which the page's Content-Security-Policy does not restrict, as it
is the debugger, not the page) reads ``window.__pwned``, the title and location, counts
``<script>`` elements and ``javascript:`` links, and asks every ``<img>`` whether it decoded
(``complete && naturalWidth > 0``).  All requests the page made are recorded, so a load from
the network (a CDN script, a remote image) fails the test too.  The hostile report is then
checked a second time with the CSP removed from every page, so escaping and sanitizing are
shown to suffice on their own and the CSP is only the second line of defence.

Chromium is required: ``apt-get install -y chromium`` (CI installs it in ``.ci/run``).  Without
it these tests fail with that message; they are never skipped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from defcoop.app import report
from defcoop.app.workbook import notebooks, run_with_papermill
from defcoop.paths import FIGURES_DIR, NOTEBOOKS_DIR

PAYLOADS = [
    "<script>window.__pwned='script';document.title='PWNED'</script>",
    "<img src=x onerror=\"window.__pwned='img';document.title='PWNED'\">",
    "<a href=\"javascript:window.__pwned='link'\">details</a>",
    "[more](javascript:window.__pwned='md')",
    '"><svg onload="window.__pwned=\'svg\'"></svg>',
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=\'meta\'">',
    '<base href="http://example.invalid/">',
    "<style>body{display:none}</style>",
    "'; window.__pwned='quote'; '",
]
PLAIN = (
    "The two sides agreed to expand cooperation in military training, defence industry and "
    "peacekeeping, and to hold regular dialogues between the defence ministries. "
)
ARTICLE_A = (
    " date 2024-12-10\n"
    "<script>window.__pwned='title';document.title='PWNED'</script> Vietnam and Belarus boost defence ties "
    "<img src=x onerror=\"window.__pwned='title-img'\">\n\n"
    "Hanoi (VNA) - Defence Minister General Phan Van Giang held talks with Belarusian Defence Minister "
    f"Lieutenant General Viktor Khrenin in Hanoi on December 10. {PAYLOADS[0]} {PLAIN}\n\n"
    f"Giang said Vietnam values its traditional friendship with Belarus {PAYLOADS[1]}. {PLAIN * 2}\n\n"
    f"Khrenin thanked the Vietnamese side for the warm welcome, see {PAYLOADS[2]} and {PAYLOADS[3]}. {PLAIN}\n\n"
    f"The ministers signed a cooperation plan for 2025 {PAYLOADS[4]} and {PAYLOADS[5]}. {PLAIN * 2}\n\n"
    f"{PAYLOADS[6]} {PAYLOADS[7]} {PAYLOADS[8]} Both sides agreed to meet again in Minsk {PAYLOADS[9]}. {PLAIN}\n"
)
ARTICLE_B = (
    " date 2023-06-20\n"
    "Vietnam, Russia <b>boost</b> defence cooperation <script>window.__pwned='b-title'</script>\n\n"
    "Moscow (VNA) - Vietnamese Defence Minister General Phan Van Giang met Russian Defence Minister "
    f"Sergei Shoigu in Moscow on June 20 {PAYLOADS[1]}. {PLAIN * 3}\n\n"
    f"Shoigu said Russia attaches importance to its comprehensive strategic partnership with Vietnam. {PLAIN * 2}\n"
)
HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='filename'\">.txt"
HOSTILE_SKIPPED_NAME = "<svg onload=\"window.__pwned='skipped-name'\">.bin"

# --------------------------------------------------------------------------- Chromium over CDP

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "headless Chromium is required for the report's browser test: install it with "
    "`apt-get install -y chromium` (Debian/Ubuntu), or point DEFCOOP_CHROMIUM at a Chrome/Chromium binary"
)
PROBE = """JSON.stringify({
  pwned: window.__pwned || document.documentElement.getAttribute('data-pwned') || null,
  title: document.title,
  href: location.href,
  scripts: document.scripts.length,
  jsLinks: [...document.querySelectorAll('a[href]')].filter(a => a.protocol === 'javascript:').length,
  iframes: document.querySelectorAll('iframe, object, embed').length,
  bodyText: document.body ? document.body.innerText.length : 0,
  bodyVisible: document.body ? getComputedStyle(document.body).display !== 'none' : false,
  images: [...document.images].map(i => ({src: i.getAttribute('src').slice(0, 80),
                                          ok: i.complete && i.naturalWidth > 0}))
})"""


def _chromium() -> str:
    exe = os.environ.get("DEFCOOP_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if not exe:
        pytest.fail(INSTALL_HINT, pytrace=False)
    return exe


class Browser:
    """A headless Chromium driven over the DevTools protocol (only what these tests need)."""

    def __init__(self, profile: Path) -> None:
        import websocket  # websocket-client, installed with jupyter

        self.proc = subprocess.Popen(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",  # needed as root in containers; the pages are ours and script-free
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                pytest.fail(f"Chromium did not start (exit {self.proc.returncode}). {INSTALL_HINT}", pytrace=False)
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        targets = json.load(opener.open(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self._event(msg)

    def _event(self, msg: dict) -> None:
        self.events.append(msg)
        if msg.get("method") == "Page.javascriptDialogOpening":  # an alert() would block the page
            self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": True}}))

    def visit(self, url: str) -> dict:
        """Load ``url``, let it settle, and return the probe plus what the page requested and logged."""
        self.events = []
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            assert time.monotonic() < deadline, f"{url} did not finish loading"
            self._event(json.loads(self.ws.recv()))
        time.sleep(0.5)  # onerror/onload handlers and meta refreshes would have fired by now
        self.call("Runtime.evaluate", expression="0")  # drain events that arrived meanwhile
        probe = json.loads(self.call("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"]["value"])
        probe["requests"] = [
            e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"
        ]
        probe["dialogs"] = [e["params"] for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]
        probe["csp_violations"] = [
            e["params"]["entry"]["text"]
            for e in self.events
            if e.get("method") == "Log.entryAdded" and "Content Security Policy" in e["params"]["entry"].get("text", "")
        ]
        probe["console"] = [e["params"] for e in self.events if e.get("method") == "Runtime.consoleAPICalled"]
        return probe

    def close(self) -> None:
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    profile = Path(tempfile.mkdtemp(prefix="defcoop-chromium-"))
    b = Browser(profile)
    try:
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


# --------------------------------------------------------------------------- reports


def _run_notebooks(corpus: Path, run_dir: Path) -> dict[str, str]:
    """Run every numbered notebook on ``corpus`` like ``make workbook CORPUS=`` does, but keep
    going past a notebook that stops (its output, with the error, is still written)."""
    import papermill as pm

    figures = run_dir / "figures"
    figures.mkdir(parents=True)
    status = {}
    for nb in notebooks():
        try:
            run_with_papermill(nb, run_dir / nb.name, corpus=corpus, figures=figures)
            status[nb.name] = "ok"
        except pm.PapermillExecutionError as exc:
            status[nb.name] = f"{exc.ename}: {exc.evalue}"
    return status


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("hostile-report")
    corpus = base / "hostile-news"
    corpus.mkdir()
    (corpus / "a-belarus.txt").write_text(ARTICLE_A, encoding="utf-8")
    (corpus / HOSTILE_NAME).write_text(ARTICLE_B, encoding="utf-8")
    (corpus / HOSTILE_SKIPPED_NAME).write_bytes(b"\x00\x01")
    run_dir = base / "runs" / corpus.name
    status = _run_notebooks(corpus, run_dir)
    index = report.build_for_run(run_dir)
    assert index == run_dir / "report" / "index.html"
    return index, status


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    return report.build(out=tmp_path_factory.mktemp("seeds") / "report")


def _pages(index: Path) -> list[Path]:
    return [index, *sorted((index.parent / "notebooks").glob("*.html"))]


def test_hostile_articles_were_loaded_and_shown(hostile_report):
    index, status = hostile_report
    page = index.read_text(encoding="utf-8")
    assert "articles loaded</th><td>2</td>" in page, "both hostile articles must load (they are articles)"
    assert "&lt;script&gt;window.__pwned=&#x27;title&#x27;" in page  # the title, escaped, on the index
    assert html_escaped(HOSTILE_SKIPPED_NAME) in page
    nb01 = (index.parent / "notebooks" / "01-corpus.html").read_text(encoding="utf-8")
    assert "window.__pwned" in nb01, "the notebook outputs show the hostile text (escaped)"
    assert status["01-corpus.ipynb"] == "ok", status


def html_escaped(s: str) -> str:
    import html

    return html.escape(s, quote=True)


class _Tags(HTMLParser):
    """Every element the browser would build, with its attributes (text content is ignored)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def _tags(text: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_pages_are_offline_and_script_free(which, seeds_report, hostile_report):
    index = seeds_report if which == "seeds" else hostile_report[0]
    for page in _pages(index):
        tags = _tags(page.read_text(encoding="utf-8"))
        csp = [a.get("content") for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert csp == [report.CSP], f"{page.name}: no Content-Security-Policy"
        bad = []
        for tag, attrs in tags:
            if tag in {"script", "link", "iframe", "frame", "object", "embed", "base", "form", "svg", "math"}:
                bad.append(tag)
            if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
                bad.append("meta refresh")
            bad += [f"{tag} {k}=" for k in attrs if k.startswith("on")]
            for k in ("href", "src", "action", "formaction", "xlink:href"):
                url = attrs.get(k, "").strip().lower()
                if url.startswith(("javascript:", "vbscript:")) or (k == "src" and url.startswith(("http", "//"))):
                    bad.append(f"{tag} {k}={url[:40]}")
        assert not bad, f"{page.name}: {bad[:10]}"


def test_seeds_report_lists_every_notebook_and_figure(seeds_report):
    page = seeds_report.read_text(encoding="utf-8")
    for nb in notebooks():
        assert f'href="notebooks/{nb.stem}.html"' in page
        assert (seeds_report.parent / "notebooks" / f"{nb.stem}.html").exists()
    names = sorted({p.name.rsplit(".", 1)[0] for p in FIGURES_DIR.iterdir() if report.FIGURE_FILE.match(p.name)})
    assert names, "the seeds have figures"
    captions = report.figure_captions(notebooks())
    for name in names:
        for ext in ("png", "svg", "csv"):
            assert f'href="figures/{name}.{ext}"' in page
            assert (seeds_report.parent / "figures" / f"{name}.{ext}").read_bytes() == (
                FIGURES_DIR / f"{name}.{ext}"
            ).read_bytes()
        assert f'<img src="figures/{name}.png"' in page
        assert captions.get(name, ("", ""))[0], f"no 'What this shows' reading found for {name}"
    # the caption is the first paragraph of the reading, escaped
    first = captions["01-articles-by-outlet-year"][0]
    assert first.startswith("How many articles each outlet contributes")
    assert report.inline_markdown(first) in page


def test_caption_is_taken_from_the_reading_after_the_saving_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('save_figure(fig, "09-demo", data=df, directory=FIGURES)'),
        nbformat.v4.new_markdown_cell("### What this shows\n\nFirst <b>para</b>\ngraph.\n\nSecond."),
    ]
    nbformat.write(nb, tmp_path / "09-demo.ipynb")
    assert report.figure_captions([tmp_path / "09-demo.ipynb"]) == {
        "09-demo": ("First <b>para</b> graph.", "09-demo.ipynb")
    }
    assert report.inline_markdown("First <b>para</b> graph.") == "First &lt;b&gt;para&lt;/b&gt; graph."


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_pages_render_in_chromium_and_nothing_injected_runs(which, browser, seeds_report, hostile_report):
    index = seeds_report if which == "seeds" else hostile_report[0]
    problems = _browse(browser, index)
    assert not problems, "\n".join(problems)


def test_escaping_alone_suffices_without_the_csp(browser, hostile_report, tmp_path):
    """Defence in depth: remove the CSP from every page; the payloads must still stay text."""
    index, _ = hostile_report
    copy = tmp_path / "no-csp"
    shutil.copytree(index.parent, copy)
    for page in _pages(copy / "index.html"):
        text = page.read_text(encoding="utf-8")
        stripped = re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", text)
        assert stripped != text
        page.write_text(stripped, encoding="utf-8")
    problems = _browse(browser, copy / "index.html")
    assert not problems, "\n".join(problems)


def _browse(browser: Browser, index: Path) -> list[str]:
    problems = []
    for page in _pages(index):
        url = page.resolve().as_uri()
        p = browser.visit(url)
        where = page.relative_to(index.parent).as_posix()
        if p["pwned"] or p["title"] == "PWNED" or p["dialogs"]:
            problems.append(f"{where}: injected code ran ({p['pwned']!r}, title {p['title']!r}, {p['dialogs']})")
        if p["href"] != url:
            problems.append(f"{where}: the page navigated away to {p['href']}")
        if p["scripts"] or p["jsLinks"] or p["iframes"]:
            problems.append(f"{where}: {p['scripts']} scripts, {p['jsLinks']} javascript: links, {p['iframes']} frames")
        if not p["bodyVisible"] or p["bodyText"] < 200:
            problems.append(f"{where}: the page does not render its text ({p['bodyText']} characters)")
        broken = [i["src"] for i in p["images"] if not i["ok"]]
        if broken:
            problems.append(f"{where}: images that did not load: {broken}")
        remote = [u for u in p["requests"] if not u.startswith(("file:", "data:"))]
        if remote:
            problems.append(f"{where}: requests beyond the report folder: {remote[:5]}")
        if p["csp_violations"]:
            problems.append(f"{where}: CSP had to block something: {p['csp_violations'][:3]}")
        if page == index and not p["images"] and any((index.parent / "figures").glob("*.png")):
            problems.append(f"{where}: the figures are not shown")
    return problems


def test_index_shows_figures_as_images(browser, seeds_report):
    p = browser.visit(seeds_report.resolve().as_uri())
    pngs = sorted((seeds_report.parent / "figures").glob("*.png"))
    assert len([i for i in p["images"] if i["ok"]]) == len(pngs) > 0


def test_rebuild_replaces_only_its_own_report(tmp_path, monkeypatch):
    out = tmp_path / "report"
    report.build(out=out)
    first = (out / "index.html").read_bytes()
    report.build(out=out)  # replaces the earlier report
    assert (out / "index.html").read_bytes() == first, "the index is reproducible"

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(report, "_index", boom)
    with pytest.raises(RuntimeError):
        report.build(out=out)
    assert (out / "index.html").read_bytes() == first, "an interrupted build leaves the old report intact"
    assert [p.name for p in tmp_path.iterdir()] == ["report"], "no temporary folder left behind"
    monkeypatch.undo()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"mine")
    with pytest.raises(FileExistsError, match="not a report built by defcoop"):
        report.build(out=foreign)
    assert (foreign / "thesis.docx").read_bytes() == b"mine"


def test_command_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "defcoop.app.report", "build", "--runs", str(tmp_path / "runs" / "nothing")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr
    assert NOTEBOOKS_DIR.is_dir()


def test_the_browser_probe_catches_what_it_looks_for(browser, tmp_path):
    """A canary: an unsafe page (no CSP, a live script, a broken and a remote image) must be caught."""
    (tmp_path / "ok.png").write_bytes((FIGURES_DIR / "01-article-lengths.png").read_bytes())
    page = tmp_path / "index.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>" + "text " * 100 + "</p>"
        "<script>window.__pwned='canary'</script><img src=ok.png><img src=missing.png>"
        "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned', 'onerror')\">"
        "<img src='http://127.0.0.1:9/remote.png'></body></html>",
        encoding="utf-8",
    )
    p = browser.visit(page.as_uri())
    assert p["pwned"] == "canary" and p["scripts"] == 1
    assert [i["ok"] for i in p["images"]] == [True, False, False, False]
    assert any(u.startswith("http://127.0.0.1:9/") for u in p["requests"])
    problems = _browse(browser, page)
    assert any("injected code ran" in x for x in problems) and any("did not load" in x for x in problems)
    # and with the report's CSP, the same script is blocked and reported
    page.write_text(page.read_text().replace("<head>", f"<head>{report.CSP_META}"), encoding="utf-8")
    p = browser.visit(page.as_uri())
    assert not p["pwned"] and p["csp_violations"]
    assert [i["ok"] for i in p["images"]][:1] == [True], "the CSP lets the report's own images load"


def test_a_half_written_run_still_gives_a_report(tmp_path):
    """A run interrupted while papermill was writing a notebook: that notebook is listed as unreadable."""
    run = tmp_path / "runs" / "partial"
    (run / "figures").mkdir(parents=True)
    shutil.copyfile(NOTEBOOKS_DIR / "01-corpus.ipynb", run / "01-corpus.ipynb")
    (run / "02-topic-clusters.ipynb").write_text('{"cells": [{"cell_type": "mark', encoding="utf-8")
    index = report.build_for_run(run)
    page = index.read_text(encoding="utf-8")
    assert "02-topic-clusters.ipynb — 02-topic-clusters" in page and "could not be read" in page
    assert (index.parent / "notebooks" / "01-corpus.html").exists()
    assert "not run on this corpus" in page  # 03, 04 never ran
    assert "The corpus folder is not available" in page  # no papermill parameters in a stored notebook


def test_each_figure_carries_its_recorded_caption_denominators_and_numbers(seeds_report):
    from defcoop.plots.save import read_captions

    page = seeds_report.read_text(encoding="utf-8")
    recorded = read_captions(FIGURES_DIR)
    names = sorted({p.name.rsplit(".", 1)[0] for p in FIGURES_DIR.iterdir() if report.FIGURE_FILE.match(p.name)})
    assert sorted(recorded["figure"]) == names, "every committed figure has a caption row, and only those"
    for row in recorded.itertuples(index=False):
        assert row.caption and row.denominators, row.figure
        block = page[page.index(f'<figure id="{row.figure}">') :]
        block = block[: block.index("</figure>")]
        assert report._e(row.caption) in block and report._e(row.denominators) in block
        assert "The numbers behind it" in block
    assert (seeds_report.parent / "figures" / "captions.csv").read_bytes() == (
        FIGURES_DIR / "captions.csv"
    ).read_bytes()


def test_articles_are_grouped_by_year_with_undated_last(tmp_path):
    import pandas as pd

    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(40)],
            "outlet": ["VNA"] * 30 + [""] * 10,
            "date": ["2019-05-01"] * 3 + ["2018-01-02"] * 30 + [""] * 7,
            "language": "en",
            "title": ["a title"] * 39 + [""],
        }
    )
    html = report._articles_by_year(docs)
    summaries = [s.split(" · ")[0] for s in re.findall(r"<summary>([^<]*)</summary>", html)]
    assert summaries == ["2018", "2019", "undated"]
    assert "2018 · 30 articles" in html and f"and {30 - report.MAX_ROWS_PER_YEAR:,} more" in html
    assert "(no title found)" in html and "(not recognised)" in html
    assert html.count("<tr>") == 1 * 3 + report.MAX_ROWS_PER_YEAR + 3 + 7  # a header row per group


def test_a_long_figure_table_shows_its_first_rows_and_says_how_many(tmp_path):
    csv = tmp_path / "02-x.csv"
    csv.write_text("term,weight\n" + "".join(f"t{i},{i}\n" for i in range(40)), encoding="utf-8")
    html = report._figure_data(csv)
    assert f"first {report.MAX_DATA_ROWS} of 40 rows" in html
    assert html.count("<tr>") == report.MAX_DATA_ROWS + 1
