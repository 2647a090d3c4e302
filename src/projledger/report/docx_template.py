"""An office's own .docx as the frame of a report (`--template 模板.docx`): its letterhead,
styles, 文号 and 印发 line, with the report's words put in where it says.

In the template, `{{正文}}` (or `{{body}}`) alone in a paragraph marks where the report's
text and tables go (without it, they follow the template's content); these placeholders
are filled wherever they are (body, tables, headers, footers):

| placeholder | English | what |
|---|---|---|
| {{标题}} | {{title}} | the report's title (重点项目周调度报告) |
| {{期别}} | {{period}} | the period (2026年第47周（11月16日—11月22日）) |
| {{期数}} | {{number}} | the period's number: 47 for week 47, 11 for November, 4 for Q4 |
| {{年}} | {{year}} | the period's year |
| {{单位}} | {{organisation}} | the config's organisation |
| {{日期}} | {{date}} | the report date, 2026年11月22日 (成文日期, 印发日期) |

A template with {{标题}} sets the title itself; without it, the report's title, period
and organisation head the text. Unknown placeholders are left as they are.
"""

import io
import re
import zipfile
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn

from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.report.document import Report
from projledger.report.period_names import day_label

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
BODY_MARKERS = frozenset({"正文", "body"})
TITLE_KEYS = frozenset({"标题", "title"})


def values(report: Report) -> dict[str, str]:
    """Each placeholder's text, by its Chinese and its English name."""
    start = report.period_start or report.as_of
    if report.kind == "weekly":
        number = start.isocalendar()[1]
    elif report.kind == "quarterly":
        number = (start.month - 1) // 3 + 1
    elif report.kind == "annual":
        number = start.year
    else:
        number = start.month
    year = start.isocalendar()[0] if report.kind == "weekly" else start.year
    named = {
        ("标题", "title"): report.title,
        ("期别", "period"): report.subtitle,
        ("期数", "number"): str(number),
        ("年", "year"): str(year),
        ("单位", "organisation"): report.organisation,
        ("日期", "date"): day_label(report.as_of, report.lang),
    }
    return {name: text for names, text in named.items() for name in names}


def _paragraphs(document: Document) -> Iterator[object]:
    """Every paragraph element: the body's (in tables too), then every header's and
    footer's (each part once)."""
    yield from document.element.body.iter(qn("w:p"))
    seen: set[int] = set()
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous or id(part.part) in seen:
                continue
            seen.add(id(part.part))
            yield from part._element.iter(qn("w:p"))


def _text(paragraph: object) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))  # type: ignore[attr-defined]


def fill(document: Document, report: Report) -> bool:
    """Put the report's values in for the placeholders; whether the template sets the
    title itself ({{标题}})."""
    known = values(report)
    has_title = False
    for paragraph in _paragraphs(document):
        text = _text(paragraph)
        if "{{" not in text:
            continue
        names = {m[1] for m in _PLACEHOLDER.finditer(text)}
        has_title = has_title or bool(names & TITLE_KEYS)
        if names <= BODY_MARKERS:
            continue
        filled = _PLACEHOLDER.sub(lambda m: known.get(m[1], m[0]), text)
        if filled != text:
            _set_text(paragraph, filled)
    return has_title


def _set_text(paragraph: object, text: str) -> None:
    """The paragraph's text, in its first piece of text (so in that run's format): Word
    splits text into runs anywhere, a placeholder too."""
    pieces = list(paragraph.iter(qn("w:t")))  # type: ignore[attr-defined]
    first, rest = pieces[0], pieces[1:]
    first.text = text
    first.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for piece in rest:
        piece.getparent().remove(piece)


def body_marker(document: Document) -> object | None:
    """The body paragraph that says where the report's text goes ({{正文}}), if any."""
    for paragraph in document.element.body.iterchildren(qn("w:p")):
        match = _PLACEHOLDER.fullmatch(_text(paragraph).strip())
        if match is not None and match[1] in BODY_MARKERS:
            found: object = paragraph
            return found
    return None


class TemplateError(ProjledgerError):
    """The template is not a Word document (said without the template's name, which the
    command puts before it)."""


_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def as_document(data: bytes) -> bytes:
    """A template's bytes as a document's: a Word template (.dotx) differs from a
    document (.docx) only in its main part's content type. Raises `TemplateError` for
    anything but those two."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
            if _DOCUMENT_TYPE in types:
                return data
            if _TEMPLATE_TYPE not in types:
                raise TemplateError(msg("report.template.not_word"))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in archive.infolist():
                    content = archive.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    copy.writestr(info, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        raise TemplateError(msg("report.template.not_word")) from None


def open_template(data: bytes) -> Document:
    """The template as a document to fill; `TemplateError` if it is not one."""
    import docx

    try:
        return docx.Document(io.BytesIO(as_document(data)))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken file
        raise TemplateError(msg("report.template.broken", detail=exc)) from None
