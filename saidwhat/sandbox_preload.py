"""Imported by the sandbox's fork server before it forks any worker (multiprocessing's preload, see
:mod:`saidwhat.sandbox`, ``preload=True``): imports the workers' task and runs their warm-up once —
for ``saidwhat ingest --workers N``, the language model is loaded here, once — then ``gc.freeze()``,
so that the forked workers' collections do not walk (and write to) the pages they share.

What to preload comes from :data:`saidwhat.sandbox.PRELOAD_ENV` (JSON ``{"task", "warmup"}``), set
by the pool for the fork server's start only. A failure is printed and the fork server goes on: each
worker runs the warm-up again and reports the error to the pool.
"""

from __future__ import annotations

import gc
import json
import os
import traceback

from saidwhat import sandbox


def preload() -> None:
    spec = json.loads(os.environ.pop(sandbox.PRELOAD_ENV, "") or "{}")
    try:
        if spec.get("task"):
            sandbox._import(spec["task"])
        if spec.get("warmup"):
            sandbox._import(spec["warmup"])()
    except Exception:
        traceback.print_exc()
    gc.collect()
    gc.freeze()


preload()
