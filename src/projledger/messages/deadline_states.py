"""A deadline's state with its days, as `show` and `list` write it."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "deadline_state.overdue_days": E("逾期 {days} 天", "overdue {days} days"),
    "deadline_state.awaiting_days": E("待核验 {days} 天", "awaiting verification {days} days"),
    "deadline_state.overdue_submitted": E(
        "逾期 {days} 天（待核验 {waiting} 天）",
        "overdue {days} days (awaiting verification {waiting} days)",
    ),
}
