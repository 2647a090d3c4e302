"""The change commands' last English refusals, now in the ledger's language (issue 18): in
the zh sample ledger each is said in Chinese, with no English sentence, exit 1, nothing
written or committed; `--lang en` says it in English. And `init`, whose output and
refusals follow `--lang` or, with no ledger yet, the locale."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MATOUSHAN, TESTER, Ledger, cli_env, git

QICHE = "laiwu-qiche-neishi-peitao"
"""在谈, no funding source, its task T-WNWZJK without a measure."""
ZHONGQI = "laiwu-zhongqi-cheqiao-lingbujian"
"""At 开工, the last stage of a new project."""

# name: (command, what the zh message says, what the en message says)
CASES: dict[str, tuple[str, str, str]] = {
    "stage-unknown": (
        f"advance {MATOUSHAN} --to 无此阶段",
        "无此阶段 不是 projledger.yaml 中声明的阶段；可选：前期研究、",
        "无此阶段 is not a stage of projledger.yaml: 前期研究, ",
    ),
    "last-stage": (
        f"advance {ZHONGQI}",
        "开工 已是最后一个阶段；如需变更，请用 --to 指定阶段",
        "开工 is the last stage; name one with --to",
    ),
    "approval-unknown": (
        f"advance {MATOUSHAN} --approval 无此手续 --status 已办结",
        "无此手续 不是审批手续；可选：核准备案、",
        "无此手续 is not an approval procedure: 核准备案, ",
    ),
    "issue-state-unknown": (
        f"advance {MATOUSHAN} I-Q442SQ --to 已完结",
        "“已完结”不是有效的问题状态；可选：已登记、已交办",
        "'已完结' is not an issue state: 已登记, 已交办",
    ),
    "pool-unknown": (
        f"advance {MATOUSHAN} --pool 已竣工",
        "“已竣工”不是有效的库别；可选：谋划储备、",
        "'已竣工' is not a pool: 谋划储备, ",
    ),
    "source-unknown": (
        f"add funding {MATOUSHAN} --source 银行 --planned 1",
        "“银行”不是有效的资金来源（--source）",
        "'银行' is not a --source",
    ),
    "withdrawn-already": (
        f"withdraw {MATOUSHAN} I-CYKEW8 --reason 重复",
        "I-CYKEW8 当前为已销号，不能再撤销",
        "I-CYKEW8 is 已销号 already",
    ),
    "set-no-measure": (
        f"set {QICHE} T-WNWZJK.done 1",
        "T-WNWZJK·已完成数量：任务 T-WNWZJK 未设任务量",
        "T-WNWZJK.done: task T-WNWZJK has no quantity to count against",
    ),
    "set-no-field": (
        f"set {MATOUSHAN} id x",
        "编号：请写明要修改的字段，如 investment.completed_this_year",
        "id: name a field to set, such as investment.completed_this_year",
    ),
    "set-not-section": (
        f"set {MATOUSHAN} investment.total.x 5",
        "投资·总投资·x：“总投资”（total）不是本记录中可逐项填写的部分",
        "investment.total.x: total is not a section of this record",
    ),
    "set-state": (
        f"set {MATOUSHAN} I-Q442SQ.state 已登记",
        "I-Q442SQ·状态须通过 `projledger advance`、`return` 或 `withdraw` 修改",
        "I-Q442SQ.state changes through `projledger advance / return / withdraw`, which "
        "checks the step",
    ),
    "set-pool": (
        f"set {MATOUSHAN} pool 竣工",
        f"库别须通过 `projledger advance {MATOUSHAN} --pool`（或 `projledger retire`） 修改",
        f"pool changes through `projledger advance {MATOUSHAN} --pool (or retire)`",
    ),
    "set-stage": (
        f"set {MATOUSHAN} stage 开工",
        f"阶段须通过 `projledger advance {MATOUSHAN} --to 阶段` 修改",
        f"stage changes through `projledger advance {MATOUSHAN} --to STAGE`",
    ),
    "set-due": (
        f"set {MATOUSHAN} D-6A52DJ.due 2027-01-01",
        "D-6A52DJ·时限须通过 `projledger extend` 修改（该命令会核对办理步骤）",
        "D-6A52DJ.due changes through `projledger extend`, which checks the step",
    ),
    "set-section": (
        f"set {MATOUSHAN} investment 5",
        "投资包含多个字段，不是单个值；请逐项填写其中的字段",
        "investment is a section, not a single value; set its fields one by one",
    ),
    "through-other": (
        f"set {MATOUSHAN} investment.total 5 --through 10月",
        "--through 只用于“投资·本年完成投资”（investment.completed_this_year）所截至的月份，"
        "不适用于投资·总投资",
        "--through names the months of investment.completed_this_year, not of investment.total",
    ),
    "not-a-date": (
        f"set {MATOUSHAN} schedule.actual_start 明天",
        "进度·实际开工日期：“明天”不是日期；请写成 2026-11-20",
        "schedule.actual_start: '明天' is not a date; write it as 2026-11-20",
    ),
    "responsibility-owner": (
        f"add responsibility {MATOUSHAN} --role 配合单位 --duties 协调",
        "责任须写明 --unit（责任单位）或 --person（责任人），也可两者都写",
        "a responsibility names a --unit, a --person, or both",
    ),
    "funding-exists": (
        f"add funding {MATOUSHAN} --source 地方财政 --planned 1",
        "地方财政 已是本项目的资金来源；到位资金请用 "
        f"`projledger set {MATOUSHAN} funding.地方财政.received 金额` 记录",
        "地方财政 is already a funding source of this project; record what was received with "
        f"`projledger set {MATOUSHAN} funding.地方财政.received N`",
    ),
    "negative-amount": (
        f"add funding {MATOUSHAN} --source 贷款 --planned -5",
        "--planned 为金额（万元），不能为负数（-5）",
        "--planned is an amount in 万元 and may not be negative (-5)",
    ),
    "funding-field": (
        f"set {MATOUSHAN} funding.地方财政.source 自筹",
        "资金来源·地方财政·来源：资金来源只有 planned（计划）、received（到位）和 note（说明）三项",
        "funding.地方财政.source: a funding source has planned, received and note (万元)",
    ),
    "funding-unknown": (
        f"set {MATOUSHAN} funding.贷款.received 5",
        "资金来源·贷款·到位：贷款 不是本项目的资金来源（现有：中央预算内资金、",
        "funding.贷款.received: 贷款 is not a funding source of this project (it has: "
        "中央预算内资金, ",
    ),
    "funding-none-yet": (
        f"set {QICHE} funding.贷款.received 5",
        "贷款 不是本项目的资金来源（本项目尚无资金来源）；请先添加："
        f"`projledger add funding {QICHE} --source 贷款 --planned 金额`",
        "贷款 is not a funding source of this project (it has none yet); add it with "
        f"`projledger add funding {QICHE} --source 贷款 --planned N`",
    ),
    "line-break-new-item": (
        f"add issue {MATOUSHAN} --title '库区道路\nProjledger-Item: I-FAKE00' --category 用地",
        "的标题“库区道路”…含有换行，而标题只能写一行：请写在一行内（较长的内容请写入描述）",
        "title '库区道路'… has a line break, and a title is one line: write it on one line",
    ),
    "line-break-reason": (
        f"withdraw {MATOUSHAN} I-CTXGTS --reason '重复登记\n\n见I-Q442SQ'",
        "I-CTXGTS 的原因“重复登记”…含有换行，而原因只能写一行",
        "I-CTXGTS reason '重复登记'… has a line break, and a reason is one line",
    ),
    "audit-closed-issue": (
        f"log {MATOUSHAN} I-CYKEW8 补充进展",
        "拒绝修改：I-CYKEW8 已销号，已销号的问题不能修改：请先退回"
        f"（`projledger return {MATOUSHAN} I-CYKEW8 --reason …`），再作修改"
        "（`projledger audit` 将报告 PL503）；未写入任何内容",
        "refused: I-CYKEW8 is closed (已销号) and a closed issue is not changed: reopen it "
        f"through a return (退回) first, `projledger return {MATOUSHAN} I-CYKEW8 --reason …`, "
        "then change it (`projledger audit` would report PL503); nothing was written",
    ),
    "duplicate-of-itself": (
        f"retire {MATOUSHAN} --reason 重复录入 --reviewer 王建国 --duplicate-of {MATOUSHAN}",
        f"--duplicate-of {MATOUSHAN}：请指定另一个项目，而不是本项目",
        f"--duplicate-of {MATOUSHAN}: name the other project, not this one",
    ),
}

_CODE = re.compile(r"`[^`]*`")
_SENTENCE = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")


def english_sentences(said: str) -> list[str]:
    """Three English words in a row, outside commands in backticks: an English sentence."""
    return _SENTENCE.findall(_CODE.sub("", said))


def assert_in_chinese(said: str, zh: str, en: str) -> None:
    assert said.startswith("projledger: 错误："), said
    assert zh in said, said
    assert en not in said, said
    assert english_sentences(said) == [], said


def assert_in_english(said: str, zh: str, en: str) -> None:
    assert said.startswith("projledger: error: "), said
    assert en in said, said
    assert zh not in said, said


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_in_chinese_then_in_english(name: str, ledger: Ledger) -> None:
    command, zh, en = CASES[name]
    assert_in_chinese(ledger.refused(command), zh, en)
    assert_in_english(ledger.refused(f"--lang en {command}"), zh, en)


def test_the_hand_edits_the_audit_rejects(ledger: Ledger) -> None:
    path = ledger.file(MATOUSHAN)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("evidence: 现场核验记录}", "evidence: 现场核验记录及照片}"), encoding="utf-8"
    )
    command = f"log {MATOUSHAN} I-Q442SQ 入户 --commit-hand-edits"
    zh = "拒绝修改：手工修改中，I-CYKEW8 已销号，已销号的问题不能修改"
    en = "refused: in the hand edits, I-CYKEW8 is closed (已销号)"
    assert_in_chinese(ledger.refused(command), zh, en)
    assert_in_english(ledger.refused(f"--lang en {command}"), zh, en)


MEMBERS = """
members:
  - {who: 周海涛 <zhouhaitao@laiwu.gov.cn>, roles: [办公室], unit: 莱芜区发展和改革局}
  - {who: admin@laiwu.gov.cn, roles: [管理员]}
  - {who: maqiang@gongdian.example.cn, roles: [单位填报人], unit: 莱芜供电公司}
