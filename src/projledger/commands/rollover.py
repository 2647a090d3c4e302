"""Running `rollover` (changes/rollover.py): one change of many files, one commit,
reported as the config commands report theirs."""

from pathlib import Path

from projledger.changes.many_files import Planned
from projledger.changes.refusals import refuse_links
from projledger.changes.rollover import plan_rollover, read_plans
from projledger.changes.transaction import ChangeOptions
from projledger.commands.declare import commit_plan
from projledger.messages import Lang
from projledger.root import LedgerRoot


def run_rollover(
    root_path: Path,
    year: int,
    plans_file: Path | None,
    pairs: list[str],
    opts: ChangeOptions,
    lang: Lang = "en",
) -> int:
    """`lang`: the run's, for what is printed (the commit's subject is the ledger's)."""
    root = LedgerRoot(root_path)
    refuse_links(root)
    plans = read_plans(plans_file, pairs)

    def plan() -> Planned:
        return plan_rollover(root, year, plans, opts.today)

    return commit_plan(root, plan, opts, lang)
