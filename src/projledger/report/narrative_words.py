"""How a 通报 writes its numbers and lists, in Chinese and English: amounts in 亿元 when
large, counts with their measure word (个/项), the gap to time progress in words."""

import re
from collections.abc import Sequence

from projledger.report.document import Value

HEADING_NUMBERS = "一二三四五六七八九十"

_SCOPE = re.compile(r"(省|自治区|市|州|盟|县|区|旗)(?!场)")
"""The level of government in an organisation's name (济南市莱芜区发展和改革局: 区), for
全区/全市; a 市 followed by 场 is 市场 (market), not a city."""


MOST = 3
"""Named items in a sentence (the most overdue, the units furthest behind ...): a 通报
names a few; the tables list them all."""


def as_int(value: Value) -> int:
    """A table's count (0 where the cell is empty)."""
    return value if isinstance(value, int) else 0


def as_float(value: Value) -> float | None:
    """A table's figure (None where the cell is empty)."""
    return float(value) if isinstance(value, int | float) else None


def number(value: float) -> str:
    """1800, 629.5: at most one decimal, no separators (as a sentence writes it)."""
    rounded = round(float(value), 1)
    return f"{rounded:.0f}" if rounded.is_integer() else f"{rounded:.1f}"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def points(value: float) -> str:
    """The size of a gap in percentage points, as the tables round it."""
    return f"{abs(value):.1f}"


class Words:
    """The phrases of one language; `Zh` and `En` fill them in."""

    lang = "zh"
    stop = "。"
    comma = "，"
    semicolon = "；"
    list_sep = "、"

    def heading(self, index: int, text: str) -> str:
        raise NotImplementedError

    def subheading(self, index: int, text: str) -> str:
        raise NotImplementedError

    def amount(self, wan: float) -> str:
        raise NotImplementedError

    def gap(self, value: Value) -> str:
        raise NotImplementedError

    def join(self, items: Sequence[str]) -> str:
        return self.list_sep.join(items)

    def sentence(self, clauses: Sequence[str]) -> str:
        """Clauses joined into one sentence, with its full stop."""
        return self.comma.join(c for c in clauses if c) + self.stop


class Zh(Words):
    def heading(self, index: int, text: str) -> str:
        return f"{HEADING_NUMBERS[index]}、{text}"

    def subheading(self, index: int, text: str) -> str:
        return f"（{HEADING_NUMBERS[index]}）{text}"

    def amount(self, wan: float) -> str:
        """万元 → 68.30亿元 from 1亿 up, else 1800万元."""
        if abs(wan) >= 10_000:
            return f"{wan / 10_000:.2f}亿元"
        return f"{number(wan)}万元"

    def gap(self, value: Value) -> str:
        if not isinstance(value, int | float):
            return ""
        if round(value, 1) == 0:
            return "与时间进度持平"
        side = "超过" if value > 0 else "落后"
        return f"较时间进度{side}{points(value)}个百分点"

    @staticmethod
    def scope(organisation: str) -> str:
        """全区 for a district's office, 全市 for a city's; 纳入调度的 when unknown."""
        found = _SCOPE.findall(organisation)
        return f"全{found[-1][-1]}" if found else "纳入调度的"


class En(Words):
    lang = "en"
    stop = "."
    comma = ", "
    semicolon = "; "
    list_sep = ", "

    def heading(self, index: int, text: str) -> str:
        return f"{index + 1}. {text}"

    def subheading(self, index: int, text: str) -> str:
        return f"({index + 1}) {text}"

    def amount(self, wan: float) -> str:
        """万元 → CNY 6.83 billion from one billion up, else CNY 18 million."""
        if abs(wan) >= 100_000:
            return f"CNY {wan / 100_000:.2f} billion"
        return f"CNY {number(wan / 100)} million"

    def gap(self, value: Value) -> str:
        if not isinstance(value, int | float):
            return ""
        if round(value, 1) == 0:
            return "level with time progress"
        side = "ahead of" if value > 0 else "behind"
        return f"{points(value)} points {side} time progress"

    def join(self, items: Sequence[str]) -> str:
        if len(items) <= 2:
            return " and ".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    def sentence(self, clauses: Sequence[str]) -> str:
        text = self.comma.join(c for c in clauses if c)
        return text[:1].upper() + text[1:] + self.stop


def words_for(lang: str) -> Words:
    return En() if lang == "en" else Zh()
