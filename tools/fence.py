"""The fence a submitted notebook runs in while it is graded.

A student's code runs in a Jupyter kernel started inside a bubblewrap
(``bwrap``) sandbox and under resource limits (``prlimit``):

* **no network**: a network namespace of its own, with only a loopback
  device; the kernel talks to the grader through Unix sockets in the
  submission's folder (the ``ipc`` transport of Jupyter);
* **its own folder only**: the submission's temporary folder is the one
  place it can write (and its home and ``TMPDIR``); everything else it sees
  is read-only: the system (``/usr``, ``/etc``), the Python installation,
  the grading virtual environment with every ``tcibook`` inside it hidden,
  and the answer-free copy of ``tcibook`` made by ``make grading``. The
  repository, the answers, the grading key, the submissions and the grades
  are not mounted, so they cannot be read or written;
* **its own processes**: PID, IPC and UTS namespaces of its own, running as
  :data:`NOBODY` with no capabilities (in a user namespace of its own; when
  the grader runs as root, as the machine's ``nobody`` through ``setpriv``,
  since root's processes escape the process limit); every process of the
  sandbox dies with it;
* **limits**: CPU seconds (:data:`CPU_S`), address space (:data:`MEMORY_MB`),
  processes (:data:`PROCESSES`) and file size (:data:`FILE_MB`).

:func:`available` says whether the fence can be set up on this machine (and
why not); :func:`command` is the command line that runs a program inside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

#: CPU seconds a submission's kernel may use in all (its processes together
#: get the same per process); a kernel past it is killed.
CPU_S = 300
#: Address space of each process of the sandbox, in MiB.
MEMORY_MB = 3072
#: Processes and threads the sandbox may run at once.
PROCESSES = 64
#: Largest file the sandbox may write, in MiB.
FILE_MB = 64

#: The user the sandbox runs as (inside its user namespace, or on the
#: machine when the grader runs as root).
NOBODY = 65534

#: Environment of the sandbox (nothing of the grader's is passed on).
_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MPLBACKEND": "Agg",
                "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "PYTHONDONTWRITEBYTECODE": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def _limit(name: str, value, low, high) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")


def _system_mounts() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for top in ("bin", "lib", "lib32", "lib64", "sbin"):
        path = Path("/") / top
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.exists():
            args += ["--ro-bind", str(path), str(path)]
    return args


def _python_mounts() -> list[str]:
    """The Python installation and this virtual environment, read-only, with
    every ``tcibook`` installed in the environment hidden under an empty folder."""
    args = []
    prefixes = {Path(sys.base_prefix).resolve(), Path(os.path.normpath(sys.prefix))}
    for prefix in sorted(prefixes):
        if not str(prefix).startswith(("/usr/", "/etc/")):
            args += ["--ro-bind", str(prefix), str(prefix)]
    site = Path(sysconfig.get_paths()["purelib"])
    for hidden in sorted(site.glob("tcibook*")) + sorted(site.glob("__editable__*tcibook*")):
        if hidden.is_dir():
            args += ["--tmpfs", str(hidden)]
        else:
            args += ["--ro-bind", "/dev/null", str(hidden)]
    return args


def _open_parents(mounts: list[str]) -> list[str]:
    """Create the folders above each mount point readable by everyone (bwrap
    would make them private to root when it runs as root)."""
    parents = set()
    for i, arg in enumerate(mounts):
        if arg in {"--ro-bind", "--bind"}:
            parents.update(p for p in Path(mounts[i + 2]).parents if p != Path("/"))
        elif arg == "--tmpfs":
            parents.update(p for p in Path(mounts[i + 1]).parents if p != Path("/"))
    args = []
    for parent in sorted(parents, key=lambda p: len(p.parts)):
        if str(parent) not in {"/usr", "/etc"} and not any(
                str(parent).startswith(top + "/") for top in ("/usr", "/etc")):
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def command(workdir: Path, package: Path, argv: list[str], *, cpu_s: int | None = None,
            memory_mb: int | None = None, processes: int | None = None,
            file_mb: int | None = None) -> list[str]:
    """The command line that runs ``argv`` fenced in ``workdir``.

    Parameters
    ----------
    workdir : Path
        The submission's own folder: mounted read-write at the same path,
        the working directory, ``HOME`` and ``TMPDIR`` of the sandbox. When
        the grader runs as root it is given to :data:`NOBODY`.
    package : Path
        A folder holding the answer-free ``tcibook`` (put on ``PYTHONPATH``,
        read-only).
    argv : list of str
        The program and its arguments, as seen inside the sandbox.
    cpu_s : int, optional
        CPU seconds, 1 to 3600 (default :data:`CPU_S`).
    memory_mb : int, optional
        Address space per process in MiB, 256 to 65536 (default :data:`MEMORY_MB`).
    processes : int, optional
        Processes and threads at once, 8 to 4096 (default :data:`PROCESSES`).
    file_mb : int, optional
        Largest file written, in MiB, 1 to 4096 (default :data:`FILE_MB`).

    Raises
    ------
    ValueError
        If a limit is out of its range.
    """
    cpu_s = CPU_S if cpu_s is None else cpu_s
    memory_mb = MEMORY_MB if memory_mb is None else memory_mb
    processes = PROCESSES if processes is None else processes
    file_mb = FILE_MB if file_mb is None else file_mb
    _limit("cpu_s", cpu_s, 1, 3600)
    _limit("memory_mb", memory_mb, 256, 65536)
    _limit("processes", processes, 8, 4096)
    _limit("file_mb", file_mb, 1, 4096)
    workdir, package = Path(workdir).resolve(), Path(package).resolve()
    if os.geteuid() == 0:
        os.chown(workdir, NOBODY, NOBODY)
    args = ["bwrap", "--die-with-parent", "--new-session", "--clearenv",
            "--proc", "/proc", "--dev", "/dev"]
    if os.geteuid() == 0:
        # Root's processes escape the process limit, even in a user namespace:
        # the sandbox starts as root without a user namespace, then drops to
        # NOBODY with no capabilities before the program starts.
        args += ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                 "--unshare-cgroup-try", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    else:
        args += ["--unshare-all", "--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL"]
        drop = []
    mounts = _system_mounts() + _python_mounts() + [
        "--ro-bind", str(package), str(package), "--bind", str(workdir), str(workdir)]
    args += _open_parents(mounts) + mounts + ["--remount-ro", "/", "--chdir", str(workdir)]
    environment = {**_ENVIRONMENT, "HOME": str(workdir), "TMPDIR": str(workdir),
                   "PYTHONPATH": str(package), "MPLCONFIGDIR": str(workdir / ".matplotlib"),
                   "JUPYTER_RUNTIME_DIR": str(workdir / ".jupyter"),
                   "IPYTHONDIR": str(workdir / ".ipython")}
    for key, value in environment.items():
        args += ["--setenv", key, value]
    args += drop + ["prlimit", f"--cpu={cpu_s}", f"--as={memory_mb * 2**20}",
             f"--nproc={processes}", f"--fsize={file_mb * 2**20}", "--core=0", "--"]
    return args + list(argv)


def python() -> str:
    """This environment's Python, as the sandbox sees it."""
    return os.path.normpath(sys.executable)


def available() -> str | None:
    """None when the fence works here, else the reason it does not."""
    for tool in ("bwrap", "prlimit") + (("setpriv",) if os.geteuid() == 0 else ()):
        if shutil.which(tool) is None:
            return (f"`{tool}` is not installed (Debian: apt-get install "
                    f"{'bubblewrap' if tool == 'bwrap' else 'util-linux'})")
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        probe = command(Path(work), Path(work), [python(), "-c", "print('fenced')"])
        try:
            run = subprocess.run(probe, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"bwrap could not start: {error}"
    if run.returncode or run.stdout.strip() != "fenced":
        return f"bwrap could not set up the sandbox: {(run.stderr or run.stdout).strip()[:300]}"
    return None
