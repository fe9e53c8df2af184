"""`python -m desktop` runs the same program as the `insyn` command."""

from desktop.cli import main

raise SystemExit(main())
