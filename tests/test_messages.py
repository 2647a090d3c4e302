"""The message catalogue, the run's language, and `check` speaking the ledger's language."""

import json
from pathlib import Path

import pytest

from projledger.check.cache import CheckCache
from projledger.cli.language import decide
from projledger.findings import Finding
from projledger.messages import CATALOGUE, LANGS, msg, placeholders, terms_in, text
from tests.helpers import copy_root, run_cli

PROJECT = "projects/laiwu-jingpingang-lvse-zhuanxing.yaml"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert entry.zh.strip() and entry.en.strip(), f"{key}: a language is empty"
    assert placeholders(entry.zh) == placeholders(entry.en), key
    if entry.en_one:
        assert placeholders(entry.en_one) == placeholders(entry.en), key
        assert "n" in placeholders(entry.en), f"{key}: a singular form needs a count `n`"
    assert terms_in(entry.zh) == terms_in(entry.en), f"{key}: term placeholders differ"
    for lang in LANGS:  # renders, every placeholder filled
        values = dict.fromkeys(placeholders(entry.en) - terms_in(entry.en), "x")
        values |= dict.fromkeys(terms_in(entry.en), "unit")
        assert text(key, lang, **values)


def test_a_finding_code_keys_its_messages() -> None:
    """Finding messages are keyed by their code (PL205, PL209.before_raised): the code a
    message goes with is plain in the catalogue, and no code's message hides elsewhere."""
    from projledger.findings import CODE_BY_ID

    for key in CATALOGUE:
        if key.startswith("PL"):
            assert key.partition(".")[0] in CODE_BY_ID, key


def test_unknown_keys_are_refused_when_the_message_is_made() -> None:
    with pytest.raises(KeyError):
        msg("no.such.message")


def test_english_plurals() -> None:
    assert text("count.files", "en", n=1) == "1 file"
    assert text("count.files", "en", n=2) == "2 files"
    assert text("count.files", "zh", n=2) == "2 个文件"


def test_a_finding_renders_in_either_language_and_keeps_its_english() -> None:
    finding = Finding.of("PL218", msg("PL218", name="施工许可"), "p.yaml", ("approvals",))
    assert finding.message == "approval 施工许可 is 已办结 but has no date"
    assert finding.text("en") == finding.message
    assert finding.text("zh") == "审批手续“施工许可”已办结，但没有办结日期"
    plain = Finding.of("PL218", "some text", "p.yaml")
    assert plain.text("zh") == "some text"  # not in the catalogue yet: as it was written


def test_the_cache_keeps_the_key_not_one_language(tmp_path: Path) -> None:
    """The cache stores a finding's key and arguments, so a ledger whose language changes
    (or `--lang`) is served from it in the new language, never in the old one."""
    finding = Finding.of("PL210", msg("PL210", id="I-1", state="已交办", missing="unit"), "f")
    cache = CheckCache(tmp_path / "cache", "fingerprint")
    from projledger.check.cache import CachedFile

    cache.put("f", "blob", CachedFile([finding], None))
    cache.save()
    again = CheckCache(tmp_path / "cache", "fingerprint").get("f", "blob", "f")
    assert again is not None
    assert again.findings == [finding]
    assert again.findings[0].text("zh").startswith("I-1 状态为已交办，但缺少责任单位")


def _root(tmp_path: Path, language: str | None) -> Path:
    root = tmp_path / "r"
    (root / "sub").mkdir(parents=True)
    line = f"language: {language}  # zh or en\n" if language else ""
    (root / "projledger.yaml").write_text(f"schema_version: 1\n{line}units: []\n")
    return root


@pytest.mark.parametrize(
    ("language", "args", "environ", "expected"),
    [
        ("en", [], {"LANG": "zh_CN.UTF-8"}, "en"),  # the ledger's language over the locale
        ("zh", [], {"LANG": "C.UTF-8"}, "zh"),
        (None, [], {}, "zh"),  # the config's default
        ("zh", ["check", "--lang", "en"], {}, "en"),  # --lang over the ledger
        ("en", ["--lang=zh", "check"], {}, "zh"),
    ],
)
def test_the_language_inside_a_root(
    tmp_path: Path, language: str | None, args: list[str], environ: dict[str, str], expected: str
) -> None:
    root = _root(tmp_path, language)
    assert decide(args, environ, root / "sub") == expected


