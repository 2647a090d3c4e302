"""The one place where an exception becomes a message and an exit code.

Usage errors (typer's: a missing argument, an unknown option) are shown by
`cli/usage_errors.py`, in the run's language (exit 2). A user's mistake (ProjledgerError)
is one line on stderr and its exit code; Ctrl-C is 130; anything else is a bug: one line,
the traceback in a new private log file (`crash_log.py`), exit 3. No traceback reaches
the terminal, even when no log can be written. Messages are shown with control characters
escaped: they may quote a file's content or name.
"""

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TextIO

from projledger.errors import ProjledgerError
from projledger.messages import Lang, text
from projledger.safe_text import printable_lines


class _Chosen:
    lang: Lang = "en"


def set_language(lang: Lang) -> None:
    """The language of the messages this run prints (the CLI decides it, `cli.language`)."""
    _Chosen.lang = lang


def run(app: Callable[[], object]) -> None:
    # A file name that is not UTF-8 must not break the output halfway through.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    # Everything said on stderr (typer's own usage errors included, which quote what was
    # typed: a file name with a BEL or an ESC) has its control characters escaped.
    sys.stderr = _PrintableStream(sys.stderr)
    try:
        app()
    except ProjledgerError as exc:
        _error(exc.text(_Chosen.lang))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _error(text("error.interrupted", _Chosen.lang))
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception:
        _crashed()
        sys.exit(3)


def _crashed() -> None:
    """Within `except`: the bug's traceback to a crash log, and one line to the user."""
    log = None
    try:
        # Imported only now: a fault is rare, and every run would pay the imports.
        import traceback

        from projledger.crash_log import write_crash_log

        log = write_crash_log(traceback.format_exc(), os.environ)
    except Exception:
        pass  # whatever failed, the user still gets the one line
    if log is None:
        _error(text("error.internal_no_log", _Chosen.lang))
    else:
        _error(text("error.internal", _Chosen.lang, log=log))


class _PrintableStream:
    """A text stream that writes its text with control characters escaped, but for line
    breaks and tabs (see `render.safe_text`)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _error(message: str) -> None:
    # No stderr to tell (closed, or a broken pipe): the exit code says it.
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{text('error.prefix', _Chosen.lang)}{message}\n")
