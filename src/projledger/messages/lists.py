"""Lists inside a message, joined as the language writes them: in Chinese 、 between
names and ； between clauses (an entry that holds its own commas), in English ", " and
"; "."""

from collections.abc import Iterable

from projledger.messages.entry import Lang


def names(items: Iterable[str], lang: Lang | str) -> str:
    """Names (units, people, ids, files, columns) as one list."""
    return ("、" if lang == "zh" else ", ").join(items)


def clauses(items: Iterable[str], lang: Lang | str) -> str:
    """Entries that are clauses or hold commas of their own (a project with its id and pool)."""
    return ("；" if lang == "zh" else "; ").join(items)


def parenthesised(text: str, lang: Lang | str) -> str:
    """A remark in brackets after what it qualifies: full-width in Chinese."""
    return f"（{text}）" if lang == "zh" else f" ({text})"
