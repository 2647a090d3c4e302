"""A catalogue entry: one message in both languages (the parts of the catalogue import
this, not the package, so the package can merge them)."""

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Entry:
    zh: str
    en: str
    en_one: str = ""
    """English for a count `n` of 1, when it differs ("1 file", "2 files")."""

    def text(self, lang: Lang, n: object = None) -> str:
        if lang == "zh":
            return self.zh
        return self.en_one if self.en_one and str(n) == "1" else self.en
