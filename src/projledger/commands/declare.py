"""Running the config commands (`unit`, `person`) and `fix`: one change of many files,
reported as the change commands report theirs."""

import sys
from collections.abc import Callable
from pathlib import Path

from projledger.changes import declare, fix
from projledger.changes.lock import RootBusyError
from projledger.changes.many_files import ManyOutcome, Planned, change_files
from projledger.changes.refusals import refuse_links
from projledger.changes.transaction import ChangeOptions
from projledger.commands.change import LOCK_WAIT, committed
from projledger.errors import ProjledgerError
from projledger.messages import Area, Lang
from projledger.root import LedgerRoot

say = Area("declare_run")
"""This module's messages (`messages/`), by the last part of their key."""


def ledger_language(root: LedgerRoot) -> Lang:
    """What the commit's subject is written in (what the user reads is in the run's)."""
    from projledger.ledger.config_cache import cached_config

    try:
        return cached_config(root).language
    except (ProjledgerError, OSError):
        return "zh"


def run_config_change(
    root_path: Path, change: declare.ConfigChange, opts: ChangeOptions, lang: Lang
) -> int:
    """`lang`: the run's (the CLI's `--lang`, else the ledger's), for what is printed."""
    root = LedgerRoot(root_path)
    refuse_links(root, root.config_file)

    def plan() -> Planned:
        planned = declare.plan(root, change, opts.today)
        if all(edit.old == edit.new for edit in planned.edits):
            raise ProjledgerError(say.msg("nothing_to_change"))
        planned.edits = [edit for edit in planned.edits if edit.old != edit.new]
        return planned

    return commit_plan(root, plan, opts, lang)


def run_fix(root_path: Path, files: list[Path], opts: ChangeOptions, lang: Lang) -> int:
    """`lang`: the run's, for what is printed; the commit's subject is in the ledger's."""
    root = LedgerRoot(root_path)
    refuse_links(root)
    paths = fix.ledger_files(root, files)

    def refuse_dirty(names: list[str]) -> ProjledgerError:
        return ProjledgerError(fix.say.msg("dirty", files="|".join(names), first=names[0]))

    planned_files: list[Path] = []

    def plan() -> Planned:
        planned = fix.plan(root, paths, ledger_language(root))
        planned_files.extend(e.path for e in planned.edits)
        return planned

    outcome = _run(
        root,
        lambda: change_files(
            root,
            plan,
            opts,
            judge_hand_edits=lambda paths: None,
            hand_edits_in_commit=True,
            refuse_dirty=refuse_dirty,
        ),
    )
    if not outcome.planned.edits:
        names = ", ".join(p.relative_to(root.path).as_posix() for p in paths)
        sys.stdout.write(say(lang, "nothing_to_fix", files=names) + "\n")
        return 0
    return _report(outcome, opts, lang)


def _run(root: LedgerRoot, go: Callable[[], ManyOutcome]) -> ManyOutcome:
    try:
        return go()
    except RootBusyError as busy:
        raise busy.waiting_longer(LOCK_WAIT) from None


def commit_plan(
    root: LedgerRoot, plan: Callable[[], Planned], opts: ChangeOptions, lang: Lang
) -> int:
    """A planned change of several files, refused over hand edits as the config commands
    refuse them, committed once and reported in `lang`."""
    outcome = _run(
        root,
        lambda: change_files(
            root,
            plan,
            opts,
            judge_hand_edits=declare.judge_hand_edits(root),
            refuse_dirty=declare.dirty_refusal,
        ),
    )
    return _report(outcome, opts, lang)


def _report(outcome: ManyOutcome, opts: ChangeOptions, lang: Lang) -> int:
    out = sys.stdout
    subject = outcome.planned.message().partition("\n")[0]
    if opts.dry_run:
        out.write(outcome.diff)
        out.write(say(lang, "dry_run", subject=subject) + "\n")
        return 0
    if outcome.hand_edits_commit:
        out.write(say(lang, "hand_edits", commit=outcome.hand_edits_commit[:8]) + "\n")
    if outcome.diff and outcome.planned.command == "fix":
        out.write(outcome.diff)
    if outcome.unchanged_in_git:
        names = ", ".join(p.name for p in outcome.unchanged_in_git)
        out.write(say(lang, "already_in_git", files=names) + "\n")
    if outcome.commit or not opts.commit:
        out.write(committed(subject, outcome.commit, lang) + "\n")
    return 0
