#!/usr/bin/env python3
"""Writes the legacy-Excel (.xls) and OpenDocument (.ods) test workbooks in
tests/fixtures/tables/, with xlwt and odfpy (pip install xlwt odfpy): the app reads these
formats but does not write them, so the fixtures are made by the tools analysts' files come
from. The rows are the IAMC table of tests/spreadsheets.rs (`iamc_rows`), plus a sheet
`merged` whose Model cells are merged over two rows (refused)."""

import os

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

HEADER = ["Model", "Scenario", "Region", "Variable", "Unit", 2015, 2018, 2020]
ROWS = [
    ["MESSAGE", "高投入", "Inner Mongolia", "研发经费占GDP比重（R&D/GDP）", "%", 0.76, 1.1, 1.6],
    ["MESSAGE", "高投入", "Hohhot", "rd_intensity", "%", 1.2, None, 2.0],
    ["MESSAGE", "低投入", "China|Inner Mongolia", "R&D expenditure as share of GDP", "%", 0.76, 0.8, 0.9],
]
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "tables")


def write_xls(path):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("data")
    for r, row in enumerate([HEADER] + ROWS):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    merged = book.add_sheet("merged")
    for c, value in enumerate(HEADER):
        merged.write(0, c, value)
    merged.write_merge(1, 2, 0, 0, "MESSAGE")
    for r in (1, 2):
        for c, value in enumerate(ROWS[0][1:], start=1):
            merged.write(r, c, value)
    book.save(path)


def cell(value):
    if value is None:
        return TableCell()
    if isinstance(value, (int, float)):
        c = TableCell(valuetype="float", value=value)
        c.addElement(P(text=str(value)))
        return c
    c = TableCell(valuetype="string")
    c.addElement(P(text=value))
    return c


def write_ods(path):
    doc = OpenDocumentSpreadsheet()
    table = Table(name="data")
    for row in [HEADER] + ROWS:
        tr = TableRow()
        for value in row:
            tr.addElement(cell(value))
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_xls(os.path.join(OUT, "iamc.xls"))
    write_ods(os.path.join(OUT, "iamc.ods"))
