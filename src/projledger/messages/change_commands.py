"""Messages of the config commands (`unit`, `person`), `fix` and the responsibility an
assignment brings (changes/declare.py, commands/declare.py, changes/fix.py,
changes/owners.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    # --- unit and person (changes/declare.py) ----------------------------------------
    "declare.unit_exists": E(
        "单位 {name} 已声明（{where}）",
        "unit {name} is declared already ({where})",
    ),
    "declare.person_exists": E(
        "人员 {name} 已声明（{unit}）",
        "person {name} is declared already ({unit})",
    ),
    "declare.unknown_unit": E(
        "projledger.yaml 中没有单位 {name}{hint}",
        "no unit {name} is declared in projledger.yaml{hint}",
    ),
    "declare.unknown_person": E(
        "projledger.yaml 中没有人员 {name}{hint}",
        "no person {name} is declared in projledger.yaml{hint}",
    ),
    "declare.retired_unit": E(
        "单位 {name} 已于 {date} 撤销",
        "unit {name} was retired on {date}",
    ),
    "declare.retire_refused": E(
        "单位 {name} 仍有未办结的事项或人员，不能撤销；先改交其他单位：\n{items}",
        "unit {name} still has open items or people, so it is not retired; reassign them "
        "first:\n{items}",
    ),
    "declare.same_name": E("新名称与原名称相同：{name}", "the new name is the old one: {name}"),
    "declare.invalid_config": E(
        "拒绝修改：修改后 projledger.yaml 将无法通过检查，未写入任何内容。\n{findings}",
        "refused: the change would leave projledger.yaml invalid; nothing was written.\n{findings}",
    ),
    "declare.invalid_project": E(
        "拒绝修改：修改后 {file} 将无法通过检查，未写入任何内容。\n{findings}",
        "refused: the change would leave {file} invalid; nothing was written.\n{findings}",
    ),
    "declare.config_unreadable": E(
        "projledger.yaml 无法通过检查，先手工修正：\n{findings}",
        "projledger.yaml fails `projledger check`; fix it by hand first:\n{findings}",
    ),
    "declare.dirty": E(
        "{files!l} 有未提交的修改（手工编辑？）。提交（`git commit {first}`）或放弃"
        "（`git checkout -- {first}`）这些修改，或加 --commit-hand-edits 先单独提交它们",
        "{files!l} has changes that are not committed (edits by hand?). Commit them "
        "(`git commit {first}`) or discard them (`git checkout -- {first}`), or pass "
        "--commit-hand-edits to commit them first as their own commit",
    ),
    "declare.subject_unit_add": E("新增单位 {name}", "unit {name} added"),
    "declare.subject_unit_rename": E(
        "单位更名 {old} → {new}（{count} 个项目）",
        "unit renamed {old} → {new} ({count} projects)",
    ),
    "declare.subject_unit_retire": E("撤销单位 {name}", "unit {name} retired"),
    "declare.subject_person_add": E("新增人员 {name}（{unit}）", "person {name} added ({unit})"),
    "declare.subject_person_move": E(
        "人员调动 {name}：{old} → {new}",
        "person {name} moved: {old} → {new}",
    ),
    # --- Running them and fix (commands/declare.py) ----------------------------------
    "declare_run.dry_run": E("试运行：{subject}（未写入）", "dry run: {subject} (nothing written)"),
    "declare_run.hand_edits": E(
        "已先提交手工修改：{commit}", "committed the hand edits first: {commit}"
    ),
    "declare_run.committed": E("{subject}（提交 {commit}）", "{subject} (commit {commit})"),
    "declare_run.subject_not_committed": E(
        "{subject}（未提交：--no-commit）", "{subject} (not committed (--no-commit))"
    ),
    "change.lock_wait": E(
        "{name}={value}：请写等待台账根目录空闲的秒数，为 0 或更大的数（如 60）",
        "{name}={value}: give the seconds to wait for a busy ledger root as a number, 0 or "
        "more (e.g. 60)",
    ),
    "declare_run.nothing_to_fix": E(
        "无需修正：{files} 没有 fix 能处理的问题",
        "nothing to fix: {files} has none of the problems fix handles",
    ),
    "declare_run.nothing_to_change": E("无需修改：已是如此", "nothing to change: it is so already"),
    "declare_run.already_in_git": E(
        "已就地修正（git 中的版本本就正确，无需提交）：{files}",
        "fixed in place (git has them right already, nothing to commit): {files}",
    ),
    # --- fix (changes/fix.py) --------------------------------------------------------
    "fix.bom": E("去掉 BOM", "byte-order mark removed"),
    "fix.crlf": E("CRLF 改为 LF", "CRLF line ends made LF"),
    "fix.tabs": E("缩进中的制表符改为空格", "tabs in indentation made spaces"),
    "fix.header": E("写入 schema 首行", "schema header line written"),
    "fix.ambiguous_tabs": E(
        "{file}:{line}: 缩进中的制表符按不同宽度理解会得到不同的层级，不能自动修正；请手工改为空格",
        "{file}:{line}: the tabs in the indentation give a different nesting for different "
        "tab widths, so they are not fixed automatically; replace them with spaces by hand",
    ),
    "fix.not_safe": E(
        "拒绝修正：以下问题不能自动修正（fix 只处理 CRLF、BOM、缩进中的制表符和 schema "
        "首行），请手工修正后再运行；未写入任何内容。\n{findings}",
        "refused: these problems are not safe to fix automatically (fix handles CRLF, a "
        "BOM, tabs in indentation and the schema header); fix them by hand and run it "
        "again; nothing was written.\n{findings}",
    ),
    "fix.not_ledger_file": E(
        "{file} 不是本台账的文件（projledger.yaml 或 projects/*.yaml）",
        "{file} is not a file of this ledger (projledger.yaml or projects/*.yaml)",
    ),
    "fix.missing": E("{file} 不存在", "{file} does not exist"),
    "fix.subject": E("文件格式修正：{files}", "file form fixed: {files}"),
    "fix.dirty": E(
        "{files!l} 有未提交的修改。提交（`git commit {first}`）或放弃（`git checkout -- {first}`）"
        "这些修改，或加 --commit-hand-edits 把它们与修正一并提交",
        "{files!l} has changes that are not committed. Commit them (`git commit {first}`) or "
        "discard them (`git checkout -- {first}`), or pass --commit-hand-edits to commit "
        "them with the fix",
    ),
    # --- 交办 without a responsibility (changes/owners.py) ----------------------------
    "owners.refused": E(
        "{who} 在本项目的责任清单中还没有责任；先添加：`{command}`（或去掉 "
        "--no-auto-responsibility，随交办一并添加）",
        "{who} has no responsibility in this project yet; add it first: `{command}` (or "
        "leave out --no-auto-responsibility to add it with the assignment)",
    ),
}
