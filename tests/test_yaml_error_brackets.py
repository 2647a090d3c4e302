"""A YAML syntax error names an unclosed bracket only when the parser names it: a value
missing inside `[` ("while parsing a flow node") is not an unclosed `{`."""

from pathlib import Path

from tests.helpers import copy_root, run_cli


def check_line(root: Path, text: str) -> str:
    (root / "projects" / "broken.yaml").write_text(text, encoding="utf-8")
    result = run_cli("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    return next(line for line in result.stdout.splitlines() if "PL007" in line)


def test_a_missing_value_in_a_sequence_is_not_an_unclosed_mapping(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root", projects=False)
    line = check_line(root, "name: 甲\nissues: [\n")
    assert "{" not in line and "没有闭合" not in line
    assert "此处应有值" in line


def test_an_unclosed_mapping_is_named_where_it_opened(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root", projects=False)
    line = check_line(root, "name: 甲\nx: {a: 1\n")
    assert line.startswith("projects/broken.yaml:2:") and "此处的 { 没有闭合" in line
