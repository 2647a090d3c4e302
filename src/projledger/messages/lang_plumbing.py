"""Messages the lazily said errors are put together from (messages `Composed` and
`Joined`): the one "did you mean" hint of refs.py, model/unit_names.py and
changes/declare.py, and the parts of a list of candidates."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # A projects', items' or units' names, after the message saying none matched.
    "hint.did_you_mean": E("；是否指：{close}？", "; did you mean {close}?"),
    # A candidate with a remark after it: an item and its state, a project and its id.
    "list.remark": E("{text}（{remark}）", "{text} ({remark})"),
    "refs.project_line": E("{name}（{id}，{pool}）", "{name} ({id}, {pool})"),
    # A person still declared in a unit `unit retire` refuses to retire (declare.retire_refused).
    "declare.open_person": E("  人员 {name}", "  person {name}"),
    # `UnitNames.require` asked with no option to name (a report's unit argument).
    "unit_names.not_declared": E(
        "{written}：projledger.yaml 中没有声明这个单位",
        "{written!r} is not a unit declared in projledger.yaml",
    ),
}
