"""The message catalogue: what users read, in Chinese and English.

One entry per message, keyed by a stable name, each holding both languages as
`str.format` templates with the same placeholders (a test checks every entry). Text
is chosen by a `Lang` the caller passes: the CLI decides it once (the ledger's
`language`, `--lang`, or the locale outside a root); the core never reads the
environment. A `Message` is a key and its arguments, so a finding or an error can be
built in the core and rendered in either language where it is shown (the check cache
stores the key and arguments, never rendered text in one language). An error whose
arguments are messages too (a list of candidates, a hint) is a `Composed` (`composed`),
its parts `Joined` (`joined`): all said in the language of the run that shows it.

Why a typed module and not gettext: the language is a property of the ledger, not of
the process's locale; gettext's msgids are English sentences (so a reworded English
message orphans its translation) and its catalogues need a compile step and tooling
(babel) to keep `.po` and `.mo` in step; here a missing language or a mismatched
placeholder is a failing test, and mypy sees every use.

Imports nothing from the package outside `messages/`: every layer may use it. The
catalogue is merged from parts, one module per area (`messages/*.py`), at the end.
"""

import re
import string
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from projledger.messages import lists
from projledger.messages.entry import LANGS as LANGS
from projledger.messages.entry import Entry as Entry
from projledger.messages.entry import Lang as Lang


@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue key and its arguments (as text: they are stored in caches)."""

    key: str
    args: tuple[tuple[str, str], ...] = ()

    def render(self, lang: Lang) -> str:
        return text(self.key, lang, **dict(self.args))

    def __str__(self) -> str:
        return self.render("en")


@runtime_checkable
class Renderable(Protocol):
    """Anything that says itself in either language (a `Message`, a message quoting
    findings): what an error may be raised with."""

    def render(self, lang: Lang) -> str: ...


def msg(key: str, **args: object) -> Message:
    """A message to render later; `key` must be in `CATALOGUE`."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Message(key, tuple((name, str(value)) for name, value in args.items()))


def text(key: str, lang: Lang, **args: object) -> str:
    """The message `key` in `lang`, its placeholders filled in. A placeholder written
    `{name!t}` takes terms, not text: its value is one or more catalogue keys after
    `term.` (comma-separated), each put in `lang`, joined as a list; a term may hold
    placeholders of its own, filled from the same arguments. `{name!f}` takes a field's
    path (`issues[0].closure.date`), shown by `field_label`; `{name!k}` a field's key,
    which Chinese shows after its label (实施主体（owner）); `{name!l}` names,
    `|`-separated, as a list; `{name!o}` the values allowed, `|`-separated, as "one of"
    reads in `lang`."""
    template = CATALOGUE[key].text(lang, args.get("n"))
    return _Formatter(lang, args).vformat(template, (), args) if args else template


class _Formatter(string.Formatter):
    def __init__(self, lang: Lang, args: dict[str, object]) -> None:
        self.lang = lang
        self.args = args

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "t":
            names = str(value).split(",") if value != "" else []
            terms = [
                self.vformat(CATALOGUE[f"term.{name}"].text(self.lang), (), self.args)
                for name in names
            ]
            return ("、" if self.lang == "zh" else ", ").join(terms)
        if conversion == "f":
            return field_label(str(value), self.lang)
        if conversion == "k":
            label = field_label(str(value), self.lang)
            return f"“{label}”（{value}）" if label != value else f"`{value}`"
        if conversion == "l":
            return ("、" if self.lang == "zh" else ", ").join(str(value).split("|"))
        if conversion == "o":
            return _one_of(str(value).split("|"), self.lang)
        return super().convert_field(value, conversion)


def _one_of(choices: list[str], lang: Lang) -> str:
    """“省级”、“市级”或“区级”; '省级', '市级' or '区级'."""
    opening, closing, comma, last = (
        ("“", "”", "、", "或") if lang == "zh" else ("'", "'", ", ", " or ")
    )
    quoted = [f"{opening}{choice}{closing}" for choice in choices]
    return comma.join(quoted[:-1]) + last + quoted[-1] if len(quoted) > 1 else quoted[0]


def terms_in(template: str) -> set[str]:
    """The placeholders a template fills with terms (`{name!t}`), for the catalogue's test."""
    return {name for _, name, _, conv in string.Formatter().parse(template) if conv == "t" and name}


