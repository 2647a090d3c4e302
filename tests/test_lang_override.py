"""`--lang` over the ledger's `language` (issue 18): a zh ledger run with `--lang en`, and an
en ledger (`language: en`) run with `--lang zh`, say every message of the name resolvers
(units, projects, items), `fix`, `unit` and `person`, an assignment refused and the Excel
import and export in the language asked for, with no sentence of the other. The CLI runs
in its own process on real ledgers in git; the workbooks are built here."""

import re
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import MATOUSHAN, Ledger

ENGLISH_SENTENCE = re.compile(r"(?<![\w./-])[A-Za-z]{2,}(?:[ ,;:']+[A-Za-z]{2,}){2,}")
"""Three English words in a row. Commands quoted in backticks are left out first: ids,
paths, option names and codes are single words."""

CHINESE_MESSAGE = re.compile(r"[：；。？「」]|是否指|没有|不能|请")
"""Chinese punctuation or words of a message: the ledger's data (units, titles) has none."""


def english_in(text: str) -> list[str]:
    return ENGLISH_SENTENCE.findall(re.sub(r"`[^`]*`", "", text))


def chinese_in(text: str) -> list[str]:
    return CHINESE_MESSAGE.findall(text)


def assert_says(lang: str, said: str, zh: str, en: str) -> None:
    """`said` is in `lang`: its phrase there, not the other's, and no sentence of the other."""
    if lang == "zh":
        assert zh in said, said
        assert en not in said, said
        assert not english_in(said), (english_in(said), said)
    else:
        assert en in said, said
        assert zh not in said, said
        assert not chinese_in(said), (chinese_in(said), said)


# --- the two ledgers -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ledger]:
    """The sample ledger as it comes (zh), and the same with `language: en`."""
    zh = Ledger.create(tmp_path_factory.mktemp("zh") / "repo")
    en = Ledger.create(tmp_path_factory.mktemp("en") / "repo")
    config = en.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: zh", "language: en"), encoding="utf-8")
    en.commit("英文台账", "2026-11-20T15:00:00+08:00")
    return {"zh": zh, "en": en}


@pytest.fixture(params=["en", "zh"], ids=["zh-ledger-lang-en", "en-ledger-lang-zh"])
def run(request: pytest.FixtureRequest, templates: dict[str, Ledger], tmp_path: Path) -> "Run":
    """A copy of the ledger of one language, to be run with `--lang` of the other."""
    asked: str = request.param
    template = templates["zh" if asked == "en" else "en"]
    return Run(template.copy(tmp_path / "repo"), asked)


class Run:
    def __init__(self, ledger: Ledger, lang: str) -> None:
        self.ledger = ledger
        self.lang = lang

    def error(self, command: str, *, exit_code: int = 1) -> str:
        """A command (not a change) that fails: its one message, in the language asked."""
        import shlex

        result = self.ledger.cli("--lang", self.lang, *shlex.split(command))
        assert result.returncode == exit_code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        prefix = "projledger: 错误：" if self.lang == "zh" else "projledger: error: "
        assert result.stderr.startswith(prefix), result.stderr
        return result.stderr

    def refused(self, command: str, *, exit_code: int = 1) -> str:
        """A change refused: nothing written or committed; its message."""
        said = self.ledger.refused(f"--lang {self.lang} {command}", exit_code=exit_code)
        prefix = "projledger: 错误：" if self.lang == "zh" else "projledger: error: "
        assert said.startswith(prefix), said
        return said


# --- units, projects and items by name -------------------------------------------------------

UNKNOWN_UNIT = (
    "--unit 区发该局：projledger.yaml 中没有声明这个单位；是否指：莱芜区发展和改革局、",
    "--unit '区发该局' is not a unit declared in projledger.yaml; did you mean "
    "莱芜区发展和改革局, ",
)


@pytest.mark.parametrize("command", ["overdue --unit 区发该局", "list issues --unit 区发该局"])
def test_an_unknown_unit_in_a_view(run: Run, command: str) -> None:
    assert_says(run.lang, run.error(command), *UNKNOWN_UNIT)


def test_an_unknown_unit_in_a_change(run: Run) -> None:
    said = run.refused(
        f"add responsibility {MATOUSHAN} --role 责任单位 --unit 区发该局 --duties 协调用地"
    )
    assert_says(run.lang, said, *UNKNOWN_UNIT)


