import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { cpbFlow } from "./flow.ts";

// Expected values: shared/reference/reference-data.md §3 and §11 (vector number in brackets).
describe("cpb-flow", () => {
  it("[16] BSA 1.8 × CI 2.4 → 4.32 L/min; [17] BSA 2.0 × CI 2.2 → 4.40 L/min (±0.005)", () => {
    expect(Math.abs(cpbFlow({ bsaM2: 1.8, cardiacIndex: 2.4 }).value - 4.32)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(cpbFlow({ bsaM2: 2.0, cardiacIndex: 2.2 }).value - 4.4)).toBeLessThanOrEqual(0.005);
  });
  it("§3.1 [C]: 2.0 × 2.4 = 4.80; 1.5 × 2.4 = 3.60 (default CI 2.4)", () => {
    expect(cpbFlow({ bsaM2: 2.0 }).value).toBeCloseTo(4.8, 9);
    expect(cpbFlow({ bsaM2: 1.5 }).value).toBeCloseTo(3.6, 9);
  });
  it.each([
    // weight, mL/kg/min, L/min, vector (brainscape bands [S2], §3.2)
    [2.5, 200, 0.5, 18],
    [12, 125, 1.5, 19],
    [40, 75, 3.0, 20],
    [3.5, 150, 0.525, 0], // §3.2 [C]
    [20, 100, 2.0, 0], // §3.2 [C]
  ])("weight band: %d kg → %d mL/kg/min → %d L/min (vector %d; exact)", (w, band, q) => {
    const r = cpbFlow({ method: "weight-band", weightKg: w });
    expect(r.constants.mlPerKgPerMin).toBe(band);
    expect(r.value).toBeCloseTo(q, 12);
  });
  it.each([
    [{}, "bsaM2"],
    [{ bsaM2: 0 }, "bsaM2"],
    [{ bsaM2: 1.8, cardiacIndex: 0 }, "cardiacIndex"],
    [{ bsaM2: 1.8, cardiacIndex: 6 }, "cardiacIndex"],
    [{ method: "weight-band" }, "weightKg"],
    [{ method: "weight-band", weightKg: 400 }, "weightKg"],
    [{ method: "fick" }, "method"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => cpbFlow(input as never), field));
});
