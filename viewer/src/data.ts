// The map's data as html_map.cpp embeds it (src/render/html_map.h documents the format), checked
// before use: every string in it is attacker-controlled, and a malformed block must fail with a
// message rather than draw half a map.

export interface MapPost {
  url: string;
  text: string;
  time: number | null;
  reposts: number;
}

export interface NodePosts {
  first: MapPost | null;
  top: MapPost[];
}

export interface MapCommunity {
  label: string;
  colour: string;
  accounts: number;
}

export interface MapSampling {
  accounts_total: number;
  accounts_shown: number;
  edges_total: number;
  edges_shown: number;
  how: string;
}

export interface MapNodes {
  id: string[];
  label: string[];
  name: string[];
  community: number[];
  x: number[];
  y: number[];
  size: number[];
  pagerank: number[];
  followers: (number | null)[];
  first_share: (number | null)[];
  backbone: number[];
}

export interface MapEdges {
  source: number[];
  target: number[];
  weight: number[];
  type: number[];
  time: (number | null)[];
}

export interface MapData {
  format: "leaktrace-map";
  version: number;
  title: string;
  subject: string;
  start: number | null;
  end: number | null;
  communities: MapCommunity[];
  sampling: MapSampling | null;
  edge_types: string[];
  nodes: MapNodes;
  posts: (NodePosts | null)[];
  edges: MapEdges;
}

export const supportedVersion = 1;
const colourPattern = /^#[0-9a-fA-F]{6}$/;
export const noCommunityColour = "#9aa0a6";

function fail(what: string): never {
  throw new Error(`the map's data is malformed: ${what}`);
}

function checkColumns(table: Record<string, unknown>, names: string[], what: string): number {
  let length = -1;
  for (const name of names) {
    const column = table[name];
    if (!Array.isArray(column)) fail(`${what}.${name} is not an array`);
    if (length >= 0 && column.length !== length) fail(`${what}.${name} has ${column.length} entries, not ${length}`);
    length = column.length;
  }
  return Math.max(length, 0);
}

// Parses and checks the JSON text of a map's data block.
export function parseMapData(text: string): MapData {
  const data = JSON.parse(text) as MapData;
  if (!data || typeof data !== "object" || data.format !== "leaktrace-map") fail("not a leaktrace map");
  if (data.version !== supportedVersion) {
    fail(`version ${String(data.version)}; this viewer reads version ${supportedVersion}: write the map again with this leaktrace`);
  }
  const nodeCount = checkColumns(data.nodes as unknown as Record<string, unknown>, Object.keys(emptyNodes()), "nodes");
  const edgeCount = checkColumns(data.edges as unknown as Record<string, unknown>, Object.keys(emptyEdges()), "edges");
  if (!Array.isArray(data.posts) || data.posts.length !== nodeCount) fail("posts is not one entry per node");
  if (!Array.isArray(data.communities)) fail("communities is not an array");
  for (const community of data.communities) {
    community.label = String(community.label ?? "");
    if (!colourPattern.test(String(community.colour))) community.colour = noCommunityColour;
  }
  const communityCount = data.communities.length;
  const { community } = data.nodes;
  for (let i = 0; i < nodeCount; i++) {
    const c = community[i];
    if (!Number.isInteger(c) || c < -1 || c >= communityCount) community[i] = -1;
  }
  const { source, target } = data.edges;
  for (let i = 0; i < edgeCount; i++) {
    const s = source[i];
    const t = target[i];
    if (!Number.isInteger(s) || !Number.isInteger(t) || s < 0 || t < 0 || s >= nodeCount || t >= nodeCount) {
      fail(`edge ${i} joins ${String(s)} and ${String(t)}, not nodes of this map`);
    }
  }
  return data;
}

function emptyNodes(): MapNodes {
  return { id: [], label: [], name: [], community: [], x: [], y: [], size: [], pagerank: [], followers: [], first_share: [], backbone: [] };
}

function emptyEdges(): MapEdges {
  return { source: [], target: [], weight: [], type: [], time: [] };
}
