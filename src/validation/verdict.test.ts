import { describe, expect, it } from "vitest";
import { deviation, verdict } from "./verdict.ts";

describe("validation verdicts (Pulse bands: good < 10 %, fair < 30 %)", () => {
  it("grades a reference value by relative deviation", () => {
    expect(verdict(105, { kind: "value", value: 100 })).toBe("good");
    expect(verdict(89, { kind: "value", value: 100 })).toBe("fair");
    expect(verdict(131, { kind: "value", value: 100 })).toBe("poor");
  });
  it("grades a range: inside good, outside by distance to the nearest bound", () => {
    expect(verdict(70, { kind: "range", low: 60, high: 100 })).toBe("good");
    expect(deviation(110, { kind: "range", low: 60, high: 100 })).toBeCloseTo(0.1, 12);
    expect(verdict(110, { kind: "range", low: 60, high: 100 })).toBe("fair");
    expect(verdict(40, { kind: "range", low: 60, high: 100 })).toBe("poor");
  });
  it("grades one-sided limits and never calls a non-finite value good", () => {
    expect(verdict(450, { kind: "atLeast", low: 400 })).toBe("good");
    expect(verdict(350, { kind: "atLeast", low: 400 })).toBe("fair");
    expect(verdict(1.5, { kind: "atMost", high: 1.2 })).toBe("fair");
    expect(verdict(Number.NaN, { kind: "range", low: 0, high: 1 })).toBe("poor");
  });
});
