// The report `leaktrace demo` writes, in Chromium: its sections are all there, and its embedded map
// of the simulated leak (laid out by leaktrace, not drawn by a test tool) draws on a non-empty
// canvas, finds an account by its handle, replays the spread with the slider, hides a community
// with its toggle and reopens a view from the URL hash, without a single request.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countPixels, launch, mapUrl, openPage, stageShot, waitForMap } from "./harness.mjs";

const id = "report-map";
const sections = ["summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "map", "methods"];
let browser;
let page;
let record;

const view = (expression) => page.evaluate(`(() => { const map = window.leaktraceMaps["${id}"]; return ${expression}; })()`);
const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 350)));
const setSlider = (value) =>
  page.$eval(`#${id} .lt-slider`, (slider, v) => {
    slider.value = String(v);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);

before(async () => {
  browser = await launch();
  ({ page, record } = await openPage(browser.context, mapUrl("report.html"), { timeout: 120_000 }));
  await waitForMap(page, id, 120_000);
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await settle();
});
after(async () => browser?.close());

test("the demo report has every section and requests nothing", async () => {
  assert.deepEqual(await page.$$eval("main > section", (all) => all.map((s) => s.id)), sections);
  for (const section of sections) assert.ok(await page.locator(`section#${section}`).isVisible(), section);
  assert.match(await page.textContent("#summary"), /It started with a paste on Pastebin/);
  assert.deepEqual(record.requests, [mapUrl("report.html")]);
  assert.deepEqual(record.errors, []);
});

test("the demo map draws on a non-empty canvas", async () => {
  const pixels = await countPixels(browser.context, await stageShot(page, id, "demo-report-map.png"), []);
  assert.ok(pixels.nonBackground > pixels.total * 0.02, `only ${pixels.nonBackground} of ${pixels.total} pixels drawn`);
  const nodes = await view("map.graph.order");
  assert.ok(nodes > 1000, `${nodes} accounts on the demo map`);
});

test("search finds an account of the demo", async () => {
  // The most central account on the map, whatever its handle.
  const label = await view(`(() => {
    let best = 0;
    map.graph.forEachNode((key, a) => { if (a.size > map.graph.getNodeAttribute(String(best), "size")) best = Number(key); });
    return map.graph.getNodeAttribute(String(best), "label");
  })()`);
  // Shown as a user's handle, or as it is for the account of a thread or a paste.
  const shown = /[ /:]/.test(label) ? label : "@" + label;
  assert.ok(label.length > 2, `label ${label}`);
  await page.fill(`#${id} .lt-search`, label);
  await page.waitForSelector(`#${id} .lt-suggestion`);
  const handles = await page.$$eval(`#${id} .lt-suggestion .lt-handle`, (all) => all.map((h) => h.textContent));
  assert.ok(handles.includes(shown), `${shown} among ${handles}`);
  await page.click(`#${id} .lt-suggestion >> nth=${handles.indexOf(shown)}`);
  await page.waitForSelector(`#${id} .lt-panel:not([hidden])`);
  assert.equal(await page.textContent(`#${id} .lt-panel h2`), shown);
  await stageShot(page, id, "demo-report-search.png", { withControls: true });
  await page.click(`#${id} .lt-close`);
});

test("the slider replays the spread of the demo", async () => {
  const total = await view("map.graph.order");
  await setSlider(0);
  await settle();
  const atStart = await view("map.filters.visibleNodes");
  await setSlider(300);
  await settle();
  const early = await view("map.filters.visibleNodes");
  await setSlider(1000);
  await settle();
  const atEnd = await view("map.filters.visibleNodes");
  assert.ok(atStart < early && early < atEnd, `visible accounts ${atStart}, ${early}, ${atEnd}`);
  assert.equal(atEnd, total);
});

test("a community toggle hides the demo community's accounts", async () => {
  const before = await view("map.filters.visibleNodes");
  const inFirst = await view("map.data.nodes.community.filter((c) => c === 0).length");
  assert.ok(inFirst > 0);
  await page.click(`#${id} .lt-community >> nth=0`);
  await settle();
  assert.equal(await page.getAttribute(`#${id} .lt-community >> nth=0`, "aria-pressed"), "false");
  assert.equal(await view("map.filters.visibleNodes"), before - inFirst);
  await stageShot(page, id, "demo-report-community-hidden.png");
  await page.click(`#${id} .lt-community >> nth=0`);
  await settle();
  assert.equal(await view("map.filters.visibleNodes"), before);
});

test("the URL hash reopens the same view of the demo map", async () => {
  await page.click(`#${id} .lt-community >> nth=1`);
  await setSlider(600);
  await view("map.sigma.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.5, angle: 0 })");
  await settle();
  const saved = await view("map.viewState()");
  const reopened = await openPage(browser.context, page.url(), { timeout: 120_000 });
  await waitForMap(reopened.page, id, 120_000);
  const restored = await reopened.page.evaluate((mapId) => window.leaktraceMaps[mapId].viewState(), id);
  assert.deepEqual(restored.hidden, saved.hidden);
  assert.equal(restored.hidden.length, 1);
  assert.ok(Math.abs(restored.time - saved.time) < 1000, `time ${restored.time} vs ${saved.time}`);
  for (const key of ["x", "y", "ratio"]) assert.ok(Math.abs(restored.camera[key] - saved.camera[key]) < 1e-4, key);
  await reopened.page.close();
});
