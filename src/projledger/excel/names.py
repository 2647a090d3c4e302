"""Units and people as sheets write them, resolved to what projledger.yaml declares.

A unit's declared name or short name is kept as written (the ledger accepts both). Other
ways of writing it resolve when they point at exactly one declared unit:

- the name without the place in front: 发改局 → 区发改局, 水务局 → 莱芜区水务局;
- an abbreviation whose characters appear in order in a declared name, ending the same
  way (发改局 in 莱芜区发展和改革局, 住建局 in 莱芜区住房和城乡建设局).

People are matched by their declared name only (a title or a phone number in the cell is
dropped first): two people's names are too alike to guess.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from projledger.model.config import Config

_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?[省市区县])?(?:[市区县])?")


def _fold(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


@dataclass
class UnitResolver:
    config: Config
    extra: list[str] = field(default_factory=list)
    """Units to be declared by this import (--declare): they resolve to themselves."""
    _cache: dict[str, str | None] = field(default_factory=dict)

    def resolve(self, written: str) -> str | None:
        """The declared unit `written` names (as it should be written), or None."""
        if written not in self._cache:
            self._cache[written] = self._resolve(_fold(written))
        return self._cache[written]

    def _resolve(self, name: str) -> str | None:
        declared = self.config.unit_names() | set(self.extra)
        if name in declared:
            return name
        written_forms = {
            u.name: [u.name] + ([u.short] if u.short else []) for u in self.config.units
        }
        for extra in self.extra:
            written_forms[extra] = [extra]
        bare = _bare(name)
        same = {
            full for full, forms in written_forms.items() if any(_bare(f) == bare for f in forms)
        }
        if len(same) == 1:
            return same.pop()
        if len(name) < 2:
            return None
        abbreviated = {
            full
            for full, forms in written_forms.items()
            if any(f[-1] == name[-1] and _in_order(bare, f) for f in forms)
        }
        if len(abbreviated) == 1:
            return abbreviated.pop()
        return None


def _bare(name: str) -> str:
    """A unit's name without the place in front (莱芜区水务局 → 水务局)."""
    stripped = _PLACE.sub("", name)
    return stripped or name


def _in_order(short: str, full: str) -> bool:
    """Whether every character of `short` appears in `full`, in order."""
    position = 0
    for char in short:
        position = full.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def person_name(written: str) -> str:
    return _fold(written)