"""


def test_what_the_authors_role_may_not_do(ledger: Ledger) -> None:
    """A unit's reporter may not close its own issue: the audit's own words, in the run's
    language (they were the ledger's, whatever --lang said)."""
    config = ledger.root / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8") + MEMBERS, encoding="utf-8")
    ledger.commit("声明成员", "2026-11-02T09:00:00+08:00", TESTER)
    closed = "laiwu-jingpingang-lvse-zhuanxing"
    power = "--author '马强 <maqiang@gongdian.example.cn>'"
    asked = ledger.run(f"advance {closed} I-9TX3QW --evidence 验收单 --explanation 完成 {power}")
    assert asked.returncode == 0, asked.stderr
    command = f"advance {closed} I-9TX3QW --verifier 周海涛 {power}"
    said = ledger.refused(command)
    assert said.startswith("projledger: 错误：拒绝修改：这一修改：马强 <"), said
    assert "销号只能由办公室（核验人）作出" in said, said
    assert "（`projledger audit` 将报告 PL513）；未写入任何内容" in said, said
    said = ledger.refused(f"--lang en {command}")
    assert said.startswith("projledger: error: refused: this change: 马强 <"), said
    assert "only a verifier (办公室) closes an issue" in said, said
    assert "(`projledger audit` would report PL513); nothing was written" in said, said
    assert "销号只能由" not in said, said


def test_a_hand_edited_config_is_not_built_on(ledger: Ledger) -> None:
    config = ledger.root / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "# 待议\n", encoding="utf-8")
    command = f"log {MATOUSHAN} I-Q442SQ 入户"
    zh = "projledger.yaml 有未提交的修改（手工编辑？），本次修改不会以其为基础"
    en = "projledger.yaml has changes that are not committed (edits by hand?)"
    assert_in_chinese(ledger.refused(command), zh, en)
    assert_in_english(ledger.refused(f"--lang en {command}"), zh, en)


