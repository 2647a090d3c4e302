"""Who an item is given to (交办): the unit as declared, and its responsibility.

A unit may be typed by its declared name, its short name or a variant (`model.unit_names`);
the file gets the declared full name. An issue given to a unit (or a person) the project's
责任清单 does not list yet brings that responsibility with it, in the same commit (`check`
would refuse the item otherwise, PL205): 责任单位 with the issue as its duty, or 具体责任人
for a new person of a listed unit. `--no-auto-responsibility` refuses instead, naming the
command that adds it.
"""

from typing import Any

from projledger.changes.new_ids import new_item_id
from projledger.changes.transaction import EditContext
from projledger.changes.yamledit import append, field_order, sequence
from projledger.errors import ProjledgerError
from projledger.messages import Area
from projledger.model.enums import Role
from projledger.model.project import Project
from projledger.model.unit_names import unit_names_of

PROJECT_ORDER = field_order(Project)


def declared_unit(ctx: EditContext, written: str | None, option: str = "--unit") -> str | None:
    """The declared full name of the unit `written` names; an unknown one is an error
    naming the closest declared units."""
    if not written:
        return written
    return unit_names_of(ctx.config).require(written, option)


def responsibility_for(
    ctx: EditContext,
    unit: str | None,
    person: str | None,
    item_id: str,
    title: str,
    *,
    auto: bool,
) -> str | None:
    """Add the responsibility `unit` (and `person`) need in this project to own `item_id`,
    unless it is there: a note for the change's summary, or None when nothing was added."""
    listed = list(ctx.data.get("responsibilities") or ())
    names = unit_names_of(ctx.config)
    unit_listed = not unit or any(names.same(r.get("unit"), unit) for r in listed)
    person_listed = not person or any(r.get("person") == person for r in listed)
    if unit_listed and person_listed:
        return None
    role = Role.RESPONSIBLE_UNIT if not unit_listed else Role.CONTACT
    if not auto:
        who = f" --unit {unit}" if unit else ""
        who += f" --person {person}" if person else ""
        command = (
            f"projledger add responsibility {ctx.data.get('id')} --role {role.value}{who} "
            f"--duties …"
        )
        missing = unit if not unit_listed else person
        raise ProjledgerError(say.msg("refused", who=str(missing), command=command))
    from projledger.changes.items import all_ids

    new_id = new_item_id("R", all_ids(ctx.data), ctx.options.random_bits)
    responsibilities = sequence(ctx.data, "responsibilities", PROJECT_ORDER)
    entry: dict[str, Any] = {"id": new_id, "role": role.value, "unit": unit, "person": person}
    # Written into the file, so in no language of a run: the item's own id and title.
    entry["duties"] = f"{item_id} {title}".strip()
    append(responsibilities, entry)
    who = "、".join(x for x in (unit, person) if x)
    return f"新增责任 {new_id}: {role.value} {who}"


say = Area("owners")
"""This module's messages (`messages/`), by the last part of their key."""
