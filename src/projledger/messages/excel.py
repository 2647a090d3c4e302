"""Messages of the Excel import and export (excel/, cli/excel.py): errors about files,
sheets, headers, rows and values, the import's plan and summary, the failed rows."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- A cell's value (excel/values.py, excel/rows.py) --------------------------------
    "excel.cell.not_amount": E("「{value}」不是金额", "{value!r} is not an amount"),
    "excel.cell.no_amount": E("未填金额", "no amount"),
    "excel.cell.negative": E(
        "{value} 为负数；金额应大于或等于 0", "{value} is negative; an amount is 0 or more"
    ),
    "excel.cell.no_date": E("未填日期", "no date"),
    "excel.cell.not_date": E("「{value}」不是日期", "{value!r} is not a date"),
    "excel.cell.january_or_october": E(
        "「{value}」既可读作1月，也可能是键入 2026.10 时的10月；请写作 2026年1月 或 2026年10月",
        "{value!r} reads as January or (typed 2026.10) October; write it as 2026年1月 or "
        "2026年10月",
    ),
    "excel.cell.not_level": E(
        "「{value}」不是省级、市级或区级", "{value!r} is not 省级, 市级 or 区级"
    ),
    "excel.cell.not_one_of": E(
        "「{value}」不是{allowed}之一（可在映射文件 values: 中对应）",
        "{value!r} is not one of {allowed} (map it in --mapping values:)",
    ),
    "excel.cell.not_stage": E(
        "「{value}」不是 projledger.yaml 中的阶段（{stages}）；"
        "可在映射文件中对应（values: stage:）",
        "{value!r} is not a stage of projledger.yaml ({stages}); map it in a mapping file "
        "(values: stage:)",
    ),
    "excel.cell.not_code": E(
        "「{value}」不是项目代码（24位，如 2024-370116-31-03-015821）",
        "{value!r} is not a national project code (24 characters: 2024-370116-31-03-015821)",
    ),
    "excel.cell.not_number": E("「{value}」不是数字", "{value!r} is not a number"),
    "excel.cell.not_whole": E("「{value}」不是整数", "{value!r} is not a whole number"),
    "excel.cell.not_numbers": E(
        "「{value}」不是数字列表（如 1,2,3）", "{value!r} is not a list of numbers (1,2,3)"
    ),
    # --- A row of a 台账 (excel/rows.py) ------------------------------------------------
    "excel.row.cell": E("{label}：{error}", "{label}: {error}"),
    "excel.row.merged_fields": E(
        "单元格 {cells} 跨不同字段的列合并；请取消合并",
        "cells {cells} are merged across columns of different fields; unmerge them",
    ),
    "excel.row.no_name": E("未填{label}（项目名称）", "no {label} (项目名称)"),
    "excel.row.leaders": E(
        "{label}：{names}：每个项目只有一名包抓领导",
        "{label}: {names}: a project has exactly one 包抓领导",
    ),
    "excel.row.disagree": E(
        "{field!f}：本行为 {value}，同一项目第 {row} 行为 {known}",
        "{field!f}: {value} here, {known} in row {row} of the same project",
    ),
    "excel.row.entries": E(
        "{label}：{n} 项对应 {count} 个问题；请填一项通用于全部问题，或按问题编号逐项填写",
        "{label}: {n} entries for {count} problem(s); give one for all, or one per problem "
        "numbered as the problems are",
        "{label}: {n} entry for {count} problem(s); give one for all, or one per problem "
        "numbered as the problems are",
    ),
    # --- Rows that fail (excel/plan.py, excel/import_sheet.py, excel/build.py) ----------
    "excel.same_project": E(
        "同一项目未能导入（见工作表 {sheet} 第 {row} 行）：{reason}",
        "the same project could not be imported (see sheet {sheet}, row {row}): {reason}",
    ),
    "excel.plan.failed_with": E(
        "    同一项目的其余 {n} 行一并未导入（工作表 {sheets}），原因同上",
        "    with it, the project's other {n} rows were not imported (sheets {sheets})",
        "    with it, the project's other {n} row was not imported (sheet {sheets})",
    ),
    "excel.more_rows": E("等，另有 {n} 行", "and {n} more"),
    "excel.rows_of": E("{what}（第 {rows} 行）", "{what} (rows {rows})"),
    "excel.row_of": E("{what}（第 {rows} 行）", "{what} (row {rows})"),
    "excel.fail.name_twice": E(
        "项目名称“{name}”对应 {n} 个项目（{ids}）；请填写项目代码或项目编号",
        "项目名称 {name} names {n} projects ({ids}); add its 项目代码 or 项目编号",
    ),
    "excel.fail.code_differs": E(
        "项目代码 {code} 与台账中项目 {id} 的项目代码 {had} 不一致",
        "项目代码 {code} differs from the ledger's {had} for {id}",
    ),
    "excel.fail.not_id": E(
        "项目编号「{id}」不是有效编号（小写拼音、数字和连字符）",
        "项目编号 {id!r} is not a project id (lower-case pinyin, digits and hyphens)",
    ),
    "excel.fail.empty": E(
        "新建项目须填写{fields}：该单元格为空（或用 --default 给出）",
        "a new project needs {fields}: the cell is empty (or give --default)",
    ),
    "excel.fail.check": E(
        "导入后项目无法通过检查：{errors}", "the project would not pass check: {errors}"
    ),
    "excel.fail.more": E("（另有 {n} 处）", " (and {n} more)"),
    "excel.fail.code_taken": E(
        "项目代码 {code} 已属于项目 {id}（PL301）", "项目代码 {code} is {id}'s already (PL301)"
    ),
    "excel.fail.due_changed": E(
        "{target} 的时限在台账中为 {had}，表中为 {due}；变更时限须办理延期："
        "`projledger extend 项目 {id} --to {due} --reason … --approver …`",
        "time limit of {target} is {had} in the ledger and {due} in the sheet; a new date "
        "is an extension: `projledger extend PROJECT {id} --to {due} --reason … --approver …`",
    ),
    "excel.fail.not_a_project_id": E(
        "项目编号「{id}」不是有效编号", "项目编号 {id!r} is no project id"
    ),
    "excel.fail.no_project": E(
        "{id}：“项目台账”表中没有该项目的行，台账中也没有该项目",
        "{id}: no row in 项目台账, and no such project in the ledger",
    ),
    "excel.fail.due_edited": E(
        "{id}：时效的时限不得改动（{had} → {due}）；请办理延期：`projledger extend {project} "
        "{id} --to {due} --reason … --approver …`",
        "{id}: a deadline's due date never changes ({had} → {due}); extend it: "
        "`projledger extend {project} {id} --to {due} --reason … --approver …`",
    ),
    "excel.fail.extension_edited": E(
        "{id}：此前批准的延期被修改或删除",
        "{id}: an extension granted before was edited or removed",
    ),
    "excel.fail.cell": E("{where}，{label}：{error}", "{where}, {label}: {error}"),
    # --- The whole sheet or workbook (excel/import_sheet.py, excel/plan.py) ------------
    "excel.no_such_sheet": E(
        "{file} 中没有工作表「{sheet}」；其工作表为：{sheets}",
        "{file} has no sheet {sheet!r}; its sheets: {sheets}",
    ),
    "excel.sheet_empty": E("{file}：工作表 {sheet} 为空", "{file}: sheet {sheet} is empty"),
    "excel.sheets_empty": E("{file}：所有工作表均为空", "{file}: every sheet is empty"),
    "excel.no_header.sheet": E(
        "{file}，工作表 {sheet}：未找到表头（前 30 行中没有含“项目名称”等可识别列名的行）；"
        "请补上表头，或用映射文件说明表格结构（--mapping，见 README 中导入导出一节）",
        "{file}, sheet {sheet}: no header row found (no row in the first 30 names 项目名称 "
        "and other columns projledger knows); add the header, or describe the layout in a "
        "mapping file (--mapping, README: Excel in and out)",
    ),
    "excel.no_header": E(
        "{file}：未找到表头（各工作表前 30 行中都没有含“项目名称”等可识别列名的行）；"
        "请补上表头，或用映射文件说明表格结构（--mapping，见 README 中导入导出一节）",
        "{file}: no header row found (no row in the first 30 names 项目名称 and other "
        "columns projledger knows); add the header, or describe the layout in a mapping "
        "file (--mapping, README: Excel in and out)",
    ),
    "excel.block_merge": E(
        "{file}，工作表 {sheet}，单元格 {cells}：数据区跨多行多列合并，无法完整读取任何一行；"
        "请取消合并后重新导入",
        "{file}, sheet {sheet}, cells {cells}: merged across several rows and columns of "
        "the data, so no row can be read whole; unmerge them and import again",
    ),
    "excel.no_column_for": E(
        "已拒绝：新建项目所需字段在表中没有对应列：{listed}；请用 --default 键=值 给出"
        "（如 --default level=区级 --default stage=前期研究），或补上这些列",
        "refused: new projects need fields the sheet has no column for: {listed}; give "
        "them with --default KEY=VALUE (e.g. --default level=区级 --default stage=前期研究) "
        "or add the columns",
    ),
    "excel.unknown.units": E(
        "表中有 projledger.yaml 未声明的单位：{listed}；{how}",
        "the sheet names units projledger.yaml does not declare: {listed}; {how}",
    ),
    "excel.unknown.people": E(
        "表中有 projledger.yaml 未声明的人员：{listed}；{how}",
        "the sheet names people projledger.yaml does not declare: {listed}; {how}",
    ),
    "excel.unknown.leaders": E(
        "表中有 projledger.yaml 未声明的包抓领导：{listed}；{how}",
        "the sheet names 包抓领导 projledger.yaml does not declare: {listed}; {how}",
    ),
    "excel.unknown.how.declare": E(
        "请在 projledger.yaml 中声明（表中单位的其他写法可声明为其简称 `short`），"
        "或加 --declare 在本次导入的提交中一并声明",
        "declare them in projledger.yaml (a sheet's own way of writing a unit as its "
        "`short`), or pass --declare to declare them in the import's commit",
    ),
    "excel.unknown.how.leader_unit": E(
        "请在 projledger.yaml 中声明，或指明其所在单位以便一并声明：--default leader_unit=区政府",
        "declare them in projledger.yaml, or give the unit to declare them under: "
        "--default leader_unit=区政府",
    ),
    "excel.unknown.how.homeless": E(
        "表中没有其责任单位，无法一并声明；请在 projledger.yaml 中声明",
        "they have no 责任单位 in the sheet to be declared under; declare them in projledger.yaml",
    ),
    "excel.no_leader_unit": E(
        "--default leader_unit={unit}：没有声明这个单位",
        "--default leader_unit={unit}: no such unit is declared",
    ),
    "excel.default_day": E(
        "--default {field}={value}：{error}", "--default {field}={value}: {error}"
    ),
    # --- Notes of the plan (excel/import_sheet.py) ---------------------------------------
    "excel.note.stages": E(
        "{label} 列只含阶段：按“项目阶段”（stage）读取",
        "column {label} holds stages only: read as 项目阶段 (stage)",
    ),
    "excel.note.ignored": E(
        "未导入的列（台账中没有对应字段；可用 --mapping 对应）：{columns}",
        "columns not imported (no ledger field; map them with --mapping): {columns}",
    ),
    "excel.note.computed": E(
        "只读不导入的列（由 projledger 编号或计算）：{columns}",
        "columns read for nothing (projledger numbers and computes them): {columns}",
    ),
    "excel.note.year": E(
        "表标题中没有年份：按 {year} 年处理（可用 --year 指定）",
        "the sheet's title names no year: {year} assumed (--year to say)",
    ),
    # --- The plan and the summary (excel/run_import.py) ----------------------------------
    "excel.plan.note": E("提示：{note}", "note: {note}"),
    "excel.plan.declare_unit": E("+ 声明单位 {unit}", "+ declare unit {unit}"),
    "excel.plan.declare_person": E(
        "+ 声明人员 {name}（{unit}）", "+ declare person {name} ({unit})"
    ),
    "excel.plan.new": E("新建", "new"),
    "excel.plan.changed": E("变更", "changed"),
    "excel.plan.unchanged": E("无变化", "no change"),
    "excel.plan.project": E(
        "{mark} {id}  {name}  （{what}；{rows}）", "{mark} {id}  {name}  ({what}; {rows})"
    ),
    "excel.plan.failed": E(
        "✗ {file}，工作表 {sheet}，第 {row} 行：{reason}",
        "✗ {file}, sheet {sheet}, row {row}: {reason}",
    ),
    "excel.rows.none": E("无行", "no rows"),
    "excel.rows.one": E("第 {row} 行", "row {row}"),
    "excel.rows.range": E("第 {first}-{last} 行", "rows {first}-{last}"),
    "excel.rows.list": E("第 {rows} 行", "rows {rows}"),
    "excel.summary": E(
        "汇总：{imported} 行导入 {projects} 个项目（新建 {new} 个，变更 {changed} 个，"
        "无变化 {unchanged} 个）；{failed} 行未导入",
        "summary: {imported} row(s) imported into {projects} project(s) ({new} new, "
        "{changed} changed, {unchanged} unchanged); {failed} failed",
    ),
    "excel.summary.skipped": E("；跳过：{skipped}", "; skipped: {skipped}"),
    "excel.skipped.subtotal": E("小计行 {n} 行", "{n} subtotal"),
    "excel.skipped.section": E("分组标题行 {n} 行", "{n} section heading"),
    "excel.skipped.blank": E("空行 {n} 行", "{n} blank"),
    "excel.dry_run": E("试运行：未写入任何文件", "dry run: nothing written"),
    "excel.committed": E("已提交 {commit}：{subject}", "committed {commit}: {subject}"),
    "excel.not_committed": E(
        "已写入，未提交（--no-commit）", "written, not committed (--no-commit)"
    ),
    "excel.nothing_to_change": E(
        "无需变更：台账已与表中内容一致",
        "nothing to change: the ledger already holds what the sheet says",
    ),
    "excel.failed.where_listed": E("见上方列表", "listed above"),
    "excel.failed.where_file": E("已连同原因写入 {file}", "listed with the reason in {file}"),
    "excel.failed.warning": E(
        "projledger: 警告：{n} 行未{verb}，{where}",
        "projledger: warning: {n} row(s) not {verb}, {where}",
    ),
    "excel.failed.error": E(
        "projledger: 错误：{n} 行未{verb}，{where}{done}。请{fix}；"
        "如预计会有未导入的行，可加 --allow-failed-rows",
        "projledger: error: {n} row(s) not {verb}, {where}{done}. To finish, {fix}; pass "
        "--allow-failed-rows when failed rows are expected",
    ),
    "excel.failed.dry_run": E("（试运行：未写入任何文件）", " (dry run: nothing written)"),
    "excel.failed.others_done": E("；其余各行已{verb}", "; the other rows were {verb}"),
    "excel.verb.imported": E("导入", "imported"),
    "excel.verb.applied": E("报送入账", "applied"),
    "excel.fix.import_again": E("改正后重新导入", "correct them and import again"),
    # --- Reading a workbook (excel/workbook.py, excel/xlsx_scan.py, excel/meta.py) ------
    "excel.file.not_workbook_name": E(
        "{file}：projledger 不读取此类文件（支持 .xlsx、.xls 和 .csv）",
        "{file}: not a workbook projledger reads (.xlsx, .xls or .csv)",
    ),
    "excel.file.cannot_read": E(
        "{file}：无法读取（{reason}）", "{file}: cannot read it ({reason})"
    ),
    "excel.file.not_found": E("{file}：文件不存在", "{file}: no such file"),
    "excel.file.no_permission": E(
        "{file}：无权读取该文件", "{file}: cannot read it (no permission)"
    ),
    "excel.file.empty": E("{file} 是空文件（0 字节）", "{file} is empty (0 bytes)"),
    "excel.file.too_big": E(
        "{file} 大小为 {mb} MB，超过 projledger 可读取的 {limit} MB",
        "{file} is {mb} MB, more than the {limit} MB projledger reads",
    ),
    "excel.file.unreadable": E(
        "{file} 不是 projledger 能读取的工作簿（文件已损坏，或不是 Excel 格式）",
        "{file} is not a workbook projledger can read (damaged, or not in an Excel format)",
    ),
    "excel.file.no_worksheet": E("{file} 中没有工作表", "{file} has no worksheet"),
    "excel.file.html": E(
        "{file} 是以工作簿名称保存的网页（HTML），不是工作簿；请在 Excel 或 WPS 中打开后"
        "另存为 .xlsx",
        "{file} is a web page (HTML) saved under a workbook's name, not a workbook; open "
        "it in Excel or WPS and save it as .xlsx",
    ),
    "excel.file.neither": E(
        "{file} 不是工作簿（.xlsx 或 .xls）：其内容两者皆非",
        "{file} is not a workbook (.xlsx or .xls): its bytes are neither",
    ),
    "excel.file.encrypted": E(
        "{file} 设有密码保护（已加密）；请在 Excel 或 WPS 中打开，取消密码"
        "（文件 → 信息 → 保护工作簿）并保存后，重新导入",
        "{file} is protected by a password (encrypted); open it in Excel or WPS, remove "
        "the password (文件 → 信息 → 保护工作簿), save it, and import it again",
    ),
    "excel.file.sheet_error": E(
        "{file}，工作表 {sheet} 无法读取（{reason}）",
        "{file}, sheet {sheet} cannot be read ({reason})",
    ),
    "excel.file.too_many_rows": E(
        "{file}，工作表 {sheet} 超过 {limit} 行，超出 projledger 单个工作表的导入上限；请拆分",
        "{file}, sheet {sheet} has more than {limit} rows, the most projledger imports "
        "from one sheet; split it",
    ),
    "excel.file.csv_too_many_rows": E(
        "{file} 超过 {limit} 行，超出 projledger 单个工作表的导入上限；请拆分",
        "{file} has more than {limit} rows, the most projledger imports from one sheet; split it",
    ),
    "excel.file.too_many_columns": E(
        "{file}，工作表 {sheet} 有 {width} 列；projledger 最多读取 {limit} 列",
        "{file}, sheet {sheet} has {width} columns; projledger reads at most {limit}",
    ),
    "excel.file.csv_too_many_columns": E(
        "{file}，第 {row} 行：超过 {limit} 列", "{file}, row {row}: more than {limit} columns"
    ),
    "excel.file.formula": E(
        "{file}，工作表 {sheet}，单元格 {cell}：公式保存时没有计算结果（生成该文件的程序不计算"
        "公式）；请在 Excel 或 WPS 中打开并保存后，重新导入",
        "{file}, sheet {sheet}, cell {cell}: a formula saved without its value (the program "
        "that wrote it does not calculate); open the workbook in Excel or WPS, save it, and "
        "import it again",
    ),
    "excel.file.csv_encoding": E(
        "{file}：不是 UTF-8 或 GB18030 编码的文本", "{file}: not text in UTF-8 or GB18030"
    ),
    "excel.file.csv_binary": E(
        "{file} 不是 CSV 文件（含二进制数据）", "{file} is not a CSV file (it holds binary data)"
    ),
    "excel.file.csv_unreadable": E(
        "不是 projledger 能读取的 CSV 文件（{reason}）",
        "not a CSV file projledger can read ({reason})",
    ),
    "excel.file.xml_too_big": E(
        "{file}，工作表 {sheet}：解压后的 XML 为 {mb} MB，超过 projledger 可读取的 {limit} MB",
        "{file}, sheet {sheet}: the sheet is {mb} MB of XML unpacked, more than the {limit} "
        "MB projledger reads",
    ),
    "excel.file.xml_grows": E(
        "{file}，工作表 {sheet}：解压后的 XML 超过 {limit} MB",
        "{file}, sheet {sheet}: the sheet unpacks to more than {limit} MB of XML",
    ),
    "excel.file.other_version": E(
        "{file}：由其他版本的 projledger 导出（{kind} 格式 {version}）；请用本版本重新导出",
        "{file}: written by another version of projledger ({kind} format {version}); "
        "export it again with this one",
    ),
    # --- Writing what was planned (excel/commit.py, excel/declare.py) ---------------------
    "excel.refused.hand_edits": E(
        "已拒绝：{files} 有未提交的修改（手工编辑？）；请先提交或恢复，再重新导入",
        "refused: changes that are not committed (edits by hand?) in {files}; commit or "
        "restore them first, then import again",
    ),
    "excel.refused.changed_meanwhile": E(
        "已拒绝：准备导入期间 {file} 被修改；未写入任何文件，请重新运行",
        "refused: {file} changed while the import was prepared; nothing was written, run it again",
    ),
    "excel.refused.declare": E(
        "已拒绝：声明后 projledger.yaml 将无法通过检查：{first}",
        "refused: declaring them would leave projledger.yaml invalid: {first}",
    ),
    "excel.refused.declare_unreadable": E("无法读取", "it cannot be read"),
    "excel.and_more": E("等，另有 {n} 个", "and {n} more"),
    "excel.fix.unit_rows": E(
        "由该单位改正未导入的行；有冲突的行，手工录入仍然有效的内容，或在下周的表中报送",
        "ask the unit to correct a refused row, and for a row in conflict enter what still "
        "holds by hand or in next week's workbook",
    ),
    "excel.where.sheet": E("{file}，工作表 {sheet}", "{file}, sheet {sheet}"),
    "excel.where.row": E("{file}，工作表 {sheet}，第 {row} 行", "{file}, sheet {sheet}, row {row}"),
    "excel.ledger.no_column": E(
        "{file}，工作表 {sheet}，第 {row} 行：没有“{column}”列；工作簿的格式是否被改动？请重新导出",
        "{file}, sheet {sheet}, row {row}: no column {column}; was the workbook's layout "
        "changed? Export it again",
    ),
    # --- The mapping file and --default (excel/mapping.py) -----------------------------
    "excel.mapping.default_form": E(
        "--default「{pair}」：请写作 键=值，如 stage=前期研究",
        "--default {pair!r}: write it as KEY=VALUE, e.g. stage=前期研究",
    ),
    "excel.mapping.default_key": E(
        "{where}：{field} 不能用默认值给出；可用的键为：{keys}",
        "{where}: {field} is not something a default can give; one of {keys}",
    ),
    "excel.mapping.cannot_read": E(
        "{path}：无法读取映射文件（{reason}）", "{path}: cannot read the mapping file ({reason})"
    ),
    "excel.mapping.unreadable": E(
        "{where} 不是 projledger 能读取的映射文件",
        "{where} is not a mapping file projledger can read",
    ),
    "excel.mapping.unreadable_at": E(
        "{where} 不是 projledger 能读取的映射文件：第 {line} 行，{detail}",
        "{where} is not a mapping file projledger can read: {detail} (line {line})",
    ),
    "excel.mapping.not_mapping": E(
        "{where}：映射文件应为 YAML 映射（sheet:、columns: 等）",
        "{where}: a mapping file is a YAML mapping (sheet:, columns:, ...)",
    ),
    "excel.mapping.unknown_key": E(
        "{where}：未知的键「{field}」（见 README 中的映射文件说明）",
        "{where}: unknown key {field!r} (README: the mapping file)",
    ),
    "excel.mapping.header_rows": E(
        "{where}：header_rows 应为行号列表，如 [3, 4]",
        "{where}: header_rows is a list of row numbers, e.g. [3, 4]",
    ),
    "excel.mapping.year": E(
        "{where}：year 应为数字，如 2026", "{where}: year is a number, e.g. 2026"
    ),
    "excel.mapping.amount_unit": E(
        "{where}：amount_unit 应为{units}之一", "{where}: amount_unit is one of {units}"
    ),
    "excel.mapping.column_field": E(
        "{where}：columns：{header}：{name} 不是字段；应为 {fields} 之一，或 ignore",
        "{where}: columns: {header}: {name} is not a field; one of {fields} or ignore",
    ),
    "excel.mapping.values": E(
        "{where}：values 应将字段对应到 {{表中的值: 台账中的值}}",
        "{where}: values maps a field to {{sheet value: ledger value}}",
    ),
    "excel.mapping.values_field": E(
        "{where}：values：{name} 不是字段", "{where}: values: {name} is not a field"
    ),
    "excel.mapping.strings": E(
        "{where}：{what} 应为文本到文本的映射", "{where}: {what} is a mapping of text to text"
    ),
    # --- The command line and the export (cli/excel.py, excel/run_export.py) ------------
    "excel.cli.id_prefix": E(
        "--id-prefix「{prefix}」：只能使用小写字母、数字和连字符",
        "--id-prefix {prefix!r}: lower-case letters, digits, hyphens",
    ),
    "excel.cli.no_output": E(
        "请用 -o 文件 指定要写入的文件（导出各单位时：-o 目录）",
        "give the file to write with -o FILE (for units: -o DIR)",
    ),
    "excel.cli.no_unit": E(
        "请写明单位：projledger export unit 区水务局 -o 文件",
        "name the unit: projledger export unit 区水务局 -o FILE",
    ),
    "excel.cli.no_all": E(
        "export units 导出每个单位的表：请加 --all",
        "export units writes every unit's workbook: add --all",
    ),
    "excel.cli.what": E(
        "导出什么？ledger、unit 或 units（不是「{what}」）",
        "export what? ledger, unit or units (not {what!r})",
    ),
    "excel.export.ledger": E(
        "已写入 {file}：{n} 个项目", "wrote {file}: {n} projects", "wrote {file}: {n} project"
    ),
    "excel.export.unit": E(
        "已写入 {file}：{unit} 的 {n} 个事项",
        "wrote {file}: {n} items of {unit}",
        "wrote {file}: {n} item of {unit}",
    ),
    "excel.export.units": E(
        "已在 {directory} 中写入 {n} 个工作簿",
        "wrote {n} workbooks into {directory}",
        "wrote {n} workbook into {directory}",
    ),
    "excel.export.idle": E(
        "没有未办结事项（未生成工作簿）：{units}", "no open items (no workbook): {units}"
    ),
    "excel.export.not_a_directory": E(
        "{path} 是文件；-o 应为要写入的目录",
        "{path} is a file; -o names the directory to write into",
    ),
    "excel.export.is_a_directory": E(
        "{path} 是目录；-o 应为要写入的工作簿",
        "{path} is a directory; -o names the workbook to write",
    ),
    "excel.export.not_xlsx": E(
        "{path}：工作簿的文件名应以 .xlsx 结尾", "{path}: the workbook's name ends in .xlsx"
    ),
    "excel.export.left_out": E(
        "projledger: 警告：{n} 个文件有错误，未导出：{files}；请运行 `projledger check`",
        "projledger: warning: {n} file(s) have errors and are left out: {files}; run "
        "`projledger check`",
    ),
    # --- A unit's filled-in workbook (excel/unit_import.py) -------------------------------
    "excel.unit.undeclared": E(
        "{file} 是{unit}的报送表，但 projledger.yaml 中没有声明该单位",
        "{file} is the workbook of {unit}, which projledger.yaml does not declare",
    ),
    "excel.unit.no_sheet": E("{file}：没有工作表 {sheet}", "{file}: no sheet {sheet}"),
    "excel.unit.not_its_item": E(
        "已拒绝：{file}，第 {row} 行：{item} 不是{unit}的事项（其他单位的表，或经过改动）；"
        "未导入任何内容",
        "refused: {file}, row {row}: {item} is not an item of {unit} (the workbook of "
        "another unit, or edited): nothing was applied",
    ),
    "excel.unit.no_author": E(
        "{file} 是{unit}的报送表：请用 --author '{unit} <邮箱>'（或该单位的人员）记为其报送",
        "{file} is {unit}'s report: record it as theirs with --author '{unit} <email>' "
        "(or one of its people)",
    ),
    "excel.unit.other_author": E(
        "已拒绝：{file} 是{unit}的报送表，而 --author 为{name}，不是{unit}或其人员",
        "refused: {file} is the workbook of {unit}, and --author names {name}, not {unit} "
        "or one of its people",
    ),
    "excel.unit.columns": E(
        "{file}，工作表 {sheet}，第 {row} 行：列与 `export unit` 导出的不一致（是否增删了列？）",
        "{file}, sheet {sheet}, row {row}: the columns are not the ones `export unit` wrote "
        "(were columns added or removed?)",
    ),
    "excel.unit.no_system_columns": E(
        "本行隐藏的系统列为空（是否新增的行？）",
        "the row's hidden system columns are empty (a row added?)",
    ),
    "excel.unit.cell": E("{label}：{error}", "{label}: {error}"),
    "excel.unit.verify_needs": E("申请核验须填写说明和佐证", "申请核验 needs 说明 and 佐证"),
    "excel.unit.verify_choose": E(
        "申请核验：请在“申请”中选“是”（并填写说明和佐证）",
        "申请核验: choose 是 in 申请 (and give 说明 and 佐证)",
    ),
    "excel.unit.extend_needs": E("申请延期须填写新时限和理由", "申请延期 needs 新时限 and 理由"),
    "excel.unit.versions_missing": E(
        "{file}：导出时所依据的文件版本不在本仓库中（从其他台账导出，或文件从未提交）",
        "{file}: the versions it was exported from are not in this repository (exported "
        "from another ledger, or from files never committed)",
    ),
    "excel.unit.file_gone": E(
        "该项目的文件已不存在或无法读取", "the project's file is gone or cannot be read"
    ),
    "excel.unit.item_gone": E("项目 {project} 中已没有 {item}", "{item} is no longer in {project}"),
    "excel.unit.already": E("{what}已在台账中", "{what} already in the ledger"),
    "excel.unit.conflict.now_and_here": E(
        "{label}：台账现为「{now}」，本行为「{here}」",
        "{label}: ledger now 「{now}」, this row 「{here}」",
    ),
    "excel.unit.conflict.no_measure": E(
        "已完成数量：该任务没有目标数量（measure）可对照",
        "已完成数量: the task has no target (measure) to count against",
    ),
    "excel.unit.conflict.state_changed": E(
        "申请核验：导出时状态为{then}，台账现为{now}",
        "申请核验: state was {then}, ledger now {now}",
    ),
    "excel.unit.conflict.no_deadline": E(
        "申请延期：该事项没有时限", "申请延期: the item has no deadline"
    ),
    "excel.unit.conflict.due_changed": E(
        "申请延期：导出时时限为 {then}，台账现为 {now}（或其间已申请）",
        "申请延期: deadline was {then}, ledger now {now} (or asked since)",
    ),
    "excel.unit.result.applied": E("已导入", "applied"),
    "excel.unit.result.apply": E("将导入", "to apply"),
    "excel.unit.result.already": E("已有，未重复", "already there"),
    "excel.unit.result.conflict": E("有冲突，未导入", "in conflict"),
    "excel.unit.result.refused": E("未导入", "refused"),
    "excel.unit.col.row": E("行", "row"),
    "excel.unit.col.item": E("事项", "item"),
    "excel.unit.col.result": E("结果", "result"),
    "excel.unit.col.detail": E("内容", "detail"),
    "excel.unit.listed": E("原因见上方列表", "listed above with the reason"),
    "excel.unit.summary": E(
        "汇总：已导入 {applied} 行，已在台账中 {already} 行，有冲突未导入 {conflict} 行"
        "（导出后台账已变更），未导入 {refused} 行",
        "summary: {applied} applied, {already} already in the ledger, {conflict} not "
        "applied (changed in the ledger since the export), {refused} refused",
    ),
    "excel.unit.summary.dry_run": E(
        "汇总：将导入 {applied} 行（试运行），已在台账中 {already} 行，有冲突未导入 {conflict} 行"
        "（导出后台账已变更），未导入 {refused} 行",
        "summary: {applied} to apply (dry run), {already} already in the ledger, {conflict} "
        "not applied (changed in the ledger since the export), {refused} refused",
    ),
}