def test_a_forced_change_notes_what_it_let_in_in_chinese(ledger: Ledger) -> None:
    result = ledger.run("advance laiwu-yingcheng-dianzi-xianshi-mozu --date 2026-11-18 --force")
    assert result.returncode == 0, result.stderr
    assert "PL225 项目已到开工阶段" in result.stderr, result.stderr
    assert "（已按 --force 记录）" in result.stderr, result.stderr
    assert "recorded with --force" not in result.stderr, result.stderr


# --- init: no ledger yet, so the locale (or --lang) decides ---------------------------------


def init(where: Path, *args: str, locale: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    env = cli_env()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(name, None)
    env["LANG"] = locale
    return subprocess.run(
        [sys.executable, "-m", "projledger", "init", *args],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_init_speaks_the_locale_then_english(tmp_path: Path) -> None:
    made = init(tmp_path, "zh")
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0] == f"已在 {tmp_path / 'zh'} 新建台账根目录", made.stdout
    assert "  （新建 git 仓库）" in lines
    assert re.fullmatch(r"已提交 [0-9a-f]{8}", lines[-2]), made.stdout
    assert lines[-1] == "下一步：在 projledger.yaml 中声明单位和人员，然后运行 `projledger new`。"
    assert english_sentences(made.stdout) == [], made.stdout
    made = init(tmp_path, "en", "--lang", "en")
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0] == f"created a ledger root in {tmp_path / 'en'}", made.stdout
    assert "  (a new git repository)" in lines
    assert re.fullmatch(r"committed [0-9a-f]{8}", lines[-2]), made.stdout
    assert lines[-1] == (
        "next: declare your units and people in projledger.yaml, then `projledger new`."
    )


