"""Supervision of long-running tasks: nothing dies silently, everything comes back.

:class:`Supervisor` runs named coroutines (a room's source, the heartbeat, the
control server, the game layer's loops, the forwarder's watchers). When one
raises, the supervisor logs the exception once with its traceback, counts it
per task name, calls ``on_failure`` (the daemon publishes ``sys.status``) and
starts the coroutine again after a backoff: exponential from ``base`` to
``cap`` seconds, back to ``base`` once the task has run ``healthy`` seconds
without failing. Cancelling stops a task cleanly; a task that returns normally
is finished unless it was started with ``restart=True``.

The restart policy, :class:`Backoff`, is sans-I/O: it is given how long the
task ran and answers how long to wait.

Usage::

    supervisor = Supervisor(on_failure=lambda name, exc, delay: ...)
    supervisor.start("heartbeat", heartbeats)   # a coroutine *function*: called again on restart
    ...
    await supervisor.close()                    # cancels everything, waits for it
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["Backoff", "Failures", "Supervisor"]

log = logging.getLogger("bridge.supervisor")

T = TypeVar("T")
Factory = Callable[[], Coroutine[Any, Any, None]]
OnFailure = Callable[[str, BaseException, float], None]


@dataclass(slots=True)
class Backoff:
    """Restart delays: ``base * 2**(n-1)`` up to ``cap``; reset after ``healthy`` seconds of running."""

    base: float = 0.5
    cap: float = 30.0
    healthy: float = 60.0
    attempt: int = 0

    def delay(self, ran_for: float) -> float:
        """Seconds to wait before the next start of a task that ran ``ran_for`` seconds and stopped."""
        if ran_for >= self.healthy:
            self.attempt = 0
        self.attempt += 1
        return min(self.cap, self.base * 2.0 ** min(self.attempt - 1, 30))


class Failures:
    """Counts failures by name and logs them without flooding the log.

    The first failure of a name is logged with its traceback; later ones at
    most once per ``interval`` seconds per name, as one line saying how many
    there were since the last line (and the latest exception).
    """

    def __init__(
        self,
        logger: logging.Logger,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        on_report: Callable[[str, BaseException], None] | None = None,
    ) -> None:
        self.log = logger
        self.interval = interval
        self.clock = clock
        self.on_report = on_report
        """Called as ``on_report(name, exception)`` whenever a failure is logged (so, rate-limited too)."""
        self.counts: dict[str, int] = {}
        """Failures so far, per name."""
        self._logged: dict[str, tuple[float, int]] = {}  # name: (when last logged, count then)

    def record(self, name: str, exc: BaseException) -> None:
        """Count one failure of ``name`` and log it unless it was logged recently."""
        count = self.counts[name] = self.counts.get(name, 0) + 1
        now = self.clock()
        last = self._logged.get(name)
        if last is None:
            self.log.error("%s failed", name, exc_info=exc)
        elif now - last[0] >= self.interval:
            self.log.error("%s failed %d more times, the latest: %r", name, count - last[1], exc)
        else:
            return
        self._logged[name] = (now, count)
        if self.on_report is not None:
            try:
                self.on_report(name, exc)
            except Exception:  # the report must not turn a counted failure into an escaping one
                self.log.exception("reporting the failure of %s failed", name)

    def call(self, name: str, function: Callable[..., T], *args: Any) -> T | None:
        """``function(*args)``; if it raises, the failure is recorded under ``name`` and ``None`` returned."""
        try:
            return function(*args)
        except Exception as exc:  # isolation: one part's bug must not reach its caller
            self.record(name, exc)
            return None


class Supervisor:
    """Runs named coroutines, restarting the ones that fail (see the module docstring)."""

    def __init__(
        self,
        on_failure: OnFailure | None = None,
        *,
        base: float = 0.5,
        cap: float = 30.0,
        healthy: float = 60.0,
        logger: logging.Logger = log,
    ) -> None:
        self.on_failure = on_failure
        """Called as ``on_failure(name, exception, delay)`` after each failure (delay -1: not restarted)."""
        self.base, self.cap, self.healthy = base, cap, healthy
        self.log = logger
        self.failures: dict[str, int] = {}
        """Failures so far, per task name."""
        self._tasks: dict[str, asyncio.Task[None]] = {}

    @property
    def total_failures(self) -> int:
        """Failures of every task so far."""
        return sum(self.failures.values())

    def start(
        self, name: str, factory: Factory, *, restart: bool = False, retry: bool = True
    ) -> asyncio.Task[None]:
        """Run ``factory()`` as task ``name`` (which must not be running) until it returns or is cancelled.

        ``restart=True`` also starts it again when it returns normally (after
        the backoff, not counted as a failure). ``retry=False`` is for work that
        must not run twice (a replay): a failure is logged, counted and reported
        (with delay ``-1``), and the task ends. Needs a running event loop.
        """
        if name in self._tasks:
            raise ValueError(f"task {name!r} is already running")
        task = asyncio.create_task(self._keep(name, factory, restart, retry), name=name)
        self._tasks[name] = task
        task.add_done_callback(lambda done: self._forget(name, done))
        return task

    def running(self, name: str) -> bool:
        """Whether task ``name`` is supervised right now (running or waiting to restart)."""
        return name in self._tasks

    async def cancel(self, name: str) -> bool:
        """Stop task ``name`` and wait for it; whether it was running."""
        task = self._tasks.pop(name, None)
        if task is None:
            return False
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return True

    async def close(self) -> None:
        """Stop every task and wait for all of them."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _forget(self, name: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(name) is task:
            del self._tasks[name]

    async def _keep(self, name: str, factory: Factory, restart: bool, retry: bool) -> None:
        policy = Backoff(self.base, self.cap, self.healthy)
        while True:
            started = time.monotonic()
            try:
                await factory()
            except Exception as exc:  # supervision: any bug, in any task
                delay = policy.delay(time.monotonic() - started) if retry else -1.0
                self.failures[name] = self.failures.get(name, 0) + 1
                self.log.error(
                    "task %s failed (failure %d), %s",
                    *(
                        name,
                        self.failures[name],
                        f"restarting in {delay:.1f} s" if retry else "not restarted",
                    ),
                    exc_info=exc,
                )
                if self.on_failure is not None:
                    try:
                        self.on_failure(name, exc, delay)
                    except Exception:  # the report must not stop the restart
                        self.log.exception("reporting the failure of task %s failed", name)
                if not retry:
                    return
            else:
                if not restart:
                    return
                delay = policy.delay(time.monotonic() - started)
            await asyncio.sleep(delay)
