"""Bad input turned away (tests/test_bad_input_recent.py): a declared name's form
(model/name_form.py, check/config_rules.py) and the files a command is named that it may
not read (a pipe, a device, a directory)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "name_form.blank": E(
        "{field!f}：名称为空或只有空格；请填写名称",
        "{field!f}: the name is empty or only spaces; write the name",
    ),
    "name_form.control": E(
        "{field!f}：名称“{name}”含有控制字符或不可见字符 {char}（如换行、ESC、零宽空格、"
        "文字方向控制符）；名称应为一行可见文字，请删除该字符",
        "{field!f}: the name '{name}' holds a control or invisible character {char} (a line "
        "break, ESC, a zero-width space, a direction override); a name is one line of "
        "visible text: remove it",
    ),
    "PL007.hidden_in_value": E(
        "{field!f}：“{value}”含有控制字符或不可见字符 {char}（多由转义写入，如 \\e、"
        "\\u202e，或从别处粘贴而来）；请删除该字符",
        "{field!f}: '{value}' holds a control or invisible character {char} (usually written "
        "as an escape such as \\e or \\u202e, or pasted in); remove it",
    ),
    "refuse.plans_not_text": E(
        "--plans {path}：不是文本文件（可能是工作簿）；请另存为 CSV 或写成 YAML",
        "--plans {path}: not a text file (a workbook?); save it as CSV or write it as YAML",
    ),
    "refuse.plans_not_utf8": E(
        "--plans {path}：字节 0x{byte} 不是 UTF-8 编码；请将文件另存为 UTF-8",
        "--plans {path}: byte 0x{byte} is not UTF-8; save the file as UTF-8",
    ),
    "name_form.spaces": E(
        "{field!f}：名称“{name}”首尾有空格；请删除",
        "{field!f}: the name '{name}' begins or ends with spaces; remove them",
    ),
    "name_form.long": E(
        "{field!f}：名称“{name}”长 {length} 个字符，超过上限 {max} 个；请核对",
        "{field!f}: the name '{name}' is {length} characters long, more than the {max} a "
        "name may have; check it",
    ),
    "input_file.not_regular": E(
        "{option}{file} 不是普通文件（目录、管道或设备）；请指定一个文件",
        "{option}{file} is not a regular file (a directory, a pipe or a device); name a file",
    ),
    "root.projects_not_directory": E(
        "{root} 中的 projects 不是目录；项目文件应放在台账根目录的 projects/ 目录中，"
        "请改正后再运行",
        "projects in {root} is not a directory; a ledger's project files are in its "
        "projects/ directory: put that right, then run the command again",
    ),
    "retire.duplicate_of_retired": E(
        "--duplicate-of {real}：该项目已退库；重复录入的项目应指向保留在库中的项目",
        "--duplicate-of {real}: that project is retired (退库); a duplicate names the "
        "project that stays",
    ),
    "text.hidden_char": E(
        "{field}“{value}”含有控制字符或不可见字符 {char}（如 ESC、响铃、零宽空格、"
        "文字方向控制符），显示时会扰乱终端或使文字显示错乱；请删除该字符后再运行",
        "{field} '{value}' holds a control or invisible character {char} (ESC, BEL, a "
        "zero-width space, a direction override), which would drive a terminal or show the "
        "text otherwise than it is: remove it and run the command again",
    ),
}