def test_an_unknown_unit_named_without_an_option(run: Run, tmp_path: Path) -> None:
    said = run.error(f"export unit 区发该局 -o {tmp_path / 'u.xlsx'}")
    assert_says(
        run.lang,
        said,
        "区发该局：projledger.yaml 中没有声明这个单位；是否指：",
        "'区发该局' is not a unit declared in projledger.yaml; did you mean ",
    )
    assert not (tmp_path / "u.xlsx").exists()


@pytest.mark.parametrize(
    ("command", "exit_code", "zh", "en"),
    [
        (
            "show xyzzy",
            1,
            "台账中没有项目「xyzzy」；`projledger list` 列出全部项目",
            "no project 'xyzzy' in this ledger root; `projledger list` shows the projects",
        ),
        (
            "show 马头山水泥",
            1,
            f"台账中没有项目「马头山水泥」；是否指：马头山水库工程（{MATOUSHAN}，续建）？",
            f"no project '马头山水泥' in this ledger root; did you mean 马头山水库工程 "
            f"({MATOUSHAN}, 续建)?",
        ),
        (
            "show laiwu-s",
            2,
            "「laiwu-s」可指多个项目：省道S242口镇至羊里段改建工程（laiwu-s242-kouzhen-yangli-"
            "gaijian，新建）；",
            "'laiwu-s' is ambiguous: 省道S242口镇至羊里段改建工程 (laiwu-s242-kouzhen-yangli-"
            "gaijian, 新建); ",
        ),
        (
            f"show {MATOUSHAN} I-NOPE",
            1,
            f"项目 {MATOUSHAN} 中没有事项「I-NOPE」",
            f"no item 'I-NOPE' in project {MATOUSHAN}",
        ),
        (
            f"show {MATOUSHAN} I-",
            2,
            f"「I-」在项目 {MATOUSHAN} 中可指：I-Z6TQ4H 库区126户移民搬迁安置（持续推进）；"
            "I-Q442SQ",
            f"'I-' is ambiguous in project {MATOUSHAN}: I-Z6TQ4H 库区126户移民搬迁安置 "
            "(持续推进); I-Q442SQ",
        ),
    ],
    ids=["no-project", "closest-project", "ambiguous-project", "no-item", "ambiguous-item"],
)
def test_projects_and_items_by_name(
    run: Run, command: str, exit_code: int, zh: str, en: str
) -> None:
    assert_says(run.lang, run.error(command, exit_code=exit_code), zh, en)


def test_an_item_of_the_kinds_a_command_takes(run: Run) -> None:
    said = run.refused(f"advance {MATOUSHAN} I-NOPE")
    assert_says(
        run.lang,
        said,
        f"项目 {MATOUSHAN} 中没有问题或任务「I-NOPE」",
        f"no issue or task 'I-NOPE' in project {MATOUSHAN}",
    )


def test_an_assignment_without_its_responsibility(run: Run) -> None:
    added = run.ledger.run(f"add issue {MATOUSHAN} --title 库区供电线路迁改 --category 配套")
    assert added.returncode == 0, added.stderr
    issue = re.findall(r"I-[0-9A-Z]{6}", added.stdout)[0]
    said = run.refused(
        f"advance {MATOUSHAN} {issue} --unit 区文旅局 --person 彭丽 --due 2026-12-31"
        " --no-auto-responsibility"
    )
    assert_says(
        run.lang,
        said,
        "莱芜区文化和旅游局 在本项目的责任清单中还没有责任；先添加：",
        "莱芜区文化和旅游局 has no responsibility in this project yet; add it first: ",
    )


# --- fix ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "zh", "en"),
    [
        ("nosuch.yaml", "nosuch.yaml 不存在", "nosuch.yaml does not exist"),
        (
            "schemas/config.schema.json",
            "schemas/config.schema.json 不是本台账的文件",
            "schemas/config.schema.json is not a file of this ledger",
        ),
    ],
)
def test_fix_refuses_a_file_it_does_not_fix(run: Run, path: str, zh: str, en: str) -> None:
    assert_says(run.lang, run.refused(f"fix {path}"), zh, en)


