"""Running `rollover` (changes/rollover.py): one change of many files, one commit,
reported as the config commands report theirs."""

from pathlib import Path

from projledger.changes.many_files import Planned
from projledger.changes.refusals import refuse_links
from projledger.changes.rollover import plan_rollover, read_plans
from projledger.changes.transaction import ChangeOptions
from projledger.commands.declare import commit_plan, ledger_language
from projledger.root import LedgerRoot


def run_rollover(
    root_path: Path, year: int, plans_file: Path | None, pairs: list[str], opts: ChangeOptions
) -> int:
    root = LedgerRoot(root_path)
    lang = ledger_language(root)
    refuse_links(root)
    plans = read_plans(plans_file, pairs)

    def plan() -> Planned:
        return plan_rollover(root, year, plans, opts.today)

    return commit_plan(root, plan, opts, lang)
