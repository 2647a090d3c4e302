"""Long tables for the terminal: plain columns aligned by display width (CJK-safe), handed
to rich as ready-made segments.

rich lays a `Table` out cell by cell, and even one `Text` built cell by cell pays for each
cell (control codes stripped, spans, lines split): too slow for the tens of thousands of
rows of a city's ledger (bench/README.md). Here the work is per distinct value of a column
(its width, its padded text), and lines are joined column by column; rich only writes the
segments, so styles, NO_COLOR, capture and recording stay rich's. The output is what rich
prints for the same text with `soft_wrap=True`: the tests compare them.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import islice
from typing import NamedTuple, cast

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Text


class Styled(NamedTuple):
    """A cell shown in a style (a rich style definition: "bold red")."""

    text: str
    style: str


Cell = str | Styled
ColumnValues = tuple[Sequence[Hashable], Mapping[Hashable, Cell]]
"""A column: its values, and how each distinct one is shown (formatted once, however
often it repeats: units, people, dates)."""
Piece = tuple[str, str | None]
"""Text of a line and its style (None: plain)."""

SEPARATOR = "  "
CHUNK_LINES = 1024
"""Lines per `console.print`: rich joins a print's output into one string before writing
it, so a whole 20,000-row table would be held three times over (segments, string, bytes)."""


def clean(text: str) -> str:
    """The text as rich prints one cell of it: control codes (CR, BEL, ...) dropped, as
    `rich.text.Text` does, and line breaks as spaces (a row stays one line)."""
    if text.isprintable():
        return text
    return strip_control_codes(text).replace("\n", " ")


class _CharWidths(dict[str, int]):
    def __missing__(self, char: str) -> int:
        width = self[char] = get_character_cell_size(char)
        return width


_CHAR_WIDTHS = _CharWidths()


def display_width(text: str) -> int:
    """rich's `cell_len`, summed in C over the widths of the characters met so far. A
    zero-width joiner or emoji selector makes a width depend on the neighbours: rich's."""
    if text.isascii() and text.isprintable():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return cell_len(text)
    return sum(map(_CHAR_WIDTHS.__getitem__, text))


def print_aligned(
    console: Console,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    right: Sequence[bool],
    note: str | None = None,
) -> None:
    """`print_columns` for a table of cells held as rows."""
    cells: list[Sequence[Cell]] = [*zip(*rows, strict=True)] if rows else [()] * len(header)
    columns: list[ColumnValues] = [(column, {cell: cell for cell in column}) for column in cells]
    print_columns(console, title, header, columns, right, note)


def print_columns(
    console: Console,
    title: str,
    header: Sequence[str],
    columns: Sequence[ColumnValues],
    right: Sequence[bool],
    note: str | None = None,
) -> None:
    """The title (bold), the header (bold) and the rows, each column as wide as its
    widest value, numbers (`right`) to the right, two spaces between columns; then the
    note (dim). Values never wrap: the terminal's own line wrapping, or `less -S`, takes
    over on narrow screens."""
    # A console that shows no style (piped, NO_COLOR without a terminal) and records
    # nothing writes a styled cell as its text: the whole table is then plain.
    plain = console.color_system is None and not console.record
    heads = [clean(name) for name in header]
    found = [
        _Column.of(head, shown, is_right, plain)
        for head, (_, shown), is_right in zip(heads, columns, right, strict=True)
    ]
    lines = _Lines(console)
    _styled_text(lines, title, "bold")
    head_pieces: list[Piece] = []
    for index, (head, column) in enumerate(zip(heads, found, strict=True)):
        if index:
            head_pieces.append((SEPARATOR, None))
        pad = " " * (column.width - display_width(head))
        head_pieces.append((pad + head if right[index] else head + pad, "bold"))
    lines.add(head_pieces, "\t" in "".join(heads))
    # Each cell as its column shows it: a look-up per cell, in C.
    cells = [map(c.shown.__getitem__, v) for c, (v, _) in zip(found, columns, strict=True)]
    if any(column.tab for column in found):
        _add_rows_one_by_one(lines, [list(column) for column in cells])
    elif any(column.styled for column in found):
        _add_styled_rows(lines, [list(column) for column in cells], [c.styled for c in found])
    else:
        rows = iter(_joined(cells))
        while chunk := list(islice(rows, CHUNK_LINES)):
            lines.add_plain("\n".join(chunk) + "\n", len(chunk))
    if note:
        _styled_text(lines, note, "dim")
    lines.print()


