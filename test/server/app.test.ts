import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";

const built = mkdtempSync(join(tmpdir(), "perfuse-app-"));
mkdirSync(join(built, "assets"));
writeFileSync(join(built, "index.html"), "<!doctype html><title>console</title>");
writeFileSync(join(built, "assets", "app.js"), "console.log(1)");
const empty = mkdtempSync(join(tmpdir(), "perfuse-app-empty-"));

afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

describe("HTTP app", () => {
  it("serves the built console at / and its assets", async () => {
    const app = buildApp({ webDir: built });
    const home = await app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("<title>console</title>");
    const js = await app.inject({ url: "/assets/app.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toContain("javascript");
    expect((await app.inject({ url: "/assets/missing.js" })).statusCode).toBe(404);
    await app.close();
  });

  it("keeps the calculators page at /calculators and the JSON API", async () => {
    const app = buildApp({ webDir: built });
    const page = await app.inject({ url: "/calculators" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Calculators");
    const list = await app.inject({ url: "/api/calculators" });
    expect(list.json().some((c: { name: string }) => c.name === "bsa")).toBe(true);
    await app.close();
  });

  it("says how to build the console when dist/web is missing", async () => {
    const app = buildApp({ webDir: empty });
    const home = await app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("npm start");
    expect(home.body).toContain("not a medical device");
    await app.close();
  });
});
