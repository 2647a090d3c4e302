"""The config is ledger too: `unit add|rename|retire` and `person add|move` change
projledger.yaml (comments, key order and Chinese text kept: a ruamel.yaml round trip, as
yamledit.py does for projects), each as one commit through many_files.py.

- A rename changes the name in the config (and the people of the unit) and in every
  project that names the unit, in the same commit; an issue closed (已销号) keeps the name
  it was closed under (its record is never changed: `audit`), and the unit keeps that
  name in `former`, so the closed issue stays valid.
- Retiring a unit marks it `retired: DATE`; its names stay valid for what it did. It is
  refused while anything open names it: an issue not closed or withdrawn, a task not
  done, a responsibility of a project not retired (退库) or completed (竣工), or a person
  declared in it (move them first: `person move`).
"""

import datetime as dt
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projledger.changes.many_files import FileEdit, Planned
from projledger.changes.yamledit import append, field_order, put, text_scalar
from projledger.errors import ProjledgerError
from projledger.findings import Finding, Quoting
from projledger.messages import Area, Lang, Renderable, joined, msg
from projledger.model.config import Config, Person, Unit
from projledger.refs import did_you_mean
from projledger.root import LedgerRoot

say = Area("declare")
"""This module's messages (`messages/`), by the last part of their key."""


@dataclass(frozen=True)
class ConfigChange:
    """What the command asked for, as a function of the config's data."""

    command: str
    apply: Callable[["Context"], str]
    """Changes `Context.data` (and the projects through it); the commit's subject."""
    trailers: dict[str, str | None]


@dataclass
class Context:
    root: LedgerRoot
    config: Config
    data: Any
    today: dt.date
    project_edits: list[FileEdit]

    @property
    def lang(self) -> Lang:
        """The ledger's: the commit's subject is written in it. (What the user reads is
        said in the run's language: the errors are raised unsaid, `say.msg`.)"""
        return self.config.language


def plan(root: LedgerRoot, change: ConfigChange, today: dt.date) -> Planned:
    """Read the config (and projects) now, apply the change, judge the result."""
    from projledger.store.document import load_document

    config = _current_config(root)
    path = root.config_file
    old = path.read_bytes()
    document = load_document(path)
    context = Context(root, config, document.data, today, [])
    subject = change.apply(context)
    new_text = document.dumps()
    new = new_text.encode("utf-8")
    new_config = _judge_config(new, path)
    _judge_projects(context.project_edits, new_config)
    edits = [FileEdit(path, old, new), *context.project_edits]
    return Planned(edits, f"[{config.organisation}] {subject}", change.command, change.trailers)


def judge_hand_edits(root: LedgerRoot) -> Callable[[list[Path]], None]:
    """Hand edits committed first must pass `check` (the config) and `check` and `audit`
    (a project), as projledger's own changes do."""

    def judge(paths: list[Path]) -> None:
        from projledger.changes.refusals import refuse_hand_edits_audit_rejects, refuse_if_invalid
        from projledger.gitrepo import LedgerRepo

        config = _current_config(root)
        for path in paths:
            if path == root.config_file:
                continue  # judged by _current_config
            refuse_if_invalid(path.read_text(encoding="utf-8"), path, config, "hand_edits")
            refuse_hand_edits_audit_rejects(LedgerRepo.open(root.path), path)

    return judge


def dirty_refusal(names: list[str]) -> ProjledgerError:
    return ProjledgerError(say.msg("dirty", files="|".join(names), first=names[0]))


def _current_config(root: LedgerRoot) -> Config:
    from projledger.check.files import check_config_bytes

    checked = check_config_bytes(root.config_file.read_bytes(), CONFIG_NAME)
    if checked.errors or checked.config is None:
        raise _quoting("config_unreadable", checked.errors)
    return checked.config


CONFIG_NAME = "projledger.yaml"


def _judge_config(raw: bytes, path: Path) -> Config:
    from projledger.check.files import check_config_bytes

    checked = check_config_bytes(raw, CONFIG_NAME)
    if checked.errors or checked.config is None:
        raise _quoting("invalid_config", checked.errors)
    return checked.config


def _judge_projects(edits: list[FileEdit], config: Config) -> None:
    from projledger.changes.refusals import refuse_what_history_forbids
    from projledger.check.files import check_project_bytes
    from projledger.history.values import parse_version

    for edit in edits:
        name = f"projects/{edit.path.name}"
        checked = check_project_bytes(edit.new, name, edit.path.stem, config)
        if checked.errors:
            raise _quoting("invalid_project", checked.errors, file=name)
        before = parse_version(edit.old)[0] if edit.old is not None else None
        refuse_what_history_forbids(before, parse_version(edit.new)[0], edit.path.stem)


