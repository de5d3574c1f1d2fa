import type { MapData } from "./data";

// Which accounts and edges are visible for a time, hidden communities and a minimum edge weight.
// An account appears at its first share of the subject (or, when it has none, at its first edge);
// an edge at its time, and never before both of its accounts.

export class Filters {
  readonly nodeAppear: Float64Array;
  readonly edgeAppear: Float64Array;
  readonly nodeVisible: Uint8Array;
  readonly edgeVisible: Uint8Array;
  readonly periodStart: number | null;
  readonly periodEnd: number | null;
  readonly maxWeight: number;
  visibleNodes = 0;
  visibleEdges = 0;

  time: number | null = null;  // null: the whole period
  minWeight = 0;
  readonly hiddenCommunities = new Set<number>();

  constructor(private readonly data: MapData) {
    const { nodes, edges } = data;
    const nodeCount = nodes.id.length;
    const edgeCount = edges.source.length;
    this.nodeAppear = new Float64Array(nodeCount).fill(Infinity);
    this.edgeAppear = new Float64Array(edgeCount);
    this.nodeVisible = new Uint8Array(nodeCount).fill(1);  // as sigma starts: all shown
    this.edgeVisible = new Uint8Array(edgeCount).fill(1);

    let first = Infinity;
    let last = -Infinity;
    const see = (t: number) => {
      if (t < first) first = t;
      if (t > last) last = t;
    };
    for (let i = 0; i < nodeCount; i++) {
      const t = nodes.first_share[i];
      if (typeof t === "number" && Number.isFinite(t)) {
        this.nodeAppear[i] = t;
        see(t);
      }
    }
    // Accounts that never shared the subject appear with their first edge (or always, if none has a time).
    const fromEdges = new Float64Array(nodeCount).fill(Infinity);
    let maxWeight = 0;
    for (let e = 0; e < edgeCount; e++) {
      const t = edges.time[e];
      if (typeof t === "number" && Number.isFinite(t)) {
        see(t);
        const s = edges.source[e];
        const d = edges.target[e];
        if (t < fromEdges[s]) fromEdges[s] = t;
        if (t < fromEdges[d]) fromEdges[d] = t;
      }
      if (edges.weight[e] > maxWeight) maxWeight = edges.weight[e];
    }
    for (let i = 0; i < nodeCount; i++) {
      if (this.nodeAppear[i] === Infinity) this.nodeAppear[i] = fromEdges[i] === Infinity ? -Infinity : fromEdges[i];
    }
    for (let e = 0; e < edgeCount; e++) {
      const t = edges.time[e];
      const own = typeof t === "number" && Number.isFinite(t) ? t : -Infinity;
      this.edgeAppear[e] = Math.max(own, this.nodeAppear[edges.source[e]], this.nodeAppear[edges.target[e]]);
    }
    this.maxWeight = maxWeight;
    const start = typeof data.start === "number" ? data.start : null;
    const end = typeof data.end === "number" ? data.end : null;
    this.periodStart = start ?? (first === Infinity ? null : first);
    this.periodEnd = end ?? (last === -Infinity ? null : last);
    if (this.periodStart !== null && this.periodEnd !== null && this.periodEnd < this.periodStart) {
      this.periodEnd = this.periodStart;
    }
  }

  // The smallest whole weight that keeps at most `budget` edges.
  weightKeeping(budget: number): number {
    const weights = Float64Array.from(this.data.edges.weight).sort();
    if (weights.length <= budget) return 0;
    // weights[length - budget - 1] is the heaviest edge that must go.
    return Math.floor(weights[weights.length - budget - 1]) + 1;
  }

  get hasTime(): boolean {
    return this.periodStart !== null && this.periodEnd !== null && this.periodEnd > this.periodStart;
  }

  // Recomputes visibility; returns the indices whose visibility changed.
  update(): { nodes: number[]; edges: number[] } {
    const { nodes, edges } = this.data;
    const cutoff = this.time ?? Infinity;
    const hidden = this.hiddenCommunities;
    const changedNodes: number[] = [];
    const changedEdges: number[] = [];
    let visibleNodes = 0;
    let visibleEdges = 0;
    const nodeCount = this.nodeVisible.length;
    for (let i = 0; i < nodeCount; i++) {
      const visible = this.nodeAppear[i] <= cutoff && !(hidden.size && hidden.has(nodes.community[i])) ? 1 : 0;
      if (visible !== this.nodeVisible[i]) {
        this.nodeVisible[i] = visible;
        changedNodes.push(i);
      }
      visibleNodes += visible;
    }
    const edgeCount = this.edgeVisible.length;
    const minWeight = this.minWeight;
    for (let e = 0; e < edgeCount; e++) {
      const visible =
        this.edgeAppear[e] <= cutoff &&
        edges.weight[e] >= minWeight &&
        this.nodeVisible[edges.source[e]] === 1 &&
        this.nodeVisible[edges.target[e]] === 1
          ? 1
          : 0;
      if (visible !== this.edgeVisible[e]) {
        this.edgeVisible[e] = visible;
        changedEdges.push(e);
      }
      visibleEdges += visible;
    }
    this.visibleNodes = visibleNodes;
    this.visibleEdges = visibleEdges;
    return { nodes: changedNodes, edges: changedEdges };
  }
}
