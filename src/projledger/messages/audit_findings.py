"""The history rules' findings (PL500-PL506, history/audit_messages.py): what broke which
rule, in which commit, and the fix. Each comes twice: `KEY` names the commit (`{short}`,
`{author}`, `{day}`, `{subject}`), `KEY.merge` a merge of the range (`{fork}`, `{head}`)."""

from projledger.messages.entry import Entry

E = Entry

_WHERE = {
    "": (
        "提交 {short}（{author}，{day}，“{subject}”）",
        'commit {short} ({author}, {day}, "{subject}")',
    ),
    ".merge": ("{fork} 与 {head} 之间的合并", "a merge between {fork} and {head}"),
}

_FINDINGS = {
    "PL500": (
        "{path} 在{where}中被删除；项目文件不得删除：请恢复该文件（git checkout {before} -- "
        "{path}），改为将项目退库（库别：退库，并填写退库记录）",
        "{path} was deleted in {where}; project files are never deleted: restore it (git "
        "checkout {before} -- {path}) and retire the project instead (pool: 退库 with a "
        "retirement record)",
    ),
    "PL501": (
        "{label!t} {id}（{title}）在{where}中从{list!t}删除；事项不得删除：请按原样恢复，"
        "{instead!t}",
        "{label!t} {id} ({title}) was removed from {list!t} in {where}; items are never "
        "deleted: restore it as it was and {instead!t}",
    ),
    "PL502.moved": (
        "编号 {id} 属于{was_in!t}（{title}），但自{where}起用于{list!t}；编号不得复用：请给这一"
        "{label!t}另编新号",
        "id {id} belongs to {was_in!t} ({title}) but is used in {list!t} since {where}; ids "
        "are never reused: give this {label!t} a new id",
    ),
    "PL502.reused": (
        "编号 {id} 曾用于另一{label!t}（{title}），该事项已被删除，又在{where}中用于"
        "“{new_title}”；编号不得复用：请给新事项另编新号，并恢复原事项",
        "id {id} was used by another {label!t} ({title}), which was removed, and is used "
        "again in {where} for {new_title}; ids are never reused: give the new item a new id, "
        "and restore the old one",
    ),
    "PL503": (
        "问题 {id}（{title}）已销号，但其 {fields} 在{where}中被修改；已销号问题不得修改：请撤回"
        "这一修改，或先按规定退回该问题（在 returns 中追加日期和原因，状态改为办理中）",
        "issue {id} ({title}) is closed (已销号) but {fields} changed afterwards in {where}; "
        "a closed issue is not edited: undo the change, or first reopen the issue through a "
        "recorded return (append to returns with date and reason, state: 办理中)",
    ),
    "PL504": (
        "时效 {id} 的时限在{where}中由 {due} 改为 {now_due}；时限不得修改：请将 due 改回 {due}，"
        "并追加一条延期（date、new_due: {now_due}、reason、approver）",
        "the due date of deadline {id} was changed from {due} to {now_due} in {where}; a due "
        "date is never changed: set due back to {due} and append an extension (date, "
        "new_due: {now_due}, reason, approver)",
    ),
    "PL505": (
        "时效 {id} 的第 {number} 条延期在{where}中被{what!t}；延期只能追加：请按原样恢复"
        "（{kept}），新的时限另行追加一条延期",
        "extension {number} of deadline {id} was {what!t} in {where}; extensions are only "
        "appended: restore it as it was ({kept}) and append a new extension for a new date",
    ),
    "PL506": (
        "时效 {id}（{target}）的第 {number} 条延期日期为 {date}，晚于其对象的办结日期 {closed}"
        "（{where}）；办结后再延期会把逾期办结算作按时办结：请删除该延期（逾期办结仍属逾期）",
        "extension {number} of deadline {id} ({target}) is dated {date}, after its target was "
        "closed on {closed}, in {where}; an extension after the closure would count a late "
        "closure as on time: remove it (a deadline met late stays late)",
    ),
}

_TERMS = {
    "term.audit.issues": E("问题", "issue"),
    "term.audit.tasks": E("任务", "task"),
    "term.audit.responsibilities": E("责任", "responsibility"),
    "term.audit.deadlines": E("时效", "deadline"),
    "term.audit.list.issues": E("问题清单", "issues"),
    "term.audit.list.tasks": E("任务清单", "tasks"),
    "term.audit.list.responsibilities": E("责任清单", "responsibilities"),
    "term.audit.list.deadlines": E("时效清单", "deadlines"),
    "term.audit.instead.issues": E(
        "改为将其撤销（状态：已撤销，并填写撤销记录）",
        "withdraw it instead (state: 已撤销 with a withdrawal record)",
    ),
    "term.audit.instead.tasks": E(
        "予以保留，并在其备注中说明不再适用的原因",
        "keep it instead, and say in its note why it no longer applies",
    ),
    "term.audit.instead.responsibilities": E(
        "予以保留，改为修改其人员、单位或职责",
        "keep it instead, and change its person, unit or duties",
    ),
    "term.audit.instead.deadlines": E(
        "予以保留；新的时限以追加延期的方式记录",
        "keep it instead; a new date is an appended extension",
    ),
    "term.audit.removed": E("删除", "removed"),
    "term.audit.edited": E("修改", "edited"),
}

ENTRIES: dict[str, Entry] = {
    **{
        f"{key}{suffix}": E(zh.replace("{where}", where_zh), en.replace("{where}", where_en))
        for key, (zh, en) in _FINDINGS.items()
        for suffix, (where_zh, where_en) in _WHERE.items()
    },
    **_TERMS,
}