def _quoting(key: str, findings: list[Finding], **args: str) -> ProjledgerError:
    """A refusal quoting the findings, said in the run's language."""
    if not findings:  # no config, yet no finding says why: not expected, still said
        return ProjledgerError(say.msg(key, findings="", **args))
    return ProjledgerError(Quoting(f"declare.{key}", tuple(findings), tuple(args.items())))


# --- finding what is declared ----------------------------------------------------------------


def _names_of(unit: Unit) -> list[str]:
    return [unit.name, *([unit.short] if unit.short else []), *unit.former]


def _unit_index(ctx: Context, written: str) -> int:
    """The declared unit `written` names (its name, short name or a former name)."""
    for index, unit in enumerate(ctx.config.units):
        if written in _names_of(unit):
            return index
    names = [name for unit in ctx.config.units for name in _names_of(unit)]
    raise ProjledgerError(say.msg("unknown_unit", name=written, hint=_hint(written, names)))


def _hint(written: str, names: list[str]) -> Renderable | str:
    close = difflib.get_close_matches(written, names, n=3, cutoff=0.3)
    if not close:
        close = [n for n in names if written in n or n in written][:3]
    return did_you_mean(joined(*close, between="names")) if close else ""


def _live_unit(ctx: Context, written: str) -> str:
    """The full name of the unit a person is put in: declared, and not retired."""
    unit = ctx.config.units[_unit_index(ctx, written)]
    if unit.retired is not None:
        raise ProjledgerError(say.msg("retired_unit", name=unit.name, date=unit.retired))
    return unit.name


def _refuse_taken(ctx: Context, name: str) -> None:
    for unit in ctx.config.units:
        if name in _names_of(unit):
            raise ProjledgerError(say.msg("unit_exists", name=name, where=unit.name))


def _person_index(ctx: Context, name: str) -> int:
    for index, person in enumerate(ctx.config.people):
        if person.name == name:
            return index
    names = [p.name for p in ctx.config.people]
    raise ProjledgerError(say.msg("unknown_person", name=name, hint=_hint(name, names)))


# --- the changes -----------------------------------------------------------------------------


def unit_add(name: str, short: str | None, kind: str | None) -> ConfigChange:
    def apply(ctx: Context) -> str:
        _refuse_taken(ctx, name)
        if short is not None:
            _refuse_taken(ctx, short)
        values = {
            "name": text_scalar(name, "name"),
            "short": text_scalar(short, "short") if short is not None else None,
            "kind": text_scalar(kind, "kind") if kind is not None else None,
        }
        append(ctx.data["units"], values)
        return say(ctx.lang, "subject_unit_add", name=name)

    return ConfigChange("unit-add", apply, {"Projledger-Unit": name})


def unit_rename(old: str, new: str) -> ConfigChange:
    def apply(ctx: Context) -> str:
        if old == new:
            raise ProjledgerError(say.msg("same_name", name=new))
        index = _unit_index(ctx, old)
        unit = ctx.config.units[index]
        _refuse_taken(ctx, new)
        entry = ctx.data["units"][index]
        if old not in (unit.name, unit.short):  # a former name: the unit is called otherwise
            hint = did_you_mean(joined(unit.name))
            raise ProjledgerError(say.msg("unknown_unit", name=old, hint=hint))
        key = "name" if old == unit.name else "short"
        entry[key] = text_scalar(new, key)
        for person in ctx.data.get("people") or []:
            if person.get("unit") == old:
                person["unit"] = text_scalar(new, "unit")
        kept = _rename_in_projects(ctx, old, new)
        if kept and old not in unit.former:
            former = entry.get("former")
            if former is None:
                from ruamel.yaml.comments import CommentedSeq

                former = CommentedSeq()
                former.fa.set_flow_style()
                put(entry, "former", former, field_order(Unit))
            former.append(text_scalar(old, "former"))
        count = len(ctx.project_edits)
        return say(ctx.lang, "subject_unit_rename", old=old, new=new, count=count)

    return ConfigChange(
        "unit-rename", apply, {"Projledger-Unit": new, "Projledger-From": old, "Projledger-To": new}
    )


