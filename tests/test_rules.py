"""Each rule, on the sample project with one thing changed."""

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import yaml_rs

from projledger.check.rules import PROJECT_RULES, RuleContext, check_project
from projledger.findings import CODES
from projledger.model import Config, Project
from tests.helpers import SAMPLE_PROJECT, SAMPLE_ROOT

BASE: dict[str, Any] = yaml_rs.loads(SAMPLE_PROJECT.read_text(encoding="utf-8"))
CONFIG = Config.model_validate(
    yaml_rs.loads((SAMPLE_ROOT / "projledger.yaml").read_text(encoding="utf-8"))
)


def codes_after(
    change: Callable[[dict[str, Any]], None], config: Config | None = CONFIG
) -> list[str]:
    data = copy.deepcopy(BASE)
    change(data)
    project = Project.model_validate(data)
    findings = check_project(project, RuleContext(file="p.yaml", config=config))
    return sorted({f.code for f in findings})


def test_the_sample_project_is_clean() -> None:
    assert codes_after(lambda d: None) == []


def issue(d: dict[str, Any], index: int = 1) -> dict[str, Any]:
    return d["issues"][index]


def add_second_leader(d: dict[str, Any]) -> None:
    d["responsibilities"].append(
        {"id": "R-ZZZZZZ", "role": "包抓领导", "person": "李振华", "duties": "也想包抓"}
    )


def reopen_closed_issue(d: dict[str, Any]) -> None:
    issue(d, 0)["state"] = "办理中"


CASES: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("PL201", lambda d: d["tasks"][1].update(id=d["tasks"][0]["id"])),
    ("PL202", lambda d: d["deadlines"][0].update(target="I-NOSUCH")),
    ("PL203", lambda d: d["deadlines"][1].update(target=d["deadlines"][0]["target"])),
    ("PL204", add_second_leader),
    ("PL204", lambda d: d["responsibilities"].pop(0)),
    ("PL205", lambda d: issue(d).update(unit="莱芜区水务局")),
    ("PL205", lambda d: d["tasks"][0].update(person="韩雪")),
    ("PL206", lambda d: d["responsibilities"][1].update(unit="莱芜区发改局")),
    ("PL207", lambda d: d["deadlines"][3]["extensions"][0].update(approver="王建军")),
    ("PL208", lambda d: d.update(stage="施工中")),
    ("PL209", lambda d: issue(d)["progress"][0].update(date=dt.date(2026, 1, 1))),
    ("PL209", lambda d: issue(d, 0)["closure"].update(date=dt.date(2026, 3, 15))),
    ("PL209", lambda d: d["deadlines"][3]["extensions"][0].update(new_due=dt.date(2026, 10, 1))),
    ("PL209", lambda d: d["schedule"].update(actual_completion=dt.date(2024, 1, 1))),
    ("PL210", lambda d: issue(d).pop("person")),
    ("PL210", lambda d: d["deadlines"].pop(3)),
    ("PL211", lambda d: issue(d).update(state="待核验")),
    ("PL212", lambda d: issue(d, 0).pop("closure")),
    ("PL213", lambda d: issue(d).update(state="已撤销")),
    ("PL214", reopen_closed_issue),
    ("PL214", lambda d: d["tasks"][0].update(completed_on=dt.date(2026, 11, 1))),
    ("PL215", lambda d: d["tasks"][1].pop("evidence")),
    ("PL216", lambda d: d.update(pool="退库")),
    (
        "PL216",
        lambda d: d.update(
            retirement={"date": dt.date(2026, 1, 1), "reason": "x", "reviewer": "孙丽娟"}
        ),
    ),
    ("PL217", lambda d: d.update(maturity="A")),
    ("PL217", lambda d: d.update(pool="在谈")),
    ("PL218", lambda d: d["approvals"]["施工许可"].pop("date")),
    ("PL219", lambda d: d["approvals"]["施工许可"].pop("permit_no")),
    ("PL220", lambda d: d["investment"].update(completed_this_year=900000)),
    ("PL221", lambda d: d["funding"][0].update(received=999999)),
    ("PL221", lambda d: d["land"].update(supplied_mu=2000)),
    ("PL222", lambda d: d["investment"].update(monthly_plan=[1.0] * 12)),
    ("PL224", lambda d: d["investment"].update(completed_this_year=850000)),
    ("PL224", lambda d: d["tasks"][1]["measure"].update(done=301)),
    (
        "PL226",
        lambda d: d["investment"].update(
            series=[{"through": 9, "completed": 300000, "reported": dt.date(2026, 10, 8)}]
        ),
    ),
    (
        "PL225",
        lambda d: d.update(pool="新建", stage="开工", approvals={"施工许可": {"status": "办理中"}}),
    ),
    (
        "PL223",
        lambda d: d["responsibilities"][1].pop("unit") and d["responsibilities"][1].pop("person"),
    ),
    ("PL230", lambda d: issue(d, 0)["closure"].update(verifier="张伟")),
    ("PL231", lambda d: d["deadlines"][3]["extensions"][0].update(approver="周海涛")),
]


@pytest.mark.parametrize(
    ("code", "change"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)]
)
def test_rule_reports_the_problem(code: str, change: Callable[[dict[str, Any]], None]) -> None:
    assert code in codes_after(change)


def test_every_project_rule_code_has_a_case() -> None:
    rule_codes = {c.code for c in CODES if c.code.startswith("PL2")} - {"PL200"}  # PL200: files.py
    assert rule_codes <= {code for code, _ in CASES}


def test_declaration_rules_are_skipped_without_a_valid_config() -> None:
    assert codes_after(lambda d: d.update(stage="施工中"), config=None) == []


def test_rules_are_a_tuple() -> None:
    assert isinstance(PROJECT_RULES, tuple)


def test_a_mistyped_unit_gets_a_suggestion() -> None:
    data = copy.deepcopy(BASE)
    data["responsibilities"][2]["unit"] = "高庄街道办"
    data["issues"][0]["unit"] = "高庄街道办"
    data["tasks"][1]["unit"] = "高庄街道办"
    project = Project.model_validate(data)
    findings = check_project(project, RuleContext(file="p.yaml", config=CONFIG))
    assert any("did you mean 高庄街道" in f.message for f in findings if f.code == "PL206")
