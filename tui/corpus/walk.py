"""Finding a corpus's files: which folders are entered, which links are followed, each file's id.

The rules (README, "Files, folders and ids"):
- A folder is walked without recursion (nesting has no depth limit but the system's path length),
  files before sub-folders, each in name order; names starting with a dot are left out.
- A folder that cannot be listed (no permission, a path too long) is a report entry, not a silence.
- A symbolic link is followed when what it leads to is inside the corpus root (the folder named,
  its links resolved); a link leading outside is a report entry, "link not followed". Linked
  folders are walked after the real tree, and each real folder once: a link to a folder already
  read (a link cycle, or a second way into the same folder) is a report entry too.
- A file or folder named on the command line is read wherever it is: the user chose it.
- An article's id is its path below the corpus root, without the extension, with `/` between
  folders (`business/001`); a file named on its own has its name without the extension. A JSON
  record's own "id" is kept. An id met twice gets `~2`, `~3`... in load order.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TypeGuard

from . import formats
from .lazy_sequence import ListEqual, MadeOnRead
from .models import LoadProblem, LoadReason, LoadReport
from .parsing.parse import collector_paused

_URL_STARTS = ("http://", "https://")
JOINED_BY = "\0"  # in no path or id (no file name, and no command-line argument, holds one)
_DOUBLE_EXTENSIONS = (".warc.gz",)  # an id drops both: crawl.warc.gz -> crawl
CLASH_MARK = "~"  # business/001~2: the second article that wanted the id business/001


class IdBook:
    """The ids given so far in one load; a wanted id already given gets the next free suffix."""

    def __init__(self) -> None:
        # A dict of strings, not a set: out of the cyclic collector's sight (`FoundFiles`).
        self.taken: dict[str, None] = {}
        self.next_suffix: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        if wanted not in self.taken:
            self.taken[wanted] = None
            return wanted
        suffix = self.next_suffix.get(wanted, 2)
        while f"{wanted}{CLASH_MARK}{suffix}" in self.taken:
            suffix += 1
        self.next_suffix[wanted] = suffix + 1
        unique = f"{wanted}{CLASH_MARK}{suffix}"
        self.taken[unique] = None
        return unique


def _found_file(path: str, article_id: str) -> FoundFile:
    found = FoundFile(path)
    found.article_id = article_id
    return found


class FoundFile(type(Path())):  # type: ignore[misc]
    """A path to read, with the id its article gets (for a JSON file: the stem of its rows' ids)
    and the load's id book (JSON records claim their ids when the file is read, in load order).
    It is a Path, so whatever takes paths (the cache's fingerprint, the workers) takes it."""

    article_id: str = ""
    ids: IdBook | None = None
    url: str = ""  # a feed URL named on the command line: fetched, not opened (the path is a stand-in)

    def __reduce__(self):  # the workers get the path and the id, not the whole id book
        return _found_file, (str(self), self.article_id)


_Named = tuple[str, str, bool]  # a file found (its path as text), the id it wants, and whether it is a container


class JoinedStrings(ListEqual[str], MadeOnRead[str]):
    """Strings without a NUL (paths, ids) held as one string and where each one starts: a million
    of them are two objects, not a list of a million the collector walks at every collection."""

    __slots__ = ("_joined", "_starts")

    def __init__(self, items: Sequence[str]) -> None:
        self._joined = JOINED_BY.join(items)
        self._starts = array("q", accumulate((len(item) + 1 for item in items), initial=0))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _item(self, at: int) -> str:
        return self._joined[self._starts[at] : self._starts[at + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined.split(JOINED_BY) if len(self) else ())


class FoundFiles(MadeOnRead[FoundFile]):
    """The files of a load in load order: each path's text and id, made a FoundFile (a Path) when
    asked for. A warm open reads only the texts (the cache's fingerprint): a million pathlib
    objects take seconds to make, and only a parse needs them.

    The texts and ids are kept as one string each (`JoinedStrings`) and the book's ids as a dict
    of strings: nothing the cyclic collector walks. Kept as lists and a set for the session's life, a million
    files' were walked by every collection that reached them: 80-190 ms in the middle of a
    keystroke at a million articles. The walk itself runs with the collector paused (`find_files`)."""

    def __init__(
        self, texts: Sequence[str], ids: Sequence[str], book: IdBook, urls: dict[int, str] | None = None
    ) -> None:
        self.texts, self.ids = JoinedStrings(texts), JoinedStrings(ids)
        self.book, self.urls = book, urls or {}

    def __len__(self) -> int:
        return len(self.texts)

    def _item(self, at: int) -> FoundFile:
        found = FoundFile(self.texts[at])
        found.article_id, found.ids = self.ids[at], self.book
        url = self.urls.get(at) if self.urls else None
        if url is not None:
            found.url = url
        return found

    def __iter__(self) -> Iterator[FoundFile]:
        return map(self._item, range(len(self.texts)))


@dataclass
class _Walk:
    root: Path
    real_root: str
    report: LoadReport
    found: list[_Named] = field(default_factory=list)
    seen: set[tuple[int, int]] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (link path, id prefix)

    def problem(self, path: str, reason: str, detail: str = "") -> None:
        self.report.problems.append(LoadProblem(path=path, reason=reason, detail=detail))  # type: ignore[arg-type]

    def run(self) -> list[_Named]:
        self.enter(os.fspath(self.root), "")
        while self.links:  # linked folders, after the real tree, each real folder once
            link, prefix = self.links.pop(0)
            try:
                info = os.stat(link)
            except OSError as error:
                self.problem(link, "unreadable", error.strerror or type(error).__name__)
                continue
            if (info.st_dev, info.st_ino) in self.seen:
                self.problem(link, "link not followed", "it leads to a folder read already")
                continue
            self.enter(link, prefix)
        return self.found

    def enter(self, top: str, top_prefix: str) -> None:
        """Walk a folder and everything really below it, depth first, without recursion. Each
        entry is looked at through what the listing says of it (its kind, without a system call
        where the file system gives it) and kept as text: a million files are seen in a second."""
        stack = [(top, top_prefix)]
        found = self.found
        while stack:
            folder, prefix = stack.pop()
            try:
                info = os.stat(folder)
                self.seen.add((info.st_dev, info.st_ino))
                with os.scandir(folder) as listing:
                    entries = [e for e in listing if not e.name.startswith(".")]
            except OSError as error:
                self.problem(folder, "unreadable", f"folder: {error.strerror or type(error).__name__}")
                continue
            entries.sort(key=_name)
            folders = []
            base = _child_prefix(folder)
            for entry in entries:
                name = entry.name
                if _is_link(entry):
                    self.link(base + name, prefix + name)
                elif _is_dir(entry):
                    folders.append((base + name, f"{prefix}{name}/"))
                else:
                    found.append((base + name, prefix + _stem(name), _is_container_name(name)))
            stack.extend(reversed(folders))

    def link(self, path: str, relative: str) -> None:
        target = os.path.realpath(path)
        if not _inside(target, self.real_root):
            self.problem(path, "link not followed", f"it leads outside the corpus, to {target}")
            return
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError:
            self.problem(path, "not found", f"a link to nothing ({target})")
            return
        if is_folder:
            self.links.append((path, relative + "/"))
        else:
            self.found.append((path, _without_extension(relative), _is_container_name(relative)))


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _child_prefix(folder: str) -> str:
    """What a listed name is appended to, to make its path as pathlib writes it: the folder and a
    separator (`.` has none: `./a` is `a`)."""
    return "" if folder == os.curdir else folder if folder.endswith(os.sep) else folder + os.sep


def _stem(name: str) -> str:
    """A listed name without its extension, as `_without_extension` has it for the last part
    (quicker: it is asked of every file of a walk)."""
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1:
        return name
    if name[dot:].lower() == ".gz":
        return _without_extension(name)  # crawl.warc.gz -> crawl
    return name[:dot]


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False  # read as a file or folder: its error goes into the report there


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False  # read as a file: its error goes into the report there


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _without_extension(relative: str) -> str:
    """`business/001.txt` -> `business/001`; the last part loses its extension as `Path.stem` does
    (`a.` and `.profile` keep theirs), so a flat folder's ids are its files' stems."""
    if relative.lower().endswith(_DOUBLE_EXTENSIONS) and "/" not in relative[-len(".warc.gz") :]:
        relative = relative[: -len(".gz")]  # crawl.warc.gz -> crawl.warc, then -> crawl below
    dot = relative.rfind(".")
    if dot > 0 and dot < len(relative) - 1 and relative[dot - 1] != "/" and "/" not in relative[dot:]:
        return relative[:dot]
    return relative


def find_files(paths: Iterable[str | Path], report: LoadReport) -> FoundFiles:
    """Every file named or found below a folder named, in load order, each with its article id;
    what cannot be walked goes into `report` (see the module note for the rules). The collector is
    paused meanwhile: a million files' lists, made and dropped here, are nothing for it to walk."""
    with collector_paused():
        return _found_files(paths, report)


def _found_files(paths: Iterable[str | Path], report: LoadReport) -> FoundFiles:
    named: list[_Named] = []
    urls: dict[int, str] = {}
    for raw in paths:
        if is_url(raw):
            urls[len(named)] = raw
            named.append(_url_file(raw))
            continue
        path = Path(raw)
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as error:
            missing = isinstance(error, FileNotFoundError)
            detail = "a link to nothing" if missing and os.path.islink(path) else ""
            reason: LoadReason = "not found" if missing else "unreadable"
            report.problems.append(
                LoadProblem(path=str(path), reason=reason, detail=detail or ("" if missing else error.strerror or ""))
            )
            continue
        if not is_folder:
            named.append((str(path), _without_extension(path.name), is_container(path)))
            continue
        before = len(report.problems)
        walked = _Walk(path, os.path.realpath(path), report).run()
        if not walked and len(report.problems) == before:
            report.problems.append(LoadProblem(path=str(path), reason="empty", detail="no files in this folder"))
        named.extend(walked)
    return _with_ids(named, urls)


def _url_file(url: str) -> _Named:
    """A feed URL as a file to read: a path of its own (not one on disk: it cannot be looked at,
    so a load with a URL has no cache entry) and the id its items hang from."""
    from .formats.feeds import url_file_id

    return str(FoundFile(url)), url_file_id(url), True


def is_url(path: str | Path) -> TypeGuard[str]:
    """An http(s) URL named on the command line (a string: a Path has lost its `//`)."""
    return isinstance(path, str) and path[:8].lower().startswith(_URL_STARTS) and formats.is_feed_url(path)


def _with_ids(named: list[_Named], urls: dict[int, str]) -> FoundFiles:
    """Each file with its id: first every id wanted once is given, then the clashes their
    suffixes, so a file really named `001~2.txt` keeps its name. Containers (JSON, feeds...) are not
    articles: their rows claim ids (from the same book) when they are read."""
    book = IdBook()
    texts = [text for text, _, _ in named]
    ids = [wanted for _, wanted, _ in named]
    articles = [wanted for _, wanted, container in named if not container]
    book.taken = dict.fromkeys(articles)
    if len(book.taken) == len(articles):
        return FoundFiles(texts, ids, book, urls)  # no id wanted twice: the usual folder of articles
    book.taken = {}
    clashes = []
    for number, (_, wanted, container) in enumerate(named):
        if not container:
            if wanted in book.taken:
                clashes.append(number)
            else:
                book.claim(wanted)
    for number in clashes:
        ids[number] = book.claim(ids[number])
    return FoundFiles(texts, ids, book, urls)


JSON_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
# Files that may hold many articles (JSON, feeds, web archives, Parquet, SQLite): their items claim
# ids (`<file id>#<n>`, or a record's own) when the file is read, in load order; the file claims none.
CONTAINER_SUFFIXES = (
    *JSON_SUFFIXES,
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
    ".parquet",
    ".db",
    ".sqlite",
    ".sqlite3",
)


def is_container(path: str | Path) -> bool:
    """A feed URL, or a file that may hold many articles (see CONTAINER_SUFFIXES)."""
    return bool(getattr(path, "url", "")) or _is_container_name(str(path))


def _is_container_name(name: str) -> bool:
    return name.lower().endswith(CONTAINER_SUFFIXES)