def placeholders(template: str) -> set[str]:
    """The names a template's `{...}` fields use (for the catalogue's test)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True, slots=True)
class Composed:
    """A catalogue message some of whose arguments say themselves (a list of candidates,
    a hint), each in the language the whole is shown in: what an error is raised with
    when its parts are messages too. Made by `composed`."""

    key: str
    args: tuple[tuple[str, "Renderable | str"], ...] = ()

    def render(self, lang: Lang) -> str:
        said = {name: _said(value, lang) for name, value in self.args}
        return text(self.key, lang, **said)

    def __str__(self) -> str:
        return self.render("en")


def composed(key: str, **args: object) -> Composed:
    """A message to render later whose arguments may be `Renderable`; `key` must be in
    `CATALOGUE`."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Composed(
        key,
        tuple(
            (name, value if isinstance(value, Renderable) else str(value))
            for name, value in args.items()
        ),
    )


Between = Literal["", "names", "clauses"]


@dataclass(frozen=True, slots=True)
class Joined:
    """Parts (messages, or text the same in either language: ids, names) said in the
    language the whole is shown in, one after another (a message and its hint), or as a
    list (`lists.names`, `lists.clauses`). Made by `joined`."""

    parts: tuple["Renderable | str", ...]
    between: Between = ""

    def render(self, lang: Lang) -> str:
        said = [_said(part, lang) for part in self.parts]
        if self.between == "names":
            return lists.names(said, lang)
        if self.between == "clauses":
            return lists.clauses(said, lang)
        return "".join(said)

    def __str__(self) -> str:
        return self.render("en")


def joined(*parts: "Renderable | str", between: Between = "") -> Joined:
    return Joined(parts, between)


def _said(value: "Renderable | str", lang: Lang) -> str:
    return value if isinstance(value, str) else value.render(lang)


@dataclass(frozen=True, slots=True)
class Area:
    """The messages of one area (`refs.no_project`, `refs.more`...) for a module that
    names them by their last part. `say.msg(key, ...)`: a message said where it is shown
    (an error: in the run's language). `say(lang, key, ...)`: text now, in `lang`: the
    run's, passed down from the CLI, or the ledger's for what is written into its files
    (a commit's subject); never the ledger's for what the user reads."""

    prefix: str

    def __call__(self, lang: Lang, key: str, **args: object) -> str:
        return text(f"{self.prefix}.{key}", lang, **args)

    def msg(self, key: str, **args: object) -> Composed:
        return composed(f"{self.prefix}.{key}", **args)


def pick_lang(value: str | None, default: Lang = "en") -> Lang:
    """A language from a config value, an option or a locale (`zh_CN.UTF-8` → zh)."""
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered.startswith("zh"):
        return "zh"
    if lowered.startswith("en"):
        return "en"
    return default


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_label(path: str, lang: Lang) -> str:
    """A field's path (`completed_on`, `progress[1]`, `issues[0].closure.date`) as its user
    reads it: in Chinese the staff's words (完成日期, 进展第2条, 问题清单第1条·销号日期);
    in English the path itself, as the file spells it. A name not in the catalogue stays
    as written."""
    if lang == "en" or not path:
        return path
    parts: list[str | int] = [
        name if name else int(index) for name, index in _PATH_PART.findall(path)
    ]
    words: list[str] = []
    at = 0
    while at < len(parts):
        part = parts[at]
        if isinstance(part, int):
            counted = f"第{part + 1}条"
            if words:
                words[-1] += counted
            else:
                words.append(counted)
            at += 1
            continue
        following = parts[at + 1] if at + 1 < len(parts) else None
        pair = CATALOGUE.get(f"field.{part}.{following}") if isinstance(following, str) else None
        if pair is not None:
            words.append(pair.zh)
            at += 2
            continue
        entry = CATALOGUE.get(f"field.{part}")
        words.append(entry.zh if entry is not None else part)
        at += 1
    return "·".join(words)


E = Entry

