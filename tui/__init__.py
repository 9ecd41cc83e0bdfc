"""The article explorer: `tui.corpus` (the model and the analysis) and the app over it.

One setting for the whole process, made here because every entry (the command line, the app, the
benchmarks, a worker process) imports this package: numpy's request for huge pages. NumPy marks
every array of 4 MB or more MADV_HUGEPAGE. Where the kernel's `transparent_hugepage/defrag` is
`madvise` (the usual default) and free memory is fragmented, the first touch of such an array
waits for the kernel to compact memory: from 0.2 to several seconds, at random, while the views'
columns of a million articles are made (all views ready 2.89-3.10 s with the request, 2.22-2.60 s
without, at a million articles, alternately, three rounds). Without the request a first touch
costs a little more on an unfragmented machine and never stalls (README.md, "A million articles").
A user's own `NUMPY_MADVISE_HUGEPAGE` wins. NumPy reads it once, when first imported; where a
program imported numpy before this package, its switch is turned off directly.
"""

import os
import sys

HUGE_PAGES_SETTING = "NUMPY_MADVISE_HUGEPAGE"


def _no_huge_pages() -> None:
    if HUGE_PAGES_SETTING in os.environ:
        return
    os.environ[HUGE_PAGES_SETTING] = "0"
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return
    # NumPy's own switch for the same setting, private: if a release moves it, the request stays.
    core = getattr(numpy, "_core", None) or getattr(numpy, "core", None)
    switch = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    if callable(switch):
        switch(False)


_no_huge_pages()
