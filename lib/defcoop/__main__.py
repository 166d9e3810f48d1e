"""``python -m defcoop``: the command line (see defcoop.cli)."""

import sys

from defcoop.cli import main

if __name__ == "__main__":
    sys.exit(main())
