"""`list approvals`: the six approval procedures (审批手续) of every project as a matrix,
each cell the procedure's status, date and permit number, chosen with `list`'s filters
(`--project --unit --pool --level`) and by procedure and status. Read from the reports'
facts, so the files `check` fails are left out and named, as in every `list`."""

import json
import sys
from pathlib import Path

from projledger.commands.terminal import console
from projledger.commands.views import _choose, _Only, _units_resolved, _warn_invalid
from projledger.errors import ProjledgerError
from projledger.messages import Lang, msg
from projledger.model.enums import ApprovalStatus
from projledger.model.project import ApprovalKind
from projledger.render.approvals import NOT_RECORDED, matrix_row
from projledger.root import LedgerRoot

STATUSES = (*(s.value for s in ApprovalStatus), NOT_RECORDED)


def list_approvals(
    root_path: Path,
    at: str | None,
    as_json: bool,
    only: _Only,
    procedure: str | None,
    status: str | None,
    lang: Lang,
) -> int:
    from projledger.ledger.facts_cache import FACTS, ledger_at, load_view
    from projledger.render.approvals import print_matrix

    if procedure is not None and procedure not in ApprovalKind.ALL:
        raise ProjledgerError(
            msg(
                "approvals.unknown_procedure",
                procedure=procedure,
                procedures="、".join(ApprovalKind.ALL),
            )
        )
    if status is not None and status not in STATUSES:
        raise ProjledgerError(
            msg("approvals.unknown_status", status=status, statuses="、".join(STATUSES))
        )
    root = LedgerRoot(root_path)
    facts = load_view(root, FACTS) if at is None else ledger_at(root, at, FACTS.from_project)[0]
    _warn_invalid(facts.invalid, lang)
    only = _units_resolved(only, facts.config, root, lang)
    chosen = [p for p, _ in _choose(list(facts.projects.values()), "projects", only)]
    procedures = (procedure,) if procedure is not None else ApprovalKind.ALL
    rows = []
    for project in sorted(chosen, key=lambda p: p.id):
        cells = matrix_row(project, procedures)
        if status is not None and not any(cell.status == status for cell in cells):
            continue
        rows.append((project, cells))
    if as_json:
        payload = [
            {
                "project": p.id,
                "name": p.name,
                "approvals": {
                    name: cell.as_json() for name, cell in zip(procedures, cells, strict=True)
                },
            }
            for p, cells in rows
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print_matrix(console(), procedures, rows)
    return 0
