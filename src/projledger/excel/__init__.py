"""Excel in and out: 台账 workbooks imported into the ledger, the ledger and each unit's
items exported as workbooks, and units' filled-in workbooks imported back.

Reading (`workbook.py`, `xlsx_scan.py`) knows files and cells; `headers.py` and
`mapping.py` know what a column means; `rows.py` turns a 台账's rows into projects;
`ledger_format.py` is the exported ledger's layout, written by `write_ledger.py` and
read by `read_ledger.py`; `plan.py` matches what was read to the ledger and builds the
new files, `commit.py` writes them as one commit; `unit_*.py` are the units' round trip.
"""
