"""`check`'s findings of the file's form, the YAML and the schema, in the ledger's
language: in a ledger whose config says `language: zh` no finding reads as an English
sentence, and the same files in an `en` ledger give the English they always gave.

One ledger root per language holds the same broken files (each a copy of the bad-input
corpus's valid control project with one defect, or a corpus file); `projledger check`
runs once in each, in a subprocess, and the two runs are compared file by file."""

import json
import re
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, copy_root, git, run_cli

CORPUS = Path(__file__).resolve().parent / "corpus" / "bad" / "projects"
CONTROL = (CORPUS / "control-valid.yaml").read_text(encoding="utf-8")


def _edited(old: str, new: str) -> Callable[[str], bytes]:
    def make(stem: str) -> bytes:
        assert old in CONTROL, old
        return _as(stem, CONTROL.replace(old, new, 1)).encode("utf-8")

    return make


def _as(stem: str, text: str) -> str:
    """The control project as project `stem`, with a code and name of its own."""
    serial = zlib.crc32(stem.encode()) % 100000
    text = text.replace("id: control-valid", f"id: {stem}", 1)
    text = text.replace("2024-370116-31-03-900045", f"2024-370116-31-03-{700000 + serial}", 1)
    return text.replace("精品钢绿色转型项目（坏例45）", f"语言测试项目{serial}", 1)


def _raw(make_text: Callable[[str], str], encoding: str = "utf-8") -> Callable[[str], bytes]:
    return lambda stem: make_text(_as(stem, CONTROL)).encode(encoding)


MARK = '# projledger-conflict: {field: "I-4M8K2P.unit", '
"""A conflict the merge driver recorded (store/conflict_marks.py), up to its sides."""

# (file stem, how its bytes are made, the code `check` reports for it)
CASES: tuple[tuple[str, Callable[[str], bytes], str], ...] = (
    # The file's form and the YAML reader.
    ("bom", _raw(lambda t: "\ufeff" + t), "PL004"),
    ("crlf", _raw(lambda t: t.replace("\n", "\r\n")), "PL005"),
    ("gbk", _raw(lambda t: t, "gbk"), "PL003"),
    ("tab-indent", _edited("  name: 精品钢项目征迁专班", "\tname: 精品钢项目征迁专班"), "PL007"),
    ("bad-indent", _edited("  head: 张伟", "   head: 张伟"), "PL007"),
    ("unclosed-flow", _edited("levels: [省级, 市级]", "levels: [省级, 市级"), "PL007"),
    ("unclosed-quote", _edited('permit_no: "370116202410150101"', 'permit_no: "3701'), "PL007"),
    ("bad-escape", _edited('permit_no: "370116202410150101"', 'permit_no: "37\\q01"'), "PL007"),
    ("control-char", _edited("owner: 山东钢铁", "owner: 山东\x07钢铁"), "PL007"),
    ("duplicate-key", _edited("pool: 续建\n", "pool: 续建\npool: 新建\n"), "PL008"),
    ("yaml-tag", _edited("pool: 续建", "pool: !!str 续建"), "PL009"),
    ("anchor", _edited("pool: 续建", "pool: &p 续建"), "PL010"),
    ("two-documents", _raw(lambda t: t + "---\nx: 1\n"), "PL011"),
    ("impossible-date", _edited("raised: 2026-02-16", "raised: 2026-02-30"), "PL012"),
    ("yaml-1-1", _raw(lambda t: "%YAML 1.1\n---\n" + t), "PL017"),
    ("merge-key", _edited("  head: 张伟", "  <<: {head: 张伟}"), "PL018"),
    (
        "merge-conflict",
        _raw(lambda t: t.replace("\n", f"\n{MARK}ours: 高庄街道办事处, theirs: 区住建局}}\n", 1)),
        "PL019",
    ),
    (
        "merge-removed",
        _raw(lambda t: t.replace("\n", f"\n{MARK}ours: 高庄街道办事处}}\n", 1)),
        "PL019",
    ),
    # The schema.
    ("top-level-list", lambda stem: b"- 1\n- 2\n", "PL100"),
    ("missing-top", _edited("owner: 山东钢铁股份有限公司莱芜分公司\n", ""), "PL101"),
    ("missing-nested", _edited("    source: 督导检查\n", ""), "PL101"),
    ("unknown-close", _edited("industry:", "industri:"), "PL102"),
    ("unknown-far", _edited("nature: 改建", "nature: 改建\nzzz_remark: 1"), "PL102"),
    ("bool-for-number", _edited("needed_mu: 1260", "needed_mu: false"), "PL103"),
    ("text-for-number", _edited("total: 1280000", "total: 一百二十八亿"), "PL103"),
    ("number-for-text", _edited("industry: 精品钢与先进材料", "industry: 3130"), "PL103"),
    ("bool-for-text", _edited("industry: 精品钢与先进材料", "industry: true"), "PL103"),
    ("quoted-date", _edited("raised: 2026-02-16", 'raised: "2026-02-30"'), "PL103"),
    ("datetime-for-date", _edited("raised: 2026-02-16", "raised: 2026-02-16 08:30:00"), "PL103"),
    (
        "list-for-mapping",
        _edited("land:\n  needed_mu: 1260\n  supplied_mu: 1260", "land: [1]"),
        "PL103",
    ),
    ("number-for-list", _edited("levels: [省级, 市级]", "levels: 3"), "PL103"),
    ("null-for-text", _edited("locality: 高庄街道", "locality: null"), "PL103"),
    ("list-key", _edited("pool: 续建", "pool: 续建\n[a, b]: 1"), "PL103"),
    ("enum", _edited("pool: 续建", "pool: 在建"), "PL104"),
    ("pattern-id", _edited("id: I-4M8K2P", "id: X-4M8K2P"), "PL104"),
    ("pattern-code", _edited("code: 2024-370116-31-03-900045", "code: AB-12345"), "PL104"),
    ("negative", _edited("received: 180000", "received: -180000"), "PL104"),
    ("too-large", _edited("total: 1280000", "total: 1e300"), "PL104"),
    ("infinite", _edited("total: 1280000", "total: .inf"), "PL104"),
    ("empty-text", _edited("locality: 高庄街道", 'locality: ""'), "PL104"),
    ("no-levels", _edited("levels: [省级, 市级]", "levels: []"), "PL104"),
    ("level-too-high", _edited("coordination_level: 3", "coordination_level: 9"), "PL104"),
    ("year-too-early", _edited("year: 2026", "year: 1999"), "PL104"),
    (
        "monthly-plan-long",
        _edited("  updated: 2026-11-10", "  monthly_plan: [1,1,1,1,1,1,1,1,1,1,1,1,1]"),
        "PL104",
    ),
    ("long-number", _edited("total: 1280000", "total: " + "9" * 5000), "PL104"),
    ("schema-version", _edited("schema_version: 1", "schema_version: 2"), "PL105"),
    # The ranking's fairness rules.
    ("own-verifier", _edited("verifier: 周海涛", "verifier: 张伟"), "PL230"),
    ("approver", _edited("approver: 王建国", "approver: 马强"), "PL231"),
)

ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}")
"""Three or more ASCII words in a row: an English sentence (or a piece of one)."""

QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|“[^”]*”|\S+\.ya?ml\b|\bPL\d{3}\b")
"""What a Chinese message may quote in ASCII: commands and keys in backticks, values from
the file, file names, codes."""


def _root(top: Path, language: str) -> Path:
    root = copy_root(top / language, projects=False)
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^language: zh", f"language: {language}", text), "utf-8")
    for stem, make, _ in CASES:
        (root / "projects" / f"{stem}.yaml").write_bytes(make(stem))
    for path in CORPUS.glob("*.yaml"):  # every bad-input class already in the corpus
        shutil.copyfile(path, root / "projects" / f"corpus-{path.name}")
    (root / "projects" / "symlink.yaml").symlink_to(CORPUS / "control-valid.yaml")
    (root / "projects" / "directory.yaml").mkdir()
    return root


def _findings(root: Path) -> dict[str, list[dict[str, Any]]]:
    result = run_cli("check", "--format", "json", "--no-cache", cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        by_file.setdefault(Path(finding["file"]).stem, []).append(finding)
    return by_file


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[dict[str, Any]]]]:
    top = tmp_path_factory.mktemp("languages")
    return {language: _findings(_root(top, language)) for language in ("zh", "en")}


ENTRIES = (("symlink", "PL013"), ("directory", "PL001"))
"""Entries of projects/ that are no regular file."""


@pytest.mark.parametrize(
    ("stem", "code"), [(stem, code) for stem, _, code in CASES] + list(ENTRIES)
)
def test_each_defect_is_found_with_its_code_in_both_languages(
    runs: dict[str, dict[str, list[dict[str, Any]]]], stem: str, code: str
) -> None:
    for language in ("zh", "en"):
        assert code in [f["code"] for f in runs[language].get(stem, [])], (language, stem)


