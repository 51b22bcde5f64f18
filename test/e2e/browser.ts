/**
 * Browser test harness: builds the console into a temporary folder, serves it with the real Fastify
 * app on a free loopback port, and launches Debian's Chromium through playwright-core with a fresh
 * profile. Every console error and uncaught page error is collected so tests can fail on any.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { buildApp } from "../../src/server/app.ts";

export const CHROMIUM = process.env.PERFUSE_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
];

export interface Harness {
  url: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function startHarness(viewport = { width: 1920, height: 1080 }): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), "perfuse-web-"));
  await build({
    configFile: join(import.meta.dirname, "..", "..", "web", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  const app = buildApp({ webDir: outDir });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const profile = mkdtempSync(join(tmpdir(), "perfuse-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  context.on("weberror", (e) => errors.push(`web: ${e.error().message}`));
  return {
    url: `http://127.0.0.1:${port}/`,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Simulated time (s) from the console's client. */
export function simTime(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __perfuse: { timeS: number } }).__perfuse.timeS);
}

/**
 * After a pause, the simulation time once the display has settled (the worker's last frame can still arrive just
 * after the pause): polls until two reads 300 ms apart agree.
 */
export async function settledSimTime(page: Page): Promise<number> {
  let last = await simTime(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const t = await simTime(page);
    if (t === last) return t;
    last = t;
  }
  throw new Error(`the simulation time did not settle after the pause (last ${last} s)`);
}

export function readSignal(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (n) => (window as unknown as { __perfuse: { read(s: string): number } }).__perfuse.read(n),
    name,
  );
}

/** Waits until the simulated time reaches `t` (s). */
export async function waitSim(page: Page, t: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (target) => (window as unknown as { __perfuse: { timeS: number } }).__perfuse.timeS >= target,
    t,
    { timeout: timeoutMs, polling: 50 },
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
