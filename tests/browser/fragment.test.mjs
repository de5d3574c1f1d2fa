// Two maps embedded with html_map_fragment() in a host page, as the report embeds them: both
// draw, each keeps its own view in the URL hash (keys prefixed by its id), no request is made.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countPixels, launch, mapUrl, openPage, screenshot, stageShot, waitForMap } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test("two embedded maps draw, keep separate views and make no request", async () => {
  const url = mapUrl("fragment.html");
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page, "report-map-a");
  await waitForMap(page, "report-map-b");
  assert.equal(await page.textContent("h1"), "Report");
  for (const id of ["report-map-a", "report-map-b"]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const pixels = await countPixels(browser.context, await stageShot(page, id, `fragment-${id}.png`), []);
    assert.ok(pixels.nonBackground > pixels.total * 0.01, `${id}: ${pixels.nonBackground} pixels drawn`);
  }
  await page.click('#report-map-b .lt-community[data-community="1"]');
  await page.waitForTimeout(400);
  const hash = decodeURIComponent(new URL(page.url()).hash);
  assert.match(hash, /report-map-b\.hide=1/);
  assert.doesNotMatch(hash, /report-map-a\.hide/);
  assert.equal(await page.evaluate(() => window.leaktraceMaps["report-map-a"].filters.hiddenCommunities.size), 0);
  await screenshot(page, "fragment-page.png", { fullPage: true });
  assert.deepEqual(record.requests, [url]);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
});
