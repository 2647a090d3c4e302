"""`import --declare`: units and people the sheet names and projledger.yaml does not,
added to the config in the import's own commit."""

from dataclasses import dataclass

from projledger.errors import ProjledgerError
from projledger.messages import composed, msg
from projledger.model.config import Config
from projledger.root import LedgerRoot


@dataclass
class Declared:
    text: str
    old_text: str
    config: Config


def declare(root: LedgerRoot, units: list[str], people: list[tuple[str, str]]) -> Declared:
    """The config with `units` and `people` ((name, unit)) appended, checked."""
    from projledger.changes.yamledit import append
    from projledger.check.files import check_config_bytes
    from projledger.store.document import load_document

    document = load_document(root.config_file)
    data = document.data
    for unit in units:
        append(data["units"], {"name": unit})
    if people:
        if data.get("people") is None:
            from ruamel.yaml.comments import CommentedSeq

            data["people"] = CommentedSeq()
        for name, unit in people:
            append(data["people"], {"name": name, "unit": unit})
    text = document.dumps()
    checked = check_config_bytes(text.encode("utf-8"), root.config_file.name)
    if checked.config is None or checked.errors:
        first = checked.errors[0] if checked.errors else msg("excel.refused.declare_unreadable")
        raise ProjledgerError(composed("excel.refused.declare", first=first))
    return Declared(text, document.text, checked.config)
