"""`setup`, `sync`, `resolve`, `merge-driver` and `server-hook`: many clones, one ledger.
The work is in `projledger.sync`; here it is run and reported."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from projledger.errors import ProjledgerError
from projledger.messages import Lang, msg, text

if TYPE_CHECKING:
    from projledger.check.run import CheckReport


def run_setup(root_path: Path, lang: Lang = "en") -> int:
    from projledger.root import LedgerRoot
    from projledger.sync.setup import set_up

    result = set_up(LedgerRoot(root_path))
    if result.commit:
        print(text("sync.setup_committed", lang, commit=result.commit[:8]))
    print(text("sync.set_up" if result.configured else "sync.already_set_up", lang))
    return 0


def run_sync(root_path: Path, cwd: Path, lang: Lang = "en") -> int:
    from projledger.root import LedgerRoot
    from projledger.sync.exchange import RemoteRefused, sync

    try:
        outcome = sync(LedgerRoot(root_path), cwd)
    except RemoteRefused as refused:
        for line in refused.details:
            sys.stderr.write(f"{line}\n")
        raise
    for note in outcome.notes:
        sys.stderr.write(f"{note}\n")
    remote = outcome.remote
    if outcome.report is not None:
        _print_findings(outcome.report, lang)
        if outcome.conflicted:
            files = "|".join(outcome.conflicted)
            raise ProjledgerError(
                msg("sync.conflicts", merged=outcome.merged, remote=remote, files=files)
            )
        raise ProjledgerError(msg("sync.check_failed", remote=remote))
    synced = text("sync.synced", lang, remote=remote, n=outcome.merged, pushed=outcome.pushed)
    if outcome.attempts > 1:
        synced += text("sync.after_tries", lang, attempts=outcome.attempts)
    if outcome.head:
        synced += text("sync.head", lang, commit=outcome.head[:8])
    print(synced)
    return 0


def _print_findings(report: "CheckReport", lang: Lang) -> None:
    """On stderr: the output of a push (and git's hook channel) is stderr."""
    from projledger.render.check_output import render_text

    render_text(report, sys.stderr, lang=lang)


def run_resolve(
    root_path: Path, target: str, field: str, take: Literal["ours", "theirs"], lang: Lang = "en"
) -> int:
    from projledger.commands.change import lock_wait
    from projledger.root import LedgerRoot
    from projledger.sync.resolve import resolve

    resolved = resolve(LedgerRoot(root_path), target, field, take, lock_wait())
    kept = text(f"sync.side.{take}", lang)
    if resolved.commit:
        done = text("sync.resolved_commit", lang, commit=resolved.commit[:8])
    else:
        done = text("sync.resolved_staged", lang)
    line = text("sync.resolved", lang, file=resolved.path.name, field=field, kept=kept, done=done)
    if resolved.left:
        line += text("sync.resolved_left", lang, n=resolved.left)
    print(line)
    return 0


def run_merge_driver(
    base: Path, ours: Path, theirs: Path, shown: str, renumber: str, lang: Lang = "en"
) -> int:
    """What git runs for a ledger file: the merge written over `ours`; 0 clean, 1 conflicts.
    A failure of the item merge falls back to git's line merge (never a lost side)."""
    from projledger.sync import gitcmd
    from projledger.sync.driver import merge_paths

    try:
        result = merge_paths(base, ours, theirs, "ours" if renumber == "ours" else "theirs")
    except Exception as exc:  # a bug must not lose theirs' side: git's merge instead
        lines = gitcmd.merge_file(ours, base, theirs)
        ours.write_text(lines.out, encoding="utf-8", errors="surrogateescape")
        line = text("sync.driver_fell_back", lang, file=shown, error=type(exc).__name__)
        sys.stderr.write(f"projledger: {line}\n")
        return 1 if lines.code else 0
    ours.write_text(result.text, encoding="utf-8", errors="surrogateescape")
    for old, new in result.renames.items():
        side = text("sync.side.ours" if renumber == "ours" else "sync.side.theirs", lang)
        line = text("sync.driver_renumbered", lang, file=shown, old=old, side=side, new=new)
        sys.stderr.write(f"projledger: {line}\n")
    for conflict in result.conflicts:
        line = text("sync.driver_conflict", lang, file=shown, field=conflict.field)
        sys.stderr.write(f"projledger: {line}\n")
    if result.text_conflicts:
        line = text("sync.driver_line_merge", lang, file=shown)
        sys.stderr.write(f"projledger: {line}\n")
    return 0 if result.clean else 1


def run_hook_install(repository: Path, force: bool, lang: Lang = "en") -> int:
    from projledger.sync.server_hook import install

    path = install(repository, lang, force=force)
    print(text("hook.installed", lang, path=path))
    return 0


def run_hook_script(lang: Lang = "en") -> int:
    from projledger.sync.server_hook import script

    sys.stdout.write(script(lang))
    return 0


def run_hook(git_dir: Path, lines: list[str], lang: Lang = "en") -> int:
    """The pre-receive hook, given git's `OLD NEW REF` lines: every finding on stderr (git
    shows it to the pusher), and exit 1, refusing the whole push, if any is an error."""
    from projledger.check.run import CheckReport
    from projledger.sync.receive import check_push

    results = check_push(git_dir, lines)
    refused = [result for result in results if result.refused]
    for result in results:
        if result.findings:
            report = CheckReport(result.findings, result.files, result.texts)
            span = {"old": result.old[:8], "new": result.new[:8]}
            header = text("hook.ref_header", lang, ref=result.ref, **span)
            sys.stderr.write(f"projledger: {header}\n")
            _print_findings(report, lang)
    if refused:
        names = "|".join(result.ref.removeprefix("refs/heads/") for result in refused)
        sys.stderr.write(f"projledger: {text('hook.refused', lang, branches=names)}\n")
        return 1
    return 0
