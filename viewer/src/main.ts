import { parseMapData } from "./data";
import { el } from "./dom";
import { MapView } from "./map_view";
import css from "./viewer.css";

// Starts every map of the page: each `div[data-lt-map="DATA-ID"]` is drawn from the JSON in
// `<script type="application/json" id="DATA-ID">`. A map starts once, however many times the
// script runs; `window.leaktraceMaps` holds the views by container id (the browser tests use it).

declare global {
  interface Window {
    leaktraceMaps?: Record<string, MapView>;
  }
}

const styleId = "lt-map-style";

function injectStyle(): void {
  if (document.getElementById(styleId)) return;
  const style = el("style", { text: css, attrs: { id: styleId } });
  document.head.append(style);
}

function startMaps(): void {
  const containers = Array.from(document.querySelectorAll<HTMLElement>("div[data-lt-map]"));
  if (!containers.length) return;
  injectStyle();
  const maps = (window.leaktraceMaps ??= {});
  const several = containers.length > 1;
  for (const container of containers) {
    if (container.dataset.ltStarted) continue;
    container.dataset.ltStarted = "1";
    const prefix = several && container.id ? container.id + "." : "";
    try {
      const block = document.getElementById(container.dataset.ltMap ?? "");
      if (!block) throw new Error("the map's data block is missing");
      const startedAtMs = performance.now();
      const data = parseMapData(block.textContent ?? "");
      const parseMs = performance.now() - startedAtMs;
      const view = new MapView(container, data, prefix);
      Object.assign(view.timings, { startedAtMs, parseMs });
      maps[container.id || String(Object.keys(maps).length)] = view;
    } catch (error) {
      container.setAttribute("data-lt-error", "1");
      container.textContent = "";
      container.append(el("p", { className: "lt-error", text: `The map cannot be shown: ${error instanceof Error ? error.message : String(error)}` }));
      console.error(error);
    }
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startMaps, { once: true });
else startMaps();
