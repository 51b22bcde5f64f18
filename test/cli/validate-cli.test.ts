import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

describe("perfuse validate", () => {
  it("--json runs every reference check; no row is poor and every row names its source", async () => {
    const r = await runCli(["validate", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.counts.poor).toBe(0);
    expect(json.rows.length).toBeGreaterThanOrEqual(50);
    for (const row of json.rows) {
      expect(row.source.length, row.quantity).toBeGreaterThan(10);
      expect(Number.isFinite(row.model), row.quantity).toBe(true);
    }
    const groups = new Set(json.rows.map((x: { group: string }) => x.group));
    for (const preset of ["neonate", "infant", "child", "adult-male", "adult-female"]) {
      expect(groups.has(`${preset} at rest`)).toBe(true);
    }
    expect([...groups].some((g) => String(g).includes("haemorrhage"))).toBe(true);
  });

  it("prints a readable table with verdicts and a summary line", async () => {
    const r = await runCli(["validate", "--group", "neonate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/## neonate at rest/);
    expect(r.stdout).toMatch(/heart rate\s+1\/min\s+100–160/);
    expect(r.stdout).toMatch(/\d+ rows: \d+ good, \d+ fair, 0 poor\./);
  });

  it("refuses a group that matches nothing, listing the groups", async () => {
    const r = await runCli(["validate", "--group", "martian"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--group must match one of: neonate at rest; /);
  });
});
