"""The schema's findings (PL100-PL105, check/validation.py): one entry per kind of
pydantic error the ledger models can give, with the field (`{field!f}`: its path in
English, the staff's words in Chinese) and the value as the file holds it."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "PL100": E(
        "文件内容应为“字段: 值”的映射，而不是{got!t}",
        "the file must hold a mapping of fields, not {got!t}",
    ),
    "PL101.top": E(
        "顶层缺少必填字段{name!k}；请补充",
        "required field `{name}` is missing at the top level; add it",
    ),
    "PL101.nested": E(
        "{parent!f}缺少必填字段{name!k}；请补充",
        "required field `{name}` is missing in {parent}; add it",
    ),
    "PL102.top": E(
        "顶层有未知字段 `{name}`；请删除或改正拼写",
        "unknown field `{name}` at the top level; remove it or fix its spelling",
    ),
    "PL102.top_close": E(
        "顶层有未知字段 `{name}`；是否应为{close!k}？",
        "unknown field `{name}` at the top level; did you mean `{close}`?",
    ),
    "PL102.nested": E(
        "{parent!f}中有未知字段 `{name}`；请删除或改正拼写",
        "unknown field `{name}` in {parent}; remove it or fix its spelling",
    ),
    "PL102.nested_close": E(
        "{parent!f}中有未知字段 `{name}`；是否应为{close!k}？",
        "unknown field `{name}` in {parent}; did you mean `{close}`?",
    ),
    "PL103.bool_for_number": E(
        "{field!f}：应为数字，不能填写 {value}；请直接填写数字",
        "{field}: expected a number, got {value}; write the number itself",
    ),
    "PL103.text_for_number": E(
        "{field!f}：应为数字，实际填写为文本 {value}；请用阿拉伯数字填写，不加引号",
        "{field}: expected a number, got the text {value}; write it in digits, without quotes",
    ),
    "PL103.bool_for_text": E(
        "{field!f}：应为文本，实际填写为 {value}；请加引号",
        "{field}: expected text, got {value}; put it in quotes",
    ),
    "PL103.number_for_text": E(
        "{field!f}：应为文本，实际填写为数字 {value}；请加引号",
        "{field}: expected text, got the number {value}; put it in quotes",
    ),
    "PL103.date": E(
        "{field!f}：应为日期（如 2026-11-20），实际填写为 {value}",
        "{field}: expected a date like 2026-11-20, got {value}",
    ),
    "PL103.type": E(
        "{field!f}：应为{expected!t}，实际填写为 {value}",
        "{field}: expected {expected!t}, got {value}",
    ),
    "PL103.key": E(
        "键 {value} 应为文本",
        "{value}: keys should be text",
    ),
    "PL103.other": E(
        "{field!f}：{value} 不符合要求（{kind}）",
        "{field}: {value} is not valid here ({kind})",
    ),
    "PL104.choice": E(
        "{field!f}：不能填写 {value}；请填写{expected!o}",
        "{field}: {value} is not allowed; use {expected!o}",
    ),
    "PL104.pattern": E(
        "{field!f}：{value} 不是{what!t}",
        "{field}: {value} is not {what!t}",
    ),
    "PL104.pattern_other": E(
        "{field!f}：{value} 不符合格式 {pattern}",
        "{field}: {value} is not in the form {pattern}",
    ),
    "PL104.too_large": E(
        "{field!f}：{value} 超出金额或面积的合理范围（至多 10^12 万元或亩）；"
        "请核对数字及其计量单位",
        "{field}: {value} is larger than any amount can be (at most 10^12 万元 or 亩); check "
        "the number and its unit",
    ),
    "PL104.negative": E(
        "{field!f}：{value} 为负数；应为 0 或正数",
        "{field}: {value} is negative; it must be 0 or more",
    ),
    "PL104.not_finite": E(
        "{field!f}：应为有限的数字（实际填写为 {value}）",
        "{field}: expected a finite number (got {value})",
    ),
    "PL104.empty": E(
        "{field!f}：不能为空（实际填写为 {value}，至少应有 {n} 个字符）",
        "{field}: must have at least {n} characters (got {value})",
        "{field}: must have at least {n} character (got {value})",
    ),
    "PL104.too_few": E(
        "{field!f}：至少应有 {n} 项，现有 {actual} 项",
        "{field}: must have at least {n} items, not {actual}",
        "{field}: must have at least {n} item, not {actual}",
    ),
    "PL104.too_many": E(
        "{field!f}：至多应有 {n} 项，现有 {actual} 项",
        "{field}: must have at most {n} items, not {actual}",
        "{field}: must have at most {n} item, not {actual}",
    ),
    "PL104.at_least": E(
        "{field!f}：应不小于 {limit}（实际填写为 {value}）",
        "{field}: must be greater than or equal to {limit} (got {value})",
    ),
    "PL104.at_most": E(
        "{field!f}：应不大于 {limit}（实际填写为 {value}）",
        "{field}: must be less than or equal to {limit} (got {value})",
    ),
    "PL104.above": E(
        "{field!f}：应大于 {limit}（实际填写为 {value}）",
        "{field}: must be greater than {limit} (got {value})",
    ),
    "PL104.below": E(
        "{field!f}：应小于 {limit}（实际填写为 {value}）",
        "{field}: must be less than {limit} (got {value})",
    ),
    "PL104.too_long_number": E(
        "{digits} 位的数字；请改正，如为文本请加引号",
        "a number of {digits} digits; correct it, or quote it if it is text",
    ),
    "PL105": E(
        "格式版本（schema_version）{value} 不受支持；本版本 projledger 只能读取 1",
        "schema_version {value} is not supported; this projledger reads 1",
    ),
    # --- What a value is (`{got!t}`, `{expected!t}`) -------------------------------------
    "term.kind.null": E("空值（null）", "nothing (null)"),
    "term.kind.bool": E("true 或 false", "true or false"),
    "term.kind.integer": E("整数", "a whole number"),
    "term.kind.number": E("数字", "a number"),
    "term.kind.text": E("文本", "text"),
    "term.kind.date": E("日期", "a date"),
    "term.kind.list": E("列表", "a list"),
    "term.kind.mapping": E("“字段: 值”的映射", "a mapping of fields"),
    "term.kind.other": E("其他类型的值", "a value of another kind"),
    # --- What a pattern asks for (`{what!t}`) ------------------------------------------
    "term.pattern.issue_id": E(
        "问题编号（I- 加 4-12 位大写字母或数字，如 I-4M8K2P）",
        "an issue id: I- and 4-12 capital letters or digits, e.g. I-4M8K2P",
    ),
    "term.pattern.task_id": E(
        "任务编号（T- 加 4-12 位大写字母或数字，如 T-8H3J2Q）",
        "a task id: T- and 4-12 capital letters or digits, e.g. T-8H3J2Q",
    ),
    "term.pattern.responsibility_id": E(
        "责任编号（R- 加 4-12 位大写字母或数字，如 R-7KQ2MX）",
        "a responsibility id: R- and 4-12 capital letters or digits, e.g. R-7KQ2MX",
    ),
    "term.pattern.deadline_id": E(
        "时效编号（D- 加 4-12 位大写字母或数字，如 D-2NQ7VK）",
        "a deadline id: D- and 4-12 capital letters or digits, e.g. D-2NQ7VK",
    ),
    "term.pattern.project_id": E(
        "项目编号（小写字母、数字和连字符，如 laiwu-gang）",
        "a project id: lower-case letters, digits and hyphens, e.g. laiwu-gang",
    ),
    "term.pattern.project_code": E(
        "项目代码（YYYY-RRRRRR-II-TT-NNNNNN，如 2024-370116-31-03-015821）",
        "a national project code: YYYY-RRRRRR-II-TT-NNNNNN, e.g. 2024-370116-31-03-015821",
    ),
    "term.pattern.deadline_target": E(
        "时效对象（问题或任务编号、approval:审批手续名称 或 milestone:开工/竣工/投产）",
        "an issue or task id, approval:<procedure> or milestone:<开工|竣工|投产>",
    ),
    # --- Field names of projledger.yaml (`field_label`) --------------------------------
    "field.organisation": E("机关名称", "organisation"),
    "field.language": E("语言", "language"),
    "field.units": E("单位", "units"),
    "field.people": E("人员", "people"),
    "field.stages": E("阶段", "stages"),
    "field.continuing_stages": E("续建项目阶段", "continuing_stages"),
    "field.due_soon_days": E("临期天数", "due_soon_days"),
    "field.time_progress": E("时间进度算法", "time_progress"),
    "field.lights": E("亮灯规则", "lights"),
    "field.extension_approvers": E("延期批准角色", "extension_approvers"),
    "field.ranking": E("排名规则", "ranking"),
    "field.rollup": E("汇总台账", "rollup"),
    "field.short": E("简称", "short"),
    "field.kind": E("类型", "kind"),
    "field.former": E("曾用名", "former"),
    "field.retired": E("撤销日期", "retired"),
    "field.who": E("身份", "who"),
    "field.roles": E("角色", "roles"),
    "field.approvers": E("批准人", "approvers"),
    "field.path": E("路径", "path"),
}
