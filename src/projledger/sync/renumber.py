"""Ids both sides of a merge added for different items: one side's item gets a new id.

Random ids make this rare (README, "Ids"), but two clones can still draw the same one.
The new id is derived from the old one and the item's content, so two clones merging the
same two versions give the same file; the side's references to the item (a deadline's
`target`) follow it.
"""

import hashlib
import json
from typing import Any, Literal

from projledger.changes.new_ids import CROCKFORD, SUFFIX_LENGTH
from projledger.sync.field_paths import ITEM_LISTS

Side = Literal["ours", "theirs"]


def collisions(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], side: Side
) -> dict[str, str]:
    """Old id → new id for the items of `side` whose id the other side also added, for
    another item."""
    taken = {item_id for data in (base, ours, theirs) for item_id in _ids(data)}
    renames: dict[str, str] = {}
    for name in ITEM_LISTS:
        in_base = _by_id(base.get(name))
        mine, other = _by_id(ours.get(name)), _by_id(theirs.get(name))
        if side == "theirs":
            mine, other = other, mine
        for item_id, item in mine.items():
            if item_id in in_base or item_id not in other or other[item_id] == item:
                continue
            new_id = _new_id(item_id, item, taken)
            taken.add(new_id)
            renames[item_id] = new_id
    return renames


def apply(data: Any, renames: dict[str, str]) -> None:
    """Give the items their new ids, and point the side's references at them."""
    if not renames or not isinstance(data, dict):  # (None: the other side's tree)
        return
    for name in ITEM_LISTS:
        items = data.get(name)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict):
                continue
            if item.get("id") in renames:
                item["id"] = renames[item["id"]]
            if item.get("target") in renames:
                item["target"] = renames[item["target"]]


def _ids(data: dict[str, Any]) -> set[str]:
    return {item_id for name in ITEM_LISTS for item_id in _by_id(data.get(name))}


def _by_id(items: Any) -> dict[str, Any]:
    if not isinstance(items, list):
        return {}
    return {
        item["id"]: item
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _new_id(old: str, item: Any, taken: set[str]) -> str:
    prefix = old.partition("-")[0]
    content = json.dumps(item, ensure_ascii=False, sort_keys=True, default=str)
    for attempt in range(1000):
        digest = hashlib.sha256(f"{old}\0{content}\0{attempt}".encode()).digest()
        value = int.from_bytes(digest[:8], "big")
        suffix = "".join(CROCKFORD[(value >> (5 * i)) & 31] for i in range(SUFFIX_LENGTH))
        candidate = f"{prefix}-{suffix}"
        if candidate not in taken:
            return candidate
    raise RuntimeError(f"no free id for {old}")  # 1,000 draws from 2^30 all taken
