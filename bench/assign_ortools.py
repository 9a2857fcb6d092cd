"""Baseline for bench/assign.rs: the same assignment instance solved by OR-Tools' SimpleMinCostFlow.

Usage: target/bench-tools/ortools/bin/python bench/assign_ortools.py target/assign-bench/NAME.bin

The instance file (written by `cargo bench -p kapok-assign --bench assign`) is four little-endian
u64 (entries, reviewers, k, L), the affinities as little-endian f32 row-major, then one byte per
pair (1 = conflict). The network is entry (supply k) -> reviewer (capacity 1, cost -round(a * 1e6))
-> sink (capacity min(L, entries), demand entries * k), the integer scaling of kapok-assign, whose
round() rounds halves away from zero. Prints `objective=... build_s=... solve_s=... peak_rss_mib=...`
on one line: the objective is the maximised sum of scaled affinities.

Set up once: python3 -m venv target/bench-tools/ortools && target/bench-tools/ortools/bin/pip install ortools numpy
"""

import resource
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main() -> None:
    path = sys.argv[1]
    with open(path, "rb") as file:
        entries, reviewers, per_entry, max_per_reviewer = (int(v) for v in np.frombuffer(file.read(32), "<u8"))
        pairs = entries * reviewers
        affinities = np.frombuffer(file.read(4 * pairs), "<f4")
        conflicts = np.frombuffer(file.read(pairs), np.uint8)

    started = time.perf_counter()
    allowed = np.flatnonzero(conflicts == 0)
    scaled = affinities[allowed].astype(np.float64) * 1e6
    costs = -(np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)).astype(np.int64)
    sink = entries + reviewers
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        (allowed // reviewers).astype(np.int32),
        (entries + allowed % reviewers).astype(np.int32),
        np.ones(len(allowed), np.int64),
        costs,
    )
    reviewer_nodes = np.arange(entries, entries + reviewers, dtype=np.int32)
    flow.add_arcs_with_capacity_and_unit_cost(
        reviewer_nodes,
        np.full(reviewers, sink, np.int32),
        np.full(reviewers, min(max_per_reviewer, entries), np.int64),
        np.zeros(reviewers, np.int64),
    )
    supplies = np.zeros(sink + 1, np.int64)
    supplies[:entries] = per_entry
    supplies[sink] = -entries * per_entry
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
    built = time.perf_counter()

    status = flow.solve()
    solved = time.perf_counter()
    if status != flow.OPTIMAL:
        sys.exit(f"SimpleMinCostFlow status {status}")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"objective={-flow.optimal_cost()} build_s={built - started:.3f} solve_s={solved - built:.3f} "
        f"peak_rss_mib={peak_mib:.0f}"
    )


if __name__ == "__main__":
    main()
