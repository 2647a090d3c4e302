"""What `check --verbose` and `schema` print, the errors of reading the config or a project
file for a command (ledger/load.py), a date cell that is no Excel date, and what
`--install-completion` did."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "check.slow_read": E(
        "{file}：由精确 YAML 读取器读取（{reason}），用时 {ms} 毫秒",
        "{file}: read by the exact YAML reader ({reason}), {ms} ms",
    ),
    "check.slow_reads": E(
        "本次有 {n} 个文件需由精确 YAML 读取器读取（共 {seconds} 秒）；自上次缓存检查以来未改动的"
        "文件不再读取",
        "{n} file(s) needed the exact YAML reader this run ({seconds} s); files unchanged "
        "since a cached check are not read again",
    ),
    "exact_reason.construct": E("第 {line} 行有{what!t}", "{what!t} at line {line}"),
    "exact_reason.asked": E("需要定位行列", "asked for positions"),
    "exact_reason.refused": E("快速读取器无法读取", "the fast reader refused it"),
    "term.exact.document_marker": E("文档分隔符或指令", "a document marker or directive"),
    "term.exact.node_property": E("锚点、别名或标签", "an anchor, alias or tag"),
    "term.exact.flow_block_indicator": E(
        "[ ] 或 { } 中的块标量标记", "a block scalar indicator in [ ] or { }"
    ),
    "term.exact.long_number": E("超长数字", "a number of more than 4300 digits"),
    "term.exact.merge_key": E("合并键（<<）", "a merge key"),
    "term.exact.date_with_time": E("带时刻的日期", "a date with a time of day"),
    "term.exact.quoted_date": E(
        "加引号的日期（形似日期的文字）", "a quoted date (text that looks like a date)"
    ),
    "term.exact.date_that_does_not_exist": E("不存在的日期", "a date that does not exist"),
    "term.exact.number_typed_differently": E(
        "两种读取器理解不同的数字或时刻写法",
        "a number or time in a form the readers type differently",
    ),
    "schema.stale": E(
        "{path}：已过期；请运行 `projledger schema` 重新生成",
        "{path}: out of date; run `projledger schema` to regenerate",
    ),
    "schema.all_current": E("schema 均为最新", "schemas are up to date"),
    "schema.wrote": E("已写入 {path}", "wrote {path}"),
    "schema.current": E("{directory}：已是最新", "{directory}: up to date"),
    "load.unreadable": E("{file}：无法读取（{reason}）", "{file}: cannot read it ({reason})"),
    "load.config_invalid": E(
        "{file} 未通过检查；请运行 `projledger check` 查看并修正",
        "{file} is invalid; run `projledger check` and fix it",
    ),
    "load.config_first_error": E(
        "配置文件有误，命令无法执行：{place}: {code} {finding}（运行 `projledger check` "
        "可列出全部问题）",
        "the config is invalid, so the command cannot run: {place}: {code} {finding} (run "
        "`projledger check` for every problem)",
    ),
    "load.not_a_project": E(
        "{file} 无法作为项目台账读取；请运行 `projledger check {file}` 查看原因",
        "{file} could not be read as a project; run `projledger check {file}` for why",
    ),
    "date.not_a_serial": E(
        "{serial} 不是 Excel 日期序号（应在 1 至 {last} 之间）；请在单元格中写日期，如 2026-12-10",
        "{serial} is not an Excel date serial (1 to {last}); write a date in the cell, such "
        "as 2026-12-10",
    ),
    "usage.completion_installed": E(
        "已为 {shell} 安装命令补全：{path}\n重新打开终端后生效",
        "{shell} completion installed in {path}\nCompletion will take effect once you restart "
        "the terminal",
    ),
    "refs.unread_files": E(
        "（另有 {n} 个项目文件无法读取或未通过检查，如 {files!l}，其中的项目不能按名称查找；"
        "请运行 `projledger check`）",
        " ({n} project files have errors (unreadable or failing check), such as {files!l}, "
        "so their projects cannot be found by name; run `projledger check`)",
    ),
    "report.project_left_out": E(
        "项目 {id} 的文件有错误（无法读取或未通过 `projledger check`），报告已略去；请运行 "
        "`projledger check projects/{id}.yaml` 查看并修正",
        "the file of project {id} has errors (unreadable or failing `projledger check`), so "
        "reports leave it out; run `projledger check projects/{id}.yaml` and fix it",
    ),
}
