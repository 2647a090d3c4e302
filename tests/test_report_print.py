"""The sample's weekly report printed as an office prints it: the .docx through
LibreOffice, the HTML through Chromium, each to an A4 PDF read back with poppler. At most
12 pages (10 before the dispatch report listed every open issue's latest progress and the
projects by stage); the text portrait, wide tables on landscape pages; every project's name whole
in the PDF's text. Skipped without the tools, failed without them under CI=true
(`.ci/run` installs them)."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Ledger, pdf_of_docx, pdf_of_html, pdf_pages, pdf_text, run_cli

WEEK = ("report", "weekly", "--week", "2026-W47")
MOST_PAGES = 12


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The sample committed once, before W47 (as this repository's history has it, so the
    week's issue flow is empty); its W47 report as .docx, HTML and JSON."""
    out = tmp_path_factory.mktemp("print")
    root = Ledger.create(out / "root", date="2026-11-10T09:00:00+08:00").root
    for fmt in ("docx", "html", "json"):
        result = run_cli(*WEEK, "--format", fmt, "-o", out / f"w47.{fmt}", cwd=root)
        assert result.returncode == 0, result.stderr
    report = json.loads((out / "w47.json").read_text(encoding="utf-8"))
    return out, report


def project_names(report: dict[str, Any]) -> list[str]:
    rows = next(t for t in report["tables"] if t["key"] == "project_ids")["rows"]
    return [row["project"] for row in rows]


def unspaced(text: str) -> str:
    """LibreOffice sets Latin letters and digits a quarter em apart from Chinese even
    when the document says not to (w:autoSpaceDE/DN off, which Word and WPS follow), and
    pdftotext reads the gap as a space: 省道 S242 口镇. Such a space is not a break."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[\u4e00-\u9fff])", "", text
    )


def check_print(pdf: Path, report: dict[str, Any], *, spaced: bool = False) -> str:
    pages = pdf_pages(pdf)
    assert 2 <= len(pages) <= MOST_PAGES, len(pages)
    a4 = {(595, 842), (842, 595)}
    assert {(round(w), round(h)) for w, h in pages} <= a4, pages
    width, height = pages[0]
    assert width < height  # the text: portrait
    assert any(w > h for w, h in pages)  # the wide tables: landscape
    text = pdf_text(pdf)
    if spaced:
        text = unspaced(text)
    names = project_names(report)
    assert len(names) == 17
    broken = [name for name in names if name not in text]
    assert not broken, broken
    assert "milestone:" not in text and "approval:" not in text
    return text


@pytest.mark.browser
def test_html_prints_on_at_most_twelve_a4_pages(printed: tuple[Path, dict[str, Any]]) -> None:
    out, report = printed
    pdf = out / "w47-html.pdf"
    pdf_of_html(out / "w47.html", pdf, out / "chromium-profile")
    text = check_print(pdf, report)
    assert "一、总体情况" in text
    pages = len(pdf_pages(pdf))
    # Page numbers and the data's source in the bottom margin of every page.
    assert re.search(rf"\b1\s*/\s*{pages}\b", text) and re.search(
        rf"\b{pages}\s*/\s*{pages}\b", text
    )
    assert text.count(report["source"]) == pages


@pytest.mark.office
def test_docx_prints_on_at_most_twelve_a4_pages(printed: tuple[Path, dict[str, Any]]) -> None:
    out, report = printed
    pdf = pdf_of_docx(out / "w47.docx", out)
    text = check_print(pdf, report, spaced=True)
    assert "重点项目周调度报告" in text and "五、下步工作提示" in text
    assert re.search(r"—\s*1\s*—", text)  # the page number in the footer
