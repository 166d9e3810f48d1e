"""Benchmark ``defcoop.load`` (read + parse + annotate + de-duplicate) on synthetic corpora.

Not part of the test suite.  Run from the repository root::

    .venv/bin/python benchmarks/annotate.py --sizes 10000 100000 --workdir /tmp/defcoop-bench

For each size it

1. generates ``WORKDIR/corpus-N`` with ``benchmarks/make_corpus.py`` (or reuses it when
   ``WORKDIR/corpus-N.manifest.json`` matches the size, seed and generator source);
2. times ``defcoop.load(dir)`` in a fresh subprocess (so the in-process memo cannot help; the
   files are in the OS page cache, as they are right after generation): wall seconds of the
   call, articles/s, CPU seconds, and peak RSS of the child (``resource.getrusage``; worker
   processes of the child, if any, are reported separately);
3. when defcoop has an on-disk cache (``defcoop.load`` takes a ``cache`` keyword), fills it in
   one subprocess and times the cached reload in another; otherwise prints a note and skips;
4. runs the baseline ``benchmarks/spacy_baseline.py`` with ``--spacy-python`` (default
   ``/tmp/spacyenv/bin/python``) on the same files with the same lexicon, exported here from
   defcoop's data to ``WORKDIR/lexicon.json``.

Then prints a table, the ratio defcoop/spaCy in articles/s, and the issue's targets (100k
articles in <= 30 s, >= 3,300 articles/s, peak RSS <= 2 GB, cached reload <= 3 s, >= 20x the
spaCy baseline), each marked met or missed; results also go to ``WORKDIR/results.json``.
``--workbook`` also times every notebook through papermill on each corpus, with the cache
warm (the issue's "whole workbook on 100k in <= 5 min").  ``--profile N`` additionally
profiles ``defcoop.load`` on an N-article corpus (cProfile, top functions by cumulative time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import inspect
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (benchmarks/ is not a package)

TARGET_WALL_100K = 30.0
TARGET_RATE = 3300.0
TARGET_RSS_MB = 2048.0
TARGET_CACHED_S = 3.0
TARGET_RATIO = 20.0
TARGET_WORKBOOK_S = 300.0
TARGET_NOTEBOOK_MB = 2048.0

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import defcoop
imported = time.perf_counter() - t0
path, kwargs, mode = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
if mode == "workbook":
    # every notebook on the corpus through papermill, as `make workbook CORPUS=...` runs them
    from pathlib import Path
    from defcoop.app.workbook import run_notebooks
    started = {}
    def before(nb):
        Path(kwargs["mark"]).write_text(nb.name)  # tells the parent whose memory it is sampling
        started[nb.name] = time.perf_counter()
    t = time.perf_counter()
    status = run_notebooks(Path(path), Path(kwargs["out"]), before=before)
    ends = [*list(started.values())[1:], time.perf_counter()]
    per = {name: {"seconds": end - t1, "status": f"stopped: {status[name][:200]}" if status[name] else "ran through"}
           for (name, t1), end in zip(started.items(), ends)}
    ruc = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": time.perf_counter() - t, "notebooks": per, "import_seconds": imported,
                      "peak_rss_mb": ruc.ru_maxrss / 1024}))
    sys.exit(0)
if mode == "profile":
    import cProfile, io, pstats
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    corpus = defcoop.load(path, **kwargs)
    prof.disable()
    seconds = time.perf_counter() - t
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(int(sys.argv[4]))
    print(buf.getvalue(), file=sys.stderr)
else:
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    corpus = defcoop.load(path, **kwargs)
    seconds = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_SELF)
ruc = resource.getrusage(resource.RUSAGE_CHILDREN)
docs = corpus.docs
print(json.dumps({
    "seconds": seconds,
    "import_seconds": imported,
    "cpu_seconds": ru.ru_utime + ru.ru_stime + ruc.ru_utime + ruc.ru_stime,
    "peak_rss_mb": ru.ru_maxrss / 1024,
    "workers_peak_rss_mb": ruc.ru_maxrss / 1024,
    "docs": len(docs),
    "skipped": len(corpus.skipped),
    "duplicates": int((docs["duplicate_of"] != "").sum()),
    "mentions": len(corpus.mentions),
    "actor_mentions": int((corpus.mentions["kind"] == "actor").sum()),
}))
"""


