import Graph from "graphology";
import Sigma from "sigma";

import { type MapData, noCommunityColour } from "./data";
import { el, formatCount, formatTime, handleText, link } from "./dom";
import { Filters } from "./filters";
import { type CameraView, type ViewState, readViewState, writeViewState } from "./url_state";

// One interactive map in its container: the graph drawn by sigma, and around it the legend
// (communities to show or hide, sampling note, minimum edge weight), the search, the account
// panel and the time bar.

const sliderSteps = 1000;
const playTicks = 250;  // a replay takes playTicks × playIntervalMs
const playIntervalMs = 50;
const forcedLabels = 12;  // the largest accounts always show their handle
const fadeLimit = 150_000;  // above this many nodes + edges, hover highlights without fading the rest
const largeMapItems = 200_000;
// Past this many edges, edges lighter than the weight that keeps at most this many are hidden at
// first (the legend says so; lowering the minimum weight draws them all).
const drawnEdgeBudget = 100_000;
const fadedNodeColour = "#e4e6e8";
const fadedEdgeColour = "#eeeeee30";
const highlightEdgeColour = "#30343a";
const minNodePixels = 2;
const maxNodePixels = 24;
const suggestionCount = 10;
const stateWriteDelayMs = 250;

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  top: boolean;
  hiddenAtStart: boolean;
  [key: string]: unknown;
}

interface EdgeAttributes {
  size: number;
  color: string;
  hiddenAtStart: boolean;
  [key: string]: unknown;
}

// Visibility: `hiddenAtStart` (an attribute, so that sigma's first frame already leaves out what
// the restored view hides) until the filters first change an item, then isShown / isHidden.
type NodeState = { isFaded: boolean; isNeighbour: boolean; isShown: boolean };
type EdgeState = { isFaded: boolean; isShown: boolean };

// Milliseconds: startedAtMs since the page's navigation began; the others are durations.
export interface LoadTimings {
  startedAtMs: number;
  parseMs: number;
  graphMs: number;
  sigmaMs: number;
  firstRenderMs: number;
}

export class MapView {
  readonly graph: Graph<NodeAttributes, EdgeAttributes>;
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes, Record<string, unknown>, NodeState, EdgeState>;
  readonly filters: Filters;
  readonly timings: LoadTimings = { startedAtMs: 0, parseMs: 0, graphMs: 0, sigmaMs: 0, firstRenderMs: 0 };
  private readonly prefix: string;
  private readonly nodeKeys: string[];
  private readonly edgeKeys: string[];
  private readonly colours: string[];
  private readonly defaultMinWeight: number;
  private selected = -1;
  private hovered = -1;
  private faded = false;
  private playTimer: number | null = null;
  private stateTimer: number | null = null;
  private lowerLabels: string[] | null = null;
  private idIndex: Map<string, number> | null = null;

