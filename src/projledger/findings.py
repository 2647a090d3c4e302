"""Findings: the checker's output. Each has a stable code registered here, once.

Codes never change meaning; retired codes are not reused. The README's table of codes is
checked against this registry by a test.
"""

from dataclasses import dataclass, field, replace
from enum import StrEnum

from projledger.messages import Lang, Message, text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str
    """What the code means, for the README and `--format json` consumers."""


E, W = Severity.ERROR, Severity.WARNING

# The one registry of codes (a tuple: nothing can append to it at run time).
CODES: tuple[Code, ...] = (
    # Reading the file.
    Code("PL001", E, "file cannot be read"),
    Code("PL002", E, "file too large"),
    Code("PL003", E, "file is not valid UTF-8"),
    Code("PL004", E, "file starts with a byte-order mark"),
    Code("PL005", E, "file has CRLF line ends"),
    Code("PL006", E, "file is empty"),
    Code("PL007", E, "YAML syntax error"),
    Code("PL008", E, "duplicate key"),
    Code("PL009", E, "YAML tag not allowed"),
    Code("PL010", E, "YAML anchor or alias not allowed"),
    Code("PL011", E, "more than one YAML document"),
    Code("PL012", E, "invalid date"),
    Code("PL013", E, "symbolic link not allowed"),
    Code("PL014", E, "file name is not a valid project id"),
    Code("PL015", W, "schema header missing or wrong"),
    Code("PL016", E, "merge-conflict markers left in the file"),
    Code("PL017", E, "YAML version directive other than 1.2"),
    Code("PL018", E, "YAML merge key not allowed"),
    Code("PL019", E, "merge conflict recorded by the merge driver"),
    # The schema.
    Code("PL100", E, "top level is not a mapping"),
    Code("PL101", E, "required field missing"),
    Code("PL102", E, "unknown field"),
    Code("PL103", E, "wrong type"),
    Code("PL104", E, "value not allowed"),
    Code("PL105", E, "unsupported schema_version"),
    # Rules within a project.
    Code("PL200", E, "project id does not match the file name"),
    Code("PL201", E, "duplicate item id"),
    Code("PL202", E, "deadline target does not exist"),
    Code("PL203", E, "more than one deadline for one target"),
    Code("PL204", E, "not exactly one lead leader (包抓领导)"),
    Code("PL205", E, "owner has no entry in the responsibilities list"),
    Code("PL206", E, "unit not declared in projledger.yaml"),
    Code("PL207", E, "person not declared in projledger.yaml"),
    Code("PL208", E, "stage not declared in projledger.yaml"),
    Code("PL209", E, "dates out of order"),
    Code("PL210", E, "assigned issue lacks owner or deadline"),
    Code("PL211", E, "issue awaiting verification lacks its verification record"),
    Code("PL212", E, "closed issue lacks its closure record (销号)"),
    Code("PL213", E, "withdrawn issue lacks its withdrawal record"),
    Code("PL214", E, "record does not match the issue's state"),
    Code("PL215", E, "completed task lacks completion date or evidence"),
    Code("PL216", E, "retired project lacks its retirement record, or has one while not retired"),
    Code("PL217", W, "maturity (A/B/C) missing for, or given to, a project not under negotiation"),
    Code("PL218", E, "completed approval lacks its date"),
    Code("PL219", W, "completed approval lacks its permit number"),
    Code("PL220", W, "investment figures inconsistent"),
    Code("PL221", W, "amount received or supplied exceeds what was planned or needed"),
    Code("PL222", W, "monthly plan does not add up to this year's plan"),
    Code("PL223", E, "responsibility names neither a unit nor a person"),
    Code("PL224", W, "figure implausible"),
    Code("PL225", W, "started (开工) without a construction permit (施工许可)"),
    Code("PL226", E, "investment figure is not the latest of its series (数据期)"),
    Code("PL230", E, "issue closed (销号) by its own responsible person or unit"),
    Code("PL231", E, "extension not approved by the 包抓领导 or a configured approver"),
    # Across files.
    Code("PL300", E, "duplicate project id"),
    Code("PL301", E, "duplicate national project code"),
    Code("PL302", W, "duplicate project name"),
    Code("PL303", E, "retired duplicate names no project, itself or another retired duplicate"),
    # The configuration.
    Code("PL400", E, "ledger root has no valid projledger.yaml"),
    Code("PL401", E, "duplicate declaration in projledger.yaml"),
    Code("PL402", E, "person's unit not declared"),
    Code("PL403", E, "red threshold below yellow threshold"),
    Code("PL404", E, "member lacks what its role needs, or names an undeclared unit or person"),
    # History rules (`projledger audit`): how the ledger changed between two commits.
    Code("PL500", E, "project file deleted"),
    Code("PL501", E, "item deleted"),
    Code("PL502", E, "item id reused"),
    Code("PL503", E, "closed issue (已销号) changed without a recorded return"),
    Code("PL504", E, "deadline's due date changed"),
    Code("PL505", E, "deadline extension edited or removed"),
    Code("PL506", E, "deadline extended after its target was closed"),
    # Authority (the config's `members`): who may change what.
    Code("PL510", E, "commit by an author who is not a member"),
    Code("PL511", E, "change to an item of another unit or task force"),
    Code("PL512", E, "change the author's role does not allow"),
    Code("PL513", E, "issue closed (销号) by someone who is not a verifier"),
    Code("PL514", E, "issue returned (退回) by someone who is not a verifier"),
    Code("PL515", E, "deadline extended by someone who is not an approver"),
    Code("PL516", E, "projledger.yaml changed by someone who is not an administrator"),
)

