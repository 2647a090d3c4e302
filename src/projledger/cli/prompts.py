"""Prompts that forgive: on a terminal, a change command asks for what is missing.

`cli.options.forgiving` (under every `@change_command`) makes a change command's required
options and arguments optional to typer; this module asks for each one left out when
stdin and stdout are both terminals: a date in any form `projledger.dates` reads, a
number, or one of a list (states, stages, units, people, levels, pools) shown numbered,
answered by its number or its name (a unit by its short name too). A bad answer is asked
again, with the reason. On a pipe nothing is asked: the usage error typer would have
given (exit 2). Imported only when something is missing.
"""

import datetime as dt
import inspect
import sys
import typing
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from projledger.cli.language import current
from projledger.dates import NotADayError, parse_day
from projledger.messages import Area, text


def on_a_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_for(names: list[str], signature: inspect.Signature, root: Path | None) -> dict[str, Any]:
    """The values of the parameters `names` of a command, asked for one after the other."""
    asker = _Asker(root)
    return {name: asker.ask(name, signature.parameters[name].annotation) for name in names}


class _Asker:
    """Asks for one value after another, with what the ledger declares to choose from."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._config: Any = None
        self.lang = current()  # the run's: --lang, else the ledger's
        try:
            from projledger.cli.options import root_path
            from projledger.ledger.config_cache import cached_config
            from projledger.root import LedgerRoot

            self._config = cached_config(LedgerRoot(root_path(root)))
        except Exception:  # no root, or a config that does not validate: ask without lists
            self._config = None

    def ask(self, name: str, annotation: Any) -> Any:
        kind = _base_type(annotation)
        choices = self._choices(name)
        label = _label(name, self.lang)
        if choices:
            for number, (shown, _) in enumerate(choices, start=1):
                typer.echo(f"  {number:>2}) {shown}")
        many = kind is list
        hint = ""
        if kind is dt.date:
            hint = say(self.lang, "date_hint", forms=text("date.forms", self.lang))
        elif choices:
            hint = say(self.lang, "many_hint" if many else "choice_hint", n=len(choices))
        question = f"{label}{hint}"
        while True:
            answer = str(typer.prompt(question, default="", show_default=False)).strip()
            try:
                return self._value(name, kind, answer, choices, many)
            except ValueError as problem:
                typer.echo(say(self.lang, "again", problem=str(problem)), err=True)

    def _value(
        self, name: str, kind: Any, answer: str, choices: list[tuple[str, str]], many: bool
    ) -> Any:
        if not answer:
            raise ValueError(say(self.lang, "needed"))
        if many:
            parts = answer.replace("，", ",").replace("、", ",").replace(" ", ",").split(",")
            return [self._one(name, part.strip(), choices) for part in parts if part.strip()]
        if kind is dt.date:
            try:
                return parse_day(answer)
            except NotADayError as problem:
                raise ValueError(problem.text(current())) from None
        if kind in (int, float):
            try:
                return kind(answer)
            except ValueError:
                raise ValueError(say(self.lang, "not_a_number", answer=answer)) from None
        return self._one(name, answer, choices)

    def _one(self, name: str, answer: str, choices: list[tuple[str, str]]) -> str:
        if not choices:
            return answer
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][1]
        values = [value for _, value in choices]
        if answer in values:
            return answer
        if name in _UNITS and self._config is not None:
            from projledger.model.unit_names import unit_names_of

            full = unit_names_of(self._config).full_name(answer)
            if full is not None:
                return full
        raise ValueError(say(self.lang, "not_a_choice", answer=answer, n=len(choices)))

    def _choices(self, name: str) -> list[tuple[str, str]]:
        """(as shown, the value) of what `name` may be; empty: any text."""
        from projledger.model import enums

        fixed: dict[str, type[StrEnum]] = {
            "level": enums.Level,
            "pool": enums.Pool,
            "category": enums.IssueCategory,
            "source": enums.IssueSource,
            "cause": enums.CauseSide,
            "role": enums.Role,
            "maturity": enums.Maturity,
            "nature": enums.Nature,
        }
        if name in fixed:
            return [(m.value, m.value) for m in fixed[name]]
        config = self._config
        if config is None:
            return []
        if name == "stage":
            return [(s, s) for s in config.all_stages()]
        if name in _UNITS:
            return [(f"{u.name}（{u.short}）" if u.short else u.name, u.name) for u in config.units]
        if name in _PEOPLE:
            return [(f"{p.name}（{p.title or p.unit}）", p.name) for p in config.people]
        return []


_UNITS = {"unit", "lead_unit", "locality_unit"}
_PEOPLE = {"leader", "person", "reviewer", "approver", "verifier", "by"}


def _base_type(annotation: Any) -> Any:
    """The type under Annotated and Optional: str, int, float, dt.date or list."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin is list:
        return list
    if origin is not None:  # Optional[X] / X | None
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _base_type(args[0])
    return annotation


def _label(name: str, lang: str) -> str:
    zh, en = LABELS.get(name, (name, name.replace("_", " ")))
    return zh if lang == "zh" else en


LABELS: dict[str, tuple[str, str]] = {
    "project": (
        "项目（名称、名称中的几个字、拼音首字母或编号）",
        "project (name, part of it, or id)",
    ),
    "project_id": (
        "新项目的编号（小写拼音、数字、连字符）",
        "new project's id (pinyin, digits, -)",
    ),
    "item": ("事项（编号或标题中的几个字）", "item (id or part of its title)"),
    "name": ("项目名称", "project name"),
    "level": ("级别", "level"),
    "pool": ("库别", "pool"),
    "industry": ("行业领域", "industry"),
    "locality": ("属地（镇/街道）", "locality"),
    "owner": ("实施主体 / 项目业主", "owner"),
    "leader": ("包抓领导", "lead leader"),
    "stage": ("阶段", "stage"),
    "total": ("总投资（万元）", "total investment (万元)"),
    "title": ("标题", "title"),
    "category": ("问题类别", "category"),
    "unit": ("责任单位", "responsible unit"),
    "role": ("角色", "role"),
    "duties": ("职责", "duties"),
    "target": ("对象（问题或任务编号，approval:手续，milestone:开工）", "target"),
    "due": ("时限", "due date"),
    "reason": ("原因", "reason"),
    "reviewer": ("审核人", "reviewer"),
    "to": ("新的时限", "new due date"),
    "approver": ("批准人", "approver"),
    "field": ("字段", "field"),
    "value": ("值", "value"),
    "note": ("进展", "progress note"),
}

say = Area("prompts")
"""This module's messages (`messages/`), by the last part of their key."""
