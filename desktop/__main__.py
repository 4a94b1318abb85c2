"""``python -m desktop``: the app, or a headless subcommand (see :mod:`desktop.cli`)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
