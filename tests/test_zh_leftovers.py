"""The last English a zh clerk read outside the change commands: report-period usage
errors and `advance -h`'s own options, in the run's language."""

from pathlib import Path

from tests.helpers import SAMPLE_ROOT, run_cli


def test_report_period_errors_follow_the_language() -> None:
    both = ("report", "weekly", "--week", "2026-W47", "--from", "2026-11-01", "--to", "2026-11-07")
    zh = run_cli(*both, cwd=SAMPLE_ROOT)
    assert zh.returncode == 2 and "--week 与 --from/--to 只能选用一种" in zh.stderr
    en = run_cli(*both, "--lang", "en", cwd=SAMPLE_ROOT)
    assert en.returncode == 2 and "give either --week or --from/--to, not both" in en.stderr
    half = run_cli("report", "weekly", "--from", "2026-11-01", cwd=SAMPLE_ROOT)
    assert half.returncode == 2 and "须同时指定 --from 和 --to" in half.stderr


def test_advance_help_names_every_option_in_chinese(tmp_path: Path) -> None:
    shown = run_cli("advance", "-h", cwd=SAMPLE_ROOT)
    assert shown.returncode == 0
    assert "佐证材料" in shown.stdout and "时限依据" in shown.stdout
    assert "evidence." not in shown.stdout
