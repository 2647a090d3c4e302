"""The words of authority findings (PL510-PL516), in the language they are shown in (the
run's): which commit (or change), whose, what it changed, and the rule. The audit and the
change commands' guard say the same."""

from projledger.history.authority import Breach, Touch
from projledger.history.gitlog import Commit
from projledger.messages import Lang, field_label
from projledger.model.config import Member, MemberRole

_LABELS = {
    "zh": {"issues": "问题", "tasks": "任务", "responsibilities": "责任", "deadlines": "时效"},
    "en": {
        "issues": "issue",
        "tasks": "task",
        "responsibilities": "responsibility",
        "deadlines": "deadline",
    },
}


def commit_where(commit: Commit, lang: str) -> str:
    if lang == "en":
        return commit.describe()
    day = commit.author_date[:10]
    return f"提交 {commit.short}（{commit.author_name}，{day}，“{commit.subject}”）"


def this_change(lang: str) -> str:
    return "this change" if lang == "en" else "这一修改"


def breach_message(
    breach: Breach, *, lang: str, where: str, author: str, project: str, approvers: list[MemberRole]
) -> str:
    """One breach, said in full: where, who, what, and the rule."""
    en = lang == "en"
    member = breach.member
    who = _who(member, en) if member is not None else ""
    touch = breach.touch
    thing = _thing(touch, project, en) if touch is not None else ""
    if breach.code == "PL510":
        if en:
            return (
                f"{where}: its author {author} is not among the members of projledger.yaml; "
                "with members declared, every change to the ledger is made by a member: an "
                "administrator adds this identity to members, or a member makes the change"
            )
        return (
            f"{where}：作者 {author} 不在 projledger.yaml 的成员（members）中；声明成员后，"
            "台账的每一处修改都须由成员作出：请管理员把这一身份加入 members，或由成员重做这一修改"
        )
    if breach.code == "PL516":
        if en:
            return (
                f"{where}: {author} ({who}) changed projledger.yaml; only an administrator "
                "(管理员) changes the configuration"
            )
        return f"{where}：{author}（{who}）修改了 projledger.yaml；配置只能由管理员修改"
    if breach.code == "PL513":
        if en:
            return (
                f"{where}: {author} ({who}) closed (销号) {thing}; only a verifier (办公室) "
                "closes an issue: the unit asks for verification (申请核验, → 待核验) and a "
                "verifier closes it"
            )
        return (
            f"{where}：{author}（{who}）给{thing}销号；销号只能由办公室（核验人）作出："
            "单位申请核验（→ 待核验），核验人核验后销号"
        )
    if breach.code == "PL514":
        if en:
            return (
                f"{where}: {author} ({who}) returned (退回) {thing}; only a verifier (办公室) "
                "returns or reopens an issue"
            )
        return f"{where}：{author}（{who}）退回了{thing}；退回只能由办公室（核验人）作出"
    if breach.code == "PL515":
        roles = "、".join(approvers) if not en else ", ".join(approvers)
        leader = breach.leader or "—"
        if en:
            return (
                f"{where}: {author} ({who}) extended {thing}; extensions are granted by the "
                f"approvers ({roles}, or the project's 包抓领导 {leader}): the unit asks for "
                "one (申请延期, a request) and an approver grants it with `projledger extend`"
            )
        return (
            f"{where}：{author}（{who}）给{thing}延期；延期只能由有权批准的人（{roles}，或项目的"
            f"包抓领导{leader}）作出：单位申请延期，由有权批准的人用 `projledger extend` 批准"
        )
    fields = _fields(touch, en)
    if breach.code == "PL511":
        mine = _mine(member, en)
        owner = breach.owner or ("another unit" if en else "其他单位")
        if en:
            return f"{where}: {author} ({who}) changed {thing}, which is {owner}'s; {mine}"
        return f"{where}：{author}（{who}）修改了{thing}，它属于{owner}；{mine}"
    rule = _rule(member, en)
    if en:
        return f"{where}: {author} ({who}) changed {fields} of {thing}; {rule}"
    return f"{where}：{author}（{who}）修改了{thing}的{fields}；{rule}"


def _who(member: Member, en: bool) -> str:
    parts = [(", " if en else "、").join(member.roles)]
    for extra in (member.unit, member.task_force):
        if extra:
            parts.append(extra)
    return (", " if en else "，").join(parts)


def _thing(touch: Touch, project: str, en: bool) -> str:
    if touch.list_name is None or touch.item_id is None:
        if touch.fields == ("",):
            return f"the project file {project}" if en else f"项目文件 {project}"
        return f"the project record of {project}" if en else f"项目 {project} 的记录"
    label = _LABELS["en" if en else "zh"][touch.list_name]
    title = ""
    if touch.title:
        title = f" ({touch.title})" if en else f"（{touch.title}）"
    return f"{label} {touch.item_id}{title}"


def _fields(touch: Touch | None, en: bool) -> str:
    if touch is None:
        return ""
    named = [field for field in touch.fields if field]
    if named:
        lang: Lang = "en" if en else "zh"
        return ("、" if lang == "zh" else ", ").join(field_label(f, lang) for f in named)
    return "(the whole item)" if en else "全部内容"


def _mine(member: Member | None, en: bool) -> str:
    if member is not None and MemberRole.REPORTER in member.roles:
        unit = member.unit or "?"
        if en:
            return f"a unit's reporter (单位填报人) reports only on its own unit's ({unit}) items"
        return f"单位填报人只能填报本单位（{unit}）的事项"
    force = member.task_force if member is not None else None
    if en:
        return f"a task force (专班) changes only its own projects ({force or '?'})"
    return f"专班只能修改本专班（{force or '?'}）的项目"


def _rule(member: Member | None, en: bool) -> str:
    roles = set(member.roles) if member is not None else set()
    if MemberRole.TASK_FORCE in roles:
        if en:
            return (
                "a task force (专班) adds issues (已登记) to its projects and reports progress, "
                "申请核验, quantities done and 申请延期 on them; the rest is the office's (办公室)"
            )
        return (
            "专班只能在本专班的项目中登记问题、填报进展、申请核验、已完成数量和申请延期，"
            "其余由办公室修改"
        )
    if MemberRole.REPORTER in roles:
        if en:
            return (
                "a unit's reporter (单位填报人) reports progress notes, 申请核验 (→ 待核验), the "
                "quantity done and 申请延期 on its unit's items, nothing else; the rest is the "
                "office's (办公室)"
            )
        return (
            "单位填报人只能为本单位的事项填报进展、申请核验（→ 待核验）、已完成数量和申请延期，"
            "其余由办公室修改"
        )
    if en:
        return (
            "an administrator (管理员) changes projledger.yaml; project files are the "
            "office's (办公室)"
        )
    return "管理员只修改 projledger.yaml；项目文件由办公室修改"