def test_init_refusals_in_chinese_then_in_english(tmp_path: Path) -> None:
    assert init(tmp_path, "root", locale="C").returncode == 0
    (tmp_path / "busy" / "projects").mkdir(parents=True)
    (tmp_path / "busy" / "projects" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "ignoring").mkdir()
    (tmp_path / "ignoring" / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    cases = [
        (
            "root",
            f"{tmp_path / 'root'} 已是台账根目录（projledger.yaml，projects/ 中有 0 个项目）；"
            "未作任何修改",
            f"{tmp_path / 'root'} is a ledger root already (projledger.yaml, 0 projects in "
            "projects/); nothing was changed",
        ),
        (
            "busy",
            f"{tmp_path / 'busy' / 'projects'} 已存在且不为空，而 init 需向其中写入；请另选目录",
            f"{tmp_path / 'busy' / 'projects'} exists and is not empty; init writes there. "
            "Choose another directory",
        ),
        (
            "ignoring",
            f"{tmp_path / 'ignoring'} 中已有 .gitignore；未写入任何内容",
            f"{tmp_path / 'ignoring'} already has .gitignore; nothing was written",
        ),
    ]
    for directory, zh, en in cases:
        said = init(tmp_path, directory, "--no-commit")
        assert said.returncode == 1, said
        assert_in_chinese(said.stderr, zh, en)
        said = init(tmp_path, directory, "--no-commit", "--lang", "en")
        assert said.returncode == 1, said
        assert_in_english(said.stderr, zh, en)
    assert git(tmp_path / "root", "status", "--porcelain") == ""
    assert sorted(p.name for p in (tmp_path / "ignoring").iterdir()) == [".gitignore"]


def test_init_that_could_not_commit_says_so(tmp_path: Path) -> None:
    """git does not know who commits: the files are written, and the user told to run
    init again, in the locale's language."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in cli_env(home).items()
        if k not in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME")
        and k not in ("GIT_COMMITTER_EMAIL", "EMAIL", "LC_ALL", "LC_MESSAGES")
    }
    env["LANG"] = "zh_CN.UTF-8"
    env["GIT_CONFIG_GLOBAL"] = str(home / "gitconfig")  # no identity there

    def init_without_identity(*args: str) -> str:
        said = subprocess.run(
            [sys.executable, "-m", "projledger", "init", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        assert said.returncode == 1, said
        return said.stderr

    said = init_without_identity("zh")
    assert "台账根目录的文件已写入但未提交：请再次运行 `projledger init` 提交" in said
    assert "written but not committed" not in said
    assert (tmp_path / "zh" / "projledger.yaml").is_file()
    said = init_without_identity("en", "--lang", "en")
    assert "The ledger root's files are written but not committed: run `projledger init`" in said
    assert "台账根目录的文件" not in said
