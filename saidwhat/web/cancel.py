"""Work that stops when its client goes away or its time is up (issue 14: a search kept running for
minutes after its client left).

:func:`run_cancellable` runs a blocking function in a worker thread while watching the request's ASGI
``receive`` channel: when the server reports ``http.disconnect`` (the client closed the connection)
it sets the :class:`threading.Event` the function was given, and the function is expected to stop
soon after (the store's search checks it from an SQLite progress handler; the analysis sandbox
kills its worker process).

With a ``timeout`` the caller gets its answer (the ``on_timeout`` error) when the time is up even if
the function is inside one long step it cannot leave (SQLite checks its progress handler between
steps; building the doclist of a short prefix is one step): the event is set and the thread is left
to stop at its next check. :class:`Slots` bounds how many such threads run at once, so abandoned
steps cannot pile up: a request that finds no free slot within its time gets ``on_timeout`` too.
"""

from __future__ import annotations

import threading
import time
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


class Slots:
    """At most ``n`` functions of :func:`run_cancellable` running at once (across requests)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._sem = threading.BoundedSemaphore(n)

    def wrap(
        self, fn: Callable[[threading.Event], T], deadline: float, busy: Callable[[], Exception]
    ) -> Callable[[threading.Event], T]:
        """``fn`` run once a slot is free (raising ``busy()`` if none frees up before ``deadline``)."""

        def held(cancel: threading.Event) -> T:
            while not self._sem.acquire(timeout=0.02):
                if cancel.is_set() or time.monotonic() >= deadline:
                    raise busy()
            try:
                return fn(cancel)
            finally:
                self._sem.release()

        return held


async def run_cancellable(
    request: Request,
    fn: Callable[[threading.Event], T],
    *,
    timeout: float | None = None,
    on_timeout: Callable[[], Exception] | None = None,
    slots: Slots | None = None,
) -> T:
    """``fn(cancel)`` in a worker thread; ``cancel`` is set if the client disconnects before it returns.

    With ``timeout`` (seconds), ``on_timeout()`` is raised once the time is up and ``cancel`` is set
    (the thread is left to stop by itself). ``fn``'s exception, if any, is raised as it is.
    """
    cancel = threading.Event()
    result: list[T] = []
    error: list[Exception] = []
    expired = on_timeout or (lambda: TimeoutError(f"the request took longer than {timeout} s"))
    if slots is not None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        fn = slots.wrap(fn, deadline, expired)

    async def work() -> None:
        try:
            result.append(await anyio.to_thread.run_sync(fn, cancel, abandon_on_cancel=True))
        except Exception as exc:  # re-raised below, outside the task group
            error.append(exc)

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait_for_disconnect, request, cancel)
        with anyio.move_on_after(timeout if timeout is not None else float("inf")) as scope:
            await work()
        tg.cancel_scope.cancel()
    if scope.cancelled_caught and not result and not error:
        cancel.set()
        raise expired()
    if error:
        raise error[0]
    return result[0]
