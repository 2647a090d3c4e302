"""The HTML report: escaping, self-containment, determinism, and a real headless Chromium.

The browser tests render the page with Debian's `chromium` and check the pixels, the DOM
and an A4 PDF. Without Chromium they are skipped, saying how to install it; under CI
(CI=true, where `.ci/run` installs it) they fail instead (see helpers.require_tool).
"""

import datetime as dt
import re
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from projledger.report.document import Chart, Column, Figure, Kind, Report, Table
from projledger.report.render_html import render_html
from tests.helpers import require_tool

EVIL = "<script>alert(1)</script>"
RED_BADGE = (0xD3, 0x2F, 0x2F)  # .badge-red in render_html's CSS


def sample_report(lang: str = "zh") -> Report:
    zh = lang == "zh"
    projects = [
        ("莱芜经济开发区绿色转型示范项目", "red", 0.972, 0.55, 12800.0, "进度滞后"),
        (EVIL, "yellow", 0.413, 0.60, 629.5, "征地 & 拆迁"),
        ("\"泰山\" 智慧物流园 '二期'", "green", 1.08, 0.95, 1280000.0, None),
        ("钢城区新能源电池材料产业园（一期）基础设施配套工程", "green", 0.2, None, None, "—"),
    ]
    rows: list[list[str | int | float | dt.date | None]] = [
        [name, light, done, plan, amount, note]
        for name, light, done, plan, amount, note in projects
    ]
    columns = [
        Column("name", "项目名称" if zh else "Project"),
        Column("light", "亮灯" if zh else "Light", Kind.LIGHT),
        Column("done", "投资完成率" if zh else "Invested", Kind.PERCENT),
        Column("plan", "计划进度" if zh else "Planned", Kind.PERCENT),
        Column("amount", "年度投资（万元）" if zh else "Investment (10k CNY)", Kind.AMOUNT),
        Column("note", "备注" if zh else "Note"),
    ]
    return Report(
        kind="weekly",
        title="2026年第47周重点项目周报" if zh else "Key projects, week 47 of 2026",
        organisation='济南市发展和改革委员会 & "重大办"',
        lang=lang,
        period_start=dt.date(2026, 11, 14),
        period_end=dt.date(2026, 11, 20),
        as_of=dt.date(2026, 11, 20),
        source="提交 77c1436（工作区有未提交的修改）",
        invalid_files=["projects/坏文件.yaml", "projects/<bad>&'x'.yaml"],
        figures=[
            Figure("projects", "项目总数" if zh else "Projects", 4, Kind.INT),
            Figure("rate", "投资完成率" if zh else "Invested", 0.913, Kind.PERCENT),
            Figure("amount", "年度投资（万元）", 1293429.5, Kind.AMOUNT),
            Figure("red", "红灯项目", "red", Kind.LIGHT),
        ],
        tables=[
            Table(
                key="progress",
                title="项目进度" if zh else "Progress",
                columns=columns,
                rows=rows,
                note="投资完成率 = 累计完成投资 ÷ 年度计划投资。",
                chart=Chart("name", ("done", "plan"), "投资完成率与计划进度"),
            ),
            Table(
                key="overdue",
                title="逾期事项" if zh else "Overdue",
                columns=[Column("item", "事项"), Column("due", "期限", Kind.DATE)],
                rows=[],
                note=None,
            ),
        ],
        notes=["本报告按 2026-11-20 的数据计算。", "问题 & 风险 <b>不</b> 含已销号事项。"],
    )


# --- the HTML text ---------------------------------------------------------------------------


def test_user_text_is_escaped() -> None:
    page = render_html(sample_report())
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>不</b>" not in page
    assert "问题 &amp; 风险 &lt;b&gt;不&lt;/b&gt;" in page
    assert "&quot;泰山&quot; 智慧物流园 &#x27;二期&#x27;" in page
    assert "济南市发展和改革委员会 &amp; &quot;重大办&quot;" in page
    assert "projects/&lt;bad&gt;&amp;&#x27;x&#x27;.yaml" in page
    # The chart's bar label shortens it; its tooltip keeps it whole, escaped too.
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>&lt;script&gt;" in chart


def test_language_and_head() -> None:
    zh = render_html(sample_report("zh"))
    en = render_html(sample_report("en"))
    assert '<html lang="zh-CN">' in zh
    assert '<html lang="en">' in en
    assert '<meta charset="utf-8">' in zh
    assert "<title>2026年第47周重点项目周报</title>" in zh
    assert "截至2026年11月20日" in zh
    assert "As of 20 November 2026" in en
    assert "2026-11-14 至 2026-11-20" in zh
    assert "提交 77c1436" in zh
    assert "These files have errors (unreadable, or failing the checks) and are left out" in en
    assert "None" in en and "无" in zh  # the empty table


def test_invalid_files_box_comes_first() -> None:
    page = render_html(sample_report())
    box = page.index('class="warning"')
    assert box < page.index("<h1>") < page.index("<table")
    assert "以下文件有错误（无法读取或未通过检查），未计入本报告：" in page
    assert "projects/坏文件.yaml" in page
    assert "projledger check" in page
    report = sample_report()
    report.invalid_files = []
    assert 'class="warning"' not in render_html(report)


