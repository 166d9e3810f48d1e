# defcoop: two commands do everything on a fresh machine with python3 (3.11+) and make:
#   make workbook   set up, then run every notebook on seeds/ (or CORPUS=path) and write its figures
#                   (FORMATS=png,svg,pdf for PDF too)
#   make test       set up, then run unit tests, doctests and nbval over every notebook
#   make report     a static HTML report (report/, or runs/<name>/report/ with CORPUS=)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
FORMATS ?=
# Deterministic outputs: hash seed fixed, no non-interactive matplotlib backend forced on notebooks.
export PYTHONHASHSEED := 0
unexport MPLBACKEND

.PHONY: setup browser workbook test test-private report lab lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "defcoop needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@# Build matplotlib's font cache now: on a fresh machine its first-import notice would
	@# otherwise appear in a notebook's output and break nbval.
	$(PY) -c 'import matplotlib.pyplot'
	@touch $(STAMP)

# `--corpus PATH` when CORPUS is given, nothing otherwise
CORPUS_ARG = $(if $(strip $(CORPUS)),--corpus "$(CORPUS)")$(if $(strip $(LANGUAGES)), --languages "$(LANGUAGES)")

# FORMATS=png,svg,pdf adds PDF (or any choice of the three) to every figure written
workbook: setup
	$(if $(strip $(FORMATS)),DEFCOOP_FIGURE_FORMATS="$(FORMATS)") $(PY) -m defcoop.app.workbook run $(CORPUS_ARG)

# Headless Chromium (Debian's package) for the report's browser test, which fails, never skips,
# without it. Installed here so that `make test` alone sets up everything it needs.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 \
	    && [ -z "$${DEFCOOP_CHROMIUM:-}" ]; then \
	  echo "installing Debian's chromium for the browser test"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

test: setup browser
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
	@# The notebooks rewrote figures/ while being validated: they must be byte-identical.
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  changed=$$(git status --porcelain -- figures notebooks); \
	  if [ -n "$$changed" ]; then echo "figures or notebooks changed when rerun:"; echo "$$changed"; exit 1; fi; \
	fi

# The hostile-input tests again, from a copy of this working tree inside a folder that only its
# owner may enter (as a home folder is), with a venv of its own there: `make test` must not depend
# on where the repository is cloned.  CI runs it after `make test`.
test-private:
	@d=$$(mktemp -d); chmod 700 "$$d"; trap 'rm -rf "$$d"' EXIT; \
	echo "copying the working tree to a private folder ($$d, mode 700)"; \
	git ls-files -z --cached --others --exclude-standard \
	  | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$$d"; \
	$(MAKE) --no-print-directory -C "$$d" setup PYTHON="$(PYTHON)" >/dev/null \
	  && cd "$$d" && $(VENV)/bin/python -m pytest -q tests/test_hostile.py

report: setup
	$(PY) -m defcoop.app.report build $(CORPUS_ARG)

lint: setup
	$(VENV)/bin/ruff check lib tests notebooks benchmarks
	$(VENV)/bin/ruff format --check lib tests benchmarks

lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