class _Column(NamedTuple):
    width: int
    shown: Mapping[Hashable, Cell]
    """Each distinct value as shown: padded to the width, styled if it was."""
    styled: bool
    tab: bool
    """A value holds a tab."""

    @classmethod
    def of(
        cls, head: str, shown: Mapping[Hashable, Cell], is_right: bool, plain: bool
    ) -> "_Column":
        """Each distinct cell measured and padded once. `plain`: styles are dropped."""
        distinct = set(shown.values())
        if all(type(cell) is str for cell in distinct):
            joined = "".join(cast(set[str], distinct))
            if joined.isascii() and joined.isprintable():
                # Ids, dates, numbers: one cell a character, nothing to clean.
                width = max([display_width(head), *map(len, cast(set[str], distinct))])
                pad = str.rjust if is_right else str.ljust
                padded = {cell: pad(cast(str, cell), width) for cell in distinct}
                by_value = {value: padded[cell] for value, cell in shown.items()}
                return cls(width, by_value, False, False)
        return cls._measured(head, shown, distinct, is_right, plain)

    @classmethod
    def _measured(
        cls,
        head: str,
        shown: Mapping[Hashable, Cell],
        distinct: set[Cell],
        is_right: bool,
        plain: bool,
    ) -> "_Column":
        texts = {cell: clean(cell if type(cell) is str else cell[0]) for cell in distinct}
        widths = {cell: display_width(text) for cell, text in texts.items()}
        width = max([display_width(head), *widths.values()])
        padded: dict[Cell, Cell] = {}
        styled = False
        for cell, text in texts.items():
            pad = text.rjust if is_right else text.ljust
            shown_text = pad(width - widths[cell] + len(text))
            if plain or type(cell) is str or not cell[1]:
                padded[cell] = shown_text
            else:
                padded[cell] = Styled(shown_text, cell[1])
                styled = True
        by_value = {value: padded[cell] for value, cell in shown.items()}
        tab = any("\t" in text for text in texts.values())
        return cls(width, by_value, styled, tab)


def _joined(run: Sequence[Iterable[Cell]]) -> Iterable[str]:
    """Columns of plain cells (str) as one column of their lines (the join loops in C)."""
    plain = cast(Sequence[Iterable[str]], run)
    if len(plain) == 1:
        return plain[0]
    return map(SEPARATOR.join, zip(*plain, strict=True))


def _add_styled_rows(lines: "_Lines", cells: list[list[Cell]], styled: list[bool]) -> None:
    """Runs of plain columns are joined column by column; a column with styled values
    splits each line into segments around them."""
    parts: list[Sequence[Cell]] = []  # plain runs joined, and styled columns, in line order
    run: list[list[Cell]] = []
    for column, is_styled in zip(cells, styled, strict=True):
        if not is_styled:
            run.append(column)
            continue
        if run:
            parts.append(list(_joined(run)))
            run = []
        parts.append(column)
    if run:
        parts.append(list(_joined(run)))
    for row in zip(*parts, strict=True):
        lines.add_cells(row)


def _add_rows_one_by_one(lines: "_Lines", cells: list[list[Cell]]) -> None:
    """A table with a tab in it: each line with one goes through rich (`_Lines.add`)."""
    for row in zip(*cells, strict=True):
        pieces: list[Piece] = []
        for index, cell in enumerate(row):
            if index:
                pieces.append((SEPARATOR, None))
            pieces.append((cell, None) if type(cell) is str else (cell[0], cell[1]))
        lines.add(pieces, any("\t" in text for text, _ in pieces))


def _styled_text(lines: "_Lines", text: str, style: str) -> None:
    """A title or note: its own lines, all in `style`."""
    for part in strip_control_codes(text).split("\n"):
        lines.add([(part, style)], "\t" in part)


class _Segments:
    """A renderable of segments made beforehand: rich writes them as they are."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return self.segments


class _Lines:
    """Gathers the segments of whole lines (plain text into one segment until a styled
    piece) and prints them a chunk at a time."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.segments: list[Segment] = []
        self.plain: list[str] = []
        self.lines = 0
        self.styled: dict[Styled, Segment] = {}

    def add(self, pieces: Sequence[Piece], tab: bool = False) -> None:
        """One line of pieces, `tab` if one holds a tab; the line break is added here."""
        if tab:
            self._via_rich(pieces)
        else:
            for text, style in pieces:
                if style is None:
                    self.plain.append(text)
                elif text:
                    self._flush_plain()
                    self.segments.append(self._segment(Styled(text, style)))
            self.plain.append("\n")
        self._count(1)

    def add_cells(self, cells: Sequence[Cell]) -> None:
        """One line of cells (joined runs of plain ones, and styled ones) between
        separators; no tab in any."""
        plain, segments = self.plain, self.segments
        for index, cell in enumerate(cells):
            if index:
                plain.append(SEPARATOR)
            if type(cell) is str:
                plain.append(cell)
            elif cell[0]:
                if plain:
                    segments.append(Segment("".join(plain)))
                    plain.clear()
                segments.append(self._segment(cast(Styled, cell)))
        plain.append("\n")
        self._count(1)

    def add_plain(self, text: str, lines: int) -> None:
        """Plain lines, each ending in a line break."""
        self.plain.append(text)
        self._count(lines)

    def print(self) -> None:
        self._flush_plain()
        if self.segments:
            self.console.print(_Segments(self.segments), end="", soft_wrap=True)
        self.segments = []
        self.lines = 0

    def _count(self, lines: int) -> None:
        self.lines += lines
        if self.lines >= CHUNK_LINES:
            self.print()

    def _segment(self, cell: Styled) -> Segment:
        """One segment per distinct styled text (segments are immutable)."""
        found = self.styled.get(cell)
        if found is None:
            style = self.console.get_style(cell.style, default=Style.null())
            found = self.styled[cell] = Segment(cell.text, style)
        return found

    def _flush_plain(self) -> None:
        if self.plain:
            self.segments.append(Segment("".join(self.plain)))
            self.plain = []

    def _via_rich(self, pieces: Sequence[Piece]) -> None:
        # A tab: rich expands it to the next stop, extending the style it ends (rare in
        # ledger text, so left to rich itself).
        self._flush_plain()
        line = Text.assemble(*((text, style or "") for text, style in pieces))
        line.expand_tabs(self.console.tab_size or 8)
        self.segments.extend(line.render(self.console))
        self.segments.append(Segment("\n"))
