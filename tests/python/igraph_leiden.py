#!/usr/bin/python3
"""python-igraph's own Leiden (modularity) on an edge list 'SOURCE TARGET [WEIGHT]'; prints the modularity.

The same graph leaktrace's `communities` finds communities on, for tests/real/graph_communities_test.cpp:
undirected, parallel edges merged by adding their weights, run until an iteration changes nothing.
"""
import random
import sys

import igraph as ig

ids, weights = {}, {}
for line in open(sys.argv[1]):
    if not line.strip() or line.startswith('#'):
        continue
    fields = line.split()
    a, b = ids.setdefault(fields[0], len(ids)), ids.setdefault(fields[1], len(ids))
    if a == b:
        continue
    key = (min(a, b), max(a, b))
    weights[key] = weights.get(key, 0.0) + (float(fields[2]) if len(fields) > 2 else 1.0)
graph = ig.Graph(n=len(ids), edges=list(weights), directed=False)
graph.es['weight'] = list(weights.values())
best = 0.0
for seed in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
    ig.set_random_number_generator(random.Random(seed))
    partition = graph.community_leiden(objective_function='modularity', weights='weight', n_iterations=-1)
    best = max(best, graph.modularity(partition.membership, weights='weight'))
print(f'{best:.12f}')
