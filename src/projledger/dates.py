"""Days as people type them: 2026-12-10, 2026/12/10, 2026.12.10, 2026年12月10日.

One reader for every place a person gives a date (options, prompts, imported sheets), so
they all accept the same forms and refuse a day that does not exist in the same words.
"""

import datetime as dt
import re

_DAY = re.compile(
    r"\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)\s*"
)

FORMS = "2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日"


class NotADayError(ValueError):
    """The text is not a day in one of `FORMS`, or names a day that does not exist."""


def parse_day(text: str) -> dt.date:
    match = _DAY.fullmatch(text)
    if match is None:
        raise NotADayError(f"{text!r} is not a date: write it as {FORMS}")
    year, month, day = match[1], match[2] or match[4], match[3] or match[5]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise NotADayError(
            f"{text.strip()} is not a day that exists (check the month's length)"
        ) from None
