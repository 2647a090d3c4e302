"""Writes the committed bad-input corpus: tests/corpus/bad/projects/*.yaml and cases.yaml.

Run it from the repository root (`.venv/bin/python tests/corpus/make_bad_corpus.py`) only
to change the corpus on purpose; the files it writes are committed and read by
tests/test_bad_input.py. Every case starts from the same valid sample project, given its
own id, national code and name (so no case collides with another), and then gets exactly
one deliberate problem. Each case's expected line is the line of a marker text in the
written file, not what the checker happens to say.

Cases that depend on exact bytes or on the file system (BOM, CRLF, GBK, a 50 MB file,
symlinks, FIFOs) are not here: tests/test_bad_input.py makes them in a temporary directory.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "ledgers" / "projects" / "laiwu-jingpingang-lvse-zhuanxing.yaml"
BAD = Path(__file__).resolve().parent / "bad"
HEADER = "# yaml-language-server: $schema=../schemas/project.schema.json\n"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the sample"
    return text.replace(old, new)


def unique(text: str, stem: str, serial: int, code_serial: int | None = None) -> str:
    """The sample as its own project: id = file name, its own code and name."""
    text = replace_once(text, "id: laiwu-jingpingang-lvse-zhuanxing\n", f"id: {stem}\n")
    text = replace_once(
        text,
        "code: 2024-370116-31-03-015821\n",
        f"code: 2024-370116-31-03-{900000 + (code_serial or serial):06d}\n",
    )
    return replace_once(
        text, "name: 精品钢绿色转型项目\n", f"name: 精品钢绿色转型项目（坏例{serial:02d}）\n"
    )


@dataclass
class Case:
    file: str
    kind: str
    """reading | schema | rules | across-files | file-name: which part of the checker."""
    what: str
    edit: Callable[[str], str] | None
    """From the uniquified sample to the bad text; None: `text` is the whole file."""
    expect: list[tuple[str, str]]
    """(code, marker): the code is reported on the line holding the marker ('' = line 1)."""
    text: str | None = None
    id: str | None = None
    """The id written in the file (default: the file's stem)."""
    code_serial: int | None = None
    also: list[str] = field(default_factory=list)
    """Codes that may be reported too (besides the expected ones), with a reason each."""


def sub(old: str, new: str) -> Callable[[str], str]:
    return lambda text: replace_once(text, old, new)


BILLION_LAUGHS = (
    'description: [&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"],\n'
    "  &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b],\n"
    "  &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d],\n"
    "  &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], &g [*f,*f,*f,*f,*f,*f,*f,*f,*f],\n"
    "  &h [*g,*g,*g,*g,*g,*g,*g,*g,*g], &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]]\n"
)
DESCRIPTION = "description: 建设绿色低碳精品钢生产线及配套设施，投产后产品附加值提高1.5倍。\n"

CASES = [
    # --- Reading: YAML syntax and the constructs ledger files may not hold.
    Case(
        "syntax-unclosed-flow-sequence",
        "reading",
        "flow sequence never closed",
        sub("levels: [省级, 市级]\n", "levels: [省级, 市级\n"),
        [("PL007", "levels: [")],
    ),
    Case(
        "syntax-bad-indentation",
        "reading",
        "a key indented one space too far",
        sub("  head: 张伟\n", "   head: 张伟\n"),
        [("PL007", "   head: 张伟")],
    ),
    Case(
        "syntax-tab-indentation",
        "reading",
        "a tab used to indent",
        sub("  name: 精品钢项目征迁专班\n", "\tname: 精品钢项目征迁专班\n"),
        [("PL007", "\tname: 精品钢项目征迁专班")],
    ),
    Case(
        "syntax-deep-nesting",
        "reading",
        "a value nested 100 levels deep",
        sub(DESCRIPTION, "description: " + "[" * 100 + "]" * 100 + "\n"),
        [("PL007", "description: [[[")],
    ),
    Case(
        "duplicate-key",
        "reading",
        "a top-level key written twice",
        sub("industry: 精品钢与先进材料\n", "industry: 精品钢与先进材料\nindustry: 钢铁\n"),
        [("PL008", "industry: 钢铁")],
    ),
    Case(
        "duplicate-key-nested",
        "reading",
        "a key written twice inside an issue",
        sub("    state: 办理中\n", "    state: 办理中\n    state: 已交办\n"),
        [("PL008", "    state: 已交办")],
    ),
    Case(
        "invalid-date-unquoted",
        "reading",
        "2026-02-30, an impossible date, unquoted",
        sub("    raised: 2026-02-16\n", "    raised: 2026-02-30\n"),
        [("PL012", "raised: 2026-02-30")],
    ),
    Case(
        "invalid-date-month-13",
        "reading",
        "2026-13-10, month 13, unquoted",
        sub("  updated: 2026-11-10\n", "  updated: 2026-13-10\n"),
        [("PL012", "updated: 2026-13-10")],
    ),
    Case(
        "yaml-alias-bomb",
        "reading",
        "billion laughs: nine anchors, each aliased nine times",
        sub(DESCRIPTION, BILLION_LAUGHS),
        [("PL010", 'description: [&a ["lol"')],
    ),
    Case(
        "yaml-python-tag",
        "reading",
        "!!python/object/apply:os.system",
        sub(
            DESCRIPTION,
            'description: !!python/object/apply:os.system ["touch projledger-yaml-tag-ran"]\n',
        ),
        [("PL009", "description: !!python")],
    ),
    Case(
        "multiple-documents",
        "reading",
        "a second YAML document after ---",
        lambda text: text + "---\nschema_version: 1\n",
        [("PL011", "---")],
    ),
    Case("empty-file", "reading", "zero bytes", None, [("PL006", "")], text=""),
    Case(
        "whitespace-only",
        "reading",
        "blank lines and spaces only",
        None,
        [("PL006", "")],
        text="\n   \n\n",
    ),
    Case(
        "comment-only",
        "reading",
        "the schema header and a comment, no data",
        None,
        [("PL006", "")],
        text=HEADER + "# 精品钢绿色转型项目 — 尚未填写\n",
    ),
    Case(
        "null-document",
        "reading",
        "a document that is just null (~)",
        None,
        [("PL100", "")],
        text=HEADER + "~\n",
    ),
    # --- The schema.
    Case(
        "type-text-for-number",
        "schema",
        "Chinese text where 万元 (a number) is expected",
        sub("  total: 1280000        # 万元\n", "  total: 一百二十八亿        # 万元\n"),
        [("PL103", "total: 一百二十八亿")],
    ),
    Case(
        "type-number-for-text-permit-no",
        "schema",
        "all-digit permit_no unquoted: a number",
        sub('permit_no: "370116202410150101"', "permit_no: 370116202410150101"),
        [("PL103", "permit_no: 370116202410150101")],
    ),
    Case(
        "type-number-for-text-industry",
        "schema",
        "an industry code number where text is expected",
        sub("industry: 精品钢与先进材料\n", "industry: 3130\n"),
        [("PL103", "industry: 3130")],
    ),
    Case(
        "type-text-for-integer",
        "schema",
        "coordination_level written in Chinese (三)",
        sub("    coordination_level: 3\n", "    coordination_level: 三\n"),
        [("PL103", "coordination_level: 三")],
    ),
    Case(
        "type-list-for-mapping",
        "schema",
        "land given as a list instead of a mapping",
        sub("land:\n  needed_mu: 1260\n  supplied_mu: 1260\n", "land: [1260, 1260]\n"),
        [("PL103", "land: [1260, 1260]")],
    ),
    Case(
        "type-infinite-amount",
        "schema",
        "total investment .inf (infinity) 万元",
        sub("  total: 1280000        # 万元\n", "  total: .inf        # 万元\n"),
        [("PL104", "total: .inf")],
    ),
    Case(
        "type-nan-amount",
        "schema",
        "total investment .nan (not a number) 万元",
        sub("  total: 1280000        # 万元\n", "  total: .nan        # 万元\n"),
        [("PL104", "total: .nan")],
    ),
    Case(
        "key-missing-before-colon",
        "schema",
        "a line `: 钢铁` whose key was deleted (a null key)",
        sub("industry: 精品钢与先进材料\n", "industry: 精品钢与先进材料\n: 钢铁\n"),
        [("PL103", ": 钢铁")],
    ),
    Case(
        "invalid-date-quoted",
        "schema",
        "'2026-02-30' quoted: text, and not a date",
        sub("    raised: 2026-02-16\n", "    raised: '2026-02-30'\n"),
        [("PL103", "raised: '2026-02-30'")],
    ),
    Case(
        "unknown-key-typo",
        "schema",
        "titel for title in an issue",
        sub("    title: 厂区周边300户居民征迁\n", "    titel: 厂区周边300户居民征迁\n"),
        # The issue then also lacks `title`: reported on its first line.
        [("PL102", "titel:"), ("PL101", "  - id: I-4M8K2P")],
    ),
    Case(
        "unknown-key-extra",
        "schema",
        "an extra top-level key (staus)",
        sub("pool: 续建\n", "pool: 续建\nstaus: 在建\n"),
        [("PL102", "staus:")],
    ),
    Case(
        "missing-required-top",
        "schema",
        "owner removed (a required top-level field)",
        sub("owner: 山东钢铁股份有限公司莱芜分公司\n", ""),
        [("PL101", "")],
    ),
    Case(
        "missing-required-nested",
        "schema",
        "source removed from an issue",
        sub("    source: 周调度\n", ""),
        [("PL101", "  - id: I-4M8K2P")],
    ),
    Case(
        "enum-not-allowed",
        "schema",
        "pool 在建, not one of the pools",
        sub("pool: 续建\n", "pool: 在建\n"),
        [("PL104", "pool: 在建")],
    ),
    Case(
        "schema-version-unsupported",
        "schema",
        "schema_version 2",
        sub("schema_version: 1\n", "schema_version: 2\n"),
        [("PL105", "schema_version: 2")],
    ),
    Case(
        "top-level-list",
        "schema",
        "a list at the top level",
        None,
        [("PL100", "")],
        text=HEADER + "- 精品钢绿色转型项目\n- 续建\n",
    ),
    # --- Rules within a project.
    Case(
        "id-differs-from-file-name",
        "rules",
        "the id is another project's",
        None,
        [("PL200", "id: laiwu-other-project")],
        id="laiwu-other-project",
    ),
    Case(
        "duplicate-item-id",
        "rules",
        "two responsibilities with id R-7KQ2MX",
        sub("{id: R-3HVN8D,", "{id: R-7KQ2MX,"),
        [("PL201", "{id: R-7KQ2MX, role: 牵头单位")],
    ),
    Case(
        "deadline-target-missing",
        "rules",
        "a deadline for issue I-7ZZZZZ, which is not there",
        sub("target: milestone:竣工", "target: I-7ZZZZZ"),
        [("PL202", "target: I-7ZZZZZ")],
    ),
    Case(
        "issue-unit-not-in-responsibilities",
        "rules",
        "an issue's unit has no responsibility",
        sub("    unit: 国网济南市莱芜区供电公司\n", "    unit: 莱芜区水务局\n"),
        [("PL205", "    unit: 莱芜区水务局")],
    ),
    Case(
        "undeclared-unit",
        "rules",
        "a responsibility's unit not in projledger.yaml",
        sub("unit: 济南市自然资源和规划局莱芜分局,", "unit: 济南市自然资源局莱芜分局,"),
        [("PL206", "unit: 济南市自然资源局莱芜分局")],
    ),
    Case(
        "undeclared-person",
        "rules",
        "a task-force member not in projledger.yaml",
        sub("members: [陈明, 郑磊]", "members: [陈明, 郑雷]"),
        [("PL207", "members: [陈明, 郑雷]")],
    ),
    Case(
        "two-lead-leaders",
        "rules",
        "a second 包抓领导",
        sub("{id: R-3HVN8D, role: 牵头单位,", "{id: R-3HVN8D, role: 包抓领导,"),
        [("PL204", "{id: R-3HVN8D, role: 包抓领导")],
    ),
    Case(
        "closed-issue-without-closure",
        "rules",
        "issue 已销号 with its closure removed",
        sub(
            "    closure: {date: 2026-03-18, verifier: 周海涛, evidence: 现场核验照片及验收单}\n",
            "",
        ),
        [("PL212", "  - id: I-4M8K2P")],
    ),
    Case(
        "dates-progress-before-raised",
        "rules",
        "a progress note dated before the issue",
        sub("{date: 2026-03-06, note: 签约完成210户}", "{date: 2026-02-06, note: 签约完成210户}"),
        [("PL209", "{date: 2026-02-06")],
    ),
    Case(
        "dates-extension-not-later",
        "rules",
        "an extension to a date before the due date",
        sub("new_due: 2026-11-15", "new_due: 2026-10-20"),
        [("PL209", "new_due: 2026-10-20")],
    ),
    # --- Across files: two projects with one national code.
    Case(
        "duplicate-code-a",
        "across-files",
        "same national code as duplicate-code-b",
        None,
        [("PL301", "code: ")],
        code_serial=99,
    ),
    Case(
        "duplicate-code-b",
        "across-files",
        "same national code as duplicate-code-a",
        None,
        [("PL301", "code: ")],
        code_serial=99,
    ),
    # --- File names that are not project ids (the content is valid).
    Case(
        "Bad Name",
        "file-name",
        "a space and capitals in the file name",
        None,
        [("PL014", "")],
        id="bad-name",
        also=["PL200: the id (bad-name) cannot equal a name that is no id"],
    ),
    # --- A valid control file among the broken ones: it must stay clean.
    Case(
        "control-valid",
        "control",
        "the sample, with its own id, code and name: no finding",
        None,
        [],
    ),
    # --- Added later (appended, so the serials of the cases above stay): text on which
    # the two YAML readers could disagree, and ordinary punctuation that must not matter.
    Case(
        "merge-conflict-markers",
        "reading",
        "a git merge's conflict markers left around two versions of a line",
        sub(
            "      - {date: 2026-03-06, note: 签约完成210户}\n",
            "<<<<<<< HEAD\n      - {date: 2026-03-06, note: 签约完成210户}\n=======\n"
            "      - {date: 2026-03-06, note: 签约完成215户}\n>>>>>>> 专班\n",
        ),
        [("PL016", "<<<<<<< HEAD")],
    ),
    Case(
        "yaml-1-1-directive",
        "reading",
        "%YAML 1.1, under which 0100 reads as 64 and off as false",
        lambda text: "%YAML 1.1\n---\n" + text,
        [("PL017", "---")],
    ),
    Case(
        "merge-key",
        "reading",
        "<<: merges a mapping into the record",
        sub("nature: 改建\n", "<<: {nature: 改建}\n"),
        [("PL018", "<<:")],
    ),
    Case(
        "nel-in-value",
        "reading",
        "U+0085 (NEL) inside a note: a line break to one reader, a character to the other",
        sub("note: 签约完成210户}", "note: 签约完成\u0085210户}"),
        [("PL007", "签约完成")],
    ),
    Case(
        "line-separator-in-block-scalar",
        "reading",
        "U+2028 (LINE SEPARATOR) in a description",
        sub(DESCRIPTION, "description: |\n  建设绿色低碳精品钢生产线\u2028及配套设施\n"),
        [("PL007", "及配套设施")],
    ),
    Case(
        "time-that-does-not-exist",
        "reading",
        "a date with hour 25",
        sub("note: 迁改方案已批复}", "note: 2026-09-25 25:30:00}"),
        [("PL012", "25:30:00")],
    ),
    Case(
        "huge-integer-with-punctuation",
        "reading",
        "a 5,000-digit amount in a file that also holds ! & *",
        lambda text: replace_once(
            text, "  total: 1280000        # 万元\n", "  total: " + "9" * 5000 + "  # R&D!*\n"
        ).replace(DESCRIPTION, "description: &d 建设绿色低碳精品钢生产线\n"),
        [("PL010", "&d"), ("PL104", "total: 999")],
    ),
    # --- Ordinary punctuation: clean, and read by the fast reader (no cliff).
    Case(
        "control-punctuation",
        "control",
        "ASCII & ! * # : , ( ) quotes in values and comments: no finding",
        lambda text: replace_once(
            text,
            DESCRIPTION,
            "description: 山东A&B新材料R&D中心3#楼, 面积3*5米, 本周已调度!  # R&D中心\n",
        ).replace(
            "note: 迁改方案已批复}",
            "note: '进展: 已完成(80%), \"三通一平\"基本到位; 下步: 协调供电!'}",
        ),
        [],
    ),
    # --- Added later still: values the schema once let through (an amount whose sum over
    # two files is infinite, true for a number), a complex key, control characters.
    Case(
        "amount-too-large",
        "schema",
        "total investment 1.7976931348623157e308 万元: two such files made a report's sum inf",
        sub("  total: 1280000        # 万元\n", "  total: 1.7976931348623157e308  # 万元\n"),
        [("PL104", "total: 1.797")],
    ),
    Case(
        "amount-negative",
        "schema",
        "a negative amount received",
        sub("planned: 300000, received: 180000}", "planned: 300000, received: -180000}"),
        [("PL104", "received: -180000")],
    ),
    Case(
        "boolean-for-integer",
        "schema",
        "coordination_level: true, which pydantic's lax mode read as 1",
        sub("    coordination_level: 3\n", "    coordination_level: true\n"),
        [("PL103", "coordination_level: true")],
    ),
    Case(
        "boolean-for-schema-version",
        "schema",
        "schema_version: true, equal to 1 in Python",
        sub("schema_version: 1\n", "schema_version: true\n"),
        [("PL103", "schema_version: true")],
    ),
    Case(
        "boolean-for-amount",
        "schema",
        "needed_mu: false",
        sub("  needed_mu: 1260\n", "  needed_mu: false\n"),
        [("PL103", "needed_mu: false")],
    ),
    Case(
        "complex-key",
        "schema",
        "a complex key (a list as a key: ? [a, b])",
        sub("pool: 续建\n", "pool: 续建\n? [省级, 市级]\n: 续建\n"),
        [("PL103", "? [省级, 市级]")],
    ),
    Case(
        "control-characters-in-value",
        "rules",
        "ESC and BEL (YAML escapes \\e, \\a) in a task-force member's name",
        sub("members: [陈明, 郑磊]", 'members: ["陈\\e[31m明\\a", 郑磊]'),
        [("PL207", "members: ["), ("PL007", "members: [")],
    ),
    # --- Shapes that crashed every change command (exit 3) while `check` named them.
    Case(
        "top-level-scalar",
        "schema",
        "a single word at the top level",
        None,
        [("PL100", "")],
        text=HEADER + "x\n",
    ),
    Case(
        "issues-a-number",
        "schema",
        "issues: 5 instead of a list",
        lambda text: (
            text[: text.index("\nissues:\n")] + "\nissues: 5\n" + text[text.index("\ntasks:\n") :]
        ),
        [("PL103", "issues: 5")],
    ),
    Case(
        "deadline-a-number",
        "schema",
        "deadlines: [7], a number for a deadline",
        lambda text: text[: text.index("\ndeadlines:\n")] + "\ndeadlines: [7]\n",
        [("PL103", "deadlines: [7]")],
    ),
    Case(
        "tasks-a-mapping",
        "schema",
        "tasks: {a: 1}, a mapping instead of a list",
        lambda text: (
            text[: text.index("\ntasks:\n")]
            + "\ntasks: {a: 1}\n"
            + text[text.index("\ndeadlines:\n") :]
        ),
        [("PL103", "tasks: {a: 1}")],
    ),
    Case(
        "progress-a-number",
        "schema",
        "an issue's progress: 7 instead of a list of notes",
        sub(
            "    progress:\n      - {date: 2026-03-06, note: 签约完成210户}\n"
            "      - {date: 2026-03-14, note: 300户全部签约，腾空完成280户}\n",
            "    progress: 7\n",
        ),
        [("PL103", "progress: 7")],
    ),
    Case(
        "escaped-escape-in-title",
        "reading",
        "an ESC written as a double-quoted escape in an issue's title",
        sub("    title: 厂区周边300户居民征迁\n", '    title: "厂区周边\\e[31m300户居民征迁"\n'),
        [("PL007", "厂区周边\\e[31m")],
    ),
    Case(
        "direction-override-in-description",
        "reading",
        "a raw U+202E (right-to-left override) pasted into the description",
        sub(DESCRIPTION, "description: 建设绿色低碳\u202e精品钢生产线。\n"),
        [("PL007", "description: 建设绿色低碳")],
    ),
    Case(
        "backslash-in-plain-text",
        "reading",
        "a backslash in plain text is text (a Windows path in the description)",
        sub(DESCRIPTION, "description: 资料见 D:\\台账\\new\\tmp 目录。\n"),
        [],
    ),
]
SUFFIX = {"Bad Name": ".yaml"}
EXTRA_FILES = [
    # x.yml: a valid project whose only fault is the .yml extension.
    Case("x", "file-name", "the .yml extension", None, [("PL014", "")]),
]


def line_of(text: str, marker: str) -> int:
    if not marker:
        return 1
    hits = [n for n, line in enumerate(text.split("\n"), 1) if marker in line]
    assert len(hits) == 1, f"marker {marker!r} is on lines {hits}"
    return hits[0]


def main() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    projects = BAD / "projects"
    projects.mkdir(parents=True, exist_ok=True)
    for old in projects.iterdir():
        old.unlink()
    manifest = []
    for serial, case in enumerate([*CASES, *EXTRA_FILES], 1):
        suffix = ".yml" if case in EXTRA_FILES else SUFFIX.get(case.file, ".yaml")
        name = case.file + suffix
        if case.text is not None:
            text = case.text
        else:
            text = unique(sample, case.id or case.file, serial, case.code_serial)
            if case.edit is not None:
                edited = case.edit(text)
                assert edited != text
                text = edited
        (projects / name).write_text(text, encoding="utf-8", newline="\n")
        manifest.append(
            {
                "file": name,
                "kind": case.kind,
                "what": case.what,
                "expect": [{"code": c, "line": line_of(text, m)} for c, m in case.expect],
                **({"also": case.also} if case.also else {}),
            }
        )
    write_manifest(manifest)


def write_manifest(manifest: list[dict[str, object]]) -> None:
    out = [
        "# The committed bad-input corpus: one entry per file in projects/ (written by",
        "# tests/corpus/make_bad_corpus.py). `expect`: each code must be reported for the file",
        "# on that line (1-based); no other code may be reported for it except those in `also`.",
        "# An empty `expect` means the file must have no finding at all.",
        "cases:",
    ]
    for entry in manifest:
        out.append(f"  - file: {quote(str(entry['file']))}")
        out.append(f"    kind: {entry['kind']}")
        out.append(f"    what: {quote(str(entry['what']))}")
        expect = entry["expect"]
        assert isinstance(expect, list)
        if not expect:
            out.append("    expect: []")
        else:
            out.append("    expect:")
            out.extend(f"      - {{code: {e['code']}, line: {e['line']}}}" for e in expect)
        also = entry.get("also", [])
        assert isinstance(also, list)
        if also:
            out.append("    also:")
            out.extend(f"      - {quote(reason)}" for reason in also)
    (BAD / "cases.yaml").write_text("\n".join(out) + "\n", encoding="utf-8", newline="\n")


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


if __name__ == "__main__":
    main()
