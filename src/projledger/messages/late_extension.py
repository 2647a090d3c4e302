"""Messages of the late extension (逾期后延期) and the monthly narrative's funding names."""

from projledger.messages.entry import Entry

ENTRIES: dict[str, Entry] = {
    "late_extension.label": Entry("逾期后延期", "Extended after due"),
    "late_extension.line": Entry(
        "{due} 到期，逾期{days}天后延期至{new_due}",
        "due {due}, extended to {new_due} after {days} days overdue",
    ),
    # a source named 其他 alone reads as "the others" in a sentence: say 其他来源 there
    "narrative.elements.source_other": Entry("其他来源", "other sources"),
}