def test_both_languages_find_the_same_things(
    runs: dict[str, dict[str, list[dict[str, Any]]]],
) -> None:
    def places(by_file: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str, int]]:
        return {(s, f["code"], f["line"]) for s, found in by_file.items() for f in found}

    assert places(runs["zh"]) == places(runs["en"])


def test_no_finding_reads_as_english_in_a_chinese_ledger(
    runs: dict[str, dict[str, list[dict[str, Any]]]],
) -> None:
    english = [
        (stem, f["code"], f["message"])
        for stem, found in runs["zh"].items()
        for f in found
        if ENGLISH_RUN.search(QUOTED.sub("", f["message"]))
    ]
    assert not english, "\n".join(map(str, english))
    assert all(
        re.search(r"[\u4e00-\u9fff]", f["message"]) for fs in runs["zh"].values() for f in fs
    )


# What the en ledger says, word for word, as it did before the findings were translated.
ENGLISH = {
    ("missing-top", "PL101"): "required field `owner` is missing at the top level; add it",
    ("missing-nested", "PL101"): "required field `source` is missing in issues[1]; add it",
    (
        "unknown-close",
        "PL102",
    ): "unknown field `industri` at the top level; did you mean `industry`?",
    ("unknown-far", "PL102"): (
        "unknown field `zzz_remark` at the top level; remove it or fix its spelling"
    ),
    ("enum", "PL104"): (
        "pool: '在建' is not allowed; use '谋划储备', '在谈', '签约', '新建', '续建', '竣工' "
        "or '退库'"
    ),
    ("negative", "PL104"): "funding[1].received: -180000 is negative; it must be 0 or more",
    ("text-for-number", "PL103"): (
        "investment.total: expected a number, got the text '一百二十八亿'; write it in digits, "
        "without quotes"
    ),
    ("number-for-text", "PL103"): "industry: expected text, got the number 3130; put it in quotes",
    ("quoted-date", "PL103"): "issues[0].raised: expected a date like 2026-11-20, got '2026-02-30'",
    ("pattern-id", "PL104"): (
        "issues[0].id: 'X-4M8K2P' is not an issue id: I- and 4-12 capital letters or digits, "
        "e.g. I-4M8K2P"
    ),
    ("schema-version", "PL105"): "schema_version 2 is not supported; this projledger reads 1",
    ("bad-indent", "PL007"): "YAML syntax: mapping values are not allowed here",
    ("tab-indent", "PL007"): (
        "YAML syntax: found character '\\t' that cannot start any token (while scanning for the "
        "next token); indent with spaces, not tabs (`projledger fix projects/tab-indent.yaml` "
        "replaces them)"
    ),
    ("unclosed-flow", "PL007"): (
        "YAML syntax: the [ here is not closed (at line 8: expected ',' or ']', but got ':')"
    ),
    ("crlf", "PL005"): (
        "the file has CRLF (Windows) line ends; `projledger fix projects/crlf.yaml` makes them "
        "LF (and `*.yaml text eol=lf` in .gitattributes keeps them so)"
    ),
    ("duplicate-key", "PL008"): "key 'pool' appears twice in one mapping; keep one",
    ("merge-removed", "PL019"): (
        "both sides of a merge changed I-4M8K2P.unit: ours 高庄街道办事处 (kept), theirs "
        "(removed); keep one with `projledger resolve merge-removed I-4M8K2P.unit --take "
        "ours` or `projledger resolve merge-removed I-4M8K2P.unit --take theirs`"
    ),
    ("impossible-date", "PL012"): (
        "2026-02-30 is not a date that exists; correct it, or quote it if it is text"
    ),
    ("own-verifier", "PL230"): (
        "issue I-4M8K2P is closed (销号) with verifier 张伟, who is the issue's responsible "
        "person (张伟): an issue is verified by the office, outside the unit that handled it "
        "(config `ranking.verifier_outside_unit`); name the verifier who checked it"
    ),
    ("approver", "PL231"): (
        "deadline D-3KD8XP's extension to 2026-11-15 was approved by 马强, who is neither the "
        "project's 包抓领导 (王建国) nor one of the config's `ranking.approvers`: an extension "
        "is approved by the 包抓领导 or a configured approver, not by the unit that asks for it"
    ),
}


@pytest.mark.parametrize(("stem", "code"), sorted(ENGLISH))
def test_an_english_ledger_reads_as_before(
    runs: dict[str, dict[str, list[dict[str, Any]]]], stem: str, code: str
) -> None:
    messages = [f["message"] for f in runs["en"][stem] if f["code"] == code]
    assert ENGLISH[stem, code] in messages