def test_fix_refuses_what_is_not_safe_naming_each_finding(run: Run) -> None:
    path = run.ledger.file(MATOUSHAN)
    text = path.read_text(encoding="utf-8").replace("unit: 莱芜区水务局", "unit: 城东水务公司", 1)
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    run.ledger.commit("手工修改", "2026-11-20T15:00:00+08:00")
    said = run.refused(f"fix projects/{MATOUSHAN}.yaml")
    assert_says(
        run.lang,
        said,
        "拒绝修正：以下问题不能自动修正",
        "refused: these problems are not safe to fix automatically",
    )
    assert_says(
        run.lang,
        said,
        "PL206 单位“城东水务公司”未在 projledger.yaml 中声明",
        "PL206 unit 城东水务公司 is not declared in projledger.yaml",
    )


def test_fix_reports_in_the_language_asked(run: Run) -> None:
    config = run.ledger.root / "projledger.yaml"
    config.write_bytes(config.read_bytes().replace(b"\n", b"\r\n"))
    run.ledger.commit("手工修改", "2026-11-20T15:00:00+08:00")
    done = run.ledger.run(f"--lang {run.lang} fix projledger.yaml --no-commit")
    assert done.returncode == 0, done.stderr
    # The subject is the commit's, so in the ledger's language; what is said of it, the run's.
    if run.lang == "zh":
        last = "file form fixed: projledger.yaml (CRLF line ends made LF)（未提交：--no-commit）"
    else:
        last = "文件格式修正：projledger.yaml (CRLF 改为 LF) (not committed (--no-commit))"
    assert done.stdout.splitlines()[-1] == last, done.stdout


# --- unit and person ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "zh", "en"),
    [
        (
            "unit add 莱芜区水务局",
            "单位 莱芜区水务局 已声明（莱芜区水务局）",
            "unit 莱芜区水务局 is declared already (莱芜区水务局)",
        ),
        (
            "unit rename 区发该局 新名称",
            "projledger.yaml 中没有单位 区发该局；是否指：区发改局、",
            "no unit 区发该局 is declared in projledger.yaml; did you mean 区发改局, ",
        ),
        (
            "unit retire 区水务局",
            "单位 莱芜区水务局 仍有未办结的事项或人员，不能撤销；先改交其他单位：\n  人员 韩雪\n",
            "unit 莱芜区水务局 still has open items or people, so it is not retired; reassign "
            "them first:\n  person 韩雪\n",
        ),
        (
            "person add 韩雪 --unit 区水务局",
            "人员 韩雪 已声明（莱芜区水务局）",
            "person 韩雪 is declared already (莱芜区水务局)",
        ),
        (
            "person move 韩雪雪 --unit 区水务局",
            "projledger.yaml 中没有人员 韩雪雪；是否指：韩雪？",
            "no person 韩雪雪 is declared in projledger.yaml; did you mean 韩雪?",
        ),
        (
            "person add 新人 --unit 区水物局",
            "projledger.yaml 中没有单位 区水物局；是否指：区水务局、",
            "no unit 区水物局 is declared in projledger.yaml; did you mean 区水务局, ",
        ),
    ],
    ids=[
        "unit-exists",
        "rename-unknown",
        "retire-open",
        "person-exists",
        "move-unknown",
        "add-in-unknown",
    ],
)
def test_unit_and_person_refusals(run: Run, command: str, zh: str, en: str) -> None:
    assert_says(run.lang, run.refused(command), zh, en)


def test_a_former_name_is_refused_with_the_name_now(run: Run) -> None:
    """A closed issue keeps the name it was closed under, which stays a former name."""
    renamed = run.ledger.run("unit rename 大王庄镇人民政府 大王庄镇政府")
    assert renamed.returncode == 0, renamed.stderr
    said = run.refused("unit rename 大王庄镇人民政府 大王庄镇办事处")
    assert_says(
        run.lang,
        said,
        "projledger.yaml 中没有单位 大王庄镇人民政府；是否指：大王庄镇政府？",
        "no unit 大王庄镇人民政府 is declared in projledger.yaml; did you mean 大王庄镇政府?",
    )


# --- Excel -------------------------------------------------------------------------------------

DEFAULTS = (
    "--default level=区级 --default industry=先进制造 --default pool=新建 "
    "--default locality=口镇 --default owner=某公司"
)


