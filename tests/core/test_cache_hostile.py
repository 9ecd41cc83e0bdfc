"""A hostile cache folder: an entry edited behind the fingerprint's back, a FIFO or a device as an
entry, temporaries of killed writers, an entry cut short while open."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.helpers import SEEDS, cache_entry
from tui.corpus import cache as caching
from tui.corpus import load_corpus
from tui.corpus.entry_file import EntryFile
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport

ROOT = Path(__file__).resolve().parents[2]
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices, links and signals are POSIX")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(caching.ENV, str(folder))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)
    return folder


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:4]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def entry(folder, notices=None):
    files = list(iter_files([folder], LoadReport()))
    return caching.entry_for([folder], files, notices.append if notices is not None else None, min_bytes=0)


def test_an_edit_that_keeps_size_and_mtime_makes_the_entry_stale(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    target = sorted(corpus_folder.iterdir())[0]
    before = target.stat()
    data = bytearray(target.read_bytes())
    data[-2:-1] = b"X" if data[-2:-1] != b"X" else b"Y"  # same size
    target.write_bytes(bytes(data))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back
    assert target.stat().st_size == before.st_size and target.stat().st_mtime_ns == before.st_mtime_ns
    assert entry(corpus_folder).load() is None  # the change time gives it away


def test_a_file_replaced_by_another_of_the_same_size_and_times_is_stale(cache_dir, corpus_folder, monkeypatch):
    """The inode is in the fingerprint: a file swapped in by rename is not the file cached."""
    load_corpus(corpus_folder, cache=True, workers=1)
    fingerprint = entry(corpus_folder).fingerprint
    real_stat = os.stat

    def other_inode(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        fields = list(info)
        fields[1] += 1  # st_ino
        return os.stat_result(fields, {"st_mtime_ns": info.st_mtime_ns, "st_ctime_ns": info.st_ctime_ns})

    monkeypatch.setattr(caching.os, "stat", other_inode)
    assert entry(corpus_folder).fingerprint != fingerprint


def run_child(code: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
@needs_posix
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_an_entry_that_is_not_a_regular_file_is_passed_over(cache_dir, corpus_folder, kind):
    if kind == "dev-zero" and not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    done = run_child(f"""
        from tui.corpus import cache, load_corpus
        cache.MIN_BYTES = 0
        notices = []
        corpus = load_corpus({str(corpus_folder)!r}, cache=True, workers=1, notice=notices.append)
        print(len(corpus), notices[0])
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("4 cache entry") and "not a regular file" in done.stdout


def test_temporaries_of_dead_writers_are_removed_and_live_ones_kept(cache_dir, corpus_folder):
    cache_dir.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    host = caching._host()
    dead_one = cache_dir / f".tmp-{dead_pid}-{host}-abc123.cache"
    live_one = cache_dir / f".tmp-{os.getppid()}-{host}-def456.cache"
    other_host = cache_dir / f".tmp-{dead_pid}-otherhost-ghi789.cache"
    ancient = cache_dir / ".tmp-xyz.cache"  # an older name, without a writer
    for path in (dead_one, live_one, other_host, ancient):
        path.write_bytes(b"half an entry")
    day_ago = time.time() - caching.STALE_TEMP_SECONDS - 60
    os.utime(ancient, (day_ago, day_ago))
    load_corpus(corpus_folder, cache=True, workers=1)  # a save cleans up
    left = sorted(p.name for p in cache_dir.iterdir() if p.name.startswith(".tmp-"))
    assert left == sorted([live_one.name, other_host.name])
    assert len(list(cache_dir.glob("[!.]*.cache"))) == 1


