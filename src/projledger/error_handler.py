"""The one place where an exception becomes a message and an exit code.

Typer reports usage errors itself (exit 2). A user's mistake (ProjledgerError) is one
line on stderr and its exit code; Ctrl-C is 130; anything else is a bug: a short message,
the traceback in a log file, exit 3. No traceback reaches a user for their own mistake.
"""

import sys
from collections.abc import Callable

from projledger.errors import ProjledgerError


def run(app: Callable[[], object]) -> None:
    # A file name that is not UTF-8 must not break the output halfway through.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except ProjledgerError as exc:
        _error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception:
        import tempfile  # only now: a fault is rare, and every run would pay the import
        import traceback
        from pathlib import Path

        log = Path(tempfile.gettempdir()) / "projledger-crash.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        _error(f"internal error (a bug in projledger); details in {log}. Please report it.")
        sys.exit(3)


def _error(message: str) -> None:
    sys.stderr.write(f"projledger: error: {message}\n")
