"""The .docx report, read back with python-docx: its text (the narrative, with the JSON
report's numbers), headings by level, tables with repeated header rows and no column
narrower than its label, landscape sections for wide tables, the 公文 typography, an
office's template, and the same bytes for the same report."""

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from projledger.report.print_layout import label_em, text_em
from projledger.report.render_docx import render_docx
from tests.helpers import Ledger, run_cli, sample_report

WEEK = ("report", "weekly", "--week", "2026-W47")
PINYIN_ID = re.compile(r"\blaiwu-[a-z0-9-]+")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample ledger, committed once."""
    return Ledger.create(tmp_path_factory.mktemp("docx") / "root").root


def cli_bytes(root: Path, *args: str) -> bytes:
    out = root.parent / "out.bin"
    result = run_cli(*args, "-o", out, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out.read_bytes()


@pytest.fixture(scope="module")
def week(root: Path) -> tuple[Document, dict[str, Any], bytes]:
    data = cli_bytes(root, *WEEK, "--format", "docx")
    report = json.loads(cli_bytes(root, *WEEK, "--format", "json"))
    return docx.Document(io.BytesIO(data)), report, data


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def table_sections(document: Document) -> list[int]:
    """For each table of the body, in order, the index of the section it is in: a
    paragraph holding section properties ends its section."""
    found, section = [], 0
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            found.append(section)
        elif (
            element.tag == qn("w:p")
            and element.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None
        ):
            section += 1
    return found


def header_cells(table: Any) -> list[str]:
    return [cell.text for cell in table.rows[0].cells]


# --- the text ------------------------------------------------------------------------------


def test_title_period_and_sections_in_order(week: tuple[Document, dict[str, Any], bytes]) -> None:
    document, report, _ = week
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "重点项目周调度报告"
    assert paragraphs[0].style.name == "公文标题"
    assert paragraphs[1].text == "2026年第47周（11月16日—11月22日）"
    assert (
        "济南市莱芜区发展和改革局" in paragraphs[2].text and "2026年11月22日" in paragraphs[2].text
    )
    headings = [p.text for p in paragraphs if p.style.name == "公文一级标题"]
    assert headings == [
        "一、总体情况",
        "二、分领域推进情况",
        "三、问题办理情况",
        "四、红黑榜",
        "五、下步工作提示",
    ]
    subheadings = [p.text for p in paragraphs if p.style.name == "公文二级标题"]
    assert subheadings[:2] == ["（一）分级别", "（二）分类别"]
    # The narrative is the JSON's, paragraph for paragraph, in the styles of its levels.
    styles = {0: "公文正文", 1: "公文一级标题", 2: "公文二级标题"}
    written = [(p.text, p.style.name) for p in paragraphs if p.style.name in styles.values()]
    assert written == [(p["text"], styles[p["level"]]) for p in report["narrative"]]
    # The heading carries no commit (it is in the metadata) and no pinyin id.
    head = "\n".join(texts(document)[:3])
    assert "commit" not in head and "2026-W47" not in head


def test_narrative_numbers_are_the_reports_figures(
    week: tuple[Document, dict[str, Any], bytes],
) -> None:
    document, report, _ = week
    figures = {f["key"]: f["value"] for f in report["figures"]}
    lead = next(p.text for p in document.paragraphs if p.style.name == "公文正文")
    assert lead.startswith("截至11月22日，全区17个重点项目")
    assert f"{figures['projects']}个重点项目" in lead
    assert f"完成投资{figures['completed'] / 10_000:.2f}亿元" in lead
    assert f"占年度计划的{figures['completion'] * 100:.1f}%" in lead
    assert f"较时间进度落后{abs(figures['gap']):.1f}个百分点" in lead
    assert f"逾期事项{figures['overdue_items']}项" in lead
    assert f"红灯项目{figures['red_lights']}个" in lead
    overall = "".join(texts(document))
    assert f"总投资{figures['total_investment'] / 10_000:.2f}亿元" in overall
    assert f"年度计划投资{figures['plan'] / 10_000:.2f}亿元" in overall
    assert f"开工率{figures['start_rate'] * 100:.1f}%" in overall
    # A breakdown's sentence is its table's row.
    level = {
        r["group"]: r for r in next(t for t in report["tables"] if t["key"] == "by_level")["rows"]
    }
    province = level["省级"]
    assert (
        f"省级项目{province['projects']}个，完成投资{province['completed'] / 10_000:.2f}亿元，"
        f"完成率{province['completion'] * 100:.1f}%"
    ) in overall
    # The most overdue item, named as an official writes it.
    overdue = next(t for t in report["tables"] if t["key"] == "overdue")["rows"][0]
    assert (
        f"{overdue['project']}开工节点（{overdue['unit']}，逾期{overdue['days_overdue']}天）"
        in overall
    )


def test_english_text(root: Path) -> None:
    document = docx.Document(io.BytesIO(cli_bytes(root, *WEEK, "--format", "docx", "--lang", "en")))
    headings = [p.text for p in document.paragraphs if p.style.name == "公文一级标题"]
    assert headings == [
        "1. Overview",
        "2. Progress by area",
        "3. Issues",
        "4. Ranking of units",
        "5. Next steps",
    ]
    assert document.paragraphs[1].text == "Week 47 of 2026 (16–22 November)"
    lead = next(p.text for p in document.paragraphs if p.style.name == "公文正文")
    assert lead.startswith("As of 22 November, the 17 key projects had completed CNY 6.83 billion")


# --- the tables ----------------------------------------------------------------------------


def test_tables_are_the_printed_columns_with_repeated_headers(
    week: tuple[Document, dict[str, Any], bytes],
) -> None:
    document, report, _ = week
    with_rows = [t for t in report["tables"] if t["rows"]]
    assert len(document.tables) == len(with_rows)
    overdue = document.tables[[t["key"] for t in with_rows].index("overdue")]
    assert header_cells(overdue) == [
        "项目名称",
        "事项",
        "责任单位",
        "责任人",
        "时限",
        "逾期天数",
        "亮灯",
    ]
    assert len(overdue.rows) == 1 + 12  # the sample's overdue on 11-20
    items = [row.cells[1].text for row in overdue.rows[1:]]
    assert "开工节点" in items and "用地规划许可" in items
    for table in document.tables:
        # The first row repeats on every page; no row breaks across a page.
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # No id in the printed tables but the appendix's; no target written as code.
    body = [cell.text for table in document.tables[:-1] for row in table.rows for cell in row.cells]
    assert not any(PINYIN_ID.search(text) for text in body)
    everything = "\n".join(texts(document) + body)
    assert "milestone:" not in everything and "approval:" not in everything
    appendix = document.tables[-1]
    assert header_cells(appendix) == ["项目名称", "项目编号"]
    ids = {row.cells[1].text for row in appendix.rows[1:]}
    assert "laiwu-matoushan-shuiku" in ids and len(ids) == 17


def test_no_column_narrower_than_its_label(week: tuple[Document, dict[str, Any], bytes]) -> None:
    """Labels are whole where the page allows (all but one table of the sample); else a
    label breaks only before its bracketed unit (年度计划投资 / （万元）)."""
    document, _, _ = week
    whole = 0
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) / 20 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        cells = table.rows[0].cells
        sizes = [int(c._tc.find(".//" + qn("w:sz")).get(qn("w:val"))) / 2 for c in cells]
        for width, cell, size in zip(grid, cells, sizes, strict=True):
            assert width >= label_em(cell.text) * size, (cell.text, width, size)
            assert width >= 2 * size  # two CJK characters at least
        whole += all(
            width >= text_em(cell.text) * size
            for width, cell, size in zip(grid, cells, sizes, strict=True)
        )
    assert whole >= len(document.tables) - 1


def test_wide_tables_on_landscape_sections(week: tuple[Document, dict[str, Any], bytes]) -> None:
    document, report, _ = week
    sections = document.sections
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    assert abs(sections[0].page_width - Mm(210)) < Mm(0.1)
    assert abs(sections[0].page_height - Mm(297)) < Mm(0.1)
    keys = [t["key"] for t in report["tables"] if t["rows"]]
    where = dict(zip(keys, table_sections(document), strict=True))
    for key in ("overdue", "unit_ranking", "lights", "next_due"):
        section = sections[where[key]]
        assert section.orientation == WD_ORIENT.LANDSCAPE, key
        assert section.page_width > section.page_height
    # The text is on the portrait pages before them.
    assert all(index > 0 for index in where.values())


def test_typography_of_the_usual_document(week: tuple[Document, dict[str, Any], bytes]) -> None:
    document, _, data = week
    styles = document.styles

    def east_asian(name: str) -> str:
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        return str(fonts.get(qn("w:eastAsia")))

    assert east_asian("公文标题") == "方正小标宋简体"
    assert east_asian("公文正文") == "仿宋_GB2312"
    assert east_asian("公文一级标题") == "黑体"
    assert east_asian("公文二级标题") == "楷体_GB2312"
    assert styles["公文正文"].font.size.pt == 16  # 三号
    assert styles["公文标题"].font.size.pt == 22  # 二号
    body = styles["公文正文"].paragraph_format
    assert body.first_line_indent.pt == 32  # two characters
    section = document.sections[0]
    text_height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    assert 28 <= text_height / body.line_spacing.pt < 31  # lines a page
    # Missing fonts fall back by name, as Word and WPS look them up.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        fonts = archive.read("word/fontTable.xml").decode()
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong', fonts)
    assert re.search(r'w:name="楷体_GB2312"><w:altName w:val="楷体,KaiTi', fonts)
    # Page numbers: a PAGE field in the footer.
    footer = section.footer._element
    assert footer.find(".//" + qn("w:fldSimple")).get(qn("w:instr")).strip() == "PAGE"


def test_same_report_same_bytes_and_source_in_metadata(
    root: Path, week: tuple[Document, dict[str, Any], bytes]
) -> None:
    document, report, data = week
    assert cli_bytes(root, *WEEK, "--format", "docx") == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
    properties = document.core_properties
    assert properties.created.date().isoformat() == report["as_of"]
    assert properties.modified == properties.created
    assert properties.comments == report["source"].removeprefix("")
    assert report["source"].startswith("提交 ")
    assert render_docx(sample_report()) == render_docx(sample_report())
    other = sample_report()
    other.as_of = other.as_of.replace(day=21)
    assert render_docx(other) != render_docx(sample_report())


def test_every_report_has_a_docx(root: Path) -> None:
    for args in (
        ("overdue", "--as-of", "2026-11-20"),
        ("due", "--as-of", "2026-11-20"),
        ("report", "monthly", "--month", "2026-11"),
        ("report", "quarterly", "--quarter", "2026-Q4", "--as-of", "2026-11-20"),
        ("report", "project", "laiwu-matoushan-shuiku", "--as-of", "2026-11-20"),
        ("report", "unit", "莱芜区水务局", "--as-of", "2026-11-20"),
    ):
        document = docx.Document(io.BytesIO(cli_bytes(root, *args, "--format", "docx")))
        assert document.tables, args
        assert document.paragraphs[0].style.name == "公文标题", args


def test_hand_made_report_with_warnings_and_figures() -> None:
    """No narrative: the figures go in a table; files left out are said first."""
    document = docx.Document(io.BytesIO(render_docx(sample_report())))
    text = texts(document)
    assert text[0] == "2026年11月重点项目月报"
    assert any("2 个项目文件有错误" in t for t in text)
    assert "projects/bad|name.yaml" in text
    figures = document.tables[0]
    assert [c.text for c in figures.rows[0].cells] == [
        "项目总数",
        "3",
        "年度计划投资(万元)",
        "1,283,847.4",
    ]
    names = [row.cells[1].text for row in document.tables[1].rows[1:]]
    assert names[1] == "雪野湖片区污水管网|提标改造\n（二期）"
    assert document.paragraphs[-1].text in ("截至报告日已超过时限、尚未销号的问题。", "")


# --- an office's template ------------------------------------------------------------------


def make_template(path: Path) -> None:
    """A letterhead with a 文号 line, the title and body markers, the 印发 line, and its
    own body style."""
    template = docx.Document()
    from docx.enum.style import WD_STYLE_TYPE

    own = template.styles.add_style("公文正文", WD_STYLE_TYPE.PARAGRAPH)
    own.font.size = docx.shared.Pt(15)
    template.add_paragraph("济南市莱芜区发展和改革局文件")
    template.add_paragraph("莱发改〔{{年}}〕{{期数}}号")
    paragraph = template.add_paragraph("{{")
    paragraph.add_run("标题")  # a placeholder split across runs, as Word splits them
    paragraph.add_run("}}")
    template.add_paragraph("{{正文}}")
    template.add_paragraph("抄送：区委办公室，区政府办公室。")
    template.add_paragraph("{{单位}}办公室　　{{日期}}印发")
    template.save(str(path))


def test_template_letterhead_and_styles(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "模板.docx"
    make_template(path)
    data = cli_bytes(root, *WEEK, "--format", "docx", "--template", str(path))
    document = docx.Document(io.BytesIO(data))
    text = texts(document)
    assert text[:3] == ["济南市莱芜区发展和改革局文件", "莱发改〔2026〕47号", "重点项目周调度报告"]
    # The template sets the title: the report does not repeat it; its text follows.
    assert text.count("重点项目周调度报告") == 1
    assert text[3].startswith("截至11月22日")
    assert text[-2:] == [
        "抄送：区委办公室，区政府办公室。",
        "济南市莱芜区发展和改革局办公室　　2026年11月22日印发",
    ]
    assert not any("{{" in t for t in text)
    # The office's own 公文正文 is kept.
    assert document.styles["公文正文"].font.size.pt == 15
    # Tables on landscape pages, the template's last section as it was.
    sections = document.sections
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in sections)
    assert sections[-1].orientation == WD_ORIENT.PORTRAIT
    # The same template, the same bytes.
    assert cli_bytes(root, *WEEK, "--format", "docx", "--template", str(path)) == data


def test_template_as_dotx_and_refusals(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "模板.docx"
    make_template(path)
    dotx = tmp_path / "模板.dotx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, content)
    data = cli_bytes(root, *WEEK, "--format", "docx", "--template", str(dotx))
    assert texts(docx.Document(io.BytesIO(data)))[1] == "莱发改〔2026〕47号"
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document", encoding="utf-8")
    result = run_cli(
        *WEEK, "--format", "docx", "--template", bad, "-o", tmp_path / "x.docx", cwd=root
    )
    assert result.returncode == 1
    assert (
        result.stderr.startswith("projledger: 错误：--template")
        and "不是 Word 文档（.docx 或 .dotx）" in result.stderr
    )
    result = run_cli(*WEEK, "--format", "html", "--template", path, cwd=root)
    assert result.returncode == 2 and "--template 仅适用于 --format docx" in result.stderr