  private readonly panel: HTMLElement;
  private readonly legendItems: HTMLButtonElement[] = [];
  private readonly counts: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly timeLabel: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly weightInput: HTMLInputElement;
  private readonly searchInput: HTMLInputElement;
  private readonly suggestions: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly data: MapData,
    prefix: string,
  ) {
    this.prefix = prefix;
    const started = performance.now();
    const { nodes, edges } = data;
    const nodeCount = nodes.id.length;
    const edgeCount = edges.source.length;
    this.colours = data.communities.map((c) => c.colour);
    this.filters = new Filters(data);
    this.defaultMinWeight = edgeCount > drawnEdgeBudget ? this.filters.weightKeeping(drawnEdgeBudget) : 0;
    const restored = readViewState(prefix);
    this.applyViewState(restored);
    this.filters.update();
    const { nodeVisible, edgeVisible } = this.filters;

    this.graph = new Graph<NodeAttributes, EdgeAttributes>({ type: "directed", multi: true, allowSelfLoops: true });
    this.nodeKeys = new Array<string>(nodeCount);
    const topNodes = new Set(largestNodes(nodes.pagerank, nodes.size, forcedLabels));
    const pixelSize = nodePixelSizes(nodes.size);
    for (let i = 0; i < nodeCount; i++) {
      const key = String(i);
      this.nodeKeys[i] = key;
      this.graph.addNode(key, {
        x: nodes.x[i],
        y: nodes.y[i],
        size: pixelSize[i],
        color: this.colourOf(nodes.community[i]),
        label: nodes.label[i],
        top: topNodes.has(i),
        hiddenAtStart: nodeVisible[i] === 0,
      });
    }
    this.edgeKeys = new Array<string>(edgeCount);
    for (let e = 0; e < edgeCount; e++) {
      const key = String(e);
      this.edgeKeys[e] = key;
      const weight = edges.weight[e];
      this.graph.addDirectedEdgeWithKey(key, this.nodeKeys[edges.source[e]], this.nodeKeys[edges.target[e]], {
        size: 0.4 + Math.min(2.6, Math.log2(1 + Math.max(0, weight)) * 0.5),
        color: this.colourOf(nodes.community[edges.source[e]]) + "40",
        hiddenAtStart: edgeVisible[e] === 0,
      });
    }
    this.timings.graphMs = performance.now() - started;

    // The DOM around the map, built as elements with text only.
    container.classList.add("lt-map");
    container.textContent = "";
    const stage = el("div", { className: "lt-stage" });
    this.searchInput = el("input", {
      className: "lt-search",
      attrs: { type: "search", placeholder: "Search a handle", "aria-label": "Search an account by handle", autocomplete: "off", spellcheck: "false" },
    });
    this.suggestions = el("ul", { className: "lt-suggestions", attrs: { role: "listbox" } });
    const heading = el("div", { className: "lt-top" }, [
      el("h1", { className: "lt-title", text: data.title || "Propagation map" }),
      el("p", { className: "lt-subtitle", text: subtitle(data, this.filters) }),
      this.searchInput,
      this.suggestions,
    ]);
    this.counts = el("p", { className: "lt-counts" });
    this.weightInput = el("input", {
      className: "lt-weight",
      attrs: { type: "number", min: "0", step: "1", value: "0", "aria-label": "Minimum edge weight" },
    });
    this.weightInput.max = String(Math.max(1, Math.ceil(this.filters.maxWeight)));
    const legend = el("div", { className: "lt-legend" }, [
      el("h2", { text: "Communities" }),
      this.buildCommunityList(),
      samplingNote(data),
      el("label", { className: "lt-weight-label" }, ["Edges of weight ≥ ", this.weightInput]),
      this.defaultMinWeight > 0
        ? el("p", {
            className: "lt-note",
            text: `With ${formatCount(edgeCount)} edges, lighter ones are hidden at first to keep the map responsive; lower the weight to draw them.`,
          })
        : null,
      this.counts,
    ]);
    this.panel = el("aside", { className: "lt-panel", attrs: { hidden: "", "aria-live": "polite" } });
    this.slider = el("input", {
      className: "lt-slider",
      attrs: { type: "range", min: "0", max: String(sliderSteps), step: "1", value: String(sliderSteps), "aria-label": "Time" },
    });
    this.playButton = el("button", { className: "lt-play", text: "▶ Play", attrs: { type: "button" } });
    this.timeLabel = el("span", { className: "lt-time" });
    const timebar = el("div", { className: "lt-timebar" }, [this.playButton, this.slider, this.timeLabel]);
    if (!this.filters.hasTime) timebar.hidden = true;
    container.append(stage, el("div", { className: "lt-side" }, [heading, legend]), this.panel, timebar);

    const sigmaStarted = performance.now();
    const large = nodeCount + edgeCount > largeMapItems;
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes, Record<string, unknown>, NodeState, EdgeState>(this.graph, stage, {
      customNodeState: { isFaded: false, isNeighbour: false, isShown: false },
      customEdgeState: { isFaded: false, isShown: false },
      settings: {
        hideEdgesOnMove: true,
        hideLabelsOnMove: large,
        labelDensity: 0.6,
        labelGridCellSize: 120,
        labelRenderedSizeThreshold: 7,
        minCameraRatio: 0.01,
        maxCameraRatio: 20,
      },
      styles: {
        nodes: [
          {
            x: { attribute: "x" },
            y: { attribute: "y" },
            size: { attribute: "size" },
            color: { attribute: "color" },
            label: { attribute: "label" },
            labelVisibility: { whenData: "top", then: "visible", else: "auto" },
            visibility: { whenData: "hiddenAtStart", then: "hidden", else: "visible" },
          },
          { whenState: "isShown", then: { visibility: "visible" } },
          { whenState: "isHidden", then: { visibility: "hidden" } },
          { whenState: "isFaded", then: { color: fadedNodeColour, labelVisibility: "hidden" } },
          { whenState: "isNeighbour", then: { depth: "topNodes" } },
          { whenState: "isHighlighted", then: { depth: "topNodes", labelVisibility: "visible", backdropVisibility: "visible" } },
          { whenState: "isHovered", then: { depth: "topNodes", labelVisibility: "visible", backdropVisibility: "visible" } },
        ],
        edges: [
          {
            size: { attribute: "size" },
            color: { attribute: "color" },
            visibility: { whenData: "hiddenAtStart", then: "hidden", else: "visible" },
          },
          { whenState: "isShown", then: { visibility: "visible" } },
          { whenState: "isHidden", then: { visibility: "hidden" } },
          { whenState: "isFaded", then: { color: fadedEdgeColour } },
          { whenState: "isHighlighted", then: { color: highlightEdgeColour, depth: "topEdges" } },
        ],
      },
    });
    this.timings.sigmaMs = performance.now() - sigmaStarted;
    // Sigma draws its first frame in its constructor, already with the restored filters.
    this.timings.firstRenderMs = performance.now() - started;
    container.setAttribute("data-lt-ready", "1");

    this.bindEvents();
    this.syncControls();
    this.restoreView(restored);
  }

  // ---- Queries, also used by the browser tests ----

  nodeIndex(id: string): number {
    if (!this.idIndex) {
      this.idIndex = new Map();
      this.data.nodes.id.forEach((nodeId, i) => this.idIndex!.set(nodeId, i));
    }
    return this.idIndex.get(id) ?? -1;
  }

  isNodeVisible(index: number): boolean {
    return this.filters.nodeVisible[index] === 1;
  }

  viewState(): ViewState {
    const camera = this.sigma.getCamera().getState();
    return {
      camera: { x: camera.x, y: camera.y, ratio: camera.ratio, angle: camera.angle },
      hidden: [...this.filters.hiddenCommunities],
      time: this.filters.time,
      minWeight: this.filters.minWeight === this.defaultMinWeight ? null : this.filters.minWeight,
      selected: this.selected >= 0 ? this.data.nodes.id[this.selected] : null,
    };
  }

  // ---- State changes ----

  setTime(time: number | null): void {
    const { periodStart, periodEnd } = this.filters;
    if (time !== null && periodEnd !== null && time >= periodEnd) time = null;
    if (time !== null && periodStart !== null && time < periodStart) time = periodStart;
    this.filters.time = time;
    if (periodStart !== null && periodEnd !== null && periodEnd > periodStart) {
      const position = time === null ? sliderSteps : Math.round(((time - periodStart) / (periodEnd - periodStart)) * sliderSteps);
      this.slider.value = String(position);
    }
    this.timeLabel.textContent = time === null ? `until ${formatTime(periodEnd)}` : formatTime(time);
    this.applyFilters();
  }

  setCommunityHidden(community: number, hidden: boolean): void {
    if (hidden) this.filters.hiddenCommunities.add(community);
    else this.filters.hiddenCommunities.delete(community);
    for (const item of this.legendItems) {
      const c = Number(item.dataset.community);
      item.setAttribute("aria-pressed", this.filters.hiddenCommunities.has(c) ? "false" : "true");
    }
    this.applyFilters();
  }

  setMinWeight(weight: number): void {
    this.filters.minWeight = Number.isFinite(weight) && weight > 0 ? weight : 0;
    this.weightInput.value = String(this.filters.minWeight);
    this.applyFilters();
  }

  select(index: number, moveCamera: boolean): void {
    if (this.selected >= 0) this.sigma.setNodeState(this.nodeKeys[this.selected], { isHighlighted: false });
    this.selected = index;
    if (index < 0) {
      this.panel.hidden = true;
      this.panel.textContent = "";
      this.saveState();
      return;
    }
    this.sigma.setNodeState(this.nodeKeys[index], { isHighlighted: true });
    this.showPanel(index);
    if (moveCamera) {
      const display = this.sigma.getNodeDisplayData(this.nodeKeys[index]);
      if (display) void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.25 }, { duration: 400 });
    }
    this.saveState();
  }

  togglePlay(): void {
    if (this.playTimer !== null) {
      this.stopPlay();
      return;
    }
    const { periodStart, periodEnd } = this.filters;
    if (periodStart === null || periodEnd === null) return;
    if (this.filters.time === null) this.setTime(periodStart);
    this.playButton.textContent = "❚❚ Pause";
    const step = (periodEnd - periodStart) / playTicks;
    this.playTimer = window.setInterval(() => {
      const next = (this.filters.time ?? periodEnd) + step;
      this.setTime(next);
      if (this.filters.time === null) this.stopPlay();
    }, playIntervalMs);
  }

  private stopPlay(): void {
    if (this.playTimer !== null) window.clearInterval(this.playTimer);
    this.playTimer = null;
    this.playButton.textContent = "▶ Play";
    this.saveState();
  }

  private applyFilters(): void {
    const changed = this.filters.update();
    const show: string[] = [];
    const hide: string[] = [];
    for (const i of changed.nodes) (this.filters.nodeVisible[i] ? show : hide).push(this.nodeKeys[i]);
    if (show.length) this.sigma.setNodesState(show, { isHidden: false, isShown: true });
    if (hide.length) this.sigma.setNodesState(hide, { isHidden: true, isShown: false });
    show.length = 0;
    hide.length = 0;
    for (const e of changed.edges) (this.filters.edgeVisible[e] ? show : hide).push(this.edgeKeys[e]);
    if (show.length) this.sigma.setEdgesState(show, { isHidden: false, isShown: true });
    if (hide.length) this.sigma.setEdgesState(hide, { isHidden: true, isShown: false });
    const { nodes, edges } = this.data;
    this.counts.textContent =
      `${formatCount(this.filters.visibleNodes)} of ${formatCount(nodes.id.length)} accounts, ` +
      `${formatCount(this.filters.visibleEdges)} of ${formatCount(edges.source.length)} edges shown`;
    this.saveState();
  }

  // The filters of a view, before the graph is drawn.
  private applyViewState(state: ViewState): void {
    for (const c of state.hidden) if (c >= -1 && c < this.data.communities.length) this.filters.hiddenCommunities.add(c);
    this.filters.minWeight = state.minWeight ?? this.defaultMinWeight;
    const { periodStart, periodEnd } = this.filters;
    let time = state.time;
    if (time !== null && periodEnd !== null && time >= periodEnd) time = null;
    if (time !== null && periodStart !== null && time < periodStart) time = periodStart;
    this.filters.time = time;
  }

  // The controls as the filters are.
  private syncControls(): void {
    for (const item of this.legendItems) {
      const c = Number(item.dataset.community);
      item.setAttribute("aria-pressed", this.filters.hiddenCommunities.has(c) ? "false" : "true");
    }
    this.weightInput.value = String(this.filters.minWeight);
    this.setTime(this.filters.time);
  }

  // Camera and selection, once sigma has drawn.
  private restoreView(state: ViewState): void {
    if (state.camera) this.sigma.getCamera().setState(state.camera as CameraView);
    if (state.selected !== null) {
      const index = this.nodeIndex(state.selected);
      if (index >= 0) this.select(index, false);
    }
  }

  private saveState(): void {
    if (this.stateTimer !== null) window.clearTimeout(this.stateTimer);
    this.stateTimer = window.setTimeout(() => {
      this.stateTimer = null;
      writeViewState(this.prefix, this.viewState());
    }, stateWriteDelayMs);
  }

  // ---- Hover: the account and its neighbours stand out ----

  private hover(index: number): void {
    this.unhover();
    this.hovered = index;
    const key = this.nodeKeys[index];
    const neighbours = this.graph.neighbors(key);
    const incident = this.graph.edges(key);
    this.sigma.setNodesState(neighbours, { isNeighbour: true });
    this.sigma.setEdgesState(incident, { isHighlighted: true });
    if (this.graph.order + this.graph.size <= fadeLimit) {
      const keep = new Set(neighbours);
      keep.add(key);
      this.sigma.setNodesState(this.nodeKeys.filter((k) => !keep.has(k)), { isFaded: true });
      const keepEdges = new Set(incident);
      this.sigma.setEdgesState(this.edgeKeys.filter((k) => !keepEdges.has(k)), { isFaded: true });
      this.faded = true;
    }
  }

  private unhover(): void {
    if (this.hovered < 0) return;
    const key = this.nodeKeys[this.hovered];
    this.sigma.setNodesState(this.graph.neighbors(key), { isNeighbour: false });
    this.sigma.setEdgesState(this.graph.edges(key), { isHighlighted: false });
    if (this.faded) {
      this.sigma.setNodesState(this.nodeKeys, { isFaded: false });
      this.sigma.setEdgesState(this.edgeKeys, { isFaded: false });
      this.faded = false;
    }
    this.hovered = -1;
  }

  // ---- Search ----

  search(query: string): number[] {
    const q = query.trim().replace(/^@/, "").toLowerCase();
    if (!q) return [];
    if (!this.lowerLabels) this.lowerLabels = this.data.nodes.label.map((l) => l.toLowerCase());
    const { pagerank } = this.data.nodes;
    const prefix: number[] = [];
    const inside: number[] = [];
    this.lowerLabels.forEach((label, i) => {
      const at = label.indexOf(q);
      if (at === 0) prefix.push(i);
      else if (at > 0) inside.push(i);
    });
    const byRank = (a: number, b: number) => pagerank[b] - pagerank[a];
    const exact = prefix.filter((i) => this.lowerLabels![i] === q);
    const rest = prefix.filter((i) => this.lowerLabels![i] !== q).sort(byRank);
    return [...exact, ...rest, ...inside.sort(byRank)].slice(0, suggestionCount);
  }

  private showSuggestions(): void {
    const results = this.search(this.searchInput.value);
    this.suggestions.textContent = "";
    const { label, name } = this.data.nodes;
    for (const i of results) {
      const button = el("button", { className: "lt-suggestion", attrs: { type: "button", role: "option" } }, [
        el("span", { className: "lt-handle", text: handleText(label[i]) }),
        name[i] ? el("span", { className: "lt-name", text: name[i] }) : null,
      ]);
      button.addEventListener("click", () => this.pick(i));
      this.suggestions.append(el("li", {}, [button]));
    }
    if (this.searchInput.value.trim() && results.length === 0) {
      this.suggestions.append(el("li", { className: "lt-none", text: "No account with that handle" }));
    }
  }

  private pick(index: number): void {
    this.suggestions.textContent = "";
    this.searchInput.value = handleText(this.data.nodes.label[index]);
    if (!this.isNodeVisible(index)) {
      // Show what was asked for: the whole period, and the account's community.
      this.setCommunityHidden(this.data.nodes.community[index], false);
      if (!this.isNodeVisible(index)) this.setTime(null);
    }
    this.select(index, true);
  }

  // ---- Legend and panel ----

  private colourOf(community: number): string {
    return community >= 0 ? this.colours[community] : noCommunityColour;
  }

  private buildCommunityList(): HTMLElement {
    const list = el("ul", { className: "lt-communities" });
    const entries = this.data.communities.map((c, i) => ({ index: i, label: c.label || `Community ${i + 1}`, accounts: c.accounts }));
    if (this.data.nodes.community.some((c) => c === -1)) entries.push({ index: -1, label: "In no community", accounts: -1 });
    for (const entry of entries) {
      const swatch = el("span", { className: "lt-swatch" });
      swatch.style.background = this.colourOf(entry.index);
      const button = el("button", { className: "lt-community", title: "Show or hide this community", attrs: { type: "button", "aria-pressed": "true" } }, [
        swatch,
        el("span", { className: "lt-community-label", text: entry.label }),
        entry.accounts >= 0 ? el("span", { className: "lt-community-count", text: formatCount(entry.accounts) }) : null,
      ]);
      button.dataset.community = String(entry.index);
      button.addEventListener("click", () => this.setCommunityHidden(entry.index, !this.filters.hiddenCommunities.has(entry.index)));
      this.legendItems.push(button);
      list.append(el("li", {}, [button]));
    }
    return list;
  }

  private showPanel(index: number): void {
    const { nodes, communities } = this.data;
    const posts = this.data.posts[index];
    const community = nodes.community[index];
    const swatch = el("span", { className: "lt-swatch" });
    swatch.style.background = this.colourOf(community);
    const close = el("button", { className: "lt-close", text: "×", title: "Close", attrs: { type: "button", "aria-label": "Close" } });
    close.addEventListener("click", () => this.select(-1, false));
    const facts = el("dl", { className: "lt-facts" }, [
      el("dt", { text: "Community" }),
      el("dd", {}, [swatch, community >= 0 ? communities[community].label || `Community ${community + 1}` : "none"]),
      el("dt", { text: "Followers" }),
      el("dd", { text: formatCount(nodes.followers[index]) }),
      el("dt", { text: "PageRank" }),
      el("dd", { text: nodes.pagerank[index].toPrecision(3) }),
      el("dt", { text: "Neighbours" }),
      el("dd", { text: formatCount(this.graph.degreeWithoutSelfLoops(this.nodeKeys[index])) }),
      el("dt", { text: "First share" }),
      el("dd", { text: formatTime(nodes.first_share[index]) }),
    ]);
    const children: (HTMLElement | null)[] = [
      close,
      el("h2", { className: "lt-handle", text: handleText(nodes.label[index]) }),
      nodes.name[index] ? el("p", { className: "lt-name", text: nodes.name[index] }) : null,
      el("p", { className: "lt-id", text: nodes.id[index] }),
      facts,
      nodes.backbone[index] ? null : el("p", { className: "lt-note", text: "Placed next to its neighbour, not laid out with the backbone." }),
    ];
    if (posts?.first) children.push(el("h3", { text: "First share of the subject" }), postItem(posts.first, "div"));
    if (posts?.top.length) {
      children.push(el("h3", { text: "Top posts" }), el("ol", { className: "lt-posts" }, posts.top.map((p) => postItem(p, "li"))));
    }
    this.panel.textContent = "";
    this.panel.append(...children.filter((c): c is HTMLElement => c !== null));
    this.panel.hidden = false;
  }

  // ---- Events ----

  private bindEvents(): void {
    this.sigma.on("enterNode", ({ node }) => this.hover(Number(node)));
    this.sigma.on("leaveNode", () => this.unhover());
    this.sigma.on("clickNode", ({ node }) => this.select(Number(node), false));
    this.sigma.on("clickStage", () => this.select(-1, false));
    this.sigma.getCamera().on("updated", () => this.saveState());

    let searchTimer: number | null = null;
    this.searchInput.addEventListener("input", () => {
      if (searchTimer !== null) window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(() => this.showSuggestions(), 100);
    });
    this.searchInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        const [first] = this.search(this.searchInput.value);
        if (first !== undefined) this.pick(first);
      } else if (event.key === "Escape") {
        this.suggestions.textContent = "";
      }
    });
    this.slider.addEventListener("input", () => {
      const { periodStart, periodEnd } = this.filters;
      if (periodStart === null || periodEnd === null) return;
      const position = Number(this.slider.value);
      this.setTime(position >= sliderSteps ? null : periodStart + ((periodEnd - periodStart) * position) / sliderSteps);
    });
    this.playButton.addEventListener("click", () => this.togglePlay());
    this.weightInput.addEventListener("change", () => this.setMinWeight(Number(this.weightInput.value)));
  }
}

