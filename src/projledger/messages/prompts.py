"""Messages of the prompts on a terminal (cli/prompts.py)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "prompts.date_hint": E("（如 {forms}）", " (as {forms})"),
    "prompts.choice_hint": E("（填序号 1-{n} 或名称）", " (a number 1-{n} or the name)"),
    "prompts.many_hint": E(
        "（填序号 1-{n} 或名称，可填多个，用逗号分隔）",
        " (numbers 1-{n} or names, comma-separated)",
    ),
    "prompts.again": E("  {problem}；请重新输入", "  {problem}; try again"),
    "prompts.needed": E("必须填写", "an answer is needed"),
    "prompts.not_a_number": E("{answer} 不是数字", "{answer!r} is not a number"),
    "prompts.not_a_choice": E(
        "{answer} 不在列表中：填序号 1-{n} 或名称",
        "{answer!r} is not in the list: give 1-{n} or a name",
    ),
}
