"""Settling the conflicts of git's line merge line by line, before the item merge has to
rewrite the file. Two sides rarely change the same field; git conflicts when their changes
merely touch: two notes appended to one issue, the `unit` line changed here and the
`person` line below it there. Such a conflict (`git merge-file --diff3`) is settled

- line by line when all three versions of it have as many lines (each line taken from the
  side that changed it), else
- by keeping both sides' lines, ours first;

and the driver keeps the text only if it reads as exactly what the item merge decided.
"""

from dataclasses import dataclass

OURS, BASE, THEIRS, END = "<<<<<<< ours", "||||||| base", "=======", ">>>>>>> theirs"


@dataclass
class Hunk:
    ours: list[str]
    base: list[str]
    theirs: list[str]

    def settled(self, *, line_by_line: bool) -> list[str]:
        if line_by_line and len(self.ours) == len(self.base) == len(self.theirs):
            merged = []
            for ours, base, theirs in zip(self.ours, self.base, self.theirs, strict=True):
                if base not in (ours, theirs) and ours != theirs:
                    return self.ours + self.theirs
                merged.append(theirs if ours == base else ours)
            return merged
        return self.ours + self.theirs


def split(text: str) -> list[str | Hunk] | None:
    """`git merge-file --diff3 -p` output as clean lines and conflicts; None if the markers
    do not nest as git writes them."""
    parts: list[str | Hunk] = []
    hunk: Hunk | None = None
    side: list[str] | None = None
    for line in text.splitlines(keepends=True):
        marker = line.rstrip("\n")
        if marker == OURS and hunk is None:
            hunk = Hunk([], [], [])
            side = hunk.ours
        elif hunk is not None and marker == BASE and side is hunk.ours:
            side = hunk.base
        elif hunk is not None and marker == THEIRS and side is hunk.base:
            side = hunk.theirs
        elif hunk is not None and marker == END and side is hunk.theirs:
            parts.append(hunk)
            hunk = side = None
        elif side is not None:
            side.append(line)
        else:
            parts.append(line)
    return parts if hunk is None else None


def settle(parts: list[str | Hunk], *, line_by_line: bool) -> str:
    out: list[str] = []
    for part in parts:
        out.extend(part.settled(line_by_line=line_by_line) if isinstance(part, Hunk) else [part])
    return "".join(out)
