"""Report output formats: a module of its own so the command line can name them without
importing the report machinery."""

from enum import StrEnum


class ReportFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    HTML = "html"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    DOCX = "docx"