def _rename_in_projects(ctx: Context, old: str, new: str) -> bool:
    """Every unit field naming `old` renamed, but in closed issues; whether any kept it."""
    from projledger.store.document import load_document

    needle = old.encode("utf-8")
    kept = False
    for path in ctx.root.project_files():
        if path.suffix != ".yaml" or not path.is_file():
            continue
        raw = path.read_bytes()
        if needle not in raw:
            continue
        document = load_document(path)
        changed = False
        for record, field, closed in _unit_fields(document.data):
            if record.get(field) != old:
                continue
            if closed:
                kept = True
                continue
            record[field] = text_scalar(new, field)
            changed = True
        if changed:
            ctx.project_edits.append(FileEdit(path, raw, document.dumps().encode("utf-8")))
    return kept


def _unit_fields(data: Any) -> Iterator[tuple[Any, str, bool]]:
    """(record, key, in a closed issue) for each place a project names a unit."""
    for list_name in ("responsibilities", "issues", "tasks"):
        for item in data.get(list_name) or []:
            if isinstance(item, dict):
                closed = list_name == "issues" and item.get("state") == "已销号"
                yield item, "unit", closed
    for deadline in data.get("deadlines") or []:
        if isinstance(deadline, dict):
            for request in deadline.get("requests") or []:
                if isinstance(request, dict):
                    yield request, "by", False


OPEN_POOLS_EXCLUDED = ("退库", "竣工")


def unit_retire(name: str) -> ConfigChange:
    def apply(ctx: Context) -> str:
        index = _unit_index(ctx, name)
        unit = ctx.config.units[index]
        if unit.retired is not None:
            raise ProjledgerError(say.msg("retired_unit", name=unit.name, date=unit.retired))
        names = set(_names_of(unit))
        open_items: list[Renderable | str] = [
            msg("declare.open_person", name=p.name) for p in ctx.config.people if p.unit in names
        ]
        open_items += _open_items(ctx.root, names)
        if open_items:
            more = [f"  … (+{len(open_items) - 20})"] if len(open_items) > 20 else []
            lines = [part for line in [*open_items[:20], *more] for part in ("\n", line)]
            shown = joined(*lines[1:])
            raise ProjledgerError(say.msg("retire_refused", name=unit.name, items=shown))
        put(ctx.data["units"][index], "retired", ctx.today, field_order(Unit))
        return say(ctx.lang, "subject_unit_retire", name=unit.name)

    return ConfigChange("unit-retire", apply, {"Projledger-Unit": name})


def _open_items(root: LedgerRoot, names: set[str]) -> list[str]:
    from projledger.store.reader import read_yaml

    found: list[str] = []
    for path in root.project_files():
        raw = path.read_bytes() if path.suffix == ".yaml" and path.is_file() else b""
        if not any(n.encode("utf-8") in raw for n in names):
            continue
        data = read_yaml(raw, str(path)).data
        if not isinstance(data, dict):
            continue
        live = data.get("pool") not in OPEN_POOLS_EXCLUDED
        for list_name, done in (
            ("issues", ("已销号", "已撤销")),
            ("tasks", ("已完成",)),
            ("responsibilities", ()),
        ):
            for item in data.get(list_name) or []:
                if not isinstance(item, dict) or item.get("unit") not in names:
                    continue
                if list_name == "responsibilities" and not live:
                    continue
                if item.get("state") in done:
                    continue
                state = item.get("state") or item.get("role") or ""
                found.append(f"  {path.stem} {item.get('id')} {state}")
    return found


def person_add(name: str, unit: str, title: str | None) -> ConfigChange:
    def apply(ctx: Context) -> str:
        for person in ctx.config.people:
            if person.name == name:
                raise ProjledgerError(say.msg("person_exists", name=name, unit=person.unit))
        full = _live_unit(ctx, unit)
        values = {
            "name": text_scalar(name, "name"),
            "unit": text_scalar(full, "unit"),
            "title": text_scalar(title, "title") if title is not None else None,
        }
        if ctx.data.get("people") is None:
            from ruamel.yaml.comments import CommentedSeq

            put(ctx.data, "people", CommentedSeq(), field_order(Config))
        append(ctx.data["people"], values)
        return say(ctx.lang, "subject_person_add", name=name, unit=full)

    return ConfigChange("person-add", apply, {"Projledger-Person": name})


def person_move(name: str, unit: str, title: str | None) -> ConfigChange:
    def apply(ctx: Context) -> str:
        index = _person_index(ctx, name)
        old = ctx.config.people[index].unit
        full = _live_unit(ctx, unit)
        entry = ctx.data["people"][index]
        if full != old:
            entry["unit"] = text_scalar(full, "unit")
        if title is not None:
            put(entry, "title", text_scalar(title, "title"), field_order(Person))
        return say(ctx.lang, "subject_person_move", name=name, old=old, new=full)

    return ConfigChange("person-move", apply, {"Projledger-Person": name, "Projledger-To": unit})
