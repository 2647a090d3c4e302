"""Messages of finding projects, items and units by what a user types (refs.py,
model/unit_names.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- Projects and items (refs.py) ------------------------------------------------
    "refs.no_project": E("台账中没有项目「{typed}」", "no project {typed!r} in this ledger root"),
    "refs.see_list": E(
        "；`projledger list` 列出全部项目", "; `projledger list` shows the projects"
    ),
    "refs.ambiguous_project": E(
        "「{typed}」可指多个项目：{listed}；请多写几个字",
        "{typed!r} is ambiguous: {listed}; type more of the project id",
    ),
    "refs.ambiguous_named": E(
        "「{typed}」可指多个项目：{listed}；请写出更多的名称或编号",
        "{typed!r} is ambiguous: {listed}; type more of the project's name or id",
    ),
    "refs.more": E("；另有 {n} 个", "; and {n} more"),
    "refs.no_item": E(
        "项目 {project} 中没有{what}「{typed}」；`projledger show {project}` 列出其全部事项",
        "no {what} {typed!r} in project {project}; `projledger show {project}` lists its items",
    ),
    "refs.ambiguous_item": E(
        "「{typed}」在项目 {project} 中可指：{listed}；请写出更多的编号或标题",
        "{typed!r} is ambiguous in project {project}: {listed}; type more of the id or title",
    ),
    "refs.what.item": E("事项", "item"),
    "refs.what.issues": E("问题", "issue"),
    "refs.what.tasks": E("任务", "task"),
    "refs.what.responsibilities": E("责任", "responsibility"),
    "refs.what.deadlines": E("时效", "deadline"),
    "refs.what.or": E("或", " or "),
    # --- Units by any of their names (model/unit_names.py) ---------------------------
    "unit_names.unknown_unit": E(
        "{option} {written}：projledger.yaml 中没有声明这个单位",
        "{option} {written!r} is not a unit declared in projledger.yaml",
    ),
    "unit_names.declare": E(
        "；先在 projledger.yaml 中声明（`units`）",
        "; declare it in projledger.yaml first (`units`)",
    ),
}
