"""The frozen program's entry point: the same as `insyn` and `python -m desktop`."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The extract renderer's child processes start this executable again (spawn): let
    # multiprocessing take over those starts before the command line is parsed.
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())
