"""One Jupyter kernel starts at a time on this machine, across processes.

A kernel manager picks free TCP ports and writes them for the kernel, which
binds them only once it has started; a second process that starts a kernel
in between can pick the same ports, and one of the two kernels then never
answers ("Kernel didn't respond in 60 seconds"; jupyter_client issue 487).
The test suite starts kernels in several processes at once (nbval in each
pytest-xdist worker, the book build's kernels run ahead), so each start
holds :func:`kernel_start_lock`, an exclusive lock on one file, from choosing
the ports until the kernel answers; the kernels then run side by side.

Loaded as a pytest plugin (``-p kernel_start``), it puts nbval's kernel
starts under the lock; :class:`LockedStartClient` is nbclient's notebook
client with its kernel start under the lock, for ``execute_ahead`` and the
tests that execute notebooks themselves.
"""

from __future__ import annotations

import contextlib
import fcntl
import tempfile
from pathlib import Path

from nbclient import NotebookClient

#: The file every kernel start on this machine locks.
LOCK_FILE = Path(tempfile.gettempdir()) / "tcibook-kernel-start.lock"


@contextlib.contextmanager
def kernel_start_lock():
    """Hold the machine-wide kernel-start lock (blocks until it is free)."""
    with open(LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class LockedStartClient(NotebookClient):
    """nbclient's NotebookClient, whose kernel start (from choosing its ports
    until it answers) holds :func:`kernel_start_lock`."""

    async def async_start_new_kernel(self, **kwargs):
        with kernel_start_lock():
            await super().async_start_new_kernel(**kwargs)
            # nbclient's setup then finds the client and does not start another
            await self.async_start_new_kernel_client()


def pytest_configure(config):
    """Start nbval's kernels under :func:`kernel_start_lock`."""
    try:
        import nbval.kernel
    except ImportError:  # nbval not installed: nothing to guard
        return
    start = nbval.kernel.start_new_kernel
    if getattr(start, "under_lock", False):
        return

    def start_new_kernel(*args, **kwargs):
        with kernel_start_lock():
            return start(*args, **kwargs)

    start_new_kernel.under_lock = True
    nbval.kernel.start_new_kernel = start_new_kernel
