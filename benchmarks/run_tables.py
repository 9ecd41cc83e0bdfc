"""`make bench`'s tables (benchmarks/run.py): one column a size, a row a figure, then the filters."""

from __future__ import annotations


def print_tables(results: list[dict], queries: list[str]) -> None:
    def row(label: str, key: str, fmt: str) -> None:
        cells = [fmt.format(r[key]) if r.get(key) is not None else "-" for r in results]
        print(f"| {label} | " + " | ".join(cells) + " |")

    print("\n| | " + " | ".join(f"{r['size']:,} articles" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    row("text (MB)", "mb", "{:.1f}")
    row("cold load: parse + index, all cores (s)", "cold_s", "{:.2f}")
    row("parse throughput (MB/s)", "parse_mb_s", "{:.2f}")
    row("regex quote scan, same text (MB/s)", "regex_mb_s", "{:.0f}")
    row("one core, CPU time: parser (MB/s)", "core_parse_mb_s", "{:.2f}")
    row("one core, CPU time: regex scan of words and quote marks, same texts (MB/s)", "core_scan_mb_s", "{:.1f}")
    row("one core, CPU time: regex scan of quoted passages only, same texts (MB/s)", "core_quote_scan_mb_s", "{:.0f}")
    for r in results:
        if r.get("core_parse_mb_s"):
            r["scan_ratio"] = r.get("core_scan_mb_s", 0) / r["core_parse_mb_s"]
            r["quote_scan_ratio"] = r.get("core_quote_scan_mb_s", 0) / r["core_parse_mb_s"]
    row("parser speed as a fraction of the word scan's (goal >= 1/40): 1/", "scan_ratio", "{:.0f}")
    row("parser speed as a fraction of the quoted-passage scan's: 1/", "quote_scan_ratio", "{:.0f}")
    row("open from the cache, the explorer's way: files checked after (s)", "open_s", "{:.2f}")
    row("  the same, CPU time of the process (s)", "open_cpu_s", "{:.2f}")
    row("load from cache, the files and the entry checked too (s)", "cache_s", "{:.2f}")
    row("  the same, CPU time of the process, check thread included (s)", "cache_cpu_s", "{:.2f}")
    row("  of which: finding the files (s)", "walk_s", "{:.2f}")
    row("  of which: looking at each file, the cache's fingerprint (s)", "fingerprint_s", "{:.2f}")
    row("cache file (MB)", "cache_mb", "{:.0f}")
    row("RSS, corpus from the cache, process total (MB)", "rss_mb", "{:.0f}")
    row("app: open from the cache until fully loaded (s)", "app_open_cache_s", "{:.2f}")
    row("  the same, CPU time of the process (s)", "app_open_cpu_s", "{:.2f}")
    row("RSS, app with corpus open from the cache, process total (MB)", "app_rss_mb", "{:.0f}")
    row("app: first screen (s)", "first_screen_s", "{:.2f}")
    row("app: first rows while parsing (s)", "first_rows_s", "{:.2f}")
    row("app: event-loop stall while loading, median (ms)", "stall_median_ms", "{:.1f}")
    row("app: event-loop stall while loading, p95 (ms)", "stall_p95_ms", "{:.1f}")
    row("app: cursor move, key to its last frame rendered, median (ms)", "move_ms", "{:.1f}")
    row("app: cursor move, key to its last frame rendered, p95 (ms)", "move_p95_ms", "{:.1f}")
    row("app: open an article, key to its last frame rendered, median (ms)", "open_ms", "{:.1f}")
    row("app: open an article, key to its last frame rendered, p95 (ms)", "open_p95_ms", "{:.1f}")
    from bench_views import ROWS

    for label, key, fmt in ROWS:
        row(label, key, fmt)
    row("the quotes' word file made, warm-up included (s)", "words_s", "{:.1f}")
    row("views app, word file made: a quotes-view filter keystroke, median (ms)", "words_filter_key_ms", "{:.1f}")
    row("views app, word file made: a quotes-view filter keystroke, p95 (ms)", "words_filter_key_p95_ms", "{:.1f}")
    row("views app CPU, word file made: a filter keystroke, median (ms)", "words_filter_key_cpu_ms", "{:.1f}")
    row("quote table in the core, first use (s)", "quote_view_s", "{:.2f}")
    row("harness: cursor move, action + pilot.pause(), median (ms)", "move_harness_ms", "{:.1f}")
    row("harness: open, action + pilot.pause(), median (ms)", "open_harness_ms", "{:.1f}")
    row("harness: pilot.pause() alone, idle, median (ms)", "idle_pause_ms", "{:.1f}")
    row("load average (1 min) at the end", "load", "{:.1f}")
    print("\nFiltering, every keystroke of each query (search + sort): median / p95 ms (matches)\n")
    print("| query | " + " | ".join(f"{r['size']:,}" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for query in queries:
        cells = []
        for r in results:
            f = r.get("filters", {}).get(query)
            cells.append(f"{f['median']:.1f} / {f['p95']:.1f} ({f['matches']:,})" if f else "-")
        print(f"| `{query}` | " + " | ".join(cells) + " |")
