"""Id and code formats. Kept free of pydantic so the fast paths of `check` need not import it."""

import re

# A project id is also its file name, so it is kept to what every file system and URL
# accepts unchanged: lower-case ASCII letters, digits and hyphens (pinyin, e.g. laiwu-gang).
PROJECT_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"

# Item ids: a one-letter list prefix and a random suffix, so that two clones adding items
# do not collide (README, "Ids"). projledger makes 6 Crockford base32 characters; people
# writing ids by hand may use 4-12 of 0-9A-Z.
ITEM_ID_SUFFIX = r"[0-9A-Z]{4,12}"
ISSUE_ID_PATTERN = rf"^I-{ITEM_ID_SUFFIX}$"
TASK_ID_PATTERN = rf"^T-{ITEM_ID_SUFFIX}$"
RESPONSIBILITY_ID_PATTERN = rf"^R-{ITEM_ID_SUFFIX}$"
DEADLINE_ID_PATTERN = rf"^D-{ITEM_ID_SUFFIX}$"

# 投资项目统一代码 (GB/T 40058-2021): year-region-industry-type-serial, 24 characters.
PROJECT_CODE_PATTERN = r"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$"

PROJECT_ID_RE = re.compile(PROJECT_ID_PATTERN)
