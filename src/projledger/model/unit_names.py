"""A unit as people write it, to the unit projledger.yaml declares: the one resolver for
check (PL205), the `--unit` filters, the change commands and the Excel import.

A unit is written by its declared name, its declared short name (`short`), or another way
that points at exactly one declared unit:

- the name without the place in front: 发改局 → 区发改局, 水务局 → 莱芜区水务局;
- an abbreviation whose characters appear in order in a declared name, ending the same
  way (发改局 in 莱芜区发展和改革局, 住建局 in 莱芜区住房和城乡建设局);
- the short name with a suffix of the full name dropped: 高庄街道 for 高庄街道办事处.
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable

from projledger.errors import ProjledgerError
from projledger.messages import Area, joined, msg
from projledger.model.config import Config
from projledger.refs import did_you_mean

_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?[省市区县])?(?:[市区县])?")


def fold(name: str) -> str:
    """NFKC, without white space: how a name is compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


class UnitNames:
    """Written unit name → declared full name. `extra`: units about to be declared (an
    import's --declare), which resolve to themselves."""

    def __init__(self, config: Config, extra: Iterable[str] = ()) -> None:
        self.config = config
        self.forms: dict[str, list[str]] = {
            # former names (`unit rename`): what closed issues keep
            u.name: [u.name] + ([u.short] if u.short else []) + list(u.former)
            for u in config.units
        }
        for name in extra:
            self.forms.setdefault(name, [name])
        # Compared as `fold` leaves them (the written name is folded too): NFKC turns a
        # declared 莱芜区水务局（新） into 莱芜区水务局(新).
        self.folded = {full: [fold(f) for f in forms] for full, forms in self.forms.items()}
        self._exact = {form: full for full, forms in self.folded.items() for form in forms}
        self._cache: dict[str, str | None] = {}

    def full_name(self, written: str | None) -> str | None:
        """The declared full name `written` names, or None (unknown, or more than one)."""
        if written is None:
            return None
        if written not in self._cache:
            self._cache[written] = self._resolve(fold(written))
        return self._cache[written]

    def same(self, one: str | None, other: str | None) -> bool:
        """Whether two ways of writing name the same unit (or are the same text)."""
        if one is None or other is None:
            return one is other
        return one == other or (
            self.full_name(one) is not None and self.full_name(one) == self.full_name(other)
        )

    def _resolve(self, name: str) -> str | None:
        if name in self._exact:
            return self._exact[name]
        bare = _bare(name)
        same = {full for full, forms in self.folded.items() if any(_bare(f) == bare for f in forms)}
        if len(same) == 1:
            return same.pop()
        if len(name) < 2:
            return None
        abbreviated = {
            full
            for full, forms in self.folded.items()
            if any(f[-1] == name[-1] and _in_order(bare, f) for f in forms)
        }
        if len(abbreviated) == 1:
            return abbreviated.pop()
        leading = {
            full
            for full, forms in self.folded.items()
            if forms[0].startswith(name) and len(name) >= 3
        }
        if len(leading) == 1:
            return leading.pop()
        return None

    def closest(self, written: str, n: int = 3) -> list[str]:
        """The declared full names most like `written` (for "did you mean")."""
        close = difflib.get_close_matches(fold(written), list(self._exact), n=n * 2, cutoff=0.4)
        return list(dict.fromkeys(self._exact[c] for c in close))[:n]

    def require(self, written: str, option: str = "--unit") -> str:
        """The declared full name, or an error naming the closest declared names."""
        full = self.full_name(written)
        if full is not None:
            return full
        close = self.closest(written)
        hint = did_you_mean(joined(*close, between="names")) if close else say.msg("declare")
        unknown = (
            say.msg("unknown_unit", option=option, written=written)
            if option
            else msg("unit_names.not_declared", written=written)
        )
        # Said where it is shown: in the run's language (`--lang`), not the ledger's.
        raise ProjledgerError(joined(unknown, hint))


_LAST: list[tuple[Config, UnitNames]] = []


def unit_names_of(config: Config) -> UnitNames:
    """The resolver of a config, made once for the config a run uses (check asks for it
    once per file)."""
    if not _LAST or _LAST[0][0] is not config:
        _LAST[:] = [(config, UnitNames(config))]
    return _LAST[0][1]


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


say = Area("unit_names")
"""This module's messages (`messages/`), by the last part of their key."""
