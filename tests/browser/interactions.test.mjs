// The demo map in Chromium: it draws, search finds an account, the time slider and the community
// toggles change what is drawn, the URL hash reopens a view, hover and the weight filter work.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countPixels, launch, mapUrl, openPage, stageShot, waitForMap } from "./harness.mjs";

const colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
let browser;
let page;
let record;

const view = (expression) => page.evaluate(`(() => { const map = window.leaktraceMaps["lt-map"]; return ${expression}; })()`);
const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 350)));

before(async () => {
  browser = await launch();
  ({ page, record } = await openPage(browser.context, mapUrl("demo.html")));
  await waitForMap(page);
});
after(async () => browser?.close());

test("the map draws every community on a non-empty canvas and makes no request", async () => {
  const pixels = await countPixels(browser.context, await stageShot(page, "lt-map", "demo.png", { withControls: false }), colours);
  assert.ok(pixels.nonBackground > pixels.total * 0.02, `only ${pixels.nonBackground} of ${pixels.total} pixels drawn`);
  for (const colour of colours) assert.ok(pixels.colours[colour] > 30, `community ${colour}: ${pixels.colours[colour]} pixels`);
  assert.deepEqual(record.requests, [mapUrl("demo.html")]);
  assert.deepEqual(record.errors, []);
  assert.equal(await page.textContent("#lt-map .lt-counts"), "800 of 800 accounts, 2,400 of 2,400 edges shown");
});

test("search finds an account and opens its panel", async () => {
  await page.fill("#lt-map .lt-search", "user7_");
  await page.waitForSelector("#lt-map .lt-suggestion");
  const first = await page.textContent("#lt-map .lt-suggestion .lt-handle");
  assert.equal(first, "@user7_0");
  await page.click("#lt-map .lt-suggestion");
  await page.waitForSelector("#lt-map .lt-panel:not([hidden])");
  assert.equal(await page.textContent("#lt-map .lt-panel h2"), "@user7_0");
  assert.match(await page.textContent("#lt-map .lt-panel"), /User 7 of community 0/);
  await settle();
  assert.match(new URL(page.url()).hash, /sel=twitter%3A100007/);
  await stageShot(page, "lt-map", "demo-search.png", { withControls: true });
  await page.click("#lt-map .lt-close");
  await view("map.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 })");
  await page.fill("#lt-map .lt-search", "no-such-handle");
  await page.waitForSelector("#lt-map .lt-none");
});

