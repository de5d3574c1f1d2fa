#!/usr/bin/python3
"""Reads a network that leaktrace exported with a reader people use, and prints what it found as
JSON, for the C++ tests to compare with the document they wrote.

    read_network.py networkx-gexf FILE     networkx.read_gexf (networkx 2.8.8 reads GEXF 1.1draft/1.2draft)
    read_network.py networkx-graphml FILE  networkx.read_graphml
    read_network.py igraph-graphml FILE    igraph.Graph.Read_GraphML (python3-igraph 0.10)
    read_network.py csv FILE               Python's csv module (RFC 4180): the rows as lists

Output: {"directed": bool, "nodes": {id: {attribute: value}}, "edges": [[source, target, {attribute: value}]]},
or for csv {"rows": [[field, ...], ...]}. Values keep the type the reader gave them
(JSON numbers for ints and floats, so the types the reader chose show)."""
import csv
import json
import sys


def value(v):
    """Scalars stay typed (str, int, float, bool) so that the tests see the types the reader chose."""
    if isinstance(v, dict):
        return {k: value(x) for k, x in sorted(v.items())}
    if isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def from_networkx(graph):
    nodes = {str(n): {k: value(v) for k, v in data.items()} for n, data in graph.nodes(data=True)}
    edges = [[str(s), str(t), {k: value(v) for k, v in data.items()}] for s, t, data in graph.edges(data=True)]
    return {"directed": graph.is_directed(), "nodes": nodes, "edges": edges}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "csv":
        with open(path, newline="", encoding="utf-8") as f:
            print(json.dumps({"rows": list(csv.reader(f))}))
        return
    if kind.startswith("networkx-"):
        import networkx as nx
        graph = nx.read_gexf(path) if kind == "networkx-gexf" else nx.read_graphml(path)
        print(json.dumps(from_networkx(graph), sort_keys=True))
        return
    if kind == "igraph-graphml":
        import igraph
        graph = igraph.Graph.Read_GraphML(path)
        nodes = {}
        for vertex in graph.vs:
            attributes = {k: value(v) for k, v in vertex.attributes().items() if k != "id" and v is not None and v == v}
            nodes[vertex["id"]] = attributes
        edges = []
        for edge in graph.es:
            attributes = {k: value(v) for k, v in edge.attributes().items() if k != "id" and v is not None and v == v}
            edges.append([graph.vs[edge.source]["id"], graph.vs[edge.target]["id"], attributes])
        print(json.dumps({"directed": graph.is_directed(), "nodes": nodes, "edges": edges}, sort_keys=True))
        return
    sys.exit("unknown reader " + kind)


if __name__ == "__main__":
    main()
