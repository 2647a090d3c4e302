"""A `Report` as a Word document (.docx) an office edits in WPS or Word and sends: the
title, the report's text (its 通报 paragraphs, `Report.narrative`), then its tables as
附表 with the columns a reader needs (`Table.for_print`).

A4 in the usual 公文 typography (`docx_styles`); page numbers in the footer; a table too
wide for a portrait page goes on landscape pages (a section of its own), its header row
repeated on each page, no column narrower than its label (`print_layout`). Everything is
real paragraphs and tables. With `template` (an office's .docx, `docx_template`), the
report goes into the office's letterhead and styles.

The bytes are reproducible: the core properties' dates are the report date, and every
zip entry is stamped 1980-01-01, so the same report gives the same file.
"""

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Emu, Mm

from projledger.compute.light import Light
from projledger.report import docx_styles as look
from projledger.report.document import Figure, Kind, Report, Table
from projledger.report.docx_template import body_marker, fill, open_template
from projledger.report.formatting import LIGHT_LABELS, format_value, invalid_files_warning
from projledger.report.period_names import day_label
from projledger.report.print_layout import Space, column_spaces, fit

# GB/T 9704 on A4: 37 mm top, 28 mm at the binding (left), text 156 x 225 mm.
A4 = (Mm(210), Mm(297))
PORTRAIT_MARGINS = (Mm(37), Mm(26), Mm(35), Mm(28))  # top, right, bottom, left
LANDSCAPE_MARGINS = (Mm(25), Mm(25), Mm(22), Mm(25))
FOOTER_DISTANCE = Mm(22)
"""The page number sits 7 mm under the text, as GB/T 9704 has it."""
HEADER_DISTANCE = Mm(15)

TABLE_SIZES = (10.5, 9.0)
"""五号 on a portrait page, then 小五 when a table's columns need it; on landscape pages
小五 (a turned page holds a wide table's 30 rows)."""
CELL_PADDING = 2.85
"""Points left and right of a cell's text (0.1 cm): narrow, as offices set 附表."""
TWIPS = 20  # per point
CELL_LINE = 1.25

