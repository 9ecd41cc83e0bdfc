"""Corrections a user makes to who is who: a small TOML file, read at load and applied after
parsing (so a cached parse stays valid and a re-parse keeps them).

    # article-explorer people corrections
    [merge]              # this name is that person
    "A. Lee" = "Ann Lee"
    [rename]             # show this person under another name
    "Ann Le" = "Ann Lee"
    [gender]             # female, male or unknown
    "Ann Lee" = "female"
    [not_person]         # names that are not people (quotes stay, the person goes)
    names = ["Acme Street"]

Names are matched folded (case and accents do not matter).
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir

from .index.keys import name_key

APP_NAME = "article-explorer"
FILE_NAME = "people.toml"
GENDERS = ("female", "male", "unknown")


class CorrectionsError(ValueError):
    """A corrections file that cannot be read, with a one-line reason."""


@dataclass
class Corrections:
    merge: dict[str, str] = field(default_factory=dict)  # name -> the name of the person it is
    rename: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    not_person: list[str] = field(default_factory=list)
    path: Path | None = None  # where `save` writes

    # -- as the resolver uses them ----------------------------------------------------------

    def target(self, key: str) -> str:
        """The folded name a folded name is merged into or renamed to (itself when neither)."""
        seen = {key}
        merges = {name_key(a): name_key(b) for a, b in {**self.merge, **self.rename}.items()}
        while key in merges and merges[key] not in seen:  # a chain of merges, never a loop
            key = merges[key]
            seen.add(key)
        return key

    def display(self, key: str) -> str | None:
        """The name to show for a folded name, when a rename or merge gives one."""
        for name in (*self.rename.values(), *self.merge.values()):
            if name_key(name) == key:
                return name
        return None

    def gender_of(self, key: str) -> str | None:
        return next((g for name, g in self.gender.items() if name_key(name) == key), None)

    def is_person(self, key: str) -> bool:
        return key not in {name_key(name) for name in self.not_person}

    # -- reading and writing ----------------------------------------------------------------

    def to_toml(self) -> str:
        lines = ["# article-explorer people corrections (see the README)"]
        for table in ("merge", "rename", "gender"):
            entries: dict[str, str] = getattr(self, table)
            if entries:
                lines += ["", f"[{table}]", *(f"{_string(a)} = {_string(b)}" for a, b in entries.items())]
        if self.not_person:
            lines += ["", "[not_person]", f"names = [{', '.join(map(_string, self.not_person))}]"]
        return "\n".join(lines) + "\n"

    def save(self, path: Path | None = None) -> Path:
        """Write the file atomically (a temporary file renamed over it); raises OSError."""
        path = path or self.path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".people-", suffix=".toml", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(self.to_toml())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path


def _string(value: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def default_path() -> Path:
    return Path(user_config_dir(APP_NAME)) / FILE_NAME


def read_corrections(path: Path | None = None, *, required: bool = False) -> Corrections:
    """The corrections at `path` (or the default file); none when the default file is absent.
    Raises CorrectionsError for a file that is not valid, or a given file that is missing."""
    where = path or default_path()
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if required:
            raise CorrectionsError(f"{where}: no such file") from None
        return Corrections(path=where)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CorrectionsError(f"{where}: {error}") from None
    return Corrections(
        merge=_table(data, "merge", where), rename=_table(data, "rename", where),
        gender=_genders(_table(data, "gender", where), where),
        not_person=_names(data.get("not_person", {}), where), path=where,
    )  # fmt: skip


def _table(data: dict, name: str, where: Path) -> dict[str, str]:
    table = data.get(name, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise CorrectionsError(f"{where}: [{name}] must map names to names")
    return dict(table)


def _genders(table: dict[str, str], where: Path) -> dict[str, str]:
    wrong = [value for value in table.values() if value not in GENDERS]
    if wrong:
        raise CorrectionsError(f"{where}: gender {wrong[0]!r} is not one of {', '.join(GENDERS)}")
    return table


def _names(table: object, where: Path) -> list[str]:
    names = table.get("names", []) if isinstance(table, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise CorrectionsError(f"{where}: [not_person] names must be a list of names")
    return names
