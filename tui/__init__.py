"""The article explorer: `tui.corpus` (the model and the analysis) and the app over it.

One setting for the whole process, made here because every entry (the command line, the app, the
benchmarks, a worker process) imports this package before numpy: numpy's request for huge pages.
NumPy marks every array of 4 MB or more MADV_HUGEPAGE. Where the kernel's `transparent_hugepage/
defrag` is `madvise` (the usual default) and free memory is fragmented, the first touch of such
an array waits for the kernel to compact memory: from 0.2 to several seconds, at random, while
the views' columns of a million articles are made. Without the request a first touch costs a
little more on an unfragmented machine and never stalls (README.md, "A million articles").
A user's own `NUMPY_MADVISE_HUGEPAGE` wins; it is read once, when numpy is first imported.
"""

import os

HUGE_PAGES_SETTING = "NUMPY_MADVISE_HUGEPAGE"

os.environ.setdefault(HUGE_PAGES_SETTING, "0")
