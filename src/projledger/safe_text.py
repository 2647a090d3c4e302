"""Text from ledger files, file names and messages, made safe for a terminal.

A file's content or name may hold control characters (ESC, BEL, a C1 CSI...): echoed raw
they would recolour, move the cursor, retitle the window or hide what follows. Terminal
output escapes them here, the way Python's repr does (`\\x1b`); JSON output as `\\u001b`.
"""

import re

# C0 controls but tab, DEL, and the C1 controls (U+0080-U+009F, which some terminals obey
# like ESC sequences).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character (line breaks too) written as `\\xNN`."""
    if text.isprintable():  # the usual case, at C speed
        return text
    return _CONTROL.sub(_escaped, text)


def printable_lines(text: str) -> str:
    """`text` escaped like `printable`, but for its line breaks: a message of several
    lines (a refused change lists its findings) stays several lines."""
    if text.isprintable():  # the usual case: no line break, nothing to escape
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


# The json module escapes C0 controls, but writes DEL and the C1 controls as they are;
# they can only occur inside its strings, where \u00NN is the same text.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")


def json_safe(document: str) -> str:
    """A JSON document with DEL and the C1 controls written as `\\u00NN`."""
    return _RAW_IN_JSON.sub(_json_escaped, document)


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
