// The 100,000-account / 500,000-edge map loads and renders in headless Chromium; the timings go to
// artifacts/large-timings.json. Chromium here draws with SwiftShader (no GPU), so a frame with
// 100,000 edges takes tens of seconds: the limits below are for that, not for a real GPU.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countPixels, launch, mapUrl, openPage, stageShot, waitForMap, writeArtifact } from "./harness.mjs";

const loadLimitMs = 450_000;
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test("the 100,000-account / 500,000-edge map loads and renders", { timeout: 600_000 }, async () => {
  const url = mapUrl("large.html");
  const started = Date.now();
  const { page, record } = await openPage(browser.context, url, { timeout: loadLimitMs });
  page.setDefaultTimeout(loadLimitMs);
  const loadedMs = Date.now() - started;
  await waitForMap(page, "lt-map", loadLimitMs);
  const shot = await stageShot(page, "lt-map", "large.png");
  const drawnMs = Date.now() - started;
  const pixels = await countPixels(browser.context, shot, []);
  const timings = await page.evaluate(() => window.leaktraceMaps["lt-map"].timings);
  const counts = await page.evaluate(() => {
    const { filters, data } = window.leaktraceMaps["lt-map"];
    return { accounts: data.nodes.id.length, edges: data.edges.source.length, visibleNodes: filters.visibleNodes, visibleEdges: filters.visibleEdges, minWeight: filters.minWeight };
  });
  const report = { loadEventMs: loadedMs, screenshotDoneMs: drawnMs, inPage: timings, counts };
  writeArtifact("large-timings.json", JSON.stringify(report, null, 2) + "\n");
  console.log("large map:", JSON.stringify(report));

  assert.equal(counts.accounts, 100_000);
  assert.equal(counts.edges, 500_000);
  assert.equal(counts.visibleNodes, 100_000);
  assert.ok(counts.visibleEdges > 0 && counts.visibleEdges <= 100_000, `${counts.visibleEdges} edges drawn at first`);
  assert.ok(pixels.nonBackground > pixels.total * 0.05, `only ${pixels.nonBackground} of ${pixels.total} pixels drawn`);
  assert.match(await page.textContent("#lt-map .lt-sampling"), /shows 100,000 of 243,000 accounts and 500,000 of 1,600,000 edges: backbone/);
  assert.ok(drawnMs < loadLimitMs, `drawn after ${drawnMs} ms`);

  // Search stays usable on 100,000 handles.
  await page.fill("#lt-map .lt-search", "user4242_");
  await page.waitForSelector("#lt-map .lt-suggestion");
  assert.match(await page.textContent("#lt-map .lt-suggestion .lt-handle"), /^@user4242_/);
  assert.deepEqual(record.requests, [url]);
});
