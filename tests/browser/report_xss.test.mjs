// The XSS report (write_test_report's xss.html: payloads in every string of the document, hostile
// URLs and colours, the XSS map embedded), opened from file:// and from a loopback HTTP server: no
// payload runs, none becomes an element or an attribute, no request leaves the page, no CSP
// violation occurs. Its Markdown twin is rendered by GitHub's cmark-gfm with raw HTML allowed and
// no CSP at all, so that only the renderer's escaping stands between a payload and the page.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch, mapUrl, mapsDir, openPage, screenshot, securityFacts, waitForMap, writeArtifact } from "./harness.mjs";

const sectionIds = ["summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "map", "methods"];
let browser;
let server;
let origin;
const served = [];
const files = new Map();

before(async () => {
  browser = await launch();
  server = createServer((request, response) => {
    const path = request.url.split("?")[0].split("#")[0];
    served.push(path);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": path.endsWith(".svg") ? "image/svg+xml" : "text/html; charset=utf-8" }).end(body());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  files.set("/xss.html", () => readFileSync(join(mapsDir, "xss.html")));
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// Everything that reacts to a reader: every account of the map selected (its panel filled), every
// link hovered, every element focused, the contents followed.
async function exercise(page) {
  await page.evaluate(async () => {
    const map = window.leaktraceMaps["report-map"];
    for (let i = 0; i < map.data.nodes.id.length; i++) map.select(i, false);
  });
  for (const anchor of await page.$$("main a")) await anchor.hover();
  await page.evaluate(() => document.querySelectorAll("*").forEach((e) => e.dispatchEvent(new Event("focus"))));
  await page.click('nav#contents a[href="#methods"]');
  await page.waitForTimeout(400);
}

async function inspect(page) {
  const facts = await securityFacts(page);
  return page.evaluate((facts) => {
    return {
      ...facts,
      links: [...document.querySelectorAll("[href]")].map((e) => ({ href: e.getAttribute("href"), rel: e.getAttribute("rel"), inMap: !!e.closest(".lt-map") })),
      styles: [...document.querySelectorAll("main [style]")].filter((e) => !e.closest(".lt-map")).map((e) => e.getAttribute("style")),
      fills: [...document.querySelectorAll("main [fill]")].map((e) => e.getAttribute("fill")),
      title: document.title,
      heading: document.querySelector("h1").textContent,
      subtitle: document.querySelector(".lt-subtitle").textContent,
      command: document.querySelector("#methods pre").textContent,
      accounts: document.querySelector("#accounts table").textContent,
      timelineText: document.querySelector("#timeline-chart svg").textContent,
      bridgesText: document.querySelector("#bridges-chart svg").textContent,
      unlinked: document.querySelectorAll("main .lt-unlinked").length,
    };
  }, facts);
}

const allowedTags = new Set([
  // the report
  "html", "head", "meta", "title", "style", "body", "div", "header", "nav", "main", "section", "footer", "h1", "h2", "h3",
  "p", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "strong", "code", "pre", "time", "bdi",
  "figure", "figcaption", "script",
  // its SVG figures
  "svg", "desc", "g", "rect", "line", "path", "circle", "text", "defs", "marker",
  // the map viewer
  "canvas", "input", "button", "label", "aside", "dl", "dt", "dd",
]);

function checkPage(result, record, pageUrl) {
  assert.equal(result.xss, null, `a payload ran: ${result.xss}`);
  assert.deepEqual(record.dialogs, [], "no dialog opened");
  assert.deepEqual(result.violations, [], "nothing tried to load or run against the policy");
  assert.deepEqual(record.requests, [pageUrl], "the page makes no request");
  assert.deepEqual(result.scripts, ["application/json", "classic"], "only the map's data block and the viewer");
  for (const tag of result.tags) assert.ok(allowedTags.has(tag), `unexpected element <${tag}>`);
  assert.deepEqual(result.handlerAttributes, [], "no event handler attribute");
  assert.deepEqual(result.srcs, [], "no element with a src");
  for (const { href, rel, inMap } of result.links) {
    if (href.startsWith("#")) {
      assert.ok(sectionIds.includes(href.slice(1)), `internal link ${href}`);
      continue;
    }
    assert.match(href, /^https?:\/\/[^\s"'<>]+$/i, `link ${href}`);
    if (!inMap) assert.equal(rel, "noopener noreferrer", `rel of ${href}`);
  }
  assert.deepEqual(result.styles, [], "no style attribute in the report's own markup");
  for (const fill of result.fills) assert.match(fill, /^(#[0-9a-f]{6}|none)$/, `fill ${fill}`);
  // The payloads are shown as the text they are.
  assert.equal(result.title, "<script>window.__xss='title'</script> XSS report");
  assert.equal(result.heading, "<script>window.__xss='title'</script> XSS report");
  assert.match(result.subtitle, /^Subject: #<img src=x onerror="window.__xss='subject'">/);
  assert.match(result.command, /<\/pre><script>window.__xss="pre"<\/script>/);
  assert.match(result.accounts, /<!--<script>window.__xss='comment'<\/script>--><iframe src="javascript:top.__xss='iframe'">/);
  assert.match(result.timelineText, /<script>window.__xss='script'<\/script>|"><img src=x onerror/);
  assert.match(result.bridgesText, /@/);
  assert.ok(result.unlinked > 0, "javascript:, data: and other URLs are shown unlinked");
}

test("the XSS report from file:// runs nothing and requests nothing", async () => {
  const url = mapUrl("xss.html");
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page, "report-map");
  await exercise(page);
  await screenshot(page, "report-xss-file.png", { fullPage: true });
  checkPage(await inspect(page), record, url);
  await page.close();
});

test("the XSS report over HTTP runs nothing and requests nothing", async () => {
  const url = `${origin}/xss.html`;
  served.length = 0;
  const { page, record } = await openPage(browser.context, url);
  await waitForMap(page, "report-map");
  await exercise(page);
  await screenshot(page, "report-xss-http.png");
  checkPage(await inspect(page), record, url);
  assert.deepEqual(served, ["/xss.html"], "the server saw the page only");
  await page.close();
});

test("the XSS Markdown, rendered with raw HTML allowed and no policy, runs nothing", async (t) => {
  const rendered = spawnSync("cmark-gfm", ["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", join(mapsDir, "xss.md")], {
    encoding: "utf8",
  });
  if (rendered.error) {
    t.skip("cmark-gfm is not installed (Debian package cmark-gfm): the Markdown is checked by the unit tests only");
    return;
  }
  assert.equal(rendered.status, 0, rendered.stderr);
  const page_html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>xss.md</title></head><body>\n${rendered.stdout}</body></html>\n`;
  writeArtifact("report-xss-md.html", page_html);
  files.set("/xss-md.html", () => page_html);
  for (const figure of ["xss-timeline.svg", "xss-bridges.svg"]) files.set(`/${figure}`, () => readFileSync(join(mapsDir, figure)));
  served.length = 0;
  const url = `${origin}/xss-md.html`;
  const { page, record } = await openPage(browser.context, url);
  await page.waitForTimeout(500);
  for (const anchor of await page.$$("a")) await anchor.hover();
  const facts = await securityFacts(page);
  const result = await page.evaluate((facts) => {
    return {
      ...facts,
      images: [...document.images].map((image) => image.naturalWidth),
      heading: document.querySelector("h1").textContent,
      pre: document.querySelector("pre").textContent,
    };
  }, facts);
  await screenshot(page, "report-xss-md.png", { fullPage: true });
  assert.equal(result.xss, null, `a payload ran: ${result.xss}`);
  assert.deepEqual(record.dialogs, []);
  const markdownTags = new Set(["html", "head", "meta", "link", "title", "body", "h1", "h2", "h3", "p", "ul", "ol", "li", "table", "thead",
                                "tbody", "tr", "th", "td", "a", "code", "pre", "strong", "em", "img"]);
  for (const tag of result.tags) assert.ok(markdownTags.has(tag), `unexpected element <${tag}>`);
  assert.deepEqual(result.handlerAttributes, []);
  assert.deepEqual(result.srcs, ["xss-timeline.svg", "xss-bridges.svg"], "the only images are the figures");
  assert.ok(result.images.every((width) => width > 0), "the figures load");
  // cmark-gfm's autolinks turn URLs in post texts into links too: http(s) ones only.
  for (const href of result.hrefs) assert.match(href, /^(https?:\/\/\S+|#[a-z]+)$/i, `link ${href}`);
  assert.equal(result.heading, "<script>window.__xss='title'</script> XSS report");
  assert.match(result.pre, /<\/pre><script>window.__xss="pre"<\/script>/);
  assert.deepEqual(record.requests, [url, `${origin}/xss-timeline.svg`, `${origin}/xss-bridges.svg`]);
  assert.deepEqual(served.sort(), ["/xss-bridges.svg", "/xss-md.html", "/xss-timeline.svg"]);
  await page.close();
});