def test_a_save_names_its_temporary_after_its_writer(cache_dir, corpus_folder, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(source, target):
        seen.append(Path(source).name)
        return real_replace(source, target)

    monkeypatch.setattr(caching.os, "replace", spy)
    load_corpus(corpus_folder, cache=True, workers=1)
    assert caching._TEMP_NAME.match(seen[0])[1] == str(os.getpid())


@needs_posix
def test_an_entry_cut_short_while_open_is_an_error_not_sigbus(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    done = run_child(f"""
        import os
        from tui.corpus import cache, load_corpus
        cache.MIN_BYTES = 0
        corpus = load_corpus({str(corpus_folder)!r}, cache=True, workers=1)
        assert not isinstance(corpus.articles.texts, list), "not from the cache"
        assert corpus.articles.texts[0]  # read from the entry
        os.truncate({str(path)!r}, 100)  # another program cuts the entry short
        try:
            corpus.articles.texts[len(corpus) - 1]
        except cache.CacheEntryChanged as error:
            print("changed:", error)
    """)
    assert done.returncode == 0, (done.returncode, done.stderr)  # -7 is SIGBUS
    assert done.stdout.startswith("changed: cache entry") and "cut short" in done.stdout


def append_to(path: Path) -> None:
    with path.open("ab") as other:
        other.write(b"written by another program")


def rewrite_in_place(path: Path) -> None:
    """The same byte written again at the same place, a second later: only the time changes."""
    before = path.stat()
    with path.open("r+b") as other:
        first = other.read(1)
        other.seek(0)
        other.write(first)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("write", [append_to, rewrite_in_place], ids=["appended", "rewritten in place"])
def test_an_entry_written_between_its_heads_check_and_its_unpickling_is_refused(
    cache_dir, corpus_folder, monkeypatch, write
):
    """The head's CRC is checked through one buffer, then the head is unpickled from the file:
    another program writing to the entry in between is seen, and nothing it wrote is kept."""
    load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    checked = caching.CacheEntry._head

    def checked_then_written(self, handle, opened):  # type: ignore[no-untyped-def]
        found = checked(self, handle, opened)
        write(path)  # in place, under the open handle
        return found

    monkeypatch.setattr(caching.CacheEntry, "_head", checked_then_written)
    opened = entry(corpus_folder)._open()
    assert opened is not None
    corpus, check = opened
    assert corpus == "rewritten by another program while it was read"
    assert not check.wait()  # the entry's own check sees it too


def test_an_entry_opened_without_pread_is_checked_after_its_unpickling(cache_dir, corpus_folder, monkeypatch):
    """Where reads at an offset are missing (Windows), the check starts after the unpickling, as
    its seeks would move the offset the unpickler reads from; with them, beside it."""
    from tui.corpus import entry_file as module

    saved = load_corpus(corpus_folder, cache=True, workers=1)
    order: list[str] = []
    start, load = caching.EntryCheck.start, caching._HeadReader.load
    monkeypatch.setattr(caching.EntryCheck, "start", lambda self: (order.append("check"), start(self))[1])
    monkeypatch.setattr(caching._HeadReader, "load", lambda self: (order.append("unpickle"), load(self))[1])
    for has_pread, expected in ((True, ["check", "unpickle"]), (False, ["unpickle", "check"])):
        order.clear()
        for holder in (caching, module):
            monkeypatch.setattr(holder, "HAS_PREAD", has_pread)
        monkeypatch.setattr(module, "HAS_PREADV", has_pread)
        opened = entry(corpus_folder)._open()
        assert opened is not None
        corpus, check = opened
        assert check.wait() and order == expected
        assert not isinstance(corpus, str)
        assert [article.text for article in corpus.articles] == [article.text for article in saved.articles]


def test_code_version_covers_sub_packages(tmp_path, monkeypatch):
    package = tmp_path / "corpus"
    (package / "parser").mkdir(parents=True)
    (package / "lexicon").mkdir()
    (package / "cache.py").write_text("# the module\n")
    (package / "parser" / "rules.py").write_text("A = 1\n")
    monkeypatch.setattr(caching, "__file__", str(package / "cache.py"))
    caching.code_version.cache_clear()
    try:
        first = caching.code_version()
        (package / "parser" / "rules.py").write_text("A = 2\n")
        caching.code_version.cache_clear()
        assert caching.code_version() != first
    finally:
        caching.code_version.cache_clear()


PAGE = 4096


def open_entry_file(path):
    with open(path, "rb") as handle:
        return EntryFile(handle.fileno(), path, os.fstat(handle.fileno()))


def test_an_entry_file_reads_slices_and_single_bytes(tmp_path):
    path = tmp_path / "entry.cache"
    path.write_bytes(b"abc" + b"x" * 3 * PAGE)
    entry_file = open_entry_file(path)  # its own descriptor: the one it was opened with is closed
    assert len(entry_file) == 3 + 3 * PAGE
    assert entry_file[0] == ord("a") and entry_file[-1] == ord("x") and entry_file[1:3] == b"bc"
    assert entry_file[2 * PAGE : 2 * PAGE + 2] == b"xx" and entry_file[5:5] == b""
    with pytest.raises(IndexError):
        entry_file[3 + 3 * PAGE]


@pytest.mark.parametrize("where", [slice(5, PAGE * 2), 2 * PAGE, -1, slice(PAGE, None), slice(0, 10)])
def test_an_entry_file_cut_short_refuses_every_read(tmp_path, where):
    """Even the bytes still there: once the file changed, none of it is trusted."""
    path = tmp_path / "entry.cache"
    path.write_bytes(b"x" * 3 * PAGE)
    entry_file = open_entry_file(path)
    assert entry_file[0:10] == b"x" * 10
    os.truncate(path, 10)
    with pytest.raises(caching.CacheEntryChanged) as raised:
        entry_file[where]
    assert raised.value.name == "entry.cache" and entry_file.changed
    with pytest.raises(caching.CacheEntryChanged):
        entry_file[0:1]


def test_an_entry_file_rewritten_in_place_to_the_same_size_is_refused(tmp_path):
    path = tmp_path / "entry.cache"
    path.write_bytes(b"x" * PAGE)
    before = path.stat()
    entry_file = open_entry_file(path)
    with open(path, "r+b") as handle:  # another program writes into it: same size, a new mtime
        handle.write(b"y")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    with pytest.raises(caching.CacheEntryChanged):
        entry_file[PAGE - 1]


def test_an_entry_file_read_without_pread_is_the_same(tmp_path, monkeypatch):
    """Where the system has no pread (Windows), a seek and a read under a lock."""
    from tui.corpus import entry_file as module

    monkeypatch.setattr(module, "HAS_PREAD", False)
    path = tmp_path / "entry.cache"
    path.write_bytes(bytes(range(256)) * 20)
    entry_file = open_entry_file(path)
    assert entry_file[300:303] == bytes([44, 45, 46]) and entry_file[-1] == 255
    os.truncate(path, 100)
    with pytest.raises(caching.CacheEntryChanged):
        entry_file[50:60]


def test_an_entry_changed_while_its_head_is_checked_is_passed_over_saying_so(cache_dir, corpus_folder, monkeypatch):
    load_corpus(corpus_folder, cache=True, workers=1)

    def changed_under_the_check(self, start, length, chunk):  # type: ignore[no-untyped-def]
        raise caching.CacheEntryChanged(self.path.name)

    monkeypatch.setattr(EntryFile, "crc32", changed_under_the_check)
    notices: list[str] = []
    assert entry(corpus_folder, notices)._open() is None
    why = "was cut short or rewritten by another program"
    assert notices == [f"cache entry {cache_entry(cache_dir).name} ignored ({why}): parsing again"]


def test_an_entry_cut_short_before_its_trailer_is_read_is_passed_over_saying_so(cache_dir, corpus_folder, monkeypatch):
    """The trailer is looked for where the entry ended when it was opened, not where it ends now."""
    load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    checked = caching.CacheEntry._head

    def cut_then_checked(self, handle, entry_file):  # type: ignore[no-untyped-def]
        os.truncate(path, path.stat().st_size // 2)
        return checked(self, handle, entry_file)

    monkeypatch.setattr(caching.CacheEntry, "_head", cut_then_checked)
    notices: list[str] = []
    assert entry(corpus_folder, notices)._open() is None
    why = "was cut short or rewritten by another program"
    assert notices == [f"cache entry {path.name} ignored ({why}): parsing again"]
