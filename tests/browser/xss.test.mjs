// The XSS corpus (write_test_map's xss.html: payloads in handles, names, ids, post texts, hashtags,
// URLs, community labels, the title, the subject and the sampling note), opened from file:// and
// from a loopback HTTP server, with every text path of the viewer exercised: no payload runs,
// none becomes an element or an attribute, no request leaves the page, no CSP violation occurs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch, mapUrl, mapsDir, openPage, screenshot, securityFacts, waitForMap } from "./harness.mjs";

let browser;
let server;
let serverUrl;
const served = [];

before(async () => {
  browser = await launch();
  const page = readFileSync(join(mapsDir, "xss.html"));
  server = createServer((request, response) => {
    served.push(request.url);
    if (request.url.split("?")[0].split("#")[0] !== "/xss.html") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${server.address().port}/xss.html`;
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// Drives every place where the viewer writes data into the page.
async function exercise(page) {
  const count = await page.evaluate(() => window.leaktraceMaps["lt-map"].data.nodes.id.length);
  for (let i = 0; i < count; i++) {
    await page.evaluate((index) => window.leaktraceMaps["lt-map"].select(index, false), i);
  }
  for (const query of ["<", "script", "img", "onerror", "javascript", "__proto__", "\"", "'", "{{", "&lt;"]) {
    await page.fill("#lt-map .lt-search", query);
    await page.waitForTimeout(150);
    const suggestions = await page.$$("#lt-map .lt-suggestion");
    if (suggestions.length) await suggestions[0].click();
  }
  await page.keyboard.press("Escape");
  for (const toggle of await page.$$("#lt-map .lt-community")) {
    await toggle.click();
    await toggle.click();
  }
  await page.$eval("#lt-map .lt-slider", (slider) => {
    slider.value = "300";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // Hover over every link and focus everything focusable, in case an attribute handler slipped in.
  for (const anchor of await page.$$("#lt-map a")) await anchor.hover();
  await page.evaluate(() => document.querySelectorAll("#lt-map *").forEach((e) => e.dispatchEvent(new Event("focus"))));
  await page.evaluate(() => window.leaktraceMaps["lt-map"].select(0, false));
  await page.waitForTimeout(500);
}

async function inspect(page) {
  const facts = await securityFacts(page);
  return page.evaluate((facts) => {
    return {
      ...facts,
      title: document.title,
      heading: document.querySelector("#lt-map .lt-title")?.textContent,
      subtitle: document.querySelector("#lt-map .lt-subtitle")?.textContent,
      sampling: document.querySelector("#lt-map .lt-sampling")?.textContent,
      panel: document.querySelector("#lt-map .lt-panel")?.textContent ?? "",
      legend: document.querySelector("#lt-map .lt-communities")?.textContent ?? "",
      swatches: [...document.querySelectorAll("#lt-map .lt-swatch")].map((s) => s.style.background),
      error: document.querySelector("#lt-map")?.getAttribute("data-lt-error"),
    };
  }, facts);
}

const allowedTags = new Set(["html", "head", "meta", "title", "style", "body", "div", "script", "canvas", "h1", "h2", "h3", "p", "input", "ul", "li", "button", "span", "label", "aside", "dl", "dt", "dd", "ol", "a"]);

function checkPage(result, record, pageUrl) {
  assert.equal(result.error, null, "the map is drawn");
  assert.equal(result.xss, null, `a payload ran: ${result.xss}`);
  assert.deepEqual(record.dialogs, [], "no dialog opened");
  assert.deepEqual(result.violations, [], "nothing tried to load or run against the policy");
  assert.deepEqual(record.requests, [pageUrl], "the page makes no request");
  assert.deepEqual(result.scripts, ["application/json", "classic"], "only the data block and the viewer");
  for (const tag of result.tags) assert.ok(allowedTags.has(tag), `unexpected element <${tag}>`);
  assert.deepEqual(result.handlerAttributes, [], "no event handler attribute");
  assert.deepEqual(result.srcs, [], "no element with a src");
  for (const href of result.hrefs) assert.match(href, /^https?:\/\/[^\s"'<>]+$/i, `link ${href}`);
  // The payloads are shown as the text they are.
  assert.equal(result.title, "<img src=x onerror=\"window.__xss='page-title'\">");
  assert.equal(result.heading, "<script>window.__xss='title'</script> XSS corpus");
  assert.match(result.subtitle, /^#<img src=x onerror="window.__xss='subject'">/);
  assert.match(result.sampling, /<img src=x onerror="window.__xss='sampling'">/);
  assert.match(result.panel, /<script>window.__xss='script'<\/script>/);
  assert.match(result.legend, /<b onmouseover="window.__xss='hover'">hover me<\/b>/);
  // A colour that is not #rrggbb is not used as CSS.
  for (const swatch of result.swatches) assert.doesNotMatch(swatch, /url|127\.0\.0\.1/);
}

test("the XSS corpus from file:// runs nothing and requests nothing", async () => {
  const url = mapUrl("xss.html");
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page);
  await exercise(page);
  await screenshot(page, "xss-file.png");
  checkPage(await inspect(page), record, url);
  // Links that were javascript:, data:, vbscript: or protocol-relative are plain text.
  const unlinked = await page.$$eval("#lt-map .lt-unlinked", (spans) => spans.length);
  assert.ok(unlinked > 0);
  await page.close();
});

test("the XSS corpus over HTTP runs nothing and requests nothing", async () => {
  const { page, record } = await openPage(browser.context, serverUrl);
  await waitForMap(page);
  await exercise(page);
  await screenshot(page, "xss-http.png");
  checkPage(await inspect(page), record, serverUrl);
  assert.deepEqual(served, ["/xss.html"], "the server saw the page only");
  await page.close();
});

test("a payload id in the URL hash is only a key", async () => {
  const url = mapUrl("xss.html") + "#sel=" + encodeURIComponent("<script>window.__xss='script'</script>") + "&t=abc&hide=1,x,99&cam=1,2";
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page);
  const result = await inspect(page);
  assert.equal(result.xss, null);
  assert.match(result.panel, /^×<script>window.__xss='script'<\/script>/);
  assert.deepEqual(record.requests, [mapUrl("xss.html")]);
  await page.close();
});