function postItem(post: { url: string; text: string; time: number | null; reposts: number }, tag: "div" | "li"): HTMLElement {
  const meta = [formatTime(post.time)];
  if (post.reposts > 0) meta.push(`${formatCount(post.reposts)} shares`);
  return el(tag, { className: "lt-post" }, [
    post.text ? el("p", { className: "lt-post-text", text: post.text }) : null,
    el("p", { className: "lt-post-meta" }, [meta.join(" · "), post.url ? " · " : null, post.url ? link(post.url, "open post") : null]),
  ]);
}

function subtitle(data: MapData, filters: Filters): string {
  const parts: string[] = [];
  if (data.subject) parts.push(data.subject);
  if (filters.periodStart !== null && filters.periodEnd !== null) {
    parts.push(`${formatTime(filters.periodStart)} – ${formatTime(filters.periodEnd)}`);
  }
  return parts.join(" · ");
}

function samplingNote(data: MapData): HTMLElement | null {
  const s = data.sampling;
  if (!s) return null;
  const text =
    `This map shows ${formatCount(s.accounts_shown)} of ${formatCount(s.accounts_total)} accounts and ` +
    `${formatCount(s.edges_shown)} of ${formatCount(s.edges_total)} edges` + (s.how ? `: ${s.how}.` : ".");
  return el("p", { className: "lt-sampling", text });
}

// Indices of the `count` accounts of highest PageRank (size breaks ties).
function largestNodes(pagerank: number[], size: number[], count: number): number[] {
  const order = pagerank.map((_, i) => i);
  if (order.length <= count) return order;
  order.sort((a, b) => pagerank[b] - pagerank[a] || size[b] - size[a]);
  return order.slice(0, count);
}

// Layout sizes (radii in layout units) mapped to screen pixels, by the square root so that area
// follows the size, keeping their order.
function nodePixelSizes(sizes: number[]): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const s of sizes) {
    if (!Number.isFinite(s)) continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const out = new Float32Array(sizes.length);
  const span = max > min ? max - min : 1;
  for (let i = 0; i < sizes.length; i++) {
    const s = Number.isFinite(sizes[i]) ? sizes[i] : min;
    out[i] = minNodePixels + (maxNodePixels - minNodePixels) * Math.sqrt(Math.max(0, (s - min) / span));
  }
  return out;
}
