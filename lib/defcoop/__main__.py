import sys

from defcoop.cli import main

sys.exit(main())
