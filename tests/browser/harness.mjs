// What the browser tests share: Debian's chromium driven by playwright-core, a fresh profile per
// run, every request and console message recorded, screenshots saved as test artifacts, and
// pixel counts read from screenshots.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const chromiumPath = process.env.LEAKTRACE_CHROMIUM ?? "/usr/bin/chromium";
export const skipCode = 77;

export const [mapsDir, artifactsDir] = process.argv.slice(2);
if (!mapsDir || !artifactsDir) {
  console.error("usage: node TEST.test.mjs MAPS_DIR ARTIFACTS_DIR");
  process.exit(2);
}

// Chromium flags for this machine (no GPU, closed network): SwiftShader gives WebGL 2.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  if (!existsSync(chromiumPath)) {
    console.log(`SKIP: chromium is not installed at ${chromiumPath}: run scripts/install-deps (Debian package chromium)`);
    process.exit(skipCode);
  }
  mkdirSync(artifactsDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "leaktrace-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: Number(process.env.VW ?? 1280), height: Number(process.env.VH ?? 800) },
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

export function mapUrl(name) {
  return pathToFileURL(join(mapsDir, name)).href;
}

// Opens a page with every request, console error, dialog and CSP violation recorded.
export async function openPage(context, url, { timeout = 60_000 } = {}) {
  const page = await context.newPage();
  const record = { requests: [], errors: [], dialogs: [], violations: [] };
  page.on("request", (request) => record.requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") record.errors.push(message.text());
  });
  page.on("pageerror", (error) => record.errors.push(String(error)));
  page.on("dialog", async (dialog) => {
    record.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: "load", timeout });
  return { page, record };
}

export async function waitForMap(page, id = "lt-map", timeout = 60_000) {
  await page.waitForFunction(
    (mapId) => {
      const el = document.getElementById(mapId);
      return el && (el.getAttribute("data-lt-ready") === "1" || el.getAttribute("data-lt-error") === "1");
    },
    id,
    { timeout },
  );
  const error = await page.evaluate((mapId) => document.getElementById(mapId).getAttribute("data-lt-error"), id);
  if (error) throw new Error("the map failed: " + (await page.textContent(`#${id}`)));
  // Let sigma draw the frames scheduled by the first state changes.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function screenshot(page, name, options = {}) {
  const path = join(artifactsDir, name);
  const buffer = await page.screenshot({ path, ...options });
  return buffer;
}

// Counts the pixels of a screenshot of `selector` (the map's canvas area) by colour, in a blank page
// of its own so that the map's page is left as it was: {total, nonBackground, colours: {"#rrggbb": n}}.
export async function countPixels(context, png, colours, tolerance = 8) {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async ({ base64, colours, tolerance }) => {
        const image = new Image();
        image.src = "data:image/png;base64," + base64;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        const background = [data[0], data[1], data[2]];
        const targets = colours.map((hex) => [hex, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
        const counts = Object.fromEntries(colours.map((c) => [c, 0]));
        let nonBackground = 0;
        for (let i = 0; i < data.length; i += 4) {
          const r = data[i], g = data[i + 1], b = data[i + 2];
          if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 12) nonBackground++;
          for (const [hex, tr, tg, tb] of targets) {
            if (Math.abs(r - tr) <= tolerance && Math.abs(g - tg) <= tolerance && Math.abs(b - tb) <= tolerance) counts[hex]++;
          }
        }
        return { total: data.length / 4, nonBackground, colours: counts };
      },
      { base64: png.toString("base64"), colours, tolerance },
    );
  } finally {
    await page.close();
  }
}

// The stage alone, as a PNG: the legend, panels and time bar are hidden for the shot so that
// their colours (the legend's swatches) do not count as drawn accounts.
export async function stageShot(page, id, name, { withControls = false } = {}) {
  const overlays = `#${id} .lt-side, #${id} .lt-panel, #${id} .lt-timebar`;
  const setVisibility = (value) =>
    page.$$eval(overlays, (elements, v) => elements.forEach((e) => (e.style.visibility = v)), value);
  if (!withControls) await setVisibility("hidden");
  try {
    return await screenshot(page, name, { clip: await page.locator(`#${id} .lt-stage`).boundingBox() });
  } finally {
    if (!withControls) await setVisibility("");
  }
}

export function writeArtifact(name, text) {
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, name), text);
}

// What a page holds that could have run or loaded something: the flag a payload sets when it runs
// (window.__xss), CSP violations, scripts by type, element names, event handler attributes, and
// the href and src attributes in its body.
export async function securityFacts(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      xss: window.__xss ?? null,
      violations: window.__violations ?? [],
      scripts: [...document.scripts].map((s) => s.type || "classic"),
      tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
      handlerAttributes: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}@${a.name}`)),
      hrefs: [...document.querySelectorAll("body [href]")].map((e) => e.getAttribute("href")),
      srcs: [...document.querySelectorAll("body [src]")].map((e) => e.getAttribute("src")),
    };
  });
}