CATALOGUE: dict[str, Entry] = {
    # --- Help texts (cli/) ------------------------------------------------------------------
    "help.app": E(
        "重点项目台账：以 YAML 文件存于 git，含四张清单、检查与报告。",
        "Key-project ledgers (重点项目台账) as YAML files in git: the four lists, checks, reports.",
    ),
    # --- The error boundary (error_handler.py) -------------------------------------------
    "error.prefix": E("projledger: 错误：", "projledger: error: "),
    "note.prefix": E("projledger: 提示：", "projledger: note: "),
    "error.interrupted": E("已中断", "interrupted"),
    "error.internal_no_log": E(
        "内部错误（projledger 的缺陷），且无法写入崩溃日志（可将 XDG_STATE_HOME 设为您有权写入的"
        "目录）。请连同所运行的命令一并报告。",
        "internal error (a bug in projledger), and no private directory could take its "
        "crash log (set XDG_STATE_HOME to a directory of yours to keep one). Please "
        "report it with the command you ran.",
    ),
    "error.internal": E(
        "内部错误（projledger 的缺陷）；详情见 {log}。请报告此问题。",
        "internal error (a bug in projledger); details in {log}. Please report it.",
    ),
    # --- Common errors ---------------------------------------------------------------------
    "error.root_not_found": E(
        "{start} 及其上级目录中都没有 projledger.yaml：这里不在台账根目录内。"
        "请用 --root 目录 指定，或用 `projledger init 目录` 新建一个。",
        "no projledger.yaml in {start} or above it: this is not inside a ledger root. "
        "Pass --root DIR, or create one with `projledger init DIR`.",
    ),
    "date.not_a_date": E(
        "{text} 不是日期：请写成 2026-12-10、2026/12/10、2026.12.10 或 2026年12月10日",
        "{text} is not a date: write it as 2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日",
    ),
    "date.no_year": E(
        "{text} 没有年份：请写成 2026-12-10、2026/12/10、2026.12.10 或 2026年12月10日",
        "{text} names no year: write it as 2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日",
    ),
    "date.no_such_day": E(
        "{text} 这一天不存在（请核对该月天数）",
        "{text} is not a day that exists (check the month's length)",
    ),
    "date.no_month": E(
        "{text} 这一天不存在（没有 {month} 月）",
        "{text} is not a day that exists (no month {month})",
    ),
    "error.hand_edits": E(
        "{name} 有未提交的修改（手工编辑？）。请先提交（`git commit {name}`），"
        "或加 --commit-hand-edits 先将其单独提交",
        "{name} has changes that are not committed (edits by hand?). Commit them "
        "(`git commit {name}`), or pass --commit-hand-edits to commit them first as "
        "their own commit",
    ),
    "error.root_busy": E(
        "台账根目录正忙：另一条 projledger 命令（进程 {pid}）{held}；请待其结束后再运行本命令",
        "the ledger root is busy: another projledger command (pid {pid}) {held}; run the "
        "command again when it has finished",
    ),
    "error.root_busy.held_for": E("已占用超过 {seconds} 秒", "has held it for over {seconds} s"),
    "error.root_busy.holds": E("正占用中", "holds it"),
    "error.root_busy.wait_longer": E(
        "{busy}，或设置 {var}={seconds} 以等待更久",
        "{busy}, or set {var}={seconds} to wait longer",
    ),
    # --- check output (render/check_output.py) -------------------------------------------
    "check.severity.error": E("错误", "error"),
    "check.severity.warning": E("警告", "warning"),
    "count.files": E("{n} 个文件", "{n} files", "{n} file"),
    "count.errors": E("{n} 个错误", "{n} errors", "{n} error"),
    "count.warnings": E("{n} 个警告", "{n} warnings", "{n} warning"),
    "count.more_findings": E("{n} 处问题", "{n} more findings", "{n} more finding"),
    "check.no_findings": E("已检查 {files}：未发现问题", "{files} checked: no findings"),
    "check.summary": E(
        "已检查 {files}：{errors}、{warnings}，涉及 {with_findings}",
        "{files} checked: {errors}, {warnings} in {with_findings}",
    ),
    "check.more": E(
        "{file}：……本文件另有 {rest}（`--format json` 列出全部）",
        "{file}: … and {rest} in this file (`--format json` lists them all)",
    ),
    # --- Findings: rules within a project (check/rules.py) -------------------------------
    "PL201.twice": E(
        "编号 {id} 在本项目中重复使用；请给此事项换一个新编号"
        "（用 `projledger` 添加的事项编号不会重复）",
        "id {id} is used twice in this project; give this item a new id "
        "(`projledger` makes them unique when it adds items)",
    ),
    "PL202.no_target": E(
        "时效 {id} 对应的 {target} 不是本项目的问题或任务；请改正对象或删除此时效",
        "deadline {id} is for {target}, which is not an issue or task of "
        "this project; fix the target or remove the deadline",
    ),
    "PL203.many": E(
        "{target} 有 {count} 条时效；请只保留一条，以后的日期记为其延期",
        "{target} has {count} deadlines; keep one and record later dates as its extensions",
    ),
    "PL204.count": E(
        "每个项目须有且只有一名包抓领导；本项目有 {count} 名（{names}）",
        "a project has exactly one 包抓领导 (lead leader); this one has {count} ({names})",
    ),
    "PL204.none": E(
        "每个项目须有且只有一名包抓领导；本项目没有",
        "a project has exactly one 包抓领导 (lead leader); this one has 0 (none)",
    ),
    "PL204.no_person": E(
        "包抓领导条目未写明人员；请添加 `person`",
        "the 包抓领导 entry names no person; add `person`",
    ),
    "PL223": E(
        "责任 {id} 既未写责任单位（`unit`），也未写责任人（`person`）",
        "responsibility {id} names neither `unit` nor `person`",
    ),
    "PL205": E(
        "{id} 的{field!t}“{name}”不在本项目的责任清单中；请为其添加一条责任",
        "{id}'s {field!t} {name} is not in this project's responsibilities; "
        "add a responsibility for it",
    ),
    "PL206.close": E(
        "单位“{name}”未在 projledger.yaml 中声明；是否应为“{close}”？",
        "unit {name} is not declared in projledger.yaml; did you mean {close}?",
    ),
    "PL206.unknown": E(
        "单位“{name}”未在 projledger.yaml 中声明；请在其中声明，或改正写法",
        "unit {name} is not declared in projledger.yaml; declare it there or fix the spelling",
    ),
    "PL206.retired": E(
        "单位“{name}”已于 {date} 撤销，未办结的事项不能再由它负责；请改交其他单位",
        "unit {name} was retired on {date}, and nothing open may name it; reassign it",
    ),
    "PL207.close": E(
        "人员“{name}”未在 projledger.yaml 中声明；是否应为“{close}”？",
        "person {name} is not declared in projledger.yaml; did you mean {close}?",
    ),
    "PL207.unknown": E(
        "人员“{name}”未在 projledger.yaml 中声明；请在其中声明，或改正写法",
        "person {name} is not declared in projledger.yaml; declare it there or fix the spelling",
    ),
    "PL208.close": E(
        "阶段“{name}”未在 projledger.yaml 中声明；是否应为“{close}”？",
        "stage {name} is not declared in projledger.yaml; did you mean {close}?",
    ),
    "PL208.unknown": E(
        "阶段“{name}”未在 projledger.yaml 中声明；请在其中声明，或改正写法",
        "stage {name} is not declared in projledger.yaml; declare it there or fix the spelling",
    ),
    "PL209.before_raised": E(
        "{id}：{what!t}日期 {when} 早于问题登记日期（{raised}）",
        "{id}: the {what!t} date {when} is before the issue was raised ({raised})",
    ),
    "PL209.closed_before_verification": E(
        "{id}：销号日期 {closed} 早于申请核验日期 {asked}",
        "{id}: closed on {closed}, before verification was asked for on {asked}",
    ),
    "PL209.extension_not_later": E(
        "{id}：延期后的时限 {new_due} 不晚于被延期的时限（{previous}）",
        "{id}: extension to {new_due} is not later than the due date it extends ({previous})",
    ),
    "PL209.no_start": E(
        "{name!t} {later} 已填写，但没有实际开工日期（actual_start）",
        "{name!t} {later} is with no actual_start",
    ),
    "PL209.before_start": E(
        "{name!t} {later} 早于实际开工日期 {start}",
        "{name!t} {later} is before actual_start {start}",
    ),
    "PL210": E(
        "{id} 状态为{state}，但缺少{missing!t}；交办须明确责任单位、责任人和时限",
        "{id} is {state} but has no {missing!t}; 交办 needs an owner and a time limit",
    ),
    "PL211": E(
        "{id} 状态为待核验，但没有核验记录 `verification`（日期、佐证材料、说明）",
        "{id} is 待核验 but has no `verification` (date, evidence, explanation)",
    ),
    "PL212": E(
        "{id} 状态为已销号，但没有销号记录 `closure`（日期、核验人、佐证材料）",
        "{id} is 已销号 but has no `closure` (date, verifier, evidence)",
    ),
    "PL213": E(
        "{id} 状态为已撤销，但没有撤销记录 `withdrawal`（日期、原因）",
        "{id} is 已撤销 but has no `withdrawal` (date, reason)",
    ),
    "PL214.closure": E(
        "{id} 有销号记录，但状态为{state}；请将状态改为已销号，或删除该记录",
        "{id} has a closure record but is {state}; set state 已销号 or remove it",
    ),
    "PL214.withdrawal": E(
        "{id} 有撤销记录，但状态为{state}；请将状态改为已撤销，或删除该记录",
        "{id} has a withdrawal record but is {state}; set state 已撤销 or remove it",
    ),
    "PL214.completed_on": E(
        "{id} 填有完成日期 {date}，但状态为{state}；请将状态改为已完成，或删除该日期",
        "{id} has completed_on {date} but is {state}; set state 已完成 or remove the date",
    ),
    "PL215": E(
        "{id} 状态为已完成，但缺少{missing!t}",
        "{id} is 已完成 but has no {missing!t}",
    ),
    "PL216.missing": E(
        "项目已退库，但没有退库记录 `retirement`（日期、原因、审核人）",
        "the project is 退库 but has no `retirement` (date, reason, reviewer)",
    ),
    "PL216.extra": E(
        "项目有退库记录，但库别为{pool}；请将库别改为退库，或删除该记录",
        "the project has a retirement record but its pool is {pool}; set pool 退库 "
        "or remove the record",
    ),
    "PL217.missing": E(
        "在谈项目须有成熟度（{choices}）；请添加 `maturity`",
        "a project 在谈 has a maturity ({choices}); add `maturity`",
    ),
    "PL217.extra": E(
        "成熟度仅用于在谈项目；本项目为{pool}",
        "maturity is for projects under negotiation; this one is {pool}",
    ),
    "PL218": E(
        "审批手续“{name}”已办结，但没有办结日期",
        "approval {name} is 已办结 but has no date",
    ),
    "PL219": E(
        "审批手续“{name}”已办结，但没有文号（permit_no）",
        "approval {name} is 已办结 but has no permit_no",
    ),
    "PL220": E(
        "累计完成投资 {done} 万元（上年底累计 + 本年完成）超过总投资 {total} 万元",
        "completed investment {done} 万元 (before this year + this year) exceeds "
        "the total {total} 万元",
    ),
    "PL222": E(
        "分月计划合计 {sum} 万元，与年度计划投资 {plan} 万元不符",
        "the monthly plan adds up to {sum} 万元, this year's plan is {plan} 万元",
    ),
    "PL221.funding": E(
        "{source}：到位资金 {received} 万元超过计划 {planned} 万元",
        "{source}: received {received} exceeds planned {planned} 万元",
    ),
    "PL221.land": E(
        "已供地 {supplied} 亩超过需用地 {needed} 亩",
        "land supplied {supplied} 亩 exceeds land needed {needed} 亩",
    ),
    "PL224.investment": E(
        "本年完成投资 {done} 万元超过年度计划 {plan} 万元的 {times} 倍；"
        "请核对数字（单位是万元，不是元？）",
        "completed this year {done} 万元 is more than {times}× this year's plan {plan} 万元; "
        "check the figure (万元, not 元?)",
    ),
    "PL224.task": E(
        "任务 {id}：已完成 {done} {unit}，超过目标 {amount} {unit}",
        "task {id}: {done} {unit} done of a target of {amount} {unit}",
    ),
    "PL225": E(
        "项目已到{stage}阶段，但施工许可为{status}：请登记许可（`advance 项目 --approval 施工许可 "
        "--status 已办结 --permit-no …`），或记为不涉及",
        "the project is at {stage} but its 施工许可 is {status}: record the permit (`advance "
        "PROJECT --approval 施工许可 --status 已办结 --permit-no …`) or 不涉及",
    ),
    # --- Terms: what `{name!t}` placeholders take ------------------------------------------
    "term.unit": E("责任单位", "unit"),
    "term.person": E("责任人", "person"),
    "term.deadline": E(
        "时限（以其为对象的时效清单条目）", "a deadline (a deadlines entry with it as target)"
    ),
    "term.progress_note": E("进展", "progress note"),
    "term.return": E("退回", "return"),
    "term.verification": E("核验", "verification"),
    "term.closure": E("销号", "closure"),
    "term.withdrawal": E("撤销", "withdrawal"),
    "term.completed_on": E("完成日期", "completed_on"),
    "term.evidence": E("佐证材料", "evidence"),
    "term.actual_completion": E("实际竣工日期", "schedule.actual_completion"),
    "term.actual_operation": E("实际投产日期", "schedule.actual_operation"),
    "term.unregistered": E("未登记", "未登记"),
    # --- Findings: the configuration (check/config_rules.py) and files (check/files.py) ----
    "PL401.declared_again": E(
        "“{name}”重复声明：{at} 与 {first} 重复；请删除其一或改名，以免排名被拆分",
        "{name} is declared again: {at} repeats {first}; remove one or rename it, so "
        "rankings do not split",
    ),
    "PL401.member_again": E(
        "{who} 重复声明：members[{index}] 与 members[{first}] 重复；"
        "每个身份只写一条，列出其全部角色",
        "{who} is declared again: members[{index}] repeats members[{first}]; give each "
        "identity one entry, with all its roles",
    ),
    "PL402": E(
        "人员“{name}”所在单位“{unit}”未在 units 中声明",
        "{name}'s unit {unit} is not declared in units",
    ),
    "PL403": E(
        "lights.{name}：红灯阈值（{red}）低于黄灯阈值（{yellow}）",
        "lights.{name}: the red threshold ({red}) is below the yellow one ({yellow})",
    ),
    "PL404.reporter_unit": E(
        "成员 {who}：单位填报人为某一单位填报，请添加其单位（unit）",
        "member {who}: a 单位填报人 reports for a unit: add its unit",
    ),
    "PL404.task_force": E(
        "成员 {who}：专班负责其项目，请添加专班名称（task_force）",
        "member {who}: a 专班 works on its projects: add the task force's name",
    ),
    "PL404.unit": E(
        "成员 {who}：其单位“{unit}”未在 units 中声明",
        "member {who}: its unit {unit} is not declared in units",
    ),
    "PL404.person": E(
        "成员 {who}：其人员“{person}”未在 people 中声明",
        "member {who}: its person {person} is not declared in people",
    ),
    "PL200": E(
        "项目编号为 {id}，但文件名是 {stem}.yaml；请重命名文件或改正编号",
        "id is {id} but the file is {stem}.yaml; rename the file or fix the id",
    ),
    "PL015": E(
        "第一行应为 `{expected}`，以便编辑器校验和补全本文件（`projledger fix {file}` 可写入）",
        "the first line should be `{expected}` so editors validate and complete the "
        "file (`projledger fix {file}` writes it)",
    ),
    # --- Field names (`field_label`): zh the staff's words, en the file's key ----------
    "field.actual_completion": E("实际竣工日期", "actual_completion"),
    "field.actual_operation": E("实际投产日期", "actual_operation"),
    "field.actual_start": E("实际开工日期", "actual_start"),
    "field.agency": E("审批机关", "agency"),
    "field.amount": E("目标数量", "amount"),
    "field.approvals": E("审批手续", "approvals"),
    "field.approver": E("批准人", "approver"),
    "field.basis": E("依据", "basis"),
    "field.by": E("记录人", "by"),
    "field.category": E("问题类别", "category"),
    "field.cause_side": E("责任方", "cause_side"),
    "field.closure": E("销号", "closure"),
    "field.code": E("项目代码", "code"),
    "field.completed_before_year": E("截至上年底累计完成投资", "completed_before_year"),
    "field.completed_on": E("完成日期", "completed_on"),
    "field.completed_this_year": E("本年完成投资", "completed_this_year"),
    "field.coordination_level": E("协调层级", "coordination_level"),
    "field.current_progress": E("进展情况", "current_progress"),
    "field.date": E("日期", "date"),
    "field.deadlines": E("时效清单", "deadlines"),
    "field.description": E("描述", "description"),
    "field.done": E("已完成数量", "done"),
    "field.due": E("时限", "due"),
    "field.duplicate_of": E("重复于", "duplicate_of"),
    "field.duties": E("职责", "duties"),
    "field.evidence": E("佐证材料", "evidence"),
    "field.explanation": E("说明", "explanation"),
    "field.extensions": E("延期", "extensions"),
    "field.funding": E("资金来源", "funding"),
    "field.head": E("专班负责人", "head"),
    "field.id": E("编号", "id"),
    "field.industry": E("行业领域", "industry"),
    "field.investment": E("投资", "investment"),
    "field.issues": E("问题清单", "issues"),
    "field.land": E("用地", "land"),
    "field.levels": E("级别", "levels"),
    "field.locality": E("属地", "locality"),
    "field.maturity": E("成熟度", "maturity"),
    "field.measure": E("任务量", "measure"),
    "field.measures": E("措施", "measures"),
    "field.members": E("成员", "members"),
    "field.monthly_plan": E("分月计划", "monthly_plan"),
    "field.name": E("名称", "name"),
    "field.nature": E("建设性质", "nature"),
    "field.needed_mu": E("需用地（亩）", "needed_mu"),
    "field.new_due": E("新时限", "new_due"),
    "field.note": E("内容", "note"),
    "field.owner": E("实施主体", "owner"),
    "field.past_years": E("往年", "past_years"),
    "field.permit_no": E("文号", "permit_no"),
    "field.person": E("责任人", "person"),
    "field.plan_this_year": E("年度计划投资", "plan_this_year"),
    "field.planned": E("计划", "planned"),
    "field.pool": E("库别", "pool"),
    "field.progress": E("进展", "progress"),
    "field.raised": E("登记日期", "raised"),
    "field.reason": E("原因", "reason"),
    "field.received": E("到位", "received"),
    "field.requests": E("申请", "requests"),
    "field.responsibilities": E("责任清单", "responsibilities"),
    "field.retirement": E("退库", "retirement"),
    "field.returns": E("退回", "returns"),
    "field.reviewer": E("审核人", "reviewer"),
    "field.role": E("角色", "role"),
    "field.schedule": E("进度", "schedule"),
    "field.schema_version": E("格式版本", "schema_version"),
    "field.series": E("月度数据", "series"),
    "field.source": E("来源", "source"),
    "field.stage": E("阶段", "stage"),
    "field.state": E("状态", "state"),
    "field.status": E("状态", "status"),
    "field.supplied_mu": E("已供地（亩）", "supplied_mu"),
    "field.target": E("对象", "target"),
    "field.task_force": E("专班", "task_force"),
    "field.tasks": E("任务清单", "tasks"),
    "field.through_month": E("截至月份", "through_month"),
    "field.through": E("截至月份", "through"),
    "field.completed": E("完成数", "completed"),
    "field.reported": E("填报日期", "reported"),
    "field.title": E("标题", "title"),
    "field.total": E("总投资", "total"),
    "field.unit": E("责任单位", "unit"),
    "field.updated": E("更新日期", "updated"),
    "field.verification": E("核验", "verification"),
    "field.verifier": E("核验人", "verifier"),
    "field.withdrawal": E("撤销", "withdrawal"),
    "field.year": E("年度", "year"),
    "field.closure.date": E("销号日期", "closure.date"),
    "field.measure.amount": E("目标数量", "measure.amount"),
    "field.measure.done": E("已完成数量", "measure.done"),
    "field.measure.unit": E("计量单位", "measure.unit"),
    "field.retirement.date": E("退库日期", "retirement.date"),
    "field.retirement.reason": E("退库原因", "retirement.reason"),
    "field.returns.date": E("退回日期", "returns.date"),
    "field.verification.date": E("申请核验日期", "verification.date"),
    "field.withdrawal.date": E("撤销日期", "withdrawal.date"),
    "field.withdrawal.reason": E("撤销原因", "withdrawal.reason"),
    # --- History tables (history/render.py) ----------------------------------------------
    "history.title.project": E("{project} 的变更记录", "history of {project}"),
    "history.title.item": E("{project} {item} 的变更记录", "history of {project} {item}"),
    "history.title.period": E("{period} 期间的变更", "changes {period}"),
    "history.no_changes": E("{title}：没有变更", "{title}: no changes"),
    "history.heading": E("{title}：{changes}，涉及 {commits}", "{title}: {changes} in {commits}"),
    "count.changes": E("{n} 处变更", "{n} changes", "{n} change"),
    "count.commits": E("{n} 次提交", "{n} commits", "{n} commit"),
    "history.col.date": E("日期", "date"),
    "history.col.commit": E("提交", "commit"),
    "history.col.author": E("操作人", "author"),
    "history.col.project": E("项目", "project"),
    "history.col.item": E("事项", "item"),
    "history.col.field": E("字段", "field"),
    "history.col.change": E("变更", "change"),
    "history.the_project": E("项目", "project"),
    "history.unreadable": E(
        "该版本文件无法读取（`projledger check` 可查明原因）；已跳过",
        "the file could not be read (`projledger check` says why); skipped",
    ),
    "history.file_added": E("新建项目文件：{name}", "project file added: {name}"),
    "history.file_removed": E("删除项目文件：{name}", "project file removed: {name}"),
    "history.file_changed": E("项目文件变更：{name}", "project file changed: {name}"),
    "history.item_added": E("新增：{summary}", "added: {summary}"),
    "history.item_removed": E("删除：{summary}", "removed: {summary}"),
    "history.item_changed": E("变更：{summary}", "changed: {summary}"),
}


