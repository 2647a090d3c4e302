"""`projledger check` as a user runs it: output formats, exit codes, --strict, the cache."""

import json
import re
import shutil
from pathlib import Path

import pytest

from projledger.findings import CODES
from tests.helpers import SAMPLE_PROJECT, copy_root, run_cli

PROJECT = f"projects/{SAMPLE_PROJECT.name}"


def break_closure(root: Path) -> Path:
    """Remove the verifier of the sample's closed issue: one schema finding."""
    path = root / PROJECT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(", verifier: 周海涛", ""), encoding="utf-8")
    return path


def test_sample_root_is_clean(sample_root: Path) -> None:
    result = run_cli("check", cwd=sample_root)  # the sample ledger's language is zh
    assert result.returncode == 0, result.stdout
    assert re.search(r"^已检查 \d+ 个文件：未发现问题$", result.stdout, re.M)
    english = run_cli("check", "--lang", "en", cwd=sample_root)
    assert re.search(r"^\d+ files checked: no findings$", english.stdout, re.M)


def test_text_output_names_file_line_and_shows_the_line(sample_root: Path) -> None:
    break_closure(sample_root)
    result = run_cli("check", sample_root, "--lang", "en", cwd=sample_root.parent)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"root/{PROJECT}:76:5: error PL101 required field `verifier` is missing in "
        "issues[0].closure; add it"
    )
    assert (
        lines[1].strip() == "76 |     closure: {date: 2026-03-18, evidence: 现场核验照片及验收单}"
    )
    assert lines[2].strip() == "^"
    assert lines[-1] == f"{count_files(sample_root)} files checked: 1 error, 0 warnings in 1 file"
    chinese = run_cli("check", cwd=sample_root).stdout.splitlines()  # the ledger's zh
    assert chinese[0] == (
        f"{PROJECT}:76:5: 错误 PL101 问题清单第1条·销号缺少必填字段“核验人”（verifier）；请补充"
    )


def count_files(root: Path) -> int:
    return 1 + len(list((root / "projects").iterdir()))


def test_json_output_is_versioned_and_complete(sample_root: Path) -> None:
    break_closure(sample_root)
    result = run_cli("check", "--format", "json", "--lang", "en", cwd=sample_root)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["format"] == "projledger-check"
    assert payload["version"] == 1
    assert payload["files_checked"] == count_files(sample_root)
    assert payload["summary"] == {"errors": 1, "warnings": 0}
    assert payload["findings"] == [
        {
            "code": "PL101",
            "severity": "error",
            "title": "required field missing",
            "message": "required field `verifier` is missing in issues[0].closure; add it",
            "file": PROJECT,
            "line": 76,
            "column": 5,
            "path": "issues[0].closure.verifier",
        }
    ]


def test_github_output_annotates_the_line(sample_root: Path) -> None:
    break_closure(sample_root)
    result = run_cli("check", "--format", "github", "--lang", "en", cwd=sample_root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={PROJECT},line=76,col=5,title=PL101 required field missing::"
        "required field `verifier` is missing in issues[0].closure; add it"
    )


def test_strict_turns_warnings_into_errors(sample_root: Path) -> None:
    path = sample_root / PROJECT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('permit_no: "370116202410150101", ', ""), encoding="utf-8")
    relaxed = run_cli("check", cwd=sample_root)
    assert relaxed.returncode == 0
    assert "警告 PL219 审批手续“施工许可”已办结，但没有文号" in relaxed.stdout
    strict = run_cli("check", "--strict", cwd=sample_root)
    assert strict.returncode == 1
    assert "错误 PL219" in strict.stdout
    english = run_cli("check", "--strict", "--lang", "en", cwd=sample_root)
    assert "error PL219 approval 施工许可 is 已办结 but has no permit_no" in english.stdout