HEADER_FILL = "D9E1F2"
LIGHT_COLOURS = {
    Light.RED: ("FFC7CE", "9C0006"),
    Light.YELLOW: ("FFEB9C", "9C5700"),
    Light.GREEN: ("C6EFCE", "006100"),
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

WORDS = {
    "zh": {"figures": "主要指标", "table": "附表{n}　{title}", "none": "无", "sep": "　"},
    "en": {"figures": "Key figures", "table": "Table {n}. {title}", "none": "None", "sep": " · "},
}


def render_docx(report: Report, template: bytes | None = None) -> bytes:
    """The report as .docx bytes; `template`: an office's .docx or .dotx to fill (see
    `docx_template`; `TemplateError` if it is neither)."""
    document = docx.Document() if template is None else open_template(template)
    look.add_styles(document)
    writer = _Writer(document, report, template is not None)
    writer.write()
    _properties(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


class _Writer:
    def __init__(self, document: Document, report: Report, templated: bool) -> None:
        self.document = document
        self.report = report
        self.words = WORDS["en" if report.lang == "en" else "zh"]
        self.body = document.element.body
        self.styles = {style.name: style.style_id for style in document.styles}
        self.templated = templated
        self.base = document.sections[-1]
        self.landscape = False
        self.start = 0
        """Where the report's own elements begin in the body (set by `write`)."""

    # --- the document ----------------------------------------------------------------------

    def write(self) -> None:
        has_title = fill(self.document, self.report) if self.templated else False
        marker = body_marker(self.document) if self.templated else None
        if not self.templated:
            _page_setup(self.base)
        _page_number(self.document, self.base)
        # Everything goes in before the final section's properties; with a marker, it is
        # moved to the marker's place at the end.
        self.start = len(self.body) - 1
        if not has_title:
            self.heading()
        self.warnings()
        for paragraph in self.report.narrative:
            style = {1: look.HEADING, 2: look.SUBHEADING}.get(paragraph.level, look.BODY)
            self.paragraph(paragraph.text, style)
        if self.report.figures and not self.report.narrative:
            # A report with text says its headline figures in words (一、总体情况).
            self.figures(self.report.figures)
        for number, table in enumerate(self.report.tables, start=1):
            self.table(table, number)
        self.finish(marker)

    def heading(self) -> None:
        report = self.report
        self.paragraph(report.title, look.TITLE)
        if report.subtitle:
            self.paragraph(report.subtitle, look.SUBTITLE)
        by = [report.organisation] if report.organisation else []
        by.append(day_label(report.as_of, report.lang))
        self.paragraph(self.words["sep"].join(by), look.META)

    def warnings(self) -> None:
        if self.report.invalid_files:
            self.paragraph(invalid_files_warning(self.report), look.WARNING)
            for name in self.report.invalid_files:
                self.paragraph(name, look.WARNING)
        for note in self.report.notes:
            self.paragraph(note, look.BODY)

    def paragraph(self, text: str, style: look.Look) -> None:
        self.document.add_paragraph(_clean(text), style=style.name)

    # --- tables ----------------------------------------------------------------------------

    def figures(self, figures: Sequence[Figure]) -> None:
        """The headline figures as a table of two label-value pairs a row."""
        lang = self.report.lang
        cells = [(f.label, format_value(f.value, f.kind, lang), f.kind) for f in figures]
        rows: list[list[tuple[str, str, Kind]]] = [
            cells[i : i + 2] for i in range(0, len(cells), 2)
        ]
        width = self.text_width() / 2
        size = TABLE_SIZES[0]
        label_pt = width * 0.62
        widths = [label_pt, width - label_pt] * 2
        self.caption(self.words["figures"])
        xml = [_table_start(widths, size)]
        for pairs in rows:
            tcs = []
            for label, value, kind in pairs:
                tcs.append(self.cell(label, widths[0], look.CELL, size))
                tcs.append(self.cell(value, widths[1], look.CELL, size, right=_numeric(kind)))
            while len(tcs) < 4:
                tcs.append(self.cell("", widths[0], look.CELL, size))
            xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(tcs) + "</w:tr>")
        xml.append("</w:tbl>")
        self.add(parse_xml("".join(xml)))

    def table(self, table: Table, number: int) -> None:
        shown = table.for_print()
        title = self.words["table"].format(n=number, title=shown.title)
        plan = self.plan(shown) if shown.rows else None
        if plan is not None and plan.landscape and not self.landscape:
            self.section_break()
            self.landscape = True
        self.caption(title)
        if shown.note or not shown.rows:
            self.paragraph(shown.note or self.words["none"], look.TABLE_NOTE)
        if plan is None:
            return
        self.add(parse_xml(self.table_xml(shown, plan)))

    def caption(self, text: str) -> None:
        self.paragraph(text, look.CAPTION)

    def text_width(self, landscape: bool | None = None) -> float:
        """The text width of the current (or a portrait/landscape) page, in points."""
        wide = self.landscape if landscape is None else landscape
        section = self.base
        if wide:
            width, left, right = self._landscape_box()
        else:
            width = section.page_width or A4[0]
            left, right = section.left_margin or 0, section.right_margin or 0
        return float(Emu(width - left - right).pt)

    def _landscape_box(self) -> tuple[int, int, int]:
        section = self.base
        height = section.page_height or A4[1]
        if self.templated:  # the template's margins, turned with the page
            return height, section.bottom_margin or 0, section.top_margin or 0
        return height, LANDSCAPE_MARGINS[3], LANDSCAPE_MARGINS[1]

    def plan(self, table: Table) -> "_Plan":
        """Orientation, font size and column widths: portrait if the columns fit, at 五号
        or 小五, with their labels whole; else landscape (and the tables after it stay
        there, as a page turned for one table only would cost two page breaks); labels
        break before a bracket only when nothing else fits."""
        lang = self.report.lang
        whole = column_spaces(table, lang, label_brackets=False)
        split = column_spaces(table, lang, label_brackets=True)
        tries: list[tuple[bool, float, list[Space]]] = []
        if not self.landscape:
            tries += [(False, size, whole) for size in TABLE_SIZES]
        tries.append((True, TABLE_SIZES[-1], whole))
        tries.append((True, TABLE_SIZES[-1], split))
        for landscape, size, spaces in tries:
            room = self.text_width(landscape) / size
            padding = 2 * CELL_PADDING / size
            if sum(s.minimum + padding for s in spaces) <= room:
                break
        widths = [em * size + 2 * CELL_PADDING for em in fit(spaces, room, padding)]
        return _Plan(landscape, size, widths)

    def table_xml(self, table: Table, plan: "_Plan") -> str:
        lang = self.report.lang
        size = plan.size
        header = "".join(
            self.cell(column.label, width, look.HEADER_CELL, size, fill=HEADER_FILL)
            for column, width in zip(table.columns, plan.widths, strict=True)
        )
        # The header row repeats on every page; no row splits across pages.
        out = [
            _table_start(plan.widths, size),
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>",
        ]
        numeric = [_numeric(column.kind) for column in table.columns]
        for row in table.rows:
            cells = []
            for column, value, width, right in zip(
                table.columns, row, plan.widths, numeric, strict=True
            ):
                if column.kind == Kind.LIGHT and isinstance(value, str) and value in LIGHTS:
                    light = Light(value)
                    fill_, colour = LIGHT_COLOURS[light]
                    text = LIGHT_LABELS.get(lang, LIGHT_LABELS["zh"])[light]
                    cells.append(self.cell(text, width, look.CELL, size, fill=fill_, colour=colour))
                else:
                    text = format_value(value, column.kind, lang)
                    cells.append(self.cell(text, width, look.CELL, size, right=right))
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def cell(
        self,
        text: str,
        width: float,
        style: look.Look,
        size: float,
        *,
        right: bool = False,
        fill: str | None = None,
        colour: str | None = None,
    ) -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        paragraph = f'<w:pStyle w:val="{escape(self.styles[style.name])}"/>'
        # Lines exactly 1.25 times the size: CJK fonts' own "single" is up to 1.45 times.
        line = round(size * CELL_LINE * TWIPS)
        paragraph += f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        if right:
            paragraph += '<w:jc w:val="right"/>'
        run = f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
        if colour:
            run = f'<w:b/><w:color w:val="{colour}"/>' + run
        lines = _clean(text).split("\n")
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(line, quote=False)}</w:t>' for line in lines
        )
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{round(width * TWIPS)}" w:type="dxa"/>{shading}'
            f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>{paragraph}</w:pPr>'
            f"<w:r><w:rPr>{run}</w:rPr>{body}</w:r></w:p></w:tc>"
        )

    # --- sections --------------------------------------------------------------------------

    def add(self, element: object) -> None:
        """An element at the end of the text (before the final section's properties)."""
        self.body[-1].addprevious(element)

    def section_break(self) -> None:
        """End the current section (its orientation) with an empty paragraph."""
        paragraph = self.document.add_paragraph(style=look.BREAK.name)
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(self._section_properties(self.landscape))

    def _section_properties(self, landscape: bool) -> object:
        """The final section's properties (page, margins, footer) for a page turned or not."""
        sect = copy.deepcopy(self.base._sectPr)
        _orient(Section(sect, self.document.part), landscape, self.templated)
        return sect

    def finish(self, marker: object | None) -> None:
        """Close the last section; with a marker, move the report to its place."""
        tail = marker is not None and marker.getnext() is not self.body[self.start]  # type: ignore[attr-defined]
        if marker is not None and tail:
            # The template goes on after the report (抄送, 印发): the report's last pages
            # end their own section; the template's keeps its orientation.
            if self.landscape:
                self.section_break()
        elif self.landscape:
            _orient(self.base, True, self.templated)
        if marker is None:
            return
        added = list(self.body)[self.start : len(self.body) - 1]
        for element in added:
            marker.addprevious(element)  # type: ignore[attr-defined]
        marker.getparent().remove(marker)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class _Plan:
    """How a table is set: on a landscape page or not, its font size, its columns' widths
    in points (padding included)."""

    landscape: bool
    size: float
    widths: list[float]


