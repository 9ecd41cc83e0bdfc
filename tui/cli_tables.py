"""The `quotes` and `people` commands' output: an aligned table for reading, CSV for a spreadsheet or
pandas (UTF-8, with a byte-order mark when `--excel` asks for one), JSON Lines for scripts."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from . import corpus
from .safe_text import visible

TABLE_FORMATS = ("table", "csv", "jsonl")
TABLE_CELL = 60  # characters of a cell in `table`, the rest elided
BOM = "\ufeff"


def write_rows(out: TextIO, rows: list[dict], columns: Sequence[str], fmt: str, excel: bool = False,
               genders: dict[str, int] | None = None) -> None:  # fmt: skip
    """Rows in one of TABLE_FORMATS; `genders` ends a table with the women/men/unknown shares."""
    if fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif fmt == "csv":
        if excel:
            out.write(BOM)
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(out, rows, columns)
        if genders is not None:
            out.write(f"\n{corpus.shares_line(genders)}\n")


def _cell(value: object) -> str:
    text = " ".join(visible(str(value)).split())
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


def _table(out: TextIO, rows: list[dict], columns: Sequence[str]) -> None:
    cells = [[_cell(row[column]) for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    numeric = [all(isinstance(row[column], int) for row in rows) and rows for column in columns]
    for line in [list(columns), *cells]:
        parts = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(line, widths, numeric, strict=True)
        ]
        out.write("  ".join(parts).rstrip() + "\n")
