"""Where things are, computed from the package location (never absolute, never from the cwd)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
#: The repository root when the package is installed editable from a checkout (lib/defcoop/..).
REPO_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
FIGURES_DIR = REPO_ROOT / "figures"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
STYLE_FILE = PACKAGE_DIR / "plots" / "workbook.mplstyle"
