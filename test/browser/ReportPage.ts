// Opens a report file in headless Chromium (Debian's /usr/bin/chromium through playwright-core) and reports what a
// reader would see: which charts drew something, console errors, and every request the page tried to make.
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"

/** Debian's Chromium; HASHSIM_CHROMIUM points elsewhere (e.g. to check that CI fails when it is missing). */
export const chromiumPath = process.env["HASHSIM_CHROMIUM"] ?? "/usr/bin/chromium"

/** The launch flags the issue prescribes (Playwright adds its own pipe and automation flags). */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

export const chromiumAvailable = (): boolean => existsSync(chromiumPath)

export interface CanvasCheck {
  readonly id: string
  readonly width: number
  readonly height: number
  /** Pixels whose alpha is not 0 (a blank canvas has none). */
  readonly paintedPixels: number
  /** Distinct colours among painted pixels (axes alone give few; data gives more). */
  readonly colours: number
  /** Whether toDataURL differs from a blank canvas of the same size. */
  readonly differsFromBlank: boolean
  /** Data points (non-null values) across the chart.js instance's datasets. */
  readonly dataPoints: number
  /** Plot-area pixels in a dataset's colour. */
  readonly dataPixels: number
  /** The chart's x labels, and per dataset its label and non-null values, as chart.js holds them. */
  readonly labels: number
  readonly datasets: ReadonlyArray<{ readonly label: string; readonly points: number }>
}

/** A table as the reader sees it: header texts, and per body row each cell's text and its data-value, if any. */
export interface TableCheck {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<{ readonly text: string; readonly value: string | null }>>
}

export interface PageCheck {
  readonly canvases: ReadonlyArray<CanvasCheck>
  /** The table with id "monthly-table", null if the page has none. */
  readonly monthlyTable: TableCheck | null
  readonly chartsReady: string | null
  readonly consoleErrors: ReadonlyArray<string>
  /** Every request other than the report file itself. */
  readonly foreignRequests: ReadonlyArray<string>
  readonly title: string
  readonly text: string
}

// Runs inside the page (kept as source text: the test project is type-checked without the DOM library).
const inspectCanvases = `(() => {
  const instances = window.hashsimCharts || [];
  return Array.from(document.querySelectorAll("canvas")).map((canvas) => {
    const context = canvas.getContext("2d");
    const pixels = context ? context.getImageData(0, 0, canvas.width, canvas.height).data : new Uint8ClampedArray(0);
    let paintedPixels = 0;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      paintedPixels++;
      if (colours.size < 10000) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    const blank = document.createElement("canvas");
    blank.width = canvas.width;
    blank.height = canvas.height;
    const instance = instances.find((x) => x.id === canvas.id);
    const dataPoints = instance === undefined ? 0 : instance.chart.data.datasets.reduce(
      (sum, dataset) => sum + dataset.data.filter((v) => v !== null && v !== undefined).length, 0);
    // What the data itself painted: plot-area pixels in a dataset's colour (the canvas is transparent, so a
    // translucent fill keeps its RGB and only its alpha drops). Axes, grid, labels and plan markers are greys,
    // and the legend lies outside the plot area.
    let dataPixels = 0;
    if (instance !== undefined && context) {
      const chart = instance.chart;
      const parse = (c) => {
        if (typeof c !== "string") return undefined;
        let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
        if (m) return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 1];
        // Backslashes doubled: this code is the text of a template literal, where "\(" would lose its backslash.
        m = /^rgba?\\(([0-9.]+),\\s*([0-9.]+),\\s*([0-9.]+)(?:,\\s*([0-9.]+))?\\)$/.exec(c);
        if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
        return undefined;
      };
      const targets = [];
      for (const dataset of chart.data.datasets) {
        // A colour per point (a heatmap's cells) is an array.
        for (const c of [dataset.borderColor, dataset.backgroundColor].flat()) {
          const rgba = parse(c);
          if (rgba) targets.push(rgba);
        }
      }
      const area = chart.chartArea;
      const x = Math.floor(area.left), y = Math.floor(area.top);
      const w = Math.ceil(area.right - area.left), h = Math.ceil(area.bottom - area.top);
      const pixels = context.getImageData(x, y, w, h).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) continue;
        for (const t of targets) {
          if (Math.abs(pixels[i] - t[0]) <= 8 && Math.abs(pixels[i + 1] - t[1]) <= 8 && Math.abs(pixels[i + 2] - t[2]) <= 8) {
            dataPixels++;
            break;
          }
        }
      }
    }
    return {
      id: canvas.id,
      width: canvas.width,
      height: canvas.height,
      paintedPixels,
      colours: colours.size,
      differsFromBlank: canvas.toDataURL() !== blank.toDataURL(),
      dataPoints,
      dataPixels,
      labels: instance === undefined ? 0 : (instance.chart.data.labels || []).length,
      datasets: instance === undefined ? [] : instance.chart.data.datasets.map((dataset) => ({
        label: String(dataset.label), points: dataset.data.filter((v) => v !== null && v !== undefined).length
      }))
    };
  });
})()`

const inspectMonthlyTable = `(() => {
  const table = document.getElementById("monthly-table");
  if (table === null) return null;
  return {
    headers: Array.from(table.querySelectorAll("thead th")).map((th) => th.innerText),
    rows: Array.from(table.querySelectorAll("tbody tr")).map((tr) => Array.from(tr.children).map((td) => ({ text: td.innerText, value: td.getAttribute("data-value") })))
  };
})()`

/** Opens `htmlPath` in a fresh profile, checks it, and saves a full-page screenshot to `screenshotPath`. */
export const checkReportPage = async (htmlPath: string, screenshotPath: string): Promise<PageCheck> => {
  const profile = mkdtempSync(join(tmpdir(), "hashsim-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // The fresh profile directory is Chromium's --user-data-dir (Playwright passes it; it refuses it in args).
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    offline: true
  })
  const fileUrl = pathToFileURL(htmlPath).href
  const consoleErrors: Array<string> = []
  const foreignRequests: Array<string> = []
  try {
    // Every request passes through here: the report file itself is allowed, anything else is recorded and refused.
    await context.route("**/*", async (route) => {
      const url = route.request().url()
      if (url === fileUrl) await route.continue()
      else {
        foreignRequests.push(url)
        await route.abort()
      }
    })
    const page = context.pages()[0] ?? (await context.newPage())
    page.on("request", (request) => {
      if (request.url() !== fileUrl && !foreignRequests.includes(request.url())) foreignRequests.push(request.url())
    })
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text())
    })
    page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`))
    await page.goto(fileUrl, { waitUntil: "load" })
    await page.waitForFunction(`document.documentElement.hasAttribute("data-charts-ready")`, undefined, { timeout: 30_000 }).catch(() => undefined)
    const canvases = (await page.evaluate(inspectCanvases)) as Array<CanvasCheck>
    const monthlyTable = (await page.evaluate(inspectMonthlyTable)) as TableCheck | null
    const chartsReady = await page.getAttribute("html", "data-charts-ready")
    await page.screenshot({ path: screenshotPath, fullPage: true })
    return { canvases, monthlyTable, chartsReady, consoleErrors, foreignRequests, title: await page.title(), text: await page.innerText("body") }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