def test_the_language_outside_a_root_follows_the_locale(tmp_path: Path) -> None:
    assert decide(["--help"], {"LANG": "zh_CN.UTF-8"}, tmp_path) == "zh"
    assert decide(["--help"], {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN"}, tmp_path) == "en"
    assert decide(["--help"], {}, tmp_path) == "en"
    root = _root(tmp_path / "elsewhere", "en")
    assert decide(["check", "--root", str(root)], {"LANG": "zh_CN.UTF-8"}, tmp_path) == "en"


def test_check_speaks_the_ledgers_language_and_keeps_its_codes(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    path = root / PROJECT
    text_ = path.read_text(encoding="utf-8")
    path.write_text(text_.replace('permit_no: "370116202410150101", ', ""), encoding="utf-8")
    zh = run_cli("check", "--format", "json", cwd=root)
    en = run_cli("check", "--format", "json", "--lang", "en", cwd=root)  # from the cache
    found_zh, found_en = json.loads(zh.stdout)["findings"], json.loads(en.stdout)["findings"]
    assert [f["code"] for f in found_zh] == [f["code"] for f in found_en] == ["PL219"]
    assert found_zh[0]["message"] == "审批手续“施工许可”已办结，但没有文号（permit_no）"
    assert found_en[0]["message"] == "approval 施工许可 is 已办结 but has no permit_no"
    config = root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    english = run_cli("check", cwd=root)
    assert "warning PL219 approval 施工许可 is 已办结 but has no permit_no" in english.stdout
    assert "files checked: 0 errors, 1 warning in 1 file" in english.stdout


def test_errors_and_help_in_the_users_language(tmp_path: Path) -> None:
    outside = tmp_path / "nowhere"
    outside.mkdir()
    english = run_cli("--lang", "en", "show", "x", cwd=outside)  # whatever the locale
    assert english.stderr.startswith("projledger: error: no projledger.yaml in ")
    chinese = run_cli("--lang", "zh", "show", "x", cwd=outside)
    assert chinese.stderr.startswith("projledger: 错误：")
    assert "这里不在台账根目录内" in chinese.stderr
    helped = run_cli("--lang", "zh", "--help", cwd=outside)
    assert "重点项目台账：以 YAML 文件存于 git" in helped.stdout


def test_every_command_has_its_help_in_chinese_translated_from_its_english() -> None:
    """Each command's (and each group's command's) help has a `help.cmd.*` entry whose
    English is the help the code declares: reword the English and this names the
    translation to bring up to date (until then the English is shown)."""
    from projledger.cli import COMMAND_MODULES, app, register_commands
    from projledger.cli.language import declared_summary

    register_commands()
    declared: dict[str, str] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__.lower().replace("_", "-")
        declared[name] = declared_summary(info.help or info.callback.__doc__)
    for group in app.registered_groups:
        assert group.typer_instance is not None and group.name is not None
        declared[group.name] = declared_summary(group.help or group.typer_instance.info.help)
        for info in group.typer_instance.registered_commands:
            assert info.callback is not None
            sub = info.name or info.callback.__name__.lower().replace("_", "-")
            declared[f"{group.name}.{sub}"] = declared_summary(info.help or info.callback.__doc__)
    assert set(COMMAND_MODULES) <= set(declared)
    for name in COMMAND_MODULES:
        assert f"help.cmd.{name}" in CATALOGUE, f"`{name}` has no help in the catalogue"
    stale = [
        name
        for name, english in declared.items()
        if f"help.cmd.{name}" in CATALOGUE and CATALOGUE[f"help.cmd.{name}"].en != english
    ]
    assert not stale, f"English help changed since its translation: {stale}"


def test_help_of_a_command_in_chinese(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")  # language: zh
    helped = run_cli("check", "--help", cwd=root)
    assert "检查台账文件：YAML 格式、字段规范与业务规则" in helped.stdout
    assert "将警告视为错误。" in helped.stdout
    english = run_cli("check", "--help", "--lang", "en", cwd=root)
    assert "Treat warnings as errors." in english.stdout


MODULE_AREAS = (
    ("projledger.refs", "refs"),
    ("projledger.model.unit_names", "unit_names"),
    ("projledger.changes.owners", "owners"),
    ("projledger.changes.fix", "fix"),
    ("projledger.changes.declare", "declare"),
    ("projledger.commands.declare", "declare_run"),
    ("projledger.cli.prompts", "prompts"),
)


@pytest.mark.parametrize(("module", "prefix"), MODULE_AREAS)
def test_every_key_a_module_says_is_in_the_catalogue(module: str, prefix: str) -> None:
    """Modules that name their messages by the last part of the key (`say.msg(
    "no_item")` for `refs.no_item`, through `messages.Area`): every key written out in
    the source is in the catalogue, so a mistyped one fails here, not in a user's hands."""
    import importlib
    import inspect
    import re

    loaded = importlib.import_module(module)
    assert loaded.say.prefix == prefix
    source = inspect.getsource(loaded)
    # `say(lang, "key")` (text now) and `say.msg("key")` (an error, said where shown)
    said = set(re.findall(r"(?<![\w.])say(?:\(\s*[\w.]+,|\.msg\()\s*[\"']([a-z_.]+)[\"']", source))
    assert said, module
    missing = sorted(key for key in said if f"{prefix}.{key}" not in CATALOGUE)
    assert not missing, (module, missing)