LIGHTS = frozenset(light.value for light in Light)


def _numeric(kind: Kind) -> bool:
    return kind in (Kind.INT, Kind.AMOUNT, Kind.PERCENT, Kind.POINTS)


def _clean(text: str) -> str:
    """Text XML can hold: a control character a ledger should never have is replaced."""
    return _NOT_XML.sub("\ufffd", text)


def _table_start(widths: Sequence[float], size: float) -> str:
    total = round(sum(widths) * TWIPS)
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    padding = round(CELL_PADDING * TWIPS)
    grid = "".join(f'<w:gridCol w:w="{round(w * TWIPS)}"/>' for w in widths)
    return (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{border}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{padding}" w:type="dxa"/>'
        f'<w:right w:w="{padding}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )


# --- page setup, page numbers, properties, zip ---------------------------------------------


def _page_setup(section: Section) -> None:
    section.page_width, section.page_height = A4
    section.orientation = WD_ORIENT.PORTRAIT
    top, right, bottom, left = PORTRAIT_MARGINS
    section.top_margin, section.right_margin = top, right
    section.bottom_margin, section.left_margin = bottom, left
    section.footer_distance = FOOTER_DISTANCE
    section.header_distance = HEADER_DISTANCE


def _orient(section: Section, landscape: bool, templated: bool) -> None:
    """Turn a section's page (its properties as the portrait text has them)."""
    if not landscape:
        return
    width, height = section.page_width or A4[0], section.page_height or A4[1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)
    if templated:  # the template's margins, turned with the page
        top, right = section.top_margin, section.right_margin
        bottom, left = section.bottom_margin, section.left_margin
        section.top_margin, section.right_margin = right, top
        section.bottom_margin, section.left_margin = left, bottom
    else:
        top_, right_, bottom_, left_ = LANDSCAPE_MARGINS
        section.top_margin, section.right_margin = top_, right_
        section.bottom_margin, section.left_margin = bottom_, left_


def _page_number(document: Document, section: Section) -> None:
    """— 1 — centred in the footer (a template's own footer stays as it is)."""
    footer = section.footer
    if not footer.is_linked_to_previous and (
        any(p.text.strip() for p in footer.paragraphs)
        or footer._element.find(".//" + qn("w:fldSimple")) is not None
    ):
        return
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles[look.PAGE_NUMBER.name]
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" —")


def _properties(document: Document, report: Report) -> None:
    """The core properties, from the report only: the same report, the same bytes. The
    data's commit goes here (and not in the text)."""
    properties = document.core_properties
    moment = dt.datetime.combine(report.as_of, dt.time(), tzinfo=dt.UTC)
    properties.title = f"{report.title} {report.subtitle}".strip()
    properties.subject = report.subtitle
    properties.author = report.organisation
    properties.last_modified_by = report.organisation
    properties.comments = report.source
    properties.identifier = report.source
    properties.keywords = f"projledger {report.kind}"
    properties.language = "en" if report.lang == "en" else "zh-CN"
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.category = ""
    # python-docx's own template carries the thumbnail of another document.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]


def _reproducible(data: bytes) -> bytes:
    """The same archive with every entry stamped 1980-01-01 (python-docx stamps now)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
