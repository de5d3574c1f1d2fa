// The baseline of leaktrace's layout: graphology-layout-forceatlas2 (synchronous, Barnes–Hut on),
// run by node on an edge list "SOURCE TARGET WEIGHT" per line. Prints one JSON object with the time
// of forceAtlas2 alone (the graph is built before the clock starts).
//
// node bench/graphology_fa2.cjs EDGES ITERATIONS [--start START.tsv] [--positions OUT.tsv]
//   --start      "NODE X Y" per line: start positions (otherwise uniform in [0, 1000)² from a fixed seed)
//   --positions  writes "NODE X Y" per line after the run
// Settings are graphology's inferSettings() for the graph's order with barnesHutOptimize forced on.
'use strict';
const fs = require('fs');
const path = require('path');

function requireBaseline(name) {
  try {
    return require(name);
  } catch (error) {
    const root = path.resolve(__dirname, '..');
    try {
      return require(path.join(root, 'node_modules', name));
    } catch (_) {
      console.error(`graphology_fa2: cannot load ${name}: run "npm ci" at the repository root (${root})`);
      process.exit(2);
    }
  }
}
const Graph = requireBaseline('graphology');
const forceAtlas2 = requireBaseline('graphology-layout-forceatlas2');

const args = process.argv.slice(2);
if (args.length < 2) {
  console.error('usage: node graphology_fa2.cjs EDGES ITERATIONS [--start START.tsv] [--positions OUT.tsv]');
  process.exit(2);
}
const [edgesPath, iterationsText] = args;
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const iterations = parseInt(iterationsText, 10);

function* lines(file) {
  const text = fs.readFileSync(file, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line && !line.startsWith('#')) yield line.split(/\s+/);
  }
}

const graph = new Graph({type: 'undirected', multi: false});
for (const [s, t, w] of lines(edgesPath)) {
  if (s === t) continue;
  if (!graph.hasNode(s)) graph.addNode(s);
  if (!graph.hasNode(t)) graph.addNode(t);
  const weight = w === undefined ? 1 : parseFloat(w);
  if (graph.hasEdge(s, t)) graph.updateEdgeAttribute(s, t, 'weight', (x) => x + weight);
  else graph.addEdge(s, t, {weight});
}

const startPath = option('--start');
if (startPath) {
  for (const [node, x, y] of lines(startPath)) {
    if (graph.hasNode(node)) graph.mergeNodeAttributes(node, {x: parseFloat(x), y: parseFloat(y)});
  }
  graph.forEachNode((node, attributes) => {
    if (attributes.x === undefined) throw new Error(`no start position for node ${node}`);
  });
} else {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  graph.forEachNode((node) => graph.mergeNodeAttributes(node, {x: random() * 1000, y: random() * 1000}));
}

const settings = Object.assign(forceAtlas2.inferSettings(graph), {barnesHutOptimize: true});
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
forceAtlas2.assign(graph, {iterations, settings, getEdgeWeight: 'weight'});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const out = option('--positions');
if (out) {
  const rows = [];
  graph.forEachNode((node, a) => rows.push(`${node} ${a.x} ${a.y}`));
  fs.writeFileSync(out, rows.join('\n') + '\n');
}
console.log(JSON.stringify({
  baseline: 'graphology-layout-forceatlas2 ' + requireBaseline('graphology-layout-forceatlas2/package.json').version,
  node: process.version, nodes: graph.order, edges: graph.size, iterations, seconds,
  seconds_per_iteration: seconds / iterations, cpu_seconds_per_iteration: cpuSeconds / iterations, settings,
}));