def test_tables_figures_lights_and_chart() -> None:
    page = render_html(sample_report())
    assert '<span class="badge badge-red">红灯</span>' in page
    assert '<span class="badge badge-green">绿灯</span>' in page
    assert '<td class="num">97.2%</td>' in page
    assert '<td class="num">1,280,000</td>' in page
    assert '<td class="num">—</td>' in page  # a missing amount
    assert '<th class="num" scope="col">投资完成率</th>' in page
    assert page.count('<div class="card">') == 4
    assert '<div class="value">1,293,429.5</div>' in page
    # The chart: one bar per present value (7 of 8), a legend for two series, the value text.
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert chart.count('fill="#3b6fb6"') == 4 + 1  # four bars and the legend swatch
    assert chart.count('fill="#e39b2f"') == 3 + 1
    assert ">97.2%</text>" in chart and ">108.0%</text>" in chart
    assert "计划进度" in chart  # legend
    # The long project name is cut to fit; its full text is the tooltip.
    assert "<title>钢城区新能源电池材料产业园（一期）基础设施配套工程</title>钢城区" in chart
    assert "…</text>" in chart
    # The empty table shows "无" and no <table>.
    overdue = page[page.index("<h2>逾期事项</h2>") :]
    assert '<p class="empty">无</p>' in overdue and "<table" not in overdue


def test_print_rules() -> None:
    page = render_html(sample_report())
    for rule in (
        "@page { size: A4; margin: 12mm 12mm 14mm;",
        "@page wide { size: A4 landscape;",
        "section.wide { page: wide; }",
        "thead { display: table-header-group; }",
        "print-color-adjust: exact",
        "break-inside: avoid",
        '"Noto Sans CJK SC"',
    ):
        assert rule in page


def test_chart_is_capped_at_30_rows() -> None:
    report = sample_report()
    table = report.tables[0]
    table.rows = [[f"项目{i}", "green", i / 50, 0.5, float(i), None] for i in range(45)]
    page = render_html(report)
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "项目29<" in chart and "项目30<" not in chart
    assert "前 30 项（共 45 项）" in page
    assert page.count("<tr>") == 45 + 1  # the table keeps every row


def test_deterministic() -> None:
    assert render_html(sample_report()) == render_html(sample_report())
    assert render_html(sample_report("en")) == render_html(sample_report("en"))


def test_self_contained() -> None:
    for lang in ("zh", "en"):
        page = render_html(sample_report(lang)).lower()
        for external in ("http://", "https://", "src=", "href=", "@import", "url(", "<link"):
            assert external not in page, external


# --- a real browser --------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A dead proxy and no name resolution: any network access would fail the page.
OFFLINE_FLAGS = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]


def chromium() -> str:
    return require_tool(
        "Chromium",
        ("/usr/bin/chromium", "chromium", "chromium-browser"),
        "install Debian's chromium (apt-get install chromium) to run the browser tests",
    )


def run_chromium(tmp_path: Path, page: str, *args: str) -> subprocess.CompletedProcess[str]:
    binary = chromium()
    html_file = tmp_path / "report.html"
    html_file.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, html_file.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def screenshot(tmp_path: Path, page: str, *args: str) -> Path:
    shot = tmp_path / "shot.png"
    run_chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1240,1754", *args)
    assert shot.is_file(), "Chromium wrote no screenshot"
    return shot


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB/RGBA non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind_byte = raw[start]
        row = bytearray(raw[start + 1 : start + 1 + stride])
        if kind_byte == 1:  # Sub
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif kind_byte == 2:  # Up
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous, strict=True))
        elif kind_byte == 3:  # Average
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind_byte == 4:  # Paeth
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                row[i] = (row[i] + pred) & 0xFF
        rows.append(bytes(row) if bpp == 3 else bytes(v for i, v in enumerate(row) if i % 4 != 3))
        previous = row
    return width, height, rows


def pixel_stats(shot: Path) -> tuple[int, int, int]:
    """(distinct colours, non-white pixels, red-badge pixels) of a 1240x1754 screenshot."""
    data = shot.read_bytes()
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1240, 1754)
    _, _, rows = decode_png(data)
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in rows:
        counts.update(zip(row[0::3], row[1::3], row[2::3], strict=True))
    non_white = sum(counts.values()) - counts[(255, 255, 255)]
    red = sum(
        n
        for colour, n in counts.items()
        if all(abs(v - r) <= 6 for v, r in zip(colour, RED_BADGE, strict=True))
    )
    return len(counts), non_white, red


@pytest.mark.browser
def test_chromium_renders_the_page(tmp_path: Path) -> None:
    shot = screenshot(tmp_path, render_html(sample_report()))
    colours, non_white, red = pixel_stats(shot)
    assert colours > 200, colours  # text antialiasing, badges, bars, card backgrounds
    assert non_white > 50_000, non_white
    assert red > 200, red  # the red badges: the CSS was applied


@pytest.mark.browser
def test_chromium_needs_no_network(tmp_path: Path) -> None:
    shot = screenshot(tmp_path, render_html(sample_report()), *OFFLINE_FLAGS)
    colours, non_white, red = pixel_stats(shot)
    assert colours > 200 and non_white > 50_000 and red > 200, (colours, non_white, red)


@pytest.mark.browser
def test_chromium_dom_shows_script_as_text(tmp_path: Path) -> None:
    result = run_chromium(tmp_path, render_html(sample_report()), "--dump-dom", *OFFLINE_FLAGS)
    dom = result.stdout
    assert "<h1>2026年第47周重点项目周报</h1>" in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom.lower()
    assert 'class="badge badge-red"' in dom


@pytest.mark.browser
def test_chromium_prints_a4_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "out.pdf"
    run_chromium(
        tmp_path,
        render_html(sample_report()),
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        *OFFLINE_FLAGS,
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5_000
    number = rb"(-?[\d.]+)"
    box = re.search(rb"/MediaBox\s*\[\s*" + rb"\s+".join([number] * 4) + rb"\s*\]", data)
    assert box, "no /MediaBox in the PDF"
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    assert abs((x1 - x0) - 595) <= 2 and abs((y1 - y0) - 842) <= 2, (x0, y0, x1, y1)
