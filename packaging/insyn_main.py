"""The frozen program's entry point: the same as `insyn` and `python -m desktop`."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
