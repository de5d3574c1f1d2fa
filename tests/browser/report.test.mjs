// The realistic report (write_test_report's report.html) in Chromium: every section is there, in
// order and visible, the contents link to them, the timeline and bridges figures are drawn with
// the communities' colours, the embedded map draws a non-empty canvas, and nothing is requested.
// The same report without a map carries no script at all. Screenshots go to the artifacts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countPixels, launch, mapUrl, openPage, screenshot, stageShot, waitForMap, writeArtifact } from "./harness.mjs";

const sections = ["summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "map", "methods"];
// community_colour(0..4) in src/render/palette.cpp (Kelly's colours).
const communityColours = ["#0067a5", "#f38400", "#008856", "#be0032", "#875692"];

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function checkSections(page, expected) {
  assert.deepEqual(await page.$$eval("main > section", (all) => all.map((s) => s.id)), expected);
  assert.deepEqual(await page.$$eval("nav#contents a", (all) => all.map((a) => a.getAttribute("href"))), expected.map((id) => "#" + id));
  for (const id of expected) {
    const section = page.locator(`section#${id}`);
    assert.ok(await section.isVisible(), `section ${id} is visible`);
    const box = await section.boundingBox();
    assert.ok(box.height > 60 && box.width > 600, `section ${id} has room: ${JSON.stringify(box)}`);
    assert.ok((await section.locator(":scope > h2").textContent()).length > 0);
  }
}

test("the report shows every section, its figures and its map, and makes no request", async () => {
  const url = mapUrl("report.html");
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page, "report-map");
  assert.equal(await page.title(), "How #MacronLeaks spread (synthetic test report)");
  await checkSections(page, sections);

  // The origin chain as steps and as a table, the paste first.
  assert.equal(await page.locator("#origin ol.lt-steps > li").count(), 4);
  assert.match(await page.textContent("#origin ol.lt-steps > li:first-child"), /Pastebin — @anonymous posted/);
  assert.equal(await page.locator("#origin table").first().locator("tbody tr").count(), 4);

  // The timeline: an area per series in its colour, a marker per milestone, labelled time ticks.
  const areas = await page.$$eval("#timeline-chart .lt-areas path", (paths) => paths.map((p) => p.getAttribute("fill")));
  assert.deepEqual(areas, [...communityColours, "#9a9a9a"]);
  assert.equal(await page.locator("#timeline-chart .lt-milestones circle").count(), 9);
  const ticks = await page.$$eval("#timeline-chart .lt-time-axis text", (texts) => texts.map((t) => t.textContent));
  for (const day of ["May 6", "May 7", "May 8"]) assert.ok(ticks.includes(day), `tick ${day} in ${ticks}`);
  const chart = await page.locator("#timeline-chart svg").boundingBox();
  assert.ok(chart.width > 800 && chart.height > 350, `timeline chart ${JSON.stringify(chart)}`);
  await page.locator("#timeline-chart").scrollIntoViewIfNeeded();
  const timelineShot = await screenshot(page, "report-timeline.png", { clip: await page.locator("#timeline-chart svg").boundingBox() });
  // The areas are drawn at 88% opacity over white.
  const onWhite = (hex) =>
    "#" + [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.88 + 255 * 0.12).toString(16).padStart(2, "0")).join("");
  const drawn = communityColours.map(onWhite);
  const timelinePixels = await countPixels(browser.context, timelineShot, drawn, 6);
  for (const colour of drawn) assert.ok(timelinePixels.colours[colour] > 100, `timeline ${colour}: ${timelinePixels.colours[colour]}`);

  // The bridges: a column per jump, an arrow for each jump that has a source.
  assert.equal(await page.locator("#bridges-chart .lt-bridge").count(), 5);
  assert.equal(await page.locator("#bridges-chart .lt-jump").count(), 4);
  assert.equal(await page.locator("#bridges table tbody tr").count(), 5);
  await page.locator("#bridges-chart").scrollIntoViewIfNeeded();
  await screenshot(page, "report-bridges.png", { clip: await page.locator("#bridges-chart").boundingBox() });

  // The map draws inside the page.
  await page.locator("#report-map").scrollIntoViewIfNeeded();
  const mapPixels = await countPixels(browser.context, await stageShot(page, "report-map", "report-map.png"), []);
  assert.ok(mapPixels.nonBackground > mapPixels.total * 0.01, `map: ${mapPixels.nonBackground} of ${mapPixels.total} pixels drawn`);

  // The contents lead to their section.
  await page.click('nav#contents a[href="#cascades"]');
  await page.waitForTimeout(300);
  const top = await page.evaluate(() => document.getElementById("cascades").getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 4, `#cascades is at the top of the view: ${top}`);

  await screenshot(page, "report-page.png", { fullPage: true });
  assert.deepEqual(record.requests, [url], "the report requests nothing");
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  await page.close();
});

test("a link to a section opens the report there", async () => {
  const url = mapUrl("report.html") + "#methods";
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page, "report-map");
  const top = await page.evaluate(() => document.getElementById("methods").getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 4, `#methods is at the top of the view: ${top}`);
  assert.deepEqual(record.requests.map((u) => u.replace(/#.*$/, "")), [mapUrl("report.html")]);
  await page.close();
});

test("the report prints: figures kept, the page within A4", async () => {
  const { page } = await openPage(browser.context, mapUrl("report.html"));
  await waitForMap(page, "report-map");
  await page.emulateMedia({ media: "print" });
  const width = await page.evaluate(() => document.querySelector("#timeline-chart svg").getBoundingClientRect().width);
  assert.ok(width > 300);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  assert.ok(pdf.length > 50_000, `PDF of ${pdf.length} bytes`);
  writeArtifact("report.pdf", pdf);
  await page.close();
});

test("the report without a map has no script and the same sections less the map", async () => {
  const url = mapUrl("nomap.html");
  const { page, record } = await openPage(browser.context, url);
  await checkSections(page, sections.filter((id) => id !== "map"));
  assert.equal(await page.locator("script").count(), 0);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy, /script-src 'none'/);
  await screenshot(page, "nomap-top.png");
  assert.deepEqual(record.requests, [url]);
  assert.deepEqual(record.errors, []);
  await page.close();
});
