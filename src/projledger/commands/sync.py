"""`setup`, `sync`, `resolve`, `merge-driver` and `server-hook`: many clones, one ledger.
The work is in `projledger.sync`; here it is run and reported."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from projledger.errors import ProjledgerError

if TYPE_CHECKING:
    from projledger.check.run import CheckReport


def run_setup(root_path: Path) -> int:
    from projledger.root import LedgerRoot
    from projledger.sync.setup import set_up

    result = set_up(LedgerRoot(root_path))
    if result.commit:
        print(f"added the merge driver to .gitattributes (commit {result.commit[:8]})")
    print(
        "this clone merges ledger files item by item"
        + (" (merge driver configured)" if result.configured else " (already set up)")
    )
    return 0


def run_sync(root_path: Path, cwd: Path) -> int:
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
        _print_findings(outcome.report)
        if outcome.conflicted:
            raise ProjledgerError(
                f"merged {outcome.merged} commit(s) from {remote}, but both sides changed the "
                f"same fields in {', '.join(outcome.conflicted)}; settle each with the "
                "command named above, then run `projledger sync` again (nothing was pushed)"
            )
        raise ProjledgerError(
            f"nothing was pushed: `check` finds errors in what {remote} would receive "
            "(above); fix them with new commits, then run `projledger sync` again"
        )
    print(
        f"synced with {remote}: {outcome.merged} commit(s) in, {outcome.pushed} out"
        + (f", after {outcome.attempts} tries" if outcome.attempts > 1 else "")
        + (f" (HEAD {outcome.head[:8]})" if outcome.head else "")
    )
    return 0


def _print_findings(report: "CheckReport") -> None:
    """On stderr: the output of a push (and git's hook channel) is stderr."""
    from projledger.render.check_output import render_text

    render_text(report, sys.stderr)


def run_resolve(root_path: Path, target: str, field: str, take: Literal["ours", "theirs"]) -> int:
    from projledger.commands.change import lock_wait
    from projledger.root import LedgerRoot
    from projledger.sync.resolve import resolve

    resolved = resolve(LedgerRoot(root_path), target, field, take, lock_wait())
    kept = "theirs'" if take == "theirs" else "ours'"
    done = f"commit {resolved.commit[:8]}" if resolved.commit else "staged for the merge's commit"
    left = f"; {resolved.left} more recorded in the file" if resolved.left else ""
    print(f"{resolved.path.name}: {field} settled with {kept} value ({done}){left}")
    return 0


def run_merge_driver(base: Path, ours: Path, theirs: Path, shown: str, renumber: str) -> int:
    """What git runs for a ledger file: the merge written over `ours`; 0 clean, 1 conflicts.
    A failure of the item merge falls back to git's line merge (never a lost side)."""
    from projledger.sync import gitcmd
    from projledger.sync.driver import merge_paths

    try:
        result = merge_paths(base, ours, theirs, "ours" if renumber == "ours" else "theirs")
    except Exception as exc:  # a bug must not lose theirs' side: git's merge instead
        lines = gitcmd.merge_file(ours, base, theirs)
        ours.write_text(lines.out, encoding="utf-8", errors="surrogateescape")
        sys.stderr.write(f"projledger: {shown}: merged line by line ({type(exc).__name__})\n")
        return 1 if lines.code else 0
    ours.write_text(result.text, encoding="utf-8", errors="surrogateescape")
    for old, new in result.renames.items():
        side = "ours" if renumber == "ours" else "theirs"
        sys.stderr.write(
            f"projledger: {shown}: both sides added {old} for different items; {side} is "
            f"now {new}\n"
        )
    for conflict in result.conflicts:
        sys.stderr.write(
            f"projledger: {shown}: both sides changed {conflict.field}; ours kept, the "
            "conflict recorded (PL019: `projledger check` names the command that settles it)\n"
        )
    if result.text_conflicts:
        sys.stderr.write(f"projledger: {shown}: not clean ledger YAML, merged line by line\n")
    return 0 if result.clean else 1


def run_hook_install(repository: Path, force: bool) -> int:
    from projledger.sync.server_hook import install

    path = install(repository, force=force)
    print(f"installed {path}: pushes to this repository now pass `audit` and `check`")
    return 0


def run_hook_script() -> int:
    from projledger.sync.server_hook import script

    sys.stdout.write(script())
    return 0


def run_hook(git_dir: Path) -> int:
    """The pre-receive hook: every finding on stderr (git shows it to the pusher), and
    exit 1, refusing the whole push, if any is an error."""
    from projledger.check.run import CheckReport
    from projledger.sync.receive import check_push

    results = check_push(git_dir, sys.stdin.read().splitlines())
    refused = [result for result in results if result.refused]
    for result in results:
        if result.findings:
            report = CheckReport(result.findings, result.files, result.texts)
            sys.stderr.write(f"projledger: {result.ref} ({result.old[:8]}..{result.new[:8]}):\n")
            _print_findings(report)
    if refused:
        names = ", ".join(result.ref.removeprefix("refs/heads/") for result in refused)
        sys.stderr.write(
            f"projledger: push refused: the findings above break the ledger's rules on "
            f"{names}; fix them with new commits (never rewrite history), then push again\n"
        )
        return 1
    return 0
