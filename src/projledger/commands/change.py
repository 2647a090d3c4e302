"""Running a change command: resolve the project, transact, report what happened."""

import datetime as dt
import math
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from projledger.changes.lock import WAIT_SECONDS, RootBusyError
from projledger.changes.refusals import refuse_links
from projledger.changes.transaction import (
    ChangeOptions,
    change_project,
    create_project,
    one_line,
)
from projledger.errors import UsageError
from projledger.gitrepo import Identity
from projledger.ledger.names import find_project
from projledger.messages import Lang, msg, text
from projledger.root import LedgerRoot
from projledger.safe_text import printable


def options(
    today: dt.date | None,
    author: str | None,
    dry_run: bool,
    no_commit: bool,
    commit_hand_edits: bool,
    event_day: dt.date | None = None,
    lang: Lang = "en",
) -> ChangeOptions:
    """The CLI is where the clock, randomness and the environment come in; the core only
    gets values. `event_day`: the command's `--date`, the day the commit is authored on;
    `lang`: the run's, for what the change tells on the way (notes)."""
    return ChangeOptions(
        today=today or dt.date.today(),
        event_day=event_day,
        random_bits=secrets.randbits,
        author=Identity.parse(author) if author else None,
        dry_run=dry_run,
        commit=not no_commit,
        commit_hand_edits=commit_hand_edits,
        ask=_prompt if sys.stdin.isatty() and sys.stdout.isatty() else None,
        lock_wait=lock_wait(),
        notify=lambda note: _note(note, lang),
        lang=lang,
    )


def _note(note: str, lang: Lang) -> None:
    sys.stderr.write(f"{text('note.prefix', lang)}{note}\n")


LOCK_WAIT = "PROJLEDGER_LOCK_WAIT"


def lock_wait() -> float:
    """Seconds to wait for a busy root: $PROJLEDGER_LOCK_WAIT, else the lock's default. An
    environment variable rather than an option, so a script or a CI job sets it once for
    every command it runs."""
    written = os.environ.get(LOCK_WAIT, "").strip()
    if not written:  # `PROJLEDGER_LOCK_WAIT= projledger ...` means the default, as unset
        return WAIT_SECONDS
    try:
        seconds = float(written)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise UsageError(msg("change.lock_wait", name=LOCK_WAIT, value=repr(written)))
    return seconds


def _prompt(question: str) -> str:
    import typer

    answer: str = typer.prompt(question, default="", show_default=False)
    return answer


def run(
    root_path: Path,
    project: str,
    edit: Any,
    opts: ChangeOptions,
    *,
    create: bool = False,
    lang: Lang = "en",
) -> int:
    root = LedgerRoot(root_path)
    try:
        refuse_links(root)  # before projects/ is listed to find the project
        if create:
            outcome = create_project(root, project, edit, opts)
        else:
            outcome = change_project(root, find_project(root, project), edit, opts)
    except RootBusyError as busy:
        raise busy.waiting_longer(LOCK_WAIT) from None
    out = sys.stdout
    if opts.dry_run:
        out.write(outcome.diff)
        summary = printable(one_line(outcome.change.summary))
        out.write(text("declare_run.dry_run", lang, subject=summary) + "\n")
        return 0
    if outcome.hand_edits_commit:
        out.write(text("declare_run.hand_edits", lang, commit=outcome.hand_edits_commit[:8]) + "\n")
    # The subject quotes the file's own text, which a hand edit may have given an ESC.
    out.write(committed(printable(outcome.change.subject), outcome.commit, lang) + "\n")
    return 0


def committed(subject: str, commit: str | None, lang: Lang) -> str:
    """A change's last line: its subject (in the ledger's language: it is the commit's)
    and the commit, or that it was not committed, in the run's."""
    if commit:
        return text("declare_run.committed", lang, subject=subject, commit=commit[:8])
    return text("declare_run.subject_not_committed", lang, subject=subject)
