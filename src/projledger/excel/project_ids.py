"""Ids for new projects, made from their names: pinyin words joined by hyphens, as the
sample ledger's are (精品钢绿色转型项目 → jingpin-gang-lvse-zhuanxing).

jieba cuts the name into words (a dictionary of Chinese words; pypinyin's own dictionary
lists only phrases read irregularly, so it cannot tell where a word ends) and pypinyin
reads each word (ü as v: 绿色 → lvse). Generic words that every name ends with (项目,
工程) and a leading year are dropped; the id keeps words until about 32 characters, and
gets -2, -3 when it is taken.
"""

import logging
import re
import unicodedata
from collections.abc import Collection

from projledger.ids import PROJECT_ID_RE

LENGTH = 32
"""Words are added while the id stays within this many characters (the first always is)."""
_GENERIC = ("建设项目", "建设工程", "项目", "工程")
_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
_BRACKETS = str.maketrans({"(": " ", ")": " ", "（": " ", "）": " ", "【": " ", "】": " "})


def project_id(name: str, taken: Collection[str], prefix: str = "") -> str:
    """A new id for a project called `name`, not in `taken`."""
    base = _base(name)
    if prefix:
        base = f"{prefix.strip('-')}-{base}" if base else prefix.strip("-")
    base = (base or "xiangmu")[:60].strip("-")
    candidate, number = base, 2
    while candidate in taken or not PROJECT_ID_RE.match(candidate):
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _base(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS).strip()
    text = _YEAR.sub("", text)
    for generic in _GENERIC:
        if text.endswith(generic) and len(text) > len(generic) + 1:
            text = text.removesuffix(generic)
            break
    words = [_pinyin(word) for word in _cut(text)]
    words = [w for w in words if w]
    chosen: list[str] = []
    for word in words:
        if chosen and len("-".join([*chosen, word])) > LENGTH:
            break
        chosen.append(word)
    return "-".join(chosen)


def _cut(text: str) -> list[str]:
    import jieba  # type: ignore[import-untyped]  # no type hints

    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary
    return [word for word in jieba.lcut(text) if word.strip()]


def _pinyin(word: str) -> str:
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors="default")
    joined = "".join(syllables).lower()
    return re.sub(r"[^a-z0-9]", "", joined)
