import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { heparin, heparinDoseResponse, protamine } from "./anticoagulation.ts";

// Expected values: shared/reference/reference-data.md §6.1–6.2 and §11 (vector number in brackets).
describe("heparin", () => {
  it("[60] 80 kg × 300 U/kg → 24,000 U (exact); §6.2 [C] 400 U/kg → 32,000 U", () => {
    const r = heparin({ weightKg: 80 });
    expect(r.value).toBe(24000);
    expect(r.unit).toBe("U");
    expect(heparin({ weightKg: 80, unitsPerKg: 400 }).value).toBe(32000);
  });
  it.each([
    [{ weightKg: 0 }, "weightKg"],
    [{ weightKg: 80, unitsPerKg: 0 }, "unitsPerKg"],
    [{ weightKg: 80, unitsPerKg: 1500 }, "unitsPerKg"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => heparin(input as never), field));
});

describe("heparin-dose-response (Bull)", () => {
  it("[62] ACT 120 → 420 s after 300 U/kg, target 480 s → +60 U/kg (±0.5), slope 1.0 s per U/kg", () => {
    const r = heparinDoseResponse({ actBaselineS: 120, actS: 420, doseUnitsPerKg: 300, weightKg: 80 });
    expect(Math.abs(r.value - 60)).toBeLessThanOrEqual(0.5);
    expect(r.unit).toBe("U/kg");
    expect(r.extra?.slopeSPerUnitPerKg?.value).toBeCloseTo(1, 12);
    expect(r.extra?.extraUnits?.value).toBeCloseTo(4800, 9);
  });
  it("0 extra when the ACT already reaches the target", () => {
    expect(heparinDoseResponse({ actBaselineS: 120, actS: 520, doseUnitsPerKg: 300 }).value).toBe(0);
  });
  it("the predicted dose lands on the target along the same line", () => {
    const r = heparinDoseResponse({ actBaselineS: 130, actS: 380, doseUnitsPerKg: 300, targetActS: 400 });
    const slope = (380 - 130) / 300;
    expect(380 + slope * r.value).toBeCloseTo(400, 9);
  });
  const ok = { actBaselineS: 120, actS: 420, doseUnitsPerKg: 300 };
  it.each([
    [{ ...ok, actS: 120 }, "actS"], // no rise: slope 0, division by zero
    [{ ...ok, actS: 100 }, "actS"],
    [{ ...ok, actBaselineS: 20 }, "actBaselineS"],
    [{ ...ok, actS: 2000 }, "actS"],
    [{ ...ok, doseUnitsPerKg: 0 }, "doseUnitsPerKg"],
    [{ ...ok, targetActS: 0 }, "targetActS"],
    [{ ...ok, weightKg: -2 }, "weightKg"],
  ])("refuses %o naming %s", (input, field) =>
    expectInputError(() => heparinDoseResponse(input as never), field),
  );
});

describe("protamine", () => {
  it("[61] 24,000 U at 1.0 and 1.3 mg/100 U → 240 mg and 312 mg (exact)", () => {
    expect(protamine({ heparinUnits: 24000 }).value).toBe(240);
    expect(protamine({ heparinUnits: 24000, mgPer100U: 1.3 }).value).toBeCloseTo(312, 9);
  });
  it.each([
    [{ heparinUnits: 0 }, "heparinUnits"],
    [{ heparinUnits: 1e6 }, "heparinUnits"],
    [{ heparinUnits: 24000, mgPer100U: 0 }, "mgPer100U"],
    [{ heparinUnits: 24000, mgPer100U: 5 }, "mgPer100U"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => protamine(input as never), field));
});
