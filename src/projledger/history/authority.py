"""Authority (权限): whether a commit's author may make the change it made. Pure data in,
breaches out: no git.

The config's `members` say who is who (a git identity → roles, unit, task force, person);
absent, nothing here applies. A change of a project file is read as what it does to each
item and to the project record (a `Touch`), each judged against the author's roles:

- 办公室 (the office and its verifiers, 核验人): every change; 销号 and 退回 are theirs alone;
- 单位填报人 (a unit's reporter): on the items of its unit (as the item was before the
  change; a deadline through its target) progress notes (a task's note; an issue taken up,
  已交办 → 办理中 ↔ 持续推进), 申请核验 (→ 待核验 with its verification record), the
  quantity done (`measure.done`) and 申请延期 (a request appended); nothing else;
- 专班 (a task force): the same on every item of its projects (`task_force.name`), and new
  issues (已登记) there;
- extensions (延期) by the roles of `extension_approvers` (default 办公室), or by the member
  who is the project's 包抓领导 (`person`);
- 管理员: `projledger.yaml`, which no one else changes.

`projledger audit` judges every commit of a range with the config its parent had (so no
one grants themselves a role in the commit that uses it); every change command judges its
own change for its author before writing (changes/guard.py).

- PL510 the author is not a member;
- PL511 a change the role allows, to an item (or project) of another unit or task force;
- PL512 a change the author's roles do not allow at all;
- PL513 销号 not by a verifier; PL514 退回 not by a verifier;
- PL515 an extension not by an approver;
- PL516 projledger.yaml changed by someone who is not an administrator.
"""

from dataclasses import dataclass
from enum import StrEnum

from projledger.history.diff import ITEM_LISTS, items_of
from projledger.history.values import Json
from projledger.model.config import Config, Member, MemberRole


class Act(StrEnum):
    """What a change does, as far as who may do it matters."""

    PROGRESS = "progress"
    """进展: a progress note appended, a task's note, an issue taken up (办理中, 持续推进) or
    a task started (进行中)."""
    VERIFY = "verify"
    """申请核验: an issue to 待核验, with its verification record."""
    QUANTITY = "quantity"
    """已完成数量: a task's measure.done."""
    REQUEST = "request"
    """申请延期: a request appended to a deadline's requests."""
    NEW_ISSUE = "new-issue"
    """梳理: a new issue, 已登记."""
    CLOSE = "close"
    """销号."""
    RETURN = "return"
    """退回, or a closed issue reopened."""
    EXTEND = "extend"
    """延期: an extension appended."""
    OTHER = "other"
    """Anything else: the office's."""


REPORTER_ACTS = frozenset({Act.PROGRESS, Act.VERIFY, Act.QUANTITY, Act.REQUEST})
TASK_FORCE_ACTS = REPORTER_ACTS | {Act.NEW_ISSUE}
VERIFIER_ACTS = {Act.CLOSE: "PL513", Act.RETURN: "PL514"}


@dataclass(frozen=True, slots=True)
class Touch:
    """One thing a change did to one item (or to the project record: item None)."""

    act: Act
    list_name: str | None
    item_id: str | None
    fields: tuple[str, ...]
    """The fields it changed ("" : the whole item or file)."""
    owner: str | None = None
    """The unit the item belonged to before the change (a deadline: its target's)."""
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Breach:
    code: str
    member: Member | None
    touch: Touch | None = None
    """None for PL510 and PL516."""
    owner: str | None = None
    """PL511: whose the item or project is (a unit, or a task force)."""
    leader: str | None = None
    """PL515: the project's 包抓领导."""


def judge_change(
    config: Config, name: str, email: str, project: str, before: Json, after: Json
) -> list[Breach]:
    """What an author (git name and email) may not do of the change `before` → `after` of
    one project file (history's data; None: no file). [] when `members` is absent."""
    if config.members is None:
        return []
    member = config.member(name, email)
    if member is None:
        return [Breach("PL510", None)]
    breaches = []
    for touch in touches(before, after):
        code, owner = _refusal(config, member, touch, before)
        if code is not None:
            leader = lead_leader(before) if code == "PL515" else None
            breaches.append(Breach(code, member, touch, owner, leader))
    return breaches


def judge_config_change(config: Config, name: str, email: str) -> list[Breach]:
    """projledger.yaml changed by this author, judged by the config it had before."""
    if config.members is None:
        return []
    member = config.member(name, email)
    if member is None:
        return [Breach("PL510", None)]
    if MemberRole.ADMIN in member.roles:
        return []
    return [Breach("PL516", member)]


def _refusal(
    config: Config, member: Member, touch: Touch, before: Json
) -> tuple[str | None, str | None]:
    """(the code of the breach, and whose the item is for PL511), or (None, None)."""
    roles = set(member.roles)
    if touch.act == Act.EXTEND:
        leader = lead_leader(before)
        if roles & set(config.extension_approvers) or (
            member.person is not None and member.person == leader
        ):
            return None, None
        return "PL515", None
    if MemberRole.OFFICE in roles:
        return None, None
    if touch.act in VERIFIER_ACTS:
        return VERIFIER_ACTS[touch.act], None
    allowed_somewhere = False
    if MemberRole.REPORTER in roles and touch.act in REPORTER_ACTS:
        allowed_somewhere = True
        if touch.owner is not None and touch.owner in _unit_names(config, member.unit):
            return None, None
    if MemberRole.TASK_FORCE in roles and touch.act in TASK_FORCE_ACTS:
        allowed_somewhere = True
        if member.task_force is not None and member.task_force == task_force(before):
            return None, None
    if allowed_somewhere:
        if MemberRole.REPORTER in roles and touch.act in REPORTER_ACTS:
            return "PL511", touch.owner
        return "PL511", task_force(before)
    return "PL512", None


