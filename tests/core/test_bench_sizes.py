"""The per-size loop run.py and bench_views.py share (benchmarks/sizes.py)."""

from __future__ import annotations

import importlib.util

from tests.helpers import ROOT


def bench_sizes_function():
    spec = importlib.util.spec_from_file_location("bench_sizes", ROOT / "benchmarks" / "sizes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.bench_sizes


def test_each_size_is_benchmarked_in_turn_in_its_own_kept_folder(tmp_path, capsys):
    seen = []

    def bench(size, folder):
        seen.append((size, folder, folder.is_dir()))
        return {"size": size}

    results = bench_sizes_function()("100, 2000,", tmp_path / "keep", bench)
    assert results == [{"size": 100}, {"size": 2000}]
    assert seen == [(100, tmp_path / "keep" / "100", True), (2000, tmp_path / "keep" / "2000", True)]
    assert capsys.readouterr().out == "100 articles:\n2,000 articles:\n"


def test_without_keep_no_folder_is_made(tmp_path):
    seen = []
    bench_sizes_function()("10", None, lambda size, folder: seen.append((size, folder)) or {})
    assert seen == [(10, None)]
    assert list(tmp_path.iterdir()) == []
