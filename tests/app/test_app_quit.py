"""Quitting the explorer while worker processes parse: `q` ends the app, the parse and the
process at once, even when a worker is killed half-way through sending its results (the pool's
reading thread would wait for the rest of the message forever, and the interpreter waits for
that thread at exit). Run in a process of its own, so that a hang is a failed test, not a hung
test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.half_sent import MARK_ENV

ROOT = Path(__file__).resolve().parent.parent.parent
QUIT_BOUND_SECONDS = 5.0  # from `q` to the end of the load and of the pool's thread
PROCESS_BOUND_SECONDS = 180  # the whole process: worker start-up takes long on a busy machine

SCRIPT = """
import asyncio, functools, json, os, sys, time
from pathlib import Path
from tests.half_sent import MARK_ENV, half_sent
from tui.corpus import parallel, session
from tui.screenshots import new_app

parallel.SERIAL_BYTES = 0  # the bundled seeds go to worker processes
parallel.FIRST_BATCH_BYTES = 0
session.ParseStream = functools.partial(parallel.ParseStream, output=half_sent)
mark = Path(os.environ[MARK_ENV])

async def main() -> dict:
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        while not mark.exists():
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # the pool's thread is inside the half message now
        began = time.monotonic()
        await pilot.press("q")
    stream = app.explorer.corpus._stream
    manager = stream._manager
    while (manager is not None and manager.is_alive()) and time.monotonic() - began < 30:
        await asyncio.sleep(0.05)
    return {"quit_s": time.monotonic() - began, "manager_alive": manager is not None and manager.is_alive()}

print(json.dumps(asyncio.run(main())), flush=True)
"""


def test_q_while_a_worker_is_killed_mid_send_quits_at_once(tmp_path):
    env = {**os.environ, MARK_ENV: str(tmp_path / "half-sent"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=PROCESS_BOUND_SECONDS)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    import json

    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert not figures["manager_alive"], "the pool's thread still waits for the half-sent message"
    assert figures["quit_s"] < QUIT_BOUND_SECONDS, figures
    assert "leaked semaphore" not in done.stderr