CODE_BY_ID: dict[str, Code] = {c.code: c for c in CODES}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file. `loc` is the path to the value inside the YAML document;
    `line`/`col` (1-based) are filled in from it by a second, exact pass over the file."""

    code: str
    message: str
    file: str
    loc: tuple[str | int, ...] = ()
    line: int | None = None
    col: int | None = None
    severity: Severity = field(default=Severity.ERROR)
    key: str = ""
    """The message's catalogue key (`projledger.messages`), when it has one: then `text`
    renders it in either language; `message` is its English."""
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls,
        code: str,
        message: "str | Message",
        file: str,
        loc: tuple[str | int, ...] = (),
        *,
        line: int | None = None,
        col: int | None = None,
    ) -> "Finding":
        severity = CODE_BY_ID[code].severity
        if isinstance(message, Message):
            english = message.render("en")
            return cls(code, english, file, loc, line, col, severity, message.key, message.args)
        return cls(code, message, file, loc, line, col, severity)

    def text(self, lang: Lang) -> str:
        """The message in `lang` (English when it has no catalogue entry yet)."""
        if self.key and lang != "en":
            return Message(self.key, self.args).render(lang)
        return self.message

    def render(self, lang: Lang) -> str:
        """The message in `lang`: a finding is `Renderable`, so a message may quote it
        (`messages.composed`) and have it said in the language the whole is shown in."""
        return self.text(lang)

    def listed(self, lang: Lang) -> str:
        """The finding as a line of a refusal's list: `  file:line: code message`."""
        return f"  {self.file}:{self.line or 1}: {self.code} {self.text(lang)}"

    def at(self, line: int | None, col: int | None) -> "Finding":
        return replace(self, line=line, col=col)

    def strict(self) -> "Finding":
        return replace(self, severity=Severity.ERROR)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.col or 0, self.code)


@dataclass(frozen=True, slots=True)
class Quoting:
    """A message that quotes findings (a change refused for its file's findings), said in
    the run's language with the findings in it: raise a `ProjledgerError` with it. Its
    template gets `place` and `code` of the first finding, `finding` (its message) and
    `findings` (every finding as `Finding.listed` gives it), beside `args`."""

    key: str
    findings: tuple[Finding, ...]
    args: tuple[tuple[str, str], ...] = ()

    def render(self, lang: Lang) -> str:
        first = self.findings[0]
        return text(
            self.key,
            lang,
            place=f"{first.file}:{first.line or 1}:{first.col or 1}",
            code=first.code,
            finding=first.text(lang),
            findings="\n".join(f.listed(lang) for f in self.findings),
            **dict(self.args),
        )

    def __str__(self) -> str:
        return self.render("en")


def display_loc(loc: tuple[str | int, ...]) -> str:
    """issues[1].closure.date"""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
