"""A YAML syntax error of the exact reader (ruamel.yaml) as a finding, in either language:
the parser's problem and the construct it was reading become catalogue terms
(messages/reading_findings.py), with what it found quoted from the file."""

import re
from typing import Any

from projledger.findings import Finding
from projledger.messages import msg

# The parser's problems, as ruamel.yaml words them, and their terms; a group `found`
# (or `close`) is what the parser met, quoted.
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), term)
    for pattern, term in (
        (r"^mapping values are not allowed here", "yaml.mapping_values"),
        (r"^found character (?P<found>.+) that cannot start any token", "yaml.cannot_start"),
        (r"^could not find expected ':'", "yaml.no_colon"),
        (r"^expected <block end>, but found (?P<found>.+)", "yaml.block_end"),
        (r"^expected ',' or '(?P<close>[\]}])', but got (?P<found>.+)", "yaml.flow_separator"),
        (r"^found unexpected end of stream", "yaml.end_of_stream"),
        (r"^expected the node content, but found (?P<found>.+)", "yaml.node_content"),
        (r"^found unknown escape character (?P<found>.+)", "yaml.escape"),
        (r"^sequence entries are not allowed here", "yaml.sequence_entries"),
        (r"^mapping keys are not allowed here", "yaml.mapping_keys"),
        (r"^found unexpected ':'", "yaml.unexpected_colon"),
        (r"^expected a comment or a line break, but found (?P<found>.+)", "yaml.comment_or_break"),
        (r"^expected ' ', but found (?P<found>.+)", "yaml.space"),
        (r"^more indented follow up line than first", "yaml.block_scalar_indent"),
        (r"^found unexpected document separator", "yaml.document_separator"),
    )
)

# What the parser was reading ("while parsing a block mapping"), as terms.
_CONSTRUCTS = {
    "block mapping": "yaml.block_mapping",
    "block collection": "yaml.block_collection",
    "flow mapping": "yaml.flow_mapping",
    "flow sequence": "yaml.flow_sequence",
    "simple key": "yaml.simple_key",
    "quoted scalar": "yaml.quoted_scalar",
    "double-quoted scalar": "yaml.double_quoted_scalar",
    "plain scalar": "yaml.plain_scalar",
    "block scalar": "yaml.block_scalar",
    "node": "yaml.node",
    "for the next token": "yaml.next_token",
}
_UNCLOSED = ("while parsing a flow sequence", "while parsing a flow mapping")
_CONSTRUCT = re.compile(r"^while (?:parsing|scanning) (?:an? )?(?P<name>.+?)\s*$")


def yaml_error_finding(exc: Any, text: str, file: str) -> Finding:
    """The finding for ruamel.yaml's `exc` raised reading `text`."""
    from ruamel.yaml.constructor import DuplicateKeyError

    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    context = (getattr(exc, "context", None) or "").strip()
    # An unclosed [ or { is reported where the parser gave up; the user needs where it
    # opened. Only a flow sequence or mapping names its bracket: "a flow node" is a value
    # missing inside one, its context mark where the parser gave up.
    unclosed_bracket = context.startswith(_UNCLOSED) and context_mark is not None
    if unclosed_bracket:
        mark = context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    if isinstance(exc, DuplicateKeyError):
        key = re.search(r'found duplicate key "(.*?)"', exc.problem or "")
        message = msg("PL008", name=f"'{key.group(1)}'") if key else msg("PL008.unnamed")
        return Finding.of("PL008", message, file, line=line, col=col)
    problem = (getattr(exc, "problem", None) or str(exc)).strip()
    args = _problem(problem, text, problem_mark)
    tabs = "\t" in problem or "'\\t'" in problem
    args["hint"] = "yaml.tabs" if tabs else ""
    if unclosed_bracket and problem_mark is not None:
        bracket = "[" if "sequence" in context else "{"
        unclosed = msg(
            "PL007.unclosed", bracket=bracket, line=problem_mark.line + 1, file=file, **args
        )
        return Finding.of("PL007", unclosed, file, line=line, col=col)
    args["context"] = ""
    construct = _CONSTRUCT.match(context)
    if construct is not None and construct.group("name") in _CONSTRUCTS:
        args["construct"] = _CONSTRUCTS[construct.group("name")]
        if context_mark is not None:
            args["context"], args["start"] = "yaml.in", context_mark.line + 1
        else:
            args["context"] = "yaml.while"
    return Finding.of("PL007", msg("PL007.syntax", file=file, **args), file, line=line, col=col)


def _problem(problem: str, text: str, mark: Any) -> dict[str, object]:
    """The problem's term and what it found: a token the parser names (`'<block mapping
    start>'`) is shown as the character of the file it stands for."""
    for pattern, term in _PROBLEMS:
        found = pattern.match(problem)
        if found is None:
            continue
        args: dict[str, object] = {"problem": term, **found.groupdict()}
        if str(args.get("found", "")).startswith("'<") and mark is not None:
            args["found"] = repr(_char_at(text, mark.line, mark.column))
        return args
    return {"problem": "yaml.other", "detail": problem}


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    row = lines[line] if 0 <= line < len(lines) else ""
    return row[column] if 0 <= column < len(row) else "\n"
