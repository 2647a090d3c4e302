"""Written by `projledger.cli_lazy.write_index`: what the top-level help lists."""

from projledger.cli_lazy import Index

INDEX: Index = [
    (
        "check",
        "Check ledger files: YAML, schema and rules. Exit 1 when any error is found.",
        None,
        None,
    ),
    ("schema", "Write the JSON Schemas of ledger files, generated from the models.", None, None),
    (
        "advance",
        "Advance an issue or task to its next state, or the project's stage, pool or an approval.",
        None,
        None,
    ),
    (
        "return",
        "Return (退回) an issue awaiting verification to 办理中, with the reason.",
        None,
        None,
    ),
    ("withdraw", "Withdraw (撤销) an open issue, with the reason.", None, None),
    (
        "retire",
        "Retire a project from the pool (退库), with the reason and the reviewer.",
        None,
        None,
    ),
    ("extend", "Extend a deadline (延期): the old date stays in the record.", None, None),
    ("set", "Set one field of a project's record or of an item.", None, None),
    (
        "log",
        'Add a progress note to an issue (`log PROJECT ISSUE "NOTE"`), or list the changes of\n    a period (`log --since D --until D [--unit U] [PROJECT]`), hand edits included.',
        None,
        None,
    ),
    ("new", "Create a project's ledger file (one project, one file).", None, None),
    (
        "init",
        "Create a ledger root: config, schemas, projects/, and a first commit (git init if needed).",
        None,
        None,
    ),
    ("show", "Show a project's record and four lists, or one item.", None, None),
    (
        "list",
        "List projects, or issues, tasks or deadlines across projects, with filters.",
        None,
        None,
    ),
    (
        "history",
        "The timeline of a project or one of its items: each field changed, old → new, by\n    whom, when, in which commit, hand edits included.",
        None,
        None,
    ),
    (
        "audit",
        "Check how the ledger changed in a range of commits: nothing deleted, ids never\n    reused, closed issues untouched, due dates kept (extensions appended). Exit 1 on errors.",
        None,
        None,
    ),
    (
        "overdue",
        "Every overdue deadline (逾期): what, whose, since when, extensions so far.",
        None,
        None,
    ),
    (
        "due",
        "Deadlines not yet done and due within N days (临期), the report date included.",
        None,
        None,
    ),
    (
        "add",
        "Add an item to one of a project's four lists.",
        None,
        [
            (
                "issue",
                "Register an issue (问题清单); with --unit, --person and --due it is assigned at once.",
                None,
            ),
            ("task", "Add a task (任务清单); with --due also its deadline.", None),
            (
                "responsibility",
                "Add a responsibility (责任清单): a unit or person in a role, with duties.",
                None,
            ),
            (
                "deadline",
                "Add a deadline (时效清单) for an issue, task, approval or milestone.",
                None,
            ),
        ],
    ),
    (
        "report",
        "Reports: the weekly dispatch (周调度), monthly bulletin (月通报), quarterly ranking (季督查排名), a project's card, a unit's items.",
        None,
        [
            (
                "weekly",
                "The weekly dispatch report (周调度): figures, breakdowns, ranking, lights, the\n    week's issue flow from git history, and next week's due items.",
                None,
            ),
            (
                "monthly",
                "The monthly bulletin (月通报): the weekly report's sections over a month.",
                None,
            ),
            (
                "quarterly",
                "The quarterly inspection ranking (季督查排名): units and localities ranked.",
                None,
            ),
            (
                "project",
                "One project's card: record, four lists with their deadlines, lights, recent history.",
                None,
            ),
            (
                "unit",
                "Everything a unit answers for: responsibilities, issues, tasks and their deadlines.",
                None,
            ),
        ],
    ),
]
