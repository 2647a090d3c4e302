"""PL303, a rule across files: a retired duplicate (`retire --duplicate-of`) names the
real project, one the ledger has, not itself and not another retired duplicate. Only
then is it exempt from PL301 and PL302 with a reason a reader can follow: the project it
shares its code and name with is the one counted."""

from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

from projledger.check.entries import ProjectSummary
from projledger.findings import Finding
from projledger.messages import msg

LOC = ("retirement", "duplicate_of")


def duplicate_of_findings(
    summaries: Mapping[Path, ProjectSummary],
    present: Collection[str],
    shown: Callable[[Path], str],
) -> Iterator[tuple[Path, Finding]]:
    """Each duplicate's finding (and, for a chain, the middle project's too, so a change
    that makes a project a duplicate of another while a third names it is refused).
    `present`: the project ids (file names) of the root, readable or not."""
    by_id = {path.stem: (path, summary) for path, summary in summaries.items()}
    for path, summary in summaries.items():
        real = summary.duplicate_of
        if real is None:
            continue
        if real == path.stem:
            yield path, Finding.of("PL303", msg("PL303.itself", real=real), shown(path), LOC)
            continue
        if real not in present:
            yield path, Finding.of("PL303", msg("PL303.missing", real=real), shown(path), LOC)
            continue
        other_path, other = by_id.get(real, (None, None))
        if other_path is None or other is None or other.duplicate_of is None:
            continue
        further = other.duplicate_of
        if further == path.stem:
            # Each of the two reports the other, from its own side of the loop.
            yield path, Finding.of("PL303", msg("PL303.cycle", real=real), shown(path), LOC)
            continue
        chain = msg("PL303.chain", real=real, further=further)
        yield path, Finding.of("PL303", chain, shown(path), LOC)
        named = msg("PL303.named_by", duplicate=path.stem, further=further)
        yield other_path, Finding.of("PL303", named, shown(other_path), LOC)
