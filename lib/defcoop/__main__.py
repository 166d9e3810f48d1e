"""``python -m defcoop``: the command line (see defcoop.app.cli)."""

import sys

from defcoop.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
