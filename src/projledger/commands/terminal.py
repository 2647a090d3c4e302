"""The console that terminal output is printed on: a module of its own, so the report
commands get it without importing what `show` and `list` need (the project models)."""

import sys
from typing import Any


def console() -> Any:
    from rich.console import Console

    # Piped into a file or another program, tables need not fit an 80-column terminal.
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
