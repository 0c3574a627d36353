"""Record the repository files a Python process loads (run inside it).

:mod:`freshness` runs this file as an IPython startup file in every kernel
that executes a notebook of the book, and at the start of the subprocess
that finds what an explorer's data are computed from. It adds an audit hook
(:func:`sys.addaudithook`) that notes every file opened for reading, and
:func:`write_record` writes, one path a line, the files of the book's
repository that the process has opened or imported so far (modules from
``sys.modules``), leaving out what the environment names as excluded (the
build folder, the virtual environment). In a kernel, the record is written
again after every cell, so that it is complete however the kernel ends.

Environment: ``TCIBOOK_LOADED_RECORD`` (the record's path; without it this
file does nothing), ``TCIBOOK_LOADED_ROOT`` (the repository) and
``TCIBOOK_LOADED_EXCLUDE`` (folders left out, ``os.pathsep``-separated).
"""

import os
import sys

_RECORD = os.environ.get("TCIBOOK_LOADED_RECORD")
_ROOT = os.path.realpath(os.environ.get("TCIBOOK_LOADED_ROOT", os.getcwd()))
_EXCLUDE = [os.path.realpath(p) for p in
            os.environ.get("TCIBOOK_LOADED_EXCLUDE", "").split(os.pathsep) if p]
_opened = set()


def _audit(event, args):
    """Note a file opened for reading (``open`` events of :mod:`io`, :mod:`os`)."""
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    mode = args[1] if len(args) > 1 else None
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return
    if mode is None and len(args) > 2 and isinstance(args[2], int) \
            and args[2] & (os.O_WRONLY | os.O_RDWR):
        return
    _opened.add(os.fsdecode(args[0]))


def _in_repository(path):
    if "__pycache__" in path.split(os.sep) or not os.path.isfile(path):
        return False
    inside = lambda folder: os.path.commonpath([path, folder]) == folder  # noqa: E731
    return inside(_ROOT) and not any(inside(folder) for folder in _EXCLUDE)


def loaded():
    """The repository files this process has imported or opened, sorted."""
    files = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    files |= set(_opened)
    paths = {os.path.realpath(f) for f in files if isinstance(f, str)}
    return sorted(p for p in paths if _in_repository(p))


def write_record(*_):
    """Write :func:`loaded` to ``$TCIBOOK_LOADED_RECORD`` (an IPython event
    handler: its arguments are ignored)."""
    with open(_RECORD, "w", encoding="utf-8") as record:
        record.write("".join(f"{p}\n" for p in loaded()))


if _RECORD:
    sys.addaudithook(_audit)
    try:
        get_ipython().events.register("post_run_cell", write_record)  # noqa: F821
    except NameError:  # not in IPython: the caller writes the record
        pass
