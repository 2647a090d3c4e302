"""The look of a .docx 通报: the usual 公文 typography (GB/T 9704) as named paragraph styles,
and the fonts named as office machines have them.

Styles have Chinese names an office sees in WPS or Word's style list (公文正文, 公文一级标题
...). A template (`--template`) that defines a style of the same name keeps its own look;
the styles it lacks are added as below. Fonts are named for the East Asian text
(`w:eastAsia`: python-docx's `font.name` sets only the Latin ones) with Times New Roman
for Latin letters and digits; the font table lists, for each, the names to look for when
it is missing (仿宋_GB2312 → 仿宋 → FangSong ...), which Word and WPS follow before
falling back on their own.
"""

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

FALLBACKS = {
    TITLE_FONT: ("方正小标宋_GBK", "华文中宋", "宋体", "SimSun"),
    BODY_FONT: ("仿宋", "FangSong", "华文仿宋", "STFangsong"),
    HEADING_FONT: ("SimHei", "华文黑体", "STHeiti"),
    SUBHEADING_FONT: ("楷体", "KaiTi", "华文楷体", "STKaiti"),
    NUMBER_FONT: ("SimSun",),
}
"""What Word and WPS look for when a font is missing (the font table's w:altName):
the older names of the same face first, then the nearest face of Windows and macOS."""

BODY_SIZE = 16.0  # 三号
TITLE_SIZE = 22.0  # 二号
CAPTION_SIZE = 14.0  # 四号
TABLE_TITLE_SIZE = 12.0  # 小四
NOTE_SIZE = 10.5  # 五号
LINE = 22.5
"""Fixed line spacing of the text: 28 lines on the 225 mm of a GB/T 9704 page (the
standard's strict grid is 22 lines, 28.95 pt apart: an office that wants it sets
公文正文 so in its template)."""
INDENT = 2 * BODY_SIZE
"""A paragraph's first line is indented by two characters."""


@dataclass(frozen=True, slots=True)
class Look:
    name: str
    font: str
    size: float
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    indent: float = 0.0
    line: float | None = LINE
    bold: bool = False
    outline: int | None = None
    """Outline level of a heading (0 一、, 1 （一）): the navigation pane lists it."""
    keep_with_next: bool = False
    space_before: float = 0.0
    space_after: float = 0.0


TITLE = Look("公文标题", TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, line=36.0)
SUBTITLE = Look("公文副标题", SUBHEADING_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
META = Look("公文署名", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER, space_after=LINE / 2)
BODY = Look("公文正文", BODY_FONT, BODY_SIZE, indent=INDENT)
HEADING = Look(
    "公文一级标题", HEADING_FONT, BODY_SIZE, indent=INDENT, outline=0, keep_with_next=True
)
SUBHEADING = Look(
    "公文二级标题", SUBHEADING_FONT, BODY_SIZE, indent=INDENT, outline=1, keep_with_next=True
)
WARNING = Look("公文提示", HEADING_FONT, BODY_SIZE, bold=True)
CAPTION = Look(
    "公文附表标题",
    HEADING_FONT,
    TABLE_TITLE_SIZE,
    WD_ALIGN_PARAGRAPH.LEFT,
    line=None,
    keep_with_next=True,
    space_before=6.0,
    space_after=2.0,
)
TABLE_NOTE = Look(
    "公文表注",
    SUBHEADING_FONT,
    NOTE_SIZE,
    WD_ALIGN_PARAGRAPH.LEFT,
    line=None,
    keep_with_next=True,
    space_after=3.0,
)
CELL = Look("公文表格", BODY_FONT, NOTE_SIZE, WD_ALIGN_PARAGRAPH.LEFT, line=None)
HEADER_CELL = Look(
    "公文表头",
    HEADING_FONT,
    NOTE_SIZE,
    WD_ALIGN_PARAGRAPH.CENTER,
    line=None,
    keep_with_next=True,  # a header row never ends a page alone
)
PAGE_NUMBER = Look("公文页码", NUMBER_FONT, CAPTION_SIZE, WD_ALIGN_PARAGRAPH.CENTER, line=None)
BREAK = Look("公文分节", BODY_FONT, 1.0, line=1.0)
"""The empty paragraph that ends a section (after a table): as small as a line can be."""

LOOKS = (
    TITLE,
    SUBTITLE,
    META,
    BODY,
    HEADING,
    SUBHEADING,
    WARNING,
    CAPTION,
    TABLE_NOTE,
    CELL,
    HEADER_CELL,
    PAGE_NUMBER,
    BREAK,
)


def set_fonts(properties: object, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a run's or a style's properties (`w:rPr`): `east_asia` for Chinese,
    `latin` for letters and digits."""
    rpr = properties.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def add_styles(document: Document) -> None:
    """Our styles, each unless the document (a template) already has one of its name."""
    names = {style.name for style in document.styles}
    for look in LOOKS:
        if look.name not in names:
            _add_style(document, look)
    _defaults(document)
    _font_table(document)


def _add_style(document: Document, look: Look) -> None:
    style = document.styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = None
    style.quick_style = look in (TITLE, BODY, HEADING, SUBHEADING)
    set_fonts(style.element, look.font)
    font = style.font
    font.size = Pt(look.size)
    font.bold = look.bold
    paragraph = style.paragraph_format
    paragraph.alignment = look.align
    paragraph.first_line_indent = Pt(look.indent) if look.indent else None
    if look.line is not None:
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.line_spacing = Pt(look.line)
    else:
        paragraph.line_spacing = 1.0
    paragraph.space_before = Pt(look.space_before)
    paragraph.space_after = Pt(look.space_after)
    paragraph.keep_with_next = look.keep_with_next
    paragraph.widow_control = True
    ppr = style.element.get_or_add_pPr()
    # No extra space between Chinese and Latin letters or digits (S242, 2026年): a name
    # prints as typed, and a column as wide as its text holds it.
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        ppr.insert_element_before(off, *_AFTER_AUTOSPACE)
    if look.outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(look.outline))
        ppr.insert_element_before(level, *_AFTER_OUTLINE)


# The elements that follow w:autoSpaceDN and w:outlineLvl in a w:pPr (the schema's order).
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    *_AFTER_OUTLINE,
)


def _defaults(document: Document) -> None:
    """Text the styles do not reach (a template's own paragraphs stay as they are): Chinese
    as the East Asian language, so WPS and Word break lines and fall back as for Chinese."""
    rpr = document.styles.element.find(qn("w:docDefaults"))
    if rpr is None:
        return
    run = rpr.find(qn("w:rPrDefault"))
    props = None if run is None else run.find(qn("w:rPr"))
    if props is None:
        return
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        props.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(document: Document) -> None:
    """Declare our fonts in the font table with the names to look for in their place
    (w:altName) and as GB2312 fonts (charset 86), as Word itself writes them."""
    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == RT.FONT_TABLE and not rel.is_external
        ),
        None,
    )
    if part is None:
        return  # a template without a font table: Word and WPS make one
    table = parse_xml(part.blob)
    present = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    for name, alternatives in FALLBACKS.items():
        if name in present:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (
            ("w:altName", ",".join(alternatives)),
            ("w:charset", "86"),
            ("w:family", "roman" if name in (TITLE_FONT, NUMBER_FONT) else "modern"),
            ("w:pitch", "variable" if name in (TITLE_FONT, NUMBER_FONT) else "fixed"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    # python-docx keeps this part as bytes (it has no class of its own): write them anew.
    part._blob = serialize_part_xml(table)