CHINESE = {
    ("missing-top", "PL101"): "顶层缺少必填字段“实施主体”（owner）；请补充",
    ("merge-removed", "PL019"): (
        "合并时双方都修改了 I-4M8K2P·责任单位：本方为 高庄街道办事处（已保留），对方已将其删除；"
        "请用 `projledger resolve merge-removed I-4M8K2P.unit --take ours` 或 `projledger resolve "
        "merge-removed I-4M8K2P.unit --take theirs` 保留其一"
    ),
    ("unknown-close", "PL102"): "顶层有未知字段 `industri`；是否应为“行业领域”（industry）？",
    ("enum", "PL104"): (
        "库别：不能填写 '在建'；请填写“谋划储备”、“在谈”、“签约”、“新建”、“续建”、“竣工”或“退库”"
    ),
    ("negative", "PL104"): "资金来源第2条·到位：-180000 为负数；应为 0 或正数",
    ("bad-indent", "PL007"): (
        "YAML 语法错误：此处不能出现“键: 值”（多因缩进有误，或值中含有冒号加空格而未加引号）"
    ),
    (
        "unclosed-flow",
        "PL007",
    ): "YAML 语法错误：此处的 [ 没有闭合（第 8 行：此处应为“,”或“]”，却遇到 ':'）",
}


@pytest.mark.parametrize(("stem", "code"), sorted(CHINESE))
def test_a_chinese_ledger_reads_as_its_clerks_write(
    runs: dict[str, dict[str, list[dict[str, Any]]]], stem: str, code: str
) -> None:
    messages = [f["message"] for f in runs["zh"][stem] if f["code"] == code]
    assert CHINESE[stem, code] in messages


def test_a_broken_config_is_reported_in_the_ledgers_language(tmp_path: Path) -> None:
    """The config's own schema findings and PL400, in a zh root."""
    root = copy_root(tmp_path / "root")
    config = root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: zh", "language: zh\ndue_soon_day: 7", 1), "utf-8")
    result = run_cli("check", cwd=root)
    assert result.returncode == 1
    assert "错误 PL102 顶层有未知字段 `due_soon_day`；是否应为“临期天数”（due_soon_days）？" in (
        result.stdout
    )
    assert "错误 PL400 projledger.yaml 未通过检查" in result.stdout
    findings = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert not [line for line in findings if ENGLISH_RUN.search(QUOTED.sub("", line))]


def test_a_change_refused_for_its_files_findings_says_them_in_the_ledgers_language(
    tmp_path: Path,
) -> None:
    """A hand edit that breaks the YAML, one that breaks the schema (committed), and one
    left uncommitted: each change command refusal quotes the finding as `check` does."""
    ledger = Ledger.create(tmp_path / "repo")
    ledger.edit("pool: 续建", "pool: 在建")
    git(ledger.top, "commit", "-q", "-am", "手工改库别")
    refused = ledger.refused(f"log {JINGPINGANG} I-4M8K2P 已入户")
    assert "PL104 库别：不能填写 '在建'；请填写“谋划储备”" in refused
    assert refused.endswith(
        "（该文件未通过 `projledger check`：请先修正；运行 `projledger check` 可列出全部问题）\n"
    )
    shown = ledger.cli("show", JINGPINGANG)
    assert shown.returncode == 1
    assert "PL104 库别：不能填写 '在建'" in shown.stderr

    ledger.edit("pool: 在建", "pool: [续建")
    git(ledger.top, "commit", "-q", "-am", "手工改坏")
    broken = ledger.refused(f"log {JINGPINGANG} I-4M8K2P 已入户")
    assert "YAML 语法错误：此处的 [ 没有闭合" in broken
    assert not ENGLISH_RUN.search(QUOTED.sub("", broken))

    ledger.edit("pool: [续建", "pool: 续建")
    ledger.edit("industry: 精品钢与先进材料", "industry: 3130")
    edits = ledger.refused(f"log {JINGPINGANG} I-4M8K2P 已入户 --commit-hand-edits")
    assert "拒绝修改：手工修改将使" in edits
    assert "PL103 行业领域：应为文本，实际填写为数字 3130；请加引号" in edits
    english = run_cli(
        "log",
        JINGPINGANG,
        "I-4M8K2P",
        "已入户",
        "--commit-hand-edits",
        "--lang",
        "en",
        cwd=ledger.root,
    )
    assert "PL103 industry: expected text, got the number 3130; put it in quotes" in english.stderr