def _merged(*parts: dict[str, Entry]) -> None:
    """Add the catalogue's parts (one module per area, in `messages/`); a key in two
    places is a mistake, caught at import."""
    for part in parts:
        for key, entry in part.items():
            if key in CATALOGUE:
                raise KeyError(f"message {key!r} is in the catalogue twice")
            CATALOGUE[key] = entry


# The parts import `Entry` from messages/entry.py, so they load after the catalogue above.
from projledger.messages import audit_findings  # noqa: E402, I001
from projledger.messages import change_commands  # noqa: E402
from projledger.messages import change_refusals  # noqa: E402
from projledger.messages import change_refusals_more  # noqa: E402
from projledger.messages import change_refusals_last  # noqa: E402
from projledger.messages import deadline_states  # noqa: E402
from projledger.messages import duplicates_and_periods  # noqa: E402
from projledger.messages import file_refusals  # noqa: E402
from projledger.messages import excel  # noqa: E402
from projledger.messages import help_texts  # noqa: E402
from projledger.messages import history_refusals  # noqa: E402
from projledger.messages import lang_plumbing  # noqa: E402
from projledger.messages import server_hook_lang  # noqa: E402
from projledger.messages import command_refusals  # noqa: E402
from projledger.messages import leftovers  # noqa: E402
from projledger.messages import late_extension  # noqa: E402
from projledger.messages import hostile_input  # noqa: E402
from projledger.messages import names  # noqa: E402
from projledger.messages import narrative_elements  # noqa: E402
from projledger.messages import option_help  # noqa: E402
from projledger.messages import prompts  # noqa: E402
from projledger.messages import reading_findings  # noqa: E402
from projledger.messages import rule_findings  # noqa: E402
from projledger.messages import run_output  # noqa: E402
from projledger.messages import schema_findings  # noqa: E402
from projledger.messages import shared_option_help  # noqa: E402
from projledger.messages import terminal  # noqa: E402

_merged(
    help_texts.ENTRIES,
    history_refusals.ENTRIES,
    server_hook_lang.ENTRIES,
    command_refusals.ENTRIES,
    hostile_input.ENTRIES,
    names.ENTRIES,
    change_commands.ENTRIES,
    prompts.ENTRIES,
    narrative_elements.ENTRIES,
    terminal.ENTRIES,
    option_help.ENTRIES,
    audit_findings.ENTRIES,
    deadline_states.ENTRIES,
    duplicates_and_periods.ENTRIES,
    excel.ENTRIES,
    reading_findings.ENTRIES,
    file_refusals.ENTRIES,
    rule_findings.ENTRIES,
    run_output.ENTRIES,
    schema_findings.ENTRIES,
    late_extension.ENTRIES,
    shared_option_help.ENTRIES,
    change_refusals.ENTRIES,
    change_refusals_more.ENTRIES,
    change_refusals_last.ENTRIES,
    leftovers.ENTRIES,
    lang_plumbing.ENTRIES,
)
