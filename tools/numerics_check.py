"""Prove that the committed notebooks' outputs do not hang on the last bits.

    python tools/numerics_check.py                  # both configurations
    python tools/numerics_check.py --baseline-only  # the second only

Runs nbval (the same comparison as ``make test``) over every committed
notebook twice, under two numeric configurations that take different
floating-point paths on the same machine:

1. OpenBLAS on one thread, numpy's fastest SIMD kernels (the default);
2. OpenBLAS on two threads, and numpy's optimised kernels switched off
   (``NPY_DISABLE_CPU_FEATURES`` names every dispatch target this CPU has,
   so ``exp``, ``log``, ``add``... run their baseline versions).

Both must pass. ``make test`` runs its nbval items under the first
configuration (the Makefile sets ``OPENBLAS_NUM_THREADS=1``), so CI, which
runs ``make test`` anyway, asks for the second only (``--baseline-only``).
The configuration actually in force is printed (the kernel
numpy's ``exp`` dispatches to, and the thread count), so a run that changed
nothing is visible. ``OPENBLAS_CORETYPE`` is left as the machine sets it:
on some processors it is set to avoid a kernel that computes wrong results.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

PROBE = """
import json
from numpy.lib.introspect import opt_func_info
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
exp = opt_func_info(func_name="^exp$", signature="float64")["exp"]
print(json.dumps({"exp_kernel": next(iter(exp.values()))["current"],
                  "dispatch_on": [t for t in __cpu_dispatch__ if __cpu_features__.get(t)]}))
"""


def probe(env):
    """What numpy dispatches to under ``env``: {'exp_kernel', 'dispatch_on'}."""
    out = subprocess.run([PYTHON, "-c", PROBE], env=env, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def configurations():
    """The two environments, each as (name, env)."""
    base = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    targets = probe(base)["dispatch_on"]
    fast = {**base, "OPENBLAS_NUM_THREADS": "1"}
    baseline = {**base, "OPENBLAS_NUM_THREADS": "2",
                "NPY_DISABLE_CPU_FEATURES": " ".join(targets)}
    return [("OpenBLAS 1 thread, numpy SIMD kernels", fast),
            ("OpenBLAS 2 threads, numpy baseline kernels", baseline)]


def run_nbval(env):
    """nbval over the committed notebooks under ``env``; return pytest's exit code."""
    command = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               "-p", "kernel_start",
               "-n", "auto", "--dist", "loadfile", "--nbval",
               "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
               "--nbval-cell-timeout=120", "notebooks", "exercises",
               "--ignore=exercises/student"]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def main(argv):
    baseline_only = argv == ["--baseline-only"]
    if argv and not baseline_only:
        print(__doc__)
        return 2
    results = []
    seen = set()
    for index, (name, env) in enumerate(configurations()):
        info = probe(env)
        seen.add((info["exp_kernel"], env["OPENBLAS_NUM_THREADS"]))
        if baseline_only and index == 0:
            continue
        print(f"== {name}: numpy exp runs {info['exp_kernel']}, "
              f"OPENBLAS_NUM_THREADS={env['OPENBLAS_NUM_THREADS']}", flush=True)
        results.append((name, run_nbval(env)))
    if len(seen) < 2:
        print("the two configurations did not differ", file=sys.stderr)
        return 1
    for name, code in results:
        print(f"{name}: {'passed' if code == 0 else 'FAILED'}")
    return max(code for _, code in results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
