"""The help of the options declared once and shared by many commands (cli/options.py,
cli/changes.py, cli/history.py, cli/reports.py) in Chinese. Where the parameter's name
already has a generic entry with other English (`lang`, `output`, `no_cache`, `project`),
the entry is per command (`help.param.<command>.<name>`)."""

from projledger.messages.entry import Entry

E = Entry

_REPORTS = ("weekly", "monthly", "quarterly", "annual", "project", "unit")
_FILTERED = ("due", "overdue", *(f"report.{period}" for period in _REPORTS))

_OUTPUT = E(
    "写入该文件（原子写入），而非输出到终端。", "Write to this file (atomically) instead of stdout."
)
_LANG = E(
    "标签所用语言（默认：配置中的 `language`）。",
    "Language of labels (default: the config's `language`).",
)
_NO_CACHE = E(
    "重新解析每个版本，不使用历史缓存。", "Parse every version again; ignore the history cache."
)
_PROJECT = E("只列该项目（编号或前缀）。", "Only this project (id or prefix).")

ENTRIES: dict[str, Entry] = {
    "help.param.as_of": E(
        "报告日期：逾期、临期及各项比率均以该日计（默认：今天；过往期间取其最后一天）。"
        "台账中晚于该日记录的日期不计入。",
        "The report date: overdue, due soon and rates as of this day (default: today; for a "
        "past period, its last day). Dates the ledger records after it do not count.",
    ),
    "help.param.at": E(
        "按某次提交时或某日（YYYY-MM-DD）结束时的台账查看，而非工作区中的文件。",
        "The ledger as it was at a commit, or at the end of a day (YYYY-MM-DD), instead of "
        "the files in the work tree.",
    ),
    "help.param.date": E(
        "事项发生日期（默认：--today）。",
        "Date of the event (default: --today).",
    ),
    "help.param.raised": E(
        "事项发生日期（默认：--today）。",
        "Date of the event (default: --today).",
    ),
    "help.param.due": E(
        "办结时限：同时生成其时效清单条目。",
        "Due date: also creates its deadline (时效清单).",
    ),
    "help.param.no_auto_responsibility": E(
        "交办给项目责任清单中没有的单位或个人时予以拒绝，而不在同一提交中为其增列责任"
        "（责任单位，以该问题为其职责）。",
        "交办 to a unit or person the project's 责任清单 lacks: refuse, instead of adding its "
        "responsibility (责任单位, with the issue as its duty) in the same commit.",
    ),
    "help.param.force": E(
        "即使修改会引出 `check` 的警告（数值不合常理、无施工许可即开工、同名项目等），仍予记录。",
        "Record the change even if it brings in a warning of `check` (an implausible figure, "
        "开工 without 施工许可, a second project of the same name).",
    ),
    "help.param.template": E(
        "用于 --format docx：本单位自有的 .docx（或 .dotx）模板，含版头和样式；"
        "{{正文}} 标明报告插入位置（见 README）。",
        "For --format docx: the office's own .docx (or .dotx) with its letterhead and styles; "
        "{{正文}} marks where the report goes (see the README).",
    ),
    "help.param.roots": E(
        "台账根目录（含 projledger.yaml 的目录）；可重复指定，一次汇总多个台账（如市级汇总"
        "所辖各区）。默认：当前目录或其上级中最近的一个。",
        "Ledger root (the directory with projledger.yaml); repeat it to report over several "
        "ledgers at once (a roll-up, e.g. a city over its districts). Default: the nearest "
        "one at or above the current directory.",
    ),
    "help.param.unit": E("只列该单位的（可重复指定）。", "Only this unit's (repeatable)."),
    "help.param.leader": E("只列该包抓领导负责的项目。", "Only projects this 包抓领导 leads."),
    "help.param.by": E(
        "按单位、领导、项目或级别分组。", "Group by unit, leader, project or level."
    ),
    "help.param.fail_on": E(
        "供 CI 使用：有符合筛选条件的事项逾期（overdue），或逾期、临期（due-soon）时，退出码为 1。",
        "For CI: exit 1 when an item matching the filters is overdue (overdue), or overdue "
        "or due soon (due-soon).",
    ),
    "help.param.level": E("省级、市级或区级（可重复指定）。", "省级, 市级 or 区级 (repeatable)."),
    "help.param.output_format": E("输出格式。", "Output format."),
    "help.param.start": E("自定义期间的第一天。", "First day of a custom period."),
    "help.param.end": E("自定义期间的最后一天。", "Last day of a custom period."),
    **{f"help.param.{command}.output": _OUTPUT for command in _FILTERED},
    **{f"help.param.{command}.lang": _LANG for command in _FILTERED},
    **{f"help.param.{command}.no_cache": _NO_CACHE for command in ("changes", "history")},
    **{f"help.param.{command}.project": _PROJECT for command in ("due", "overdue")},
}
