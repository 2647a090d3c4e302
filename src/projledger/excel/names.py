"""Units and people as sheets write them, resolved to what projledger.yaml declares.

A unit's declared name or short name is kept as written (the ledger accepts both); other
ways of writing it resolve as `projledger.model.unit_names` says (the one resolver: check,
the `--unit` filters and the change commands use it too).

People are matched by their declared name only (a title or a phone number in the cell is
dropped first): two people's names are too alike to guess.
"""

from dataclasses import dataclass, field

from projledger.model.config import Config
from projledger.model.unit_names import UnitNames, fold


@dataclass
class UnitResolver:
    config: Config
    extra: list[str] = field(default_factory=list)
    """Units to be declared by this import (--declare): they resolve to themselves."""
    _names: UnitNames | None = None
    _made_with: tuple[str, ...] = ()

    def resolve(self, written: str) -> str | None:
        """The declared unit `written` names (as it should be written), or None."""
        name = fold(written)
        if name in self.config.unit_names() or name in self.extra:
            return name
        if self._names is None or self._made_with != tuple(self.extra):
            self._made_with = tuple(self.extra)
            self._names = UnitNames(self.config, self._made_with)
        return self._names.full_name(name)


def person_name(written: str) -> str:
    return fold(written)