def _unit_names(config: Config, unit: str | None) -> set[str]:
    """Every name a file may give the member's unit (full, short, former)."""
    if unit is None:
        return set()
    for declared in config.units:
        names = {declared.name, *([declared.short] if declared.short else [])}
        names |= set(getattr(declared, "former", ()) or ())
        if unit in names:
            return names
    return {unit}


# --- what a change does ---------------------------------------------------------------------

HANDLING = frozenset({"已交办", "办理中", "持续推进"})
"""An issue's states while its unit works on it."""


def touches(before: Json, after: Json) -> list[Touch]:
    """What the change `before` → `after` of one project file does, item by item."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return [Touch(Act.OTHER, None, None, ("",))] if before != after else []
    out: list[Touch] = []
    record = sorted(
        key
        for key in before.keys() | after.keys()
        if key not in ITEM_LISTS and before.get(key) != after.get(key)
    )
    if record:
        out.append(Touch(Act.OTHER, None, None, tuple(record)))
    for list_name in ITEM_LISTS:
        old, new = items_of(before, list_name), items_of(after, list_name)
        for item_id, item in new.items():
            was = old.get(item_id)
            if was == item:
                continue
            owner = _owner(before, list_name, was if was is not None else item)
            title = _title(item)
            if was is None:
                act = (
                    Act.NEW_ISSUE
                    if list_name == "issues" and _get(item, "state") == "已登记"
                    else Act.OTHER
                )
                out.append(Touch(act, list_name, item_id, ("",), owner, title))
                continue
            for act, fields in _item_acts(list_name, was, item):
                out.append(Touch(act, list_name, item_id, fields, owner, title))
        for item_id, item in old.items():
            if item_id not in new:
                owner = _owner(before, list_name, item)
                out.append(Touch(Act.OTHER, list_name, item_id, ("",), owner, _title(item)))
    return out


def _item_acts(list_name: str, was: Json, now: Json) -> list[tuple[Act, tuple[str, ...]]]:
    if not isinstance(was, dict) or not isinstance(now, dict):
        return [(Act.OTHER, ("",))]
    keys = {key for key in was.keys() | now.keys() if was.get(key) != now.get(key)}
    acts: list[tuple[Act, tuple[str, ...]]] = []

    def take(act: Act, *fields: str) -> None:
        taken = tuple(sorted(field for field in fields if field in keys))
        keys.difference_update(taken)
        acts.append((act, taken))

    if list_name == "issues":
        old_state, state = was.get("state"), now.get("state")
        if "state" in keys:
            if state == "已销号":
                take(Act.CLOSE, "state", "closure")
            elif old_state in ("待核验", "已销号") and _appended(was, now, "returns"):
                take(Act.RETURN, "state", "returns", "closure", "verification")
            elif old_state in HANDLING and state == "待核验":
                take(Act.VERIFY, "state", "verification")
            elif old_state in HANDLING and state in ("办理中", "持续推进"):
                take(Act.PROGRESS, "state")
        if "progress" in keys and _appended(was, now, "progress"):
            take(Act.PROGRESS, "progress")
    elif list_name == "tasks":
        if "state" in keys and (was.get("state") or "未开始", now.get("state")) == (
            "未开始",
            "进行中",
        ):
            take(Act.PROGRESS, "state")
        if "note" in keys:
            take(Act.PROGRESS, "note")
        if "measure" in keys and _only_done_changed(was.get("measure"), now.get("measure")):
            take(Act.QUANTITY, "measure")
    elif list_name == "deadlines":
        if "extensions" in keys and _appended(was, now, "extensions"):
            take(Act.EXTEND, "extensions")
        if "requests" in keys and _appended(was, now, "requests"):
            take(Act.REQUEST, "requests")
    if keys:
        acts.append((Act.OTHER, tuple(sorted(keys))))
    return acts


def _appended(was: dict[str, Json], now: dict[str, Json], key: str) -> bool:
    """Entries appended to a list, the earlier ones kept as they were."""
    before, after = _list(was.get(key)), _list(now.get(key))
    return len(after) > len(before) and after[: len(before)] == before


def _only_done_changed(was: Json, now: Json) -> bool:
    if not isinstance(was, dict) or not isinstance(now, dict):
        return False
    rest = (was.keys() | now.keys()) - {"done"}
    return all(was.get(key) == now.get(key) for key in rest)


def _owner(data: Json, list_name: str, item: Json) -> str | None:
    """The unit an item belongs to: its own `unit`; a deadline's, its target's."""
    if list_name == "deadlines":
        target = _get(item, "target")
        for owner_list in ("issues", "tasks"):
            found = items_of(data, owner_list).get(target) if isinstance(target, str) else None
            if found is not None:
                return _text(_get(found, "unit"))
        return None
    return _text(_get(item, "unit"))


def lead_leader(data: Json) -> str | None:
    """The project's 包抓领导 (the person of its responsibility with that role)."""
    for item in items_of(data, "responsibilities").values():
        if _get(item, "role") == "包抓领导":
            return _text(_get(item, "person"))
    return None


def task_force(data: Json) -> str | None:
    return _text(_get(_get(data, "task_force"), "name"))


def _title(item: Json) -> str | None:
    for key in ("title", "target", "duties"):
        value = _text(_get(item, key))
        if value is not None:
            return value
    return None


def _text(value: Json) -> str | None:
    return value if isinstance(value, str) else None


def _get(mapping: Json, key: str) -> Json:
    return mapping.get(key) if isinstance(mapping, dict) else None


def _list(value: Json) -> list[Json]:
    return list(value) if isinstance(value, list) else []
