"""Work that stops when its client goes away (issue 14: a search kept running for minutes after it).

:func:`run_cancellable` runs a blocking function in a worker thread while watching the request's ASGI
``receive`` channel: when the server reports ``http.disconnect`` (the client closed the connection)
it sets the :class:`threading.Event` the function was given, and the function is expected to stop
soon after (the store's search checks it from an SQLite progress handler; the analysis sandbox
kills its worker process).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.requests import Request

T = TypeVar("T")


async def wait_for_disconnect(request: Request, cancel: threading.Event) -> None:
    """Return once the client has gone away, setting ``cancel`` (a request body not read yet is dropped)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            cancel.set()
            return


async def run_cancellable(request: Request, fn: Callable[[threading.Event], T]) -> T:
    """``fn(cancel)`` in a worker thread; ``cancel`` is set if the client disconnects before it returns.

    ``fn``'s exception, if any, is raised as it is (not in an exception group).
    """
    cancel = threading.Event()
    result: list[T] = []
    error: list[Exception] = []
    async with anyio.create_task_group() as tg:
        tg.start_soon(wait_for_disconnect, request, cancel)
        try:
            result.append(await anyio.to_thread.run_sync(fn, cancel))
        except Exception as exc:  # re-raised below, outside the task group
            error.append(exc)
        tg.cancel_scope.cancel()
    if error:
        raise error[0]
    return result[0]