def export_lexicon(path: Path) -> dict[str, int]:
    """The lexicon the baseline matches: the same phrases defcoop's matchers are built from."""
    from defcoop.lexicons.actors import name_forms, registry
    from defcoop.lexicons.geo import geo
    from defcoop.lexicons.themes import codebook

    reg = registry()
    lex = {
        "actor": sorted({form for aid in sorted(reg.actors) for form, _how in name_forms(reg.actors[aid])}),
        "country": sorted({n for c in geo().countries.values() for n in (*c.names, *c.demonyms)}),
        # spaCy has no prefix patterns: ``train*`` is matched as the word ``train``.
        "theme": sorted({p.rstrip("*").rstrip() for t in codebook().themes.values() for p in t.include}),
    }
    path.write_text(json.dumps(lex, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return {k: len(v) for k, v in lex.items()}


def _count_files(root: Path) -> int:
    return sum(len(files) for _d, _s, files in os.walk(root))


def ensure_corpus(workdir: Path, n: int, seed: int) -> tuple[Path, str]:
    corpus = workdir / f"corpus-{n}"
    manifest = workdir / f"corpus-{n}.manifest.json"
    want = {
        "n": n,
        "seed": seed,
        "generator_version": make_corpus.GENERATOR_VERSION,
        "generator_sha256": hashlib.sha256(Path(make_corpus.__file__).read_bytes()).hexdigest(),
    }
    if manifest.exists() and corpus.is_dir():
        have = json.loads(manifest.read_text(encoding="utf-8"))
        if all(have.get(k) == v for k, v in want.items()) and _count_files(corpus) == n:
            return corpus, f"reused {corpus} (manifest matches)"
    if corpus.exists():
        shutil.rmtree(corpus)  # our own folder under --workdir, stale
    manifest.unlink(missing_ok=True)
    info = make_corpus.write_corpus(n, corpus, seed=seed, manifest=manifest)
    return corpus, f"generated {n:,} articles in {info['seconds']:.1f} s ({info['counts']})"


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """Resident memory of ``root`` and all its descendants now (Linux /proc), in KiB: all of it,
    and its anonymous part (``RssAnon``: without the pages of mapped files, such as the cache's
    parts, which the OS can take back without writing them anywhere)."""
    parent: dict[int, int] = {}
    rss: dict[int, tuple[int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = (int(fields.get("VmRSS", "0 kB").split()[0]), int(fields.get("RssAnon", "0 kB").split()[0]))
    total, anon, todo = 0, 0, [root]
    children: dict[int, list[int]] = {}
    for pid, pp in parent.items():
        children.setdefault(pp, []).append(pid)
    while todo:
        pid = todo.pop()
        total += rss.get(pid, (0, 0))[0]
        anon += rss.get(pid, (0, 0))[1]
        todo.extend(children.get(pid, ()))
    return total, anon


def run_child(
    path: Path,
    kwargs: dict,
    mode: str = "load",
    top: int = 15,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> dict:
    """Run ``defcoop.load(path, **kwargs)`` (or, in ``workbook`` mode, every notebook on
    ``path``) in a fresh interpreter; its JSON report plus the peak resident memory of its
    whole process tree (kernels and workers included), sampled every 0.2 s from /proc; in
    ``workbook`` mode also per notebook."""
    import tempfile

    mark = None
    if mode == "workbook":  # the child writes the running notebook's name here
        fd, mark = tempfile.mkstemp(prefix="defcoop-bench-", suffix=".txt")
        os.close(fd)
        kwargs = {**kwargs, "mark": mark}
    cmd = [sys.executable, "-c", CHILD, str(path), json.dumps(kwargs), mode, str(top)]
    t = time.perf_counter()
    try:
        with (
            open(os.devnull, "rb") as devnull,
            subprocess.Popen(
                cmd, stdin=devnull, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
            ) as proc,
        ):
            import threading

            chunks: dict[str, str] = {}
            readers = [
                threading.Thread(target=lambda k, f: chunks.__setitem__(k, f.read()), args=(k, f), daemon=True)
                for k, f in (("out", proc.stdout), ("err", proc.stderr))
            ]
            for th in readers:
                th.start()
            tree_peak = tree_anon = 0
            per_notebook: dict[str, tuple[int, int]] = {}
            while proc.poll() is None:
                if os.path.isdir("/proc"):
                    now, anon = _tree_rss_kb(proc.pid)
                    tree_peak, tree_anon = max(tree_peak, now), max(tree_anon, anon)
                    if mark is not None:
                        running = Path(mark).read_text()
                        was = per_notebook.get(running, (0, 0))
                        per_notebook[running] = (max(was[0], now), max(was[1], anon))
                if timeout is not None and time.perf_counter() - t > timeout:
                    proc.kill()
                    raise RuntimeError(f"defcoop.load child exceeded {timeout} s")
                time.sleep(0.2)
            for th in readers:
                th.join()
    finally:
        if mark is not None:
            os.unlink(mark)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"defcoop.load child failed ({proc.returncode}):\n{chunks.get('err', '')[-3000:]}")
    out = json.loads(chunks["out"].strip().splitlines()[-1])
    out["process_seconds"] = wall
    out["tree_peak_rss_mb"] = max(tree_peak / 1024, out["peak_rss_mb"])
    out["tree_peak_anon_mb"] = tree_anon / 1024
    if mode == "profile":
        out["profile"] = chunks.get("err", "")
    for name, (kb, anon_kb) in per_notebook.items():
        if name in out.get("notebooks", {}):
            out["notebooks"][name]["tree_peak_rss_mb"] = kb / 1024
            out["notebooks"][name]["tree_peak_anon_mb"] = anon_kb / 1024
    return out


def run_workbook(corpus: Path, cache_dir: Path, out: Path, timeout: float | None) -> dict:
    """Every notebook on ``corpus`` through papermill, with the cache ``cache_dir`` (warm), its
    figures under ``out``; prints and returns the times and peak memory per notebook."""
    # Notebooks load the corpus through the default cache: point it at the warm one.
    env = {**os.environ, "DEFCOOP_CACHE": str(cache_dir)}
    shutil.rmtree(out, ignore_errors=True)
    wb = run_child(corpus, {"out": str(out)}, mode="workbook", timeout=timeout, env=env)
    per = ", ".join(
        f"{k} {v['seconds']:.0f} s, {v.get('tree_peak_rss_mb', 0):,.0f} MB "
        f"(anonymous {v.get('tree_peak_anon_mb', 0):,.0f} MB)"
        for k, v in wb["notebooks"].items()
    )
    stopped = [f"{k} ({v['status']})" for k, v in wb["notebooks"].items() if v["status"] != "ran through"]
    print(
        f"workbook ({len(wb['notebooks'])} notebooks, papermill, cache warm): "
        f"{wb['process_seconds']:.0f} s ({per}), "
        f"peak RSS {wb['tree_peak_rss_mb']:,.0f} MB (process tree; anonymous "
        f"{wb['tree_peak_anon_mb']:,.0f} MB)" + (f"; stopped: {'; '.join(stopped)}" if stopped else ""),
        flush=True,
    )
    over = [k for k, v in wb["notebooks"].items() if v.get("tree_peak_rss_mb", 0) > TARGET_NOTEBOOK_MB]
    unsampled = [k for k, v in wb["notebooks"].items() if "tree_peak_rss_mb" not in v]
    print(
        f"target: each notebook's peak RSS <= {TARGET_NOTEBOOK_MB:,.0f} MB: "
        + (f"MISSED by {', '.join(over)}" if over else "met" if not unsampled else "not measured")
        + (f" ({', '.join(unsampled)} ran too briefly to be sampled)" if unsampled else ""),
        flush=True,
    )
    return wb


def load_params() -> set[str]:
    import defcoop

    try:
        return set(inspect.signature(defcoop.load).parameters)
    except (TypeError, ValueError):
        return set()


def cache_support() -> tuple[bool, str]:
    params = load_params()
    if "cache" in params:
        return True, "defcoop.load(..., cache=DIR)"
    if importlib.util.find_spec("defcoop.engine.cache") is not None:
        return (
            False,
            "defcoop.engine.cache exists but defcoop.load takes no `cache` keyword; cached reload not measured",
        )
    return False, "no on-disk cache in defcoop (no `cache` keyword, no defcoop.engine.cache); cached reload skipped"


def run_baseline(spacy_python: str, corpus: Path, lexicon: Path, timeout: float | None) -> dict:
    cmd = [spacy_python, str(HERE / "spacy_baseline.py"), str(corpus), "--lexicon", str(lexicon)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"spaCy baseline failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt(x, spec: str, empty: str = "–") -> str:
    return empty if x is None else format(x, spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="benchmark defcoop.load against a spaCy PhraseMatcher baseline")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/defcoop-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spacy-python", default="/tmp/spacyenv/bin/python")
    ap.add_argument("--no-baseline", action="store_true", help="skip the spaCy baseline")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile defcoop.load on N articles")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed to each subprocess")
    ap.add_argument(
        "--notebooks-only",
        action="store_true",
        help="skip the cold run, the cache fill and the baseline: load from WORKDIR/cache-N (filling it if it is "
        "not there) and, with --workbook, run the notebooks",
    )
    ap.add_argument(
        "--workbook",
        action="store_true",
        help="also time every notebook (papermill, as `make workbook CORPUS=`) on each size, cache warm",
    )
    args = ap.parse_args(argv)

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    machine = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "loadavg_start": os.getloadavg(),
    }
    print(f"# {machine['date']}  {machine['cpus']} CPUs  {machine['platform']}  Python {machine['python']}")
    print(f"# load average at start: {' '.join(f'{x:.2f}' for x in machine['loadavg_start'])}")
    lexicon = workdir / "lexicon.json"
    sizes = export_lexicon(lexicon)
    print(f"# lexicon for both: {sizes} phrases -> {lexicon}")
    has_cache, cache_note = cache_support()
    # The cold run must not read (or fill) a cache: defcoop.load caches by default when it can.
    cold_kwargs = {"cache": False} if has_cache else {}
    print(f"# cache: {cache_note}")
    baseline_ok = not args.no_baseline and Path(args.spacy_python).exists()
    if not args.no_baseline and not baseline_ok:
        print(f"# baseline skipped: {args.spacy_python} not found (python3 -m venv /tmp/spacyenv; pip install spacy)")

    results = []
    for n in args.sizes:
        corpus, how = ensure_corpus(workdir, n, args.seed)
        print(f"\n## {n:,} articles: {how}", flush=True)
        row: dict = {"n": n, "corpus": str(corpus)}
        if args.notebooks_only:
            if not has_cache:
                print("--notebooks-only needs defcoop's on-disk cache; skipped", flush=True)
                continue
            cache_dir = workdir / f"cache-{n}"
            try:
                warm = run_child(corpus, {"cache": str(cache_dir)}, timeout=args.timeout)
            except RuntimeError as exc:
                row["cache_error"] = str(exc)[-500:]
                print(f"loading from the cache failed: {str(exc)[-300:]}", flush=True)
                results.append(row)
                continue
            row["cached"] = warm
            print(f"defcoop.load from {cache_dir} (filled first if it was not): {warm['seconds']:.2f} s", flush=True)
            if args.workbook:
                row["workbook"] = run_workbook(corpus, cache_dir, workdir / f"runs-{n}", args.timeout)
            results.append(row)
            continue
        cold = run_child(corpus, cold_kwargs, timeout=args.timeout)
        row["cold"] = cold
        print(
            f"defcoop.load cold: {cold['seconds']:.1f} s ({n / cold['seconds']:,.0f} articles/s; process "
            f"{cold['process_seconds']:.1f} s incl. import {cold['import_seconds']:.1f} s), "
            f"CPU {cold['cpu_seconds']:.1f} s, "
            f"peak RSS {cold['peak_rss_mb']:,.0f} MB (largest worker {cold['workers_peak_rss_mb']:,.0f} MB, "
            f"whole process tree {cold['tree_peak_rss_mb']:,.0f} MB); "
            f"{cold['docs']:,} docs, {cold['skipped']} skipped, {cold['duplicates']} duplicates, "
            f"{cold['mentions']:,} mentions",
            flush=True,
        )
        if has_cache:
            cache_dir = workdir / f"cache-{n}"
            if cache_dir.exists():
                shutil.rmtree(cache_dir)
            try:
                fill = run_child(corpus, {"cache": str(cache_dir)}, timeout=args.timeout)
                warm = run_child(corpus, {"cache": str(cache_dir)}, timeout=args.timeout)
                row["cache_fill"], row["cached"] = fill, warm
                print(
                    f"defcoop.load with cache: fill {fill['seconds']:.1f} s, cached reload {warm['seconds']:.2f} s "
                    f"(peak RSS {warm['peak_rss_mb']:,.0f} MB)",
                    flush=True,
                )
            except RuntimeError as exc:
                row["cache_error"] = str(exc)[-500:]
                print(f"cached reload failed: {str(exc)[-300:]}", flush=True)
            if args.workbook and "cached" in row:
                row["workbook"] = run_workbook(corpus, cache_dir, workdir / f"runs-{n}", args.timeout)
        if baseline_ok:
            base = run_baseline(args.spacy_python, corpus, lexicon, args.timeout)
            row["spacy"] = base
            print(
                f"spaCy baseline: {base['seconds']:.1f} s ({base['articles_per_s']:,.0f} articles/s), "
                f"peak RSS {base['peak_rss_mb']:,.0f} MB, {base['matches']:,} matches",
                flush=True,
            )
        results.append(row)

    if args.profile:
        corpus, how = ensure_corpus(workdir, args.profile, args.seed)
        print(f"\n## cProfile of defcoop.load on {args.profile:,} articles ({how})")
        kw = dict(cold_kwargs)
        if "workers" in load_params():
            kw["workers"] = 1  # cProfile sees only this process
        prof = run_child(corpus, kw, mode="profile", top=25, timeout=args.timeout)
        print(prof.pop("profile"))
        results.append({"n": args.profile, "profile": prof})

    machine["loadavg_end"] = os.getloadavg()
    print(f"\n# load average at end: {' '.join(f'{x:.2f}' for x in machine['loadavg_end'])}")
    table = [r for r in results if "cold" in r]
    print("\n| articles | load s | articles/s | CPU s | peak RSS MB | cached s | spaCy s | spaCy art/s | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in table:
        c = r["cold"]
        rate = r["n"] / c["seconds"]
        sp = r.get("spacy")
        ratio = rate / sp["articles_per_s"] if sp else None
        r["ratio"] = ratio
        print(
            f"| {r['n']:,} | {c['seconds']:.1f} | {rate:,.0f} | {c['cpu_seconds']:.1f} | "
            f"{c['tree_peak_rss_mb']:,.0f} | "
            f"{_fmt(r.get('cached', {}).get('seconds'), '.2f')} | {_fmt(sp and sp['seconds'], '.1f')} | "
            f"{_fmt(sp and sp['articles_per_s'], ',.0f')} | {_fmt(ratio, '.2f')}× |"
        )
    if table:
        big = max(table, key=lambda r: r["n"])
        c = big["cold"]
        at = f"at {big['n']:,}"
        at100 = next((r for r in table if r["n"] == 100_000), None)

        def mark(ok: bool | None) -> str:
            return "not measured" if ok is None else "met" if ok else "MISSED"

        cached = big.get("cached", {}).get("seconds")
        targets = [
            (
                "annotate 100k in <= 30 s wall",
                f"{at100['cold']['seconds']:.1f} s" if at100 else "100k not run",
                mark(at100["cold"]["seconds"] <= TARGET_WALL_100K if at100 else None),
            ),
            (
                ">= 3,300 articles/s",
                f"{big['n'] / c['seconds']:,.0f}/s {at}",
                mark(big["n"] / c["seconds"] >= TARGET_RATE),
            ),
            (
                "peak RSS <= 2 GB (process tree)",
                f"{c['tree_peak_rss_mb']:,.0f} MB {at}",
                mark(c["tree_peak_rss_mb"] <= TARGET_RSS_MB),
            ),
            (
                "cached reload <= 3 s",
                f"{cached:.2f} s {at}" if cached is not None else "no cache",
                mark(cached <= TARGET_CACHED_S if cached is not None else None),
            ),
            (
                "whole workbook on 100k <= 5 min",
                f"{at100['workbook']['process_seconds']:.0f} s" if at100 and "workbook" in at100 else "not run",
                mark(
                    at100["workbook"]["process_seconds"] <= TARGET_WORKBOOK_S if at100 and "workbook" in at100 else None
                ),
            ),
            (
                ">= 20x the spaCy baseline",
                f"{big['ratio']:.2f}x {at}" if big.get("ratio") else "no baseline",
                mark(big["ratio"] >= TARGET_RATIO if big.get("ratio") else None),
            ),
        ]
        print("\n| target | measured | status |\n|---|---|---|")
        for t in targets:
            print(f"| {t[0]} | {t[1]} | {t[2]} |")
    out = workdir / "results.json"
    out.write_text(json.dumps({"machine": machine, "results": results}, indent=2, default=str) + "\n")
    print(f"\n# results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
