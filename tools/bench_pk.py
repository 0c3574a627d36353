"""Timings of the pharmacokinetic engine and the MAP estimator.

    python tools/bench_pk.py

Prints three lines, each the median of a few repeats (wall-clock, this
machine): a virtual population of 1,000 patients from the tacrolimus
population model, 14 days of twice-daily dosing on a 0.1-h grid (3,361
times); one MAP estimate from two troughs; and one MAP estimate from three
troughs with the inputs that need the stepwise engine (a steady-state
record, two occasions and an interacting drug). A benchmark, not a test: the
numbers depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from tcibook import mipd, pk, poppk

REPEATS = 5


def _median_ms(fn):
    fn()                                   # warm up
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main():
    pop = poppk.ANDREWS_2019
    _, patients = poppk.sample_parameters(pop, 1000, np.random.default_rng(0))
    doses = pk.repeated_doses(5.0, 12.0, 28)
    grid = np.linspace(0.0, 336.0, 3361)
    population_ms = _median_ms(lambda: pk.concentration(patients, doses, grid))
    troughs_h = np.array([6, 14]) * 12.0
    levels = np.array([7.5, 9.0])
    map_ms = _median_ms(lambda: mipd.map_estimate(pop, doses, troughs_h, levels))
    inhibitor = mipd.ClearanceSteps.from_change(pk.ClearanceChange(0.5, 200.0))
    rich_ms = _median_ms(lambda: mipd.map_estimate(
        pop, doses, [72.0, 168.0, 312.0], [9.0, 11.0, 14.0], occasions_h=[120.0],
        clearance_steps=inhibitor, steady_state=pk.SteadyStateHistory(5.0, 12.0)))
    print(f"virtual population (1000 patients x 14 days BID, fine grid): "
          f"{population_ms:.0f} ms")
    print(f"MAP estimate, one patient: {map_ms:.1f} ms")
    print(f"MAP estimate with a steady-state record, occasions and an "
          f"interacting drug: {rich_ms:.1f} ms")


if __name__ == "__main__":
    main()
