import { describe, expect, it } from "vitest";
import { benchPlanner } from "../../bench/planner.ts";

describe("planner speed (issue 6: a plan takes < 20 ms)", () => {
  it("plans the 12 reference patients with p95 under 20 ms", () => {
    const r = benchPlanner(10);
    console.log(`planner ${r.meanMs.toFixed(3)} ms/plan mean, p95 ${r.p95Ms.toFixed(3)} ms`);
    expect(r.p95Ms).toBeLessThan(20);
  });
});
