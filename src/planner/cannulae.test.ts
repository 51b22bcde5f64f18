import { describe, expect, it } from "vitest";
import { pressureDropAt } from "./cannulae.ts";
import type { PressureFlow } from "./schema.ts";

// Medtronic EOPA 20 Fr, water (reference §7.5a, vector 78) [S2]
const eopa20: PressureFlow = {
  points: [
    [3, 28],
    [4, 50],
    [5, 76],
    [6, 110],
  ],
  fluid: "water",
  kind: "exact",
  source: "test",
  evidence: "S2",
};

describe("pressureDropAt", () => {
  it("returns catalogue points exactly (vectors 78: 76 mmHg at 5 L/min)", () => {
    expect(pressureDropAt(eopa20, 5, 1.25)).toEqual({ dropMmHg: 76, how: "interpolated" });
  });
  it("interpolates linearly between points", () => {
    expect(pressureDropAt(eopa20, 4.5, 1.25)?.dropMmHg).toBeCloseTo(63, 9);
  });
  it("uses the chord from the origin below the first point (over-states a convex curve)", () => {
    expect(pressureDropAt(eopa20, 2, 1.25)).toEqual({ dropMmHg: (28 * 2) / 3, how: "chord-from-origin" });
  });
  it("extrapolates as Q² above the last point, up to the allowed factor", () => {
    expect(pressureDropAt(eopa20, 7, 1.25)?.dropMmHg).toBeCloseTo(110 * (7 / 6) ** 2, 9);
    expect(pressureDropAt(eopa20, 7.6, 1.25)).toBeUndefined();
  });
  it("does not use data from a cannula sized for more than twice the flow", () => {
    expect(pressureDropAt(eopa20, 1.4, 1.25)).toBeUndefined();
  });
});