test("the time slider replays the spread", async () => {
  const setSlider = (value) =>
    page.$eval("#lt-map .lt-slider", (slider, v) => {
      slider.value = String(v);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);
  const visible = () => view("map.filters.visibleNodes");
  await setSlider(0);
  await settle();
  const atStart = await visible();
  const startShot = await countPixels(browser.context, await stageShot(page, "lt-map", "demo-time-start.png"), colours);
  await setSlider(500);
  await settle();
  const midway = await visible();
  await setSlider(1000);
  await settle();
  const atEnd = await visible();
  const endShot = await countPixels(browser.context, await stageShot(page, "lt-map", "demo-time-end.png"), colours);
  assert.ok(atStart < midway && midway < atEnd, `visible accounts ${atStart}, ${midway}, ${atEnd}`);
  assert.equal(atEnd, 800);
  assert.ok(startShot.nonBackground < endShot.nonBackground, "the start of the story draws less than its end");
  // Communities join in turn: at the start the last one has not shared yet.
  assert.equal(startShot.nonBackground, 0, "nothing has been shared at the start");
  assert.ok(endShot.colours["#8c564b"] > 30);

  await setSlider(0);
  await page.click("#lt-map .lt-play");
  await page.waitForTimeout(800);
  assert.equal(await page.textContent("#lt-map .lt-play"), "❚❚ Pause");
  await page.click("#lt-map .lt-play");
  const position = Number(await page.$eval("#lt-map .lt-slider", (s) => s.value));
  assert.ok(position > 0 && position < 1000, `slider at ${position} after playing`);
  await setSlider(1000);
});

test("a community toggle hides its accounts", async () => {
  await settle();
  const before = await countPixels(browser.context, await stageShot(page, "lt-map", "demo-before-toggle.png"), colours);
  await page.click('#lt-map .lt-community[data-community="0"]');
  await settle();
  const afterToggle = await countPixels(browser.context, await stageShot(page, "lt-map", "demo-community-hidden.png"), colours);
  assert.equal(await page.getAttribute('#lt-map .lt-community[data-community="0"]', "aria-pressed"), "false");
  assert.ok(afterToggle.colours["#1f77b4"] < before.colours["#1f77b4"] * 0.05, `${afterToggle.colours["#1f77b4"]} blue pixels left of ${before.colours["#1f77b4"]}`);
  assert.ok(afterToggle.colours["#ff7f0e"] > before.colours["#ff7f0e"] * 0.5, "other communities stay");
  assert.equal(await view("map.isNodeVisible(map.nodeIndex('twitter:100007'))"), false);
  await page.click('#lt-map .lt-community[data-community="0"]');
  await settle();
  assert.equal(await view("map.filters.visibleNodes"), 800);
});

test("the weight filter hides weak edges", async () => {
  await page.fill("#lt-map .lt-weight", "3");
  await page.dispatchEvent("#lt-map .lt-weight", "change");
  const weak = await view("map.filters.visibleEdges");
  const expected = await view("window.leaktraceMaps['lt-map'].filters.edgeVisible.length");
  assert.ok(weak > 0 && weak < expected / 2, `${weak} of ${expected} edges of weight ≥ 3`);
  await page.fill("#lt-map .lt-weight", "0");
  await page.dispatchEvent("#lt-map .lt-weight", "change");
  assert.equal(await view("map.filters.visibleEdges"), expected);
});

test("hover shows the neighbours and dims the others", async () => {
  const index = await view("map.nodeIndex('twitter:100007')");
  const point = await view(`map.sigma.framedGraphToViewport(map.sigma.getNodeDisplayData('${index}'))`);
  const box = await page.locator("#lt-map .lt-stage").boundingBox();
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await page.waitForFunction((key) => window.leaktraceMaps["lt-map"].sigma.getNodeState(key).isHovered, String(index));
  const states = await view(`(() => {
    const key = '${index}';
    const neighbours = map.graph.neighbors(key);
    const others = map.graph.nodes().filter((n) => n !== key && !neighbours.includes(n));
    return {
      neighbours: neighbours.length,
      neighboursShown: neighbours.every((n) => map.sigma.getNodeState(n).isNeighbour && !map.sigma.getNodeState(n).isFaded),
      othersFaded: others.every((n) => map.sigma.getNodeState(n).isFaded),
    };
  })()`);
  await stageShot(page, "lt-map", "demo-hover.png");
  assert.ok(states.neighbours > 0);
  assert.ok(states.neighboursShown, "neighbours stand out");
  assert.ok(states.othersFaded, "the others are dimmed");
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  await page.waitForFunction(() => !window.leaktraceMaps["lt-map"].sigma.getNodeState("0").isFaded);
});

test("the URL hash reopens the same view", async () => {
  await page.click('#lt-map .lt-community[data-community="2"]');
  await page.$eval("#lt-map .lt-slider", (slider) => {
    slider.value = "600";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.fill("#lt-map .lt-weight", "2");
  await page.dispatchEvent("#lt-map .lt-weight", "change");
  await view("(map.select(map.nodeIndex('twitter:100001'), false), map.sigma.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.5, angle: 0 }))");
  await settle();
  const url = page.url();
  const saved = await view("map.viewState()");
  assert.match(url, /#.*cam=/);

  const reopened = await openPage(browser.context, url);
  await waitForMap(reopened.page);
  const restored = await reopened.page.evaluate(() => window.leaktraceMaps["lt-map"].viewState());
  assert.deepEqual(restored.hidden, [2]);
  assert.equal(restored.selected, "twitter:100001");
  assert.equal(restored.minWeight, 2);
  assert.ok(Math.abs(restored.time - saved.time) < 1000, `time ${restored.time} vs ${saved.time}`);
  for (const key of ["x", "y", "ratio"]) assert.ok(Math.abs(restored.camera[key] - saved.camera[key]) < 1e-4, key);
  assert.equal(await reopened.page.textContent("#lt-map .lt-panel h2"), "@user1_1");
  assert.equal(await reopened.page.getAttribute('#lt-map .lt-community[data-community="2"]', "aria-pressed"), "false");
  assert.equal(await reopened.page.$eval("#lt-map .lt-slider", (s) => s.value), "600");
  await stageShot(reopened.page, "lt-map", "demo-restored.png", { withControls: true });
  await reopened.page.close();
});
