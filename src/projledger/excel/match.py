"""The projects a ledger has, to match imported rows to: by id, by national code, then by
name (DOMAIN.md: "match rows to projects on the national project code, then on the
name"). Read through the reports' facts cache, so a second import of a large ledger
parses no file."""

from dataclasses import dataclass, field

from projledger.root import LedgerRoot


@dataclass
class Existing:
    ids: set[str] = field(default_factory=set)
    """Every project file's id, valid or not (a new id must not take one)."""
    by_code: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)
    invalid: list[str] = field(default_factory=list)
    """Files `check` fails: not matched (a row for one of them would make a second)."""

    def match(self, project_id: str | None, code: str | None, name: str | None) -> str | None:
        if project_id and project_id in self.ids:
            return project_id
        if code and code in self.by_code:
            return self.by_code[code]
        if name and len(self.by_name.get(name, [])) == 1:
            return self.by_name[name][0]
        return None


def existing_projects(root: LedgerRoot) -> Existing:
    from projledger.ledger.facts_cache import FACTS, load_view

    ledger = load_view(root, FACTS)
    existing = Existing(invalid=list(ledger.invalid))
    existing.ids = {p.stem for p in root.projects_dir.glob("*.yaml")}
    for project in ledger.projects.values():
        if project.code:
            existing.by_code[project.code] = project.id
        existing.by_name.setdefault(project.name, []).append(project.id)
    return existing