def test_every_file_is_checked_and_every_finding_reported(sample_root: Path) -> None:
    first = break_closure(sample_root)
    second = sample_root / "projects" / "zz-copy.yaml"
    shutil.copy(first, second)
    (sample_root / "projects" / "broken.yaml").write_text("a: [1\n", encoding="utf-8")
    result = run_cli("check", "-f", "json", cwd=sample_root)
    codes = sorted(
        (f["file"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(result.stdout)["findings"]
    )
    assert codes == sorted(
        [
            (first.name, "PL101"),
            (first.name, "PL300"),
            (first.name, "PL301"),
            (first.name, "PL302"),
            ("broken.yaml", "PL007"),
            ("zz-copy.yaml", "PL101"),
            ("zz-copy.yaml", "PL200"),
            ("zz-copy.yaml", "PL300"),
            ("zz-copy.yaml", "PL301"),
            ("zz-copy.yaml", "PL302"),
        ]
    )


def test_checking_one_file_still_sees_duplicates_in_others(sample_root: Path) -> None:
    copy = sample_root / "projects" / "zz-copy.yaml"
    shutil.copy(sample_root / PROJECT, copy)
    result = run_cli("check", "-f", "json", sample_root / PROJECT, cwd=sample_root)
    payload = json.loads(result.stdout)
    assert payload["files_checked"] == 1
    assert {f["code"] for f in payload["findings"]} == {"PL300", "PL301", "PL302"}


def test_checking_one_file_sees_duplicates_however_the_other_file_writes_them(
    sample_root: Path,
) -> None:
    """`check FILE` parses another file only if it could hold the same id, code or name:
    an escaped code or a name folded over two lines must still be found."""
    sample = sample_root / PROJECT
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("name: 精品钢绿色转型项目", "name: 精品钢 绿色转型项目"))
    other = text.replace("id: laiwu-jingpingang-lvse-zhuanxing", "id: zz-copy")
    other = other.replace("code: 2024-370116-31-03-015821", 'code: "2024-370116-31-03-01582\\x31"')
    other = other.replace("name: 精品钢绿色转型项目", "name: 精品钢\n  绿色转型项目")
    (sample_root / "projects" / "zz-copy.yaml").write_text(other, encoding="utf-8")
    for extra in ((), ("--no-cache",)):
        result = run_cli("check", "-f", "json", *extra, sample, cwd=sample_root)
        codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
        assert codes == {"PL301", "PL302"}, result.stdout


def test_the_cache_never_hides_a_change(sample_root: Path) -> None:
    assert run_cli("check", cwd=sample_root).returncode == 0
    assert (sample_root / ".projledger" / "check-cache.json").is_file()
    assert (sample_root / ".projledger" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    break_closure(sample_root)
    assert run_cli("check", cwd=sample_root).returncode == 1
    # A config change can make an unchanged file wrong: the cache is keyed by the config too.
    shutil.copy(SAMPLE_PROJECT, sample_root / PROJECT)
    assert run_cli("check", cwd=sample_root).returncode == 0
    config = sample_root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - {name: 王建国,", "  - {name: 王建军,"),
        encoding="utf-8",
    )
    result = run_cli("check", "-f", "json", cwd=sample_root)
    assert "PL207" in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_a_broken_config_is_reported_and_projects_still_checked(sample_root: Path) -> None:
    (sample_root / "projledger.yaml").write_text(
        "# yaml-language-server: $schema=schemas/config.schema.json\nschema_version: 1\n",
        encoding="utf-8",
    )
    break_closure(sample_root)
    result = run_cli("check", "-f", "json", cwd=sample_root)
    found = {(f["file"], f["code"]) for f in json.loads(result.stdout)["findings"]}
    assert ("projledger.yaml", "PL101") in found
    assert ("projledger.yaml", "PL400") in found
    assert (PROJECT, "PL101") in found


def test_usage_errors_exit_2(sample_root: Path) -> None:
    bad_format = run_cli("check", "--format", "xml", cwd=sample_root)
    assert bad_format.returncode == 2
    missing = run_cli("check", "no-such-dir", cwd=sample_root)
    assert missing.returncode == 2
    assert "no-such-dir 不存在" in missing.stderr  # the sample ledger's language
    assert "Traceback" not in bad_format.stderr + missing.stderr


def test_outside_a_ledger_root_is_one_clear_message(tmp_path: Path) -> None:
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("projledger: error: no projledger.yaml in ")
    assert "Traceback" not in result.stderr


def test_root_option(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "elsewhere")
    assert run_cli("check", "--root", root, cwd=tmp_path).returncode == 0


def test_every_command_has_help_text() -> None:
    from projledger.cli import register_commands

    for command in register_commands().registered_commands:
        assert command.callback is not None and (command.callback.__doc__ or "").strip()


def test_version(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("projledger ")


def test_codes_are_unique_and_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    codes = [c.code for c in CODES]
    assert len(codes) == len(set(codes))
    for code in CODES:
        assert f"| {code.code} | {code.severity.value} | {code.title} |" in readme


def test_verbose_names_the_files_the_exact_reader_read_and_why(sample_root: Path) -> None:
    """Ordinary punctuation keeps a file on the fast reader; an anchor needs the exact one,
    and `--verbose` says which file, why and how long it took."""
    punctuated = sample_root / PROJECT
    text = punctuated.read_text(encoding="utf-8")
    punctuated.write_text(text + "# R&D中心 3#楼: A&B公司, 3*5米!\n", encoding="utf-8")
    anchored = sample_root / "projects" / "laiwu-matoushan-shuiku.yaml"
    anchored_text = anchored.read_text(encoding="utf-8")
    anchored.write_text(anchored_text.replace("\nname: ", "\nname: &n ", 1), encoding="utf-8")
    result = run_cli("check", "--verbose", "--no-cache", "--lang", "en", cwd=sample_root)
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("1 file(s) needed the exact YAML reader this run")
    assert re.fullmatch(
        r"projects/laiwu-matoushan-shuiku\.yaml: read by the exact YAML reader "
        r"\(an anchor, alias or tag at line \d+\), \d+\.\d ms",
        lines[0],
    ), lines
    assert "PL010" in result.stdout
    result = run_cli("check", "--verbose", "--no-cache", cwd=sample_root)  # the ledger's zh
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("本次有 1 个文件需由精确 YAML 读取器读取")
    assert re.fullmatch(
        r"projects/laiwu-matoushan-shuiku\.yaml：由精确 YAML 读取器读取"
        r"（第 \d+ 行有锚点、别名或标签），用时 \d+\.\d 毫秒",
        lines[0],
    ), lines


def test_worker_processes_find_what_one_process_finds(
    sample_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files the cache does not know are read and checked by worker processes: the same
    findings as in one process, for broken, unreadable and over-large files too."""
    from projledger import parallel
    from projledger.check.run import check_paths

    projects = sample_root / "projects"
    break_closure(sample_root)
    (projects / "broken.yaml").write_text("a: [1\n", encoding="utf-8")
    (projects / "huge.yaml").write_bytes(b"# x\n" * 300_000)
    (projects / "not-a-file.yaml").mkdir()

    def findings(use_cache: bool) -> list[tuple[str, int | None, str]]:
        report = check_paths([sample_root], sample_root, use_cache=use_cache)
        return [(f.file, f.line, f.code) for f in report.findings]

    one_process = findings(use_cache=False)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 1)
    assert findings(use_cache=False) == one_process
    assert findings(use_cache=True) == one_process  # cold cache: workers read the files
    assert findings(use_cache=True) == one_process  # warm: from the cache
    assert {code for _, _, code in one_process} >= {"PL101", "PL007", "PL002", "PL001"}
