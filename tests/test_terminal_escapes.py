"""Control characters from a file's content or name never reach the terminal raw: `show`,
`list`, their warnings and the error line show them escaped (`\\x1b`), as `check` does
(tests/test_bad_input.py: a file name and a value with ESC and BEL)."""

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import JINGPINGANG, SAMPLE_PROJECT, cli_env, git, run_cli

# YAML's double-quoted escapes: ESC ] 0; ... BEL retitles the terminal window, ESC [2J
# clears the screen, BEL rings.
NAME = ("name: 精品钢绿色转型项目\n", 'name: "精品钢\\e]0;pwned\\a项目"\n')
TITLE = ("    title: 厂区周边300户居民征迁\n", '    title: "厂区\\e[2J周边\\a征迁"\n')
SHOWN_NAME = "精品钢\\x1b]0;pwned\\x07项目"
SHOWN_TITLE = "厂区\\x1b[2J周边\\x07征迁"
BROKEN = "bad\x1b[31m\x07.yaml"

RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def with_controls(root: Path) -> None:
    path = root / "projects" / SAMPLE_PROJECT.name
    text = path.read_text(encoding="utf-8")
    for old, new in (NAME, TITLE):
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    (root / "projects" / BROKEN).write_text("a: [1\n", encoding="utf-8")


def escaped(result: subprocess.CompletedProcess[str]) -> str:
    """stdout and stderr, which must hold no raw control character but line breaks."""
    assert "Traceback" not in result.stderr
    for stream in (result.stdout, result.stderr):
        assert RAW_CONTROL.findall(stream) == [], stream
    return result.stdout + result.stderr


def test_show_escapes_the_project_and_its_items(sample_root: Path) -> None:
    with_controls(sample_root)
    project = escaped(run_cli("show", JINGPINGANG, cwd=sample_root))
    assert SHOWN_NAME in project
    assert SHOWN_TITLE in project
    item = escaped(run_cli("show", JINGPINGANG, "I-4M8K2P", cwd=sample_root))
    assert SHOWN_NAME in item
    assert SHOWN_TITLE in item


def test_list_escapes_the_names_of_files_it_leaves_out(sample_root: Path) -> None:
    """A value holding a control character fails `check` (PL007), so `list` leaves its
    file out, as it leaves out a file whose name holds one: named escaped, never raw."""
    with_controls(sample_root)
    result = run_cli("list", "issues", "--project", JINGPINGANG, cwd=sample_root)
    escaped(result)
    assert (
        f"已略去：bad\\x1b[31m\\x07.yaml、{JINGPINGANG}.yaml；请运行 `projledger check`"
        in result.stderr
    ), result.stderr


def test_an_error_line_escapes_what_it_quotes(tmp_path: Path) -> None:
    """The one place errors are printed (`error_handler`): a message may quote a file; a
    message of several lines (a refused change lists its findings) keeps its lines."""
    code = (
        "from projledger.error_handler import run\n"
        "from projledger.errors import ProjledgerError\n"
        "def fail() -> None:\n"
        "    raise ProjledgerError('unit 莱芜\\x1b[2J区\\x07 is not declared\\n  p.yaml:3')\n"
        "run(fail)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=cli_env(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "projledger: error: unit 莱芜\\x1b[2J区\\x07 is not declared\n  p.yaml:3\n"
    )


def test_a_usage_error_quoting_a_typed_name_escapes_its_control_characters(
    tmp_path: Path,
) -> None:
    """typer's own usage errors quote what was typed; stderr escapes them too."""
    result = run_cli("check", "nope\a\x1b[2J.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "\a" not in result.stderr and "\x1b" not in result.stderr
    assert "nope\\x07" in result.stderr  # (click drops the ESC sequence off a terminal)


def test_reports_and_history_escape_what_the_files_hold(sample_root: Path) -> None:
    """The report's terminal output and a project's history print titles and names from
    the files: escaped there too (the JSON keeps the text as it is)."""
    with_controls(sample_root)
    (sample_root / "projects" / BROKEN).unlink()
    git(sample_root, "init", "-q")
    git(sample_root, "add", "-A")
    git(sample_root, "commit", "-qm", "台账")
    card = run_cli("report", "project", JINGPINGANG, "--as-of", "2026-11-20", cwd=sample_root)
    history = run_cli("history", JINGPINGANG, cwd=sample_root)
    for result in (card, history):
        assert result.returncode == 0, result.stderr
        assert not RAW_CONTROL.search(result.stdout)
        assert SHOWN_TITLE in result.stdout
    as_json = run_cli(
        "report", "project", JINGPINGANG, "--as-of", "2026-11-20", "-f", "json", cwd=sample_root
    )
    assert "厂区\\u001b[2J周边\\u0007征迁" in as_json.stdout


def test_a_long_table_is_escaped_as_a_short_one_is(tmp_path: Path) -> None:
    """A table long enough to be printed as plain columns (`LONG_TABLE_ROWS`) has its
    cells escaped as they are shown, each distinct value once: the terminal gets what it
    got when every cell was escaped first, colours on and off."""
    import datetime as dt
    import io

    from rich.console import Console

    from projledger.report.document import Column, Kind, Report, Table
    from projledger.report.render_terminal import LONG_TABLE_ROWS, render_terminal
    from projledger.safe_text import printable_lines

    texts = ["厂区\x1b[2J周边\x07征迁", "多行\n说明\x9b", "", None, "普通标题", "tab\there"]
    rows: list[list[object]] = [
        [texts[i % len(texts)], f"id\x1b{i % 7}", dt.date(2026, 11, 1 + i % 20), i % 5, "red"]
        for i in range(LONG_TABLE_ROWS + 5)
    ]
    columns = [
        Column("item", "事项"),
        Column("target", "编号", whole=True),
        Column("due", "时限", Kind.DATE),
        Column("days", "天数", Kind.INT),
        Column("light", "灯", Kind.LIGHT),
    ]

    def report(cells: list[list[object]]) -> Report:
        table = Table("items", "清单\x1b", columns, [list(row) for row in cells])
        return Report(
            "overdue", "逾期", "单位", "zh", None, None, dt.date(2026, 11, 20), "", tables=[table]
        )

    escaped_first = [
        [printable_lines(value) if isinstance(value, str) else value for value in row]
        for row in rows
    ]
    for color in (None, "truecolor"):
        outputs = []
        for cells in (rows, escaped_first):
            out = io.StringIO()
            console = Console(file=out, color_system=color, width=200, force_terminal=bool(color))
            render_terminal(report(cells), console)
            outputs.append(out.getvalue())
        lazy, eager = outputs
        assert lazy == eager
        assert "厂区\\x1b[2J周边\\x07征迁" in lazy
        assert not re.search(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]", lazy)
