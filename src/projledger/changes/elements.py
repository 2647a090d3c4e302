"""要素保障 by command: a funding source (资金来源) added to a project, the funds received
recorded on it, and `set` reaching a section the file does not have yet (`land`,
`schedule`, ...) or a funding source by its name (`funding.自筹.received`).

Whether the figures make sense (received beyond planned, supplied beyond needed: PL221)
is judged by the transaction with the rules of `check`, refused unless `--force`;
negative figures fail the schema and are refused."""

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from projledger.changes.field_types import NUMBER, TEXT
from projledger.changes.items import PROJECT_ORDER, project_change
from projledger.changes.transaction import Change, EditContext
from projledger.changes.yamledit import (
    append,
    choice,
    field_order,
    number,
    put,
    record,
    sequence,
    text_scalar,
)
from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.model.enums import FundingSource
from projledger.model.project import Funding, Project


def add_funding(source: str, planned: float, received: float | None, note: str | None) -> Any:
    """`add funding`: one funding source of the project, planned and (optionally) received
    so far. A source is listed once: a second is refused (record receipts on the first)."""

    def edit(ctx: EditContext) -> Change:
        kind = choice(FundingSource, source, "choice.source")
        _non_negative(planned, "--planned")
        if received is not None:
            _non_negative(received, "--received")
        items = sequence(ctx.data, "funding", PROJECT_ORDER)
        if any(str(entry.get("source")) == kind.value for entry in items):
            raise ProjledgerError(
                msg("refuse.funding_exists", source=kind.value, project=ctx.data.get("id"))
            )
        values: dict[str, Any] = {"source": kind.value, "planned": number(planned)}
        if received is not None:
            values["received"] = number(received)
        if note:
            values["note"] = text_scalar(note, "--note")
        append(items, values)
        shown = f"计划 {number(planned)} 万元" + (
            f", 到位 {number(received)} 万元" if received is not None else ""
        )
        return project_change(
            ctx,
            "add funding",
            f"资金来源 {kind.value}: {shown}",
            new=f"{kind.value} {number(planned)}",
        )

    return edit


def _non_negative(value: float, what: str) -> None:
    if value < 0:
        raise ProjledgerError(msg("refuse.negative_amount", what=what, value=f"{value:g}"))


def funding_field(data: Any, parts: list[str], path: str) -> tuple[Any, list[str], str] | None:
    """For `set`: `funding.<source>.<field>` as (that source's entry, [field], its kind);
    None for any other path."""
    if len(parts) != 3 or parts[0] != "funding":
        return None
    entries = data.get("funding") or []
    for entry in entries:
        if str(entry.get("source")) == parts[1]:
            key = parts[2]
            if key not in Funding.model_fields or key == "source":
                raise ProjledgerError(msg("refuse.funding_field", path=path))
            return entry, [key], TEXT if key == "note" else NUMBER
    known = "|".join(str(entry.get("source")) for entry in entries)
    key = "refuse.funding_unknown" if known else "refuse.funding_unknown_none"
    raise ProjledgerError(msg(key, path=path, source=parts[1], known=known, project=data.get("id")))


def open_section(target: Any, part: str) -> None:
    """For `set`: the record's section `part` (land, schedule, task_force...), created
    empty, in the model's place and on one line, when the file does not have it yet."""
    if target.get(part) is None and section_model(part) is not None:
        put(target, part, record({}, one_line=True), field_order(Project))


def section_model(part: str) -> type[BaseModel] | None:
    """The model of the record's section `part` (`land`: Land), or None when it is no
    section (a list, a mapping of entries, a value)."""
    field = Project.model_fields.get(part)
    if field is None:
        return None
    annotation = field.annotation
    if get_origin(annotation) not in (None, Union, types.UnionType):
        return None
    for kind in (annotation, *get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return kind
    return None


def put_in_section(target: Any, key: str, value: Any, section: str | None) -> None:
    """A new key of a section goes where its model puts it (needed_mu before supplied_mu)."""
    model = section_model(section) if section is not None else None
    if model is None:
        target[key] = value
    else:
        put(target, key, value, field_order(model))
