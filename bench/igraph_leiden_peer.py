#!/usr/bin/python3
"""python-igraph's Leiden (modularity, until stable) on an edge list 'A B WEIGHT' of an undirected graph
whose pairs are already merged; prints JSON with the seconds of the algorithm call alone and the modularity."""
import json, random, sys, time
import igraph as ig

edges, weights, n = [], [], 0
for line in open(sys.argv[1]):
    a, b, w = line.split()
    a, b = int(a), int(b)
    edges.append((a, b)); weights.append(float(w)); n = max(n, a + 1, b + 1)
n = max(n, int(sys.argv[2]) if len(sys.argv) > 2 else 0)
graph = ig.Graph(n=n, edges=edges, directed=False)
graph.es['weight'] = weights
ig.set_random_number_generator(random.Random(42))
start = time.perf_counter()
partition = graph.community_leiden(objective_function='modularity', weights='weight', n_iterations=-1)
seconds = time.perf_counter() - start
print(json.dumps({'peer': 'python-igraph ' + ig.__version__, 'nodes': n, 'edges': len(edges), 'leiden_s': seconds,
                  'modularity': graph.modularity(partition.membership, weights='weight'),
                  'communities': len(partition)}))
