"""Findings of reading a file (PL001-PL019: store/reader.py, check/entries.py,
store/conflict_marks.py), YAML syntax errors among them: the parser's problem as a term
(`term.yaml.*`), so it reads in either language, with where its construct started."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "PL001.unreadable": E("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "PL001.not_a_file": E(
        "不是普通文件；请将其移出 projects/", "not a regular file; remove it from projects/"
    ),
    "PL002": E(
        "文件大小为 {size} MB，台账文件最大为 {limit} MB。这是台账文件吗？",
        "the file is {size} MB; a ledger file may be at most {limit} MB. Is it a ledger file?",
    ),
    "PL003": E(
        "字节 0x{byte} 不是 UTF-8 编码；请将文件另存为 UTF-8（可能被存成了 GBK）",
        "byte 0x{byte} is not UTF-8; save the file as UTF-8 (it may have been saved as GBK)",
    ),
    "PL004": E(
        "文件以 UTF-8 字节顺序标记（BOM）开头；`projledger fix {file}` 可将其去掉",
        "the file starts with a UTF-8 byte-order mark; `projledger fix {file}` removes it",
    ),
    "PL005": E(
        "文件使用 CRLF（Windows）换行符；`projledger fix {file}` 可改为 LF"
        "（.gitattributes 中的 `*.yaml text eol=lf` 可保持 LF）",
        "the file has CRLF (Windows) line ends; `projledger fix {file}` makes them LF "
        "(and `*.yaml text eol=lf` in .gitattributes keeps them so)",
    ),
    "PL006.empty": E("文件为空", "the file is empty"),
    "PL006.comments": E("文件中只有注释", "the file holds only comments"),
    "PL007.line_separator": E(
        "不允许使用字符 U+{code}（{name!t}）：不同的 YAML 读取程序对其是否换行理解不一；"
        "请改为换行或空格（可能来自复制粘贴）",
        "character U+{code} ({name!t}) is not allowed: YAML readers disagree on whether it "
        "breaks the line; replace it with a line break or a space (it may come from a copy "
        "and paste)",
    ),
    "term.char.nel": E("下一行符 NEL", "NEL"),
    "term.char.line_separator": E("行分隔符", "LINE SEPARATOR"),
    "term.char.paragraph_separator": E("段落分隔符", "PARAGRAPH SEPARATOR"),
    "PL007.control": E(
        "YAML 中不允许使用控制字符 U+{code}；请删除（可能来自复制粘贴）",
        "control character U+{code} is not allowed in YAML; remove it (it may come from a "
        "copy and paste)",
    ),
    "PL007.unreadable": E(
        "文件中有无法按 YAML 读取的值", "a value in the file cannot be read as YAML"
    ),
    "PL007.too_deep": E("嵌套超过 {depth} 层", "nesting deeper than {depth} levels"),
    "PL007.syntax": E(
        "YAML 语法错误：{problem!t}{context!t}{hint!t}",
        "YAML syntax: {problem!t}{context!t}{hint!t}",
    ),
    "PL007.unclosed": E(
        "YAML 语法错误：此处的 {bracket} 没有闭合（第 {line} 行：{problem!t}）{hint!t}",
        "YAML syntax: the {bracket} here is not closed (at line {line}: {problem!t}){hint!t}",
    ),
    "PL008": E(
        "同一映射中键 {name} 出现两次；请只保留一个",
        "key {name} appears twice in one mapping; keep one",
    ),
    "PL008.unnamed": E(
        "同一映射中有键出现两次；请只保留一个",
        "a key appears twice in one mapping; keep one",
    ),
    "PL009": E(
        "台账文件中不允许使用标签 {tag}；请删除",
        "tag {tag} is not allowed in ledger files; remove it",
    ),
    "PL010.anchor": E("不允许使用锚点 &{name}；请删除", "anchor &{name} is not allowed; remove it"),
    "PL010.alias": E(
        "不允许使用别名 *{name}；请写出完整的值",
        "alias *{name} is not allowed; write the value out",
    ),
    "PL010.anchor_more": E(
        "不允许使用锚点 &{name}；请删除（其后另有 {n} 处锚点或别名）",
        "anchor &{name} is not allowed; remove it ({n} more anchors and aliases follow)",
        "anchor &{name} is not allowed; remove it ({n} more anchor or alias follows)",
    ),
    "PL010.alias_more": E(
        "不允许使用别名 *{name}；请写出完整的值（其后另有 {n} 处锚点或别名）",
        "alias *{name} is not allowed; write the value out ({n} more anchors and aliases follow)",
        "alias *{name} is not allowed; write the value out ({n} more anchor or alias follows)",
    ),
    "PL011": E(
        "一个台账文件只能有一个 YAML 文档；请删除 `---`",
        "a ledger file holds one YAML document; remove `---`",
    ),
    "PL012": E(
        "{value} 这一天不存在；请改正，如为文本请加引号",
        "{value} is not a date that exists; correct it, or quote it if it is text",
    ),
    "PL014": E(
        "{name} 不符合 <项目编号>.yaml 的命名（编号由小写字母、数字和连字符组成）；"
        "请重命名，或将其移出 projects/",
        "{name} is not <project-id>.yaml (an id is lower-case letters, digits and hyphens); "
        "rename it, or move it out of projects/",
    ),
    "PL016": E(
        "文件中留有 git 合并冲突标记（<<<<<<<、=======、>>>>>>>）：保留正确的行，删除每处冲突的"
        "三行标记，运行 `projledger check`，再 `git add` 该文件并提交",
        "git merge-conflict markers (<<<<<<<, =======, >>>>>>>) are left in the file: keep "
        "the lines that are right, delete the three marker lines of each conflict, run "
        "`projledger check`, then `git add` the file and commit",
    ),
    "PL017": E(
        "%YAML {version} 会改变值的读法（如 0100、off）；台账文件为 YAML 1.2：请删除这一行指令",
        "%YAML {version} would change how values read (0100, off); ledger files are YAML "
        "1.2: remove the directive line",
    ),
    "PL018": E(
        "不允许使用 `<<`（合并键）；请写出各个键，如为文本请加引号",
        "`<<` (a merge key) is not allowed; write the keys out, or quote it if it is text",
    ),
    # --- The YAML parser's problems (`{problem!t}`) -------------------------------------
    "term.yaml.mapping_values": E(
        "此处不能出现“键: 值”（多因缩进有误，或值中含有冒号加空格而未加引号）",
        "mapping values are not allowed here",
    ),
    "term.yaml.cannot_start": E(
        "字符 {found} 不能出现在此处", "found character {found} that cannot start any token"
    ),
    "term.yaml.no_colon": E("找不到应有的冒号“:”", "could not find expected ':'"),
    "term.yaml.block_end": E(
        "缩进不一致：此处应结束上一层，却遇到 {found}",
        "expected <block end>, but found {found}",
    ),
    "term.yaml.flow_separator": E(
        "此处应为“,”或“{close}”，却遇到 {found}",
        "expected ',' or '{close}', but got {found}",
    ),
    "term.yaml.end_of_stream": E(
        "文件意外结束，可能有引号或括号没有闭合", "found unexpected end of stream"
    ),
    "term.yaml.node_content": E(
        "此处应有值，却遇到 {found}", "expected the node content, but found {found}"
    ),
    "term.yaml.escape": E(
        "未知的转义字符 {found}：双引号中的反斜杠须写成两个，或改用单引号",
        "found unknown escape character {found}",
    ),
    "term.yaml.sequence_entries": E(
        "此处不能出现列表项“-”（多为缩进不对）", "sequence entries are not allowed here"
    ),
    "term.yaml.mapping_keys": E("此处不能出现映射键“?”", "mapping keys are not allowed here"),
    "term.yaml.unexpected_colon": E("此处不应出现冒号“:”", "found unexpected ':'"),
    "term.yaml.comment_or_break": E(
        "此处应为注释或换行，却遇到 {found}",
        "expected a comment or a line break, but found {found}",
    ),
    "term.yaml.space": E("此处应为空格，却遇到 {found}", "expected ' ', but found {found}"),
    "term.yaml.block_scalar_indent": E(
        "多行文本的后续行比第一行缩进更多",
        "more indented follow up line than first in a block scalar",
    ),
    "term.yaml.document_separator": E("意外的文档分隔符", "found unexpected document separator"),
    "term.yaml.other": E("无法解析（解析程序报告：{detail}）", "{detail}"),
    # --- What the parser was reading (`{context!t}`) -----------------------------------
    "term.yaml.in": E(
        "（始于第 {start} 行的{construct!t}）", " ({construct!t} that starts at line {start})"
    ),
    "term.yaml.while": E("（读取{construct!t}时）", " ({construct!t})"),
    "term.yaml.block_mapping": E("映射", "while parsing a block mapping"),
    "term.yaml.block_collection": E("映射或列表", "while parsing a block collection"),
    "term.yaml.flow_mapping": E("花括号映射", "while parsing a flow mapping"),
    "term.yaml.flow_sequence": E("方括号列表", "while parsing a flow sequence"),
    "term.yaml.simple_key": E("键", "while scanning a simple key"),
    "term.yaml.quoted_scalar": E("引号中的文本", "while scanning a quoted scalar"),
    "term.yaml.double_quoted_scalar": E("双引号中的文本", "while scanning a double-quoted scalar"),
    "term.yaml.plain_scalar": E("值", "while scanning a plain scalar"),
    "term.yaml.block_scalar": E("多行文本", "while scanning a block scalar"),
    "term.yaml.node": E("值", "while parsing a node"),
    "term.yaml.next_token": E("下一项内容", "while scanning for the next token"),
    "term.yaml.tabs": E(
        "；请用空格缩进，不要用制表符（`projledger fix {file}` 可自动替换）",
        "; indent with spaces, not tabs (`projledger fix {file}` replaces them)",
    ),
}