def _workbook(path: Path, header: list[str], *rows: list[object]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_import_with_bad_rows(run: Run, tmp_path: Path) -> None:
    """A row `check` would refuse (completed before it started: PL209) and a row with an
    amount in words: each reason, the summary and the failed rows' workbook in the
    language asked."""
    book = _workbook(
        tmp_path / "台账.xlsx",
        [
            "项目名称",
            "总投资（万元）",
            "年度计划投资",
            "项目阶段",
            "包抓领导",
            "实际开工",
            "实际竣工",
        ],
        ["甲项目", 100, 50, "开工", "王建国", "2026-05-01", "2025-01-01"],
        ["乙项目", "十亿", 50, "前期研究", "王建国", None, None],
        ["丙项目", 100, 50, "前期研究", "王建国", None, None],
    )
    result = run.ledger.run(f"--lang {run.lang} import {book} {DEFAULTS}")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    if run.lang == "zh":
        expected = [
            "第 2 行：导入后项目无法通过检查：PL209 实际竣工日期 2025-01-01 早于实际开工日期 "
            "2026-05-01",
            "第 3 行：总投资（万元）：「十亿」不是金额",
            "汇总：1 行导入 1 个项目",
        ]
        assert not english_in(result.stdout), english_in(result.stdout)
        assert result.stderr.startswith("projledger: 错误：2 行未导入"), result.stderr
    else:
        expected = [
            "row 2: the project would not pass check: PL209 schedule.actual_completion "
            "2025-01-01 is before actual_start 2026-05-01",
            "row 3: 总投资（万元）: '十亿' is not an amount",
            "summary: 1 row(s) imported into 1 project(s)",
        ]
        assert result.stderr.startswith("projledger: error: 2 row(s) not imported"), result.stderr
    for line in expected:
        assert line in result.stdout, result.stdout
    failed = openpyxl.load_workbook(tmp_path / "台账-未导入.xlsx")["台账"]
    reasons = [str(row[1]) for row in failed.iter_rows(min_row=2, values_only=True)]
    assert len(reasons) == 2
    pl209 = next(reason for reason in reasons if "PL209" in reason)
    if run.lang == "zh":
        assert "早于实际开工日期" in pl209 and not english_in(pl209), pl209
    else:
        assert "is before actual_start" in pl209 and "早于" not in pl209, pl209


def test_an_import_naming_an_undeclared_unit(run: Run, tmp_path: Path) -> None:
    book = _workbook(
        tmp_path / "unit.xlsx",
        ["项目名称", "总投资（万元）", "项目阶段", "包抓领导", "存在问题", "责任单位"],
        ["甲项目", 100, "前期研究", "王建国", "用地未批", "城东水务公司"],
        ["乙项目", 100, "前期研究", "王建国", "资金未到", "城东水务公司"],
    )
    said = run.refused(f"import {book} {DEFAULTS}")
    assert said.count("\n") == 1
    assert_says(
        run.lang,
        said,
        "表中有 projledger.yaml 未声明的单位：城东水务公司（第 2、3 行）",
        "does not declare: 城东水务公司 (rows 2, 3)",
    )


def test_an_export(run: Run, tmp_path: Path) -> None:
    done = run.ledger.cli("--lang", run.lang, "export", "ledger", "-o", str(tmp_path / "台账.xlsx"))
    assert done.returncode == 0, done.stderr
    unit = run.ledger.cli(
        "--lang", run.lang, "export", "unit", "区发改局", "-o", str(tmp_path / "发改.xlsx")
    )
    assert unit.returncode == 0, unit.stderr
    said = done.stdout + unit.stdout
    if run.lang == "zh":
        assert done.stdout.startswith(f"已写入 {tmp_path / '台账.xlsx'}："), done.stdout
        assert "莱芜区发展和改革局 的" in unit.stdout, unit.stdout
        assert not english_in(said), english_in(said)
    else:
        assert done.stdout.startswith("wrote "), done.stdout
        assert "of 莱芜区发展和改革局" in unit.stdout, unit.stdout
        assert not chinese_in(said), chinese_in(said)


# --- the parts an error is said from -----------------------------------------------------------


def test_a_composed_message_says_its_parts_in_the_language_it_is_shown_in() -> None:
    from projledger.errors import ProjledgerError
    from projledger.messages import composed, joined, msg

    hint = composed("hint.did_you_mean", close=joined("区发改局", "区财政局", between="names"))
    error = ProjledgerError(joined(msg("refs.no_project", typed="甲"), hint))
    assert error.text("zh") == "台账中没有项目「甲」；是否指：区发改局、区财政局？"
    assert error.text("en") == (
        "no project '甲' in this ledger root; did you mean 区发改局, 区财政局?"
    )
    assert str(error) == error.text("en")
    with pytest.raises(KeyError):
        composed("hint.no_such_key")
