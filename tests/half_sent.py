"""A worker output for the quitting tests (tests/app/test_app_quit.py): the worker writes the head
of a result message and a little of its body into the pool's result pipe, then waits to be
killed. The pool's thread reading results then waits for the rest of a message that never comes,
as when a worker is killed while it sends a big batch. Imported by name in the worker processes."""

from __future__ import annotations

import gc
import os
import struct
import time
from multiprocessing.queues import SimpleQueue
from pathlib import Path

MARK_ENV = "ARTICLE_EXPLORER_TEST_HALF_SENT"  # a file made once the half message is written
CLAIMED_BYTES = 1_000_000  # the length the message's head claims
WAIT_SECONDS = 600  # longer than any test: the worker is killed first


def half_sent(article: object) -> object:
    gc.unfreeze()  # the worker froze what it had (parallel._warm): get_objects sees no frozen object
    results = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))  # the worker's result queue
    os.write(results._writer.fileno(), struct.pack("!i", CLAIMED_BYTES) + b"x" * 100)
    Path(os.environ[MARK_ENV]).touch()
    time.sleep(WAIT_SECONDS)
    return article
