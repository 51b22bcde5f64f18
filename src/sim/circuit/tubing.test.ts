import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  buildTubingParams,
  type TubingSize,
  tubingMlPerM,
  tubingPressureDropMmHg,
  tubingResistance,
  tubingReynolds,
} from "./tubing.ts";

const FT = 0.3048;

describe("tubing volume (reference-data §7.2, vectors 66–70)", () => {
  it.each([
    ["1/4", FT, 9.653, 0.005, "[66]"],
    ["3/8", 1, 71.26, 0.01, "[67]"],
    ["1/2", FT, 38.61, 0.01, "[68]"],
    ["3/16", 1, 17.81, 0.01, "[69]"],
  ] as [TubingSize, number, number, number, string][])(
    '%s" × %d m → %d mL %s',
    (size, lengthM, expected, tol) => {
      expect(
        Math.abs(buildTubingParams({ internalDiameterIn: size, lengthM }).volumeMl - expected),
      ).toBeLessThanOrEqual(tol);
    },
  );

  it('6 ft 3/8" + 6 ft 1/2" = 362.0 mL ±0.1 [70]', () => {
    const v =
      buildTubingParams({ internalDiameterIn: "3/8", lengthM: 6 * FT }).volumeMl +
      buildTubingParams({ internalDiameterIn: "1/2", lengthM: 6 * FT }).volumeMl;
    expect(Math.abs(v - 362.0)).toBeLessThanOrEqual(0.1);
  });

  it('decimal inches equal the nominal size; mL/m matches the §7.2 table (5/8" 197.93)', () => {
    expect(buildTubingParams({ internalDiameterIn: 0.375, lengthM: 1 }).volumeMl).toBeCloseTo(71.26, 2);
    expect(tubingMlPerM("5/8")).toBeCloseTo(197.93, 2);
    expect(tubingMlPerM("5/16")).toBeCloseTo(49.48, 2);
  });
});

describe("tubing resistance (Hagen–Poiseuille)", () => {
  const p = buildTubingParams({ internalDiameterIn: "3/8", lengthM: 1 });
  it('3/8" × 1 m at 3.5 cP: R = 0.12995 mmHg·s/mL, 10.83 mmHg at 5 L/min (computed by hand: 8μL/πr⁴)', () => {
    expect(tubingResistance(p, 3.5)).toBeCloseTo(0.12995, 5);
    expect(tubingPressureDropMmHg(p, 5000 / 60, 3.5)).toBeCloseTo(10.829, 3);
  });
  it('R scales with viscosity and length, and with 1/r⁴ (1/4" has (3/2)⁴ = 5.0625× the R of 3/8")', () => {
    const q = buildTubingParams({ internalDiameterIn: "1/4", lengthM: 2 });
    expect(tubingResistance(q, 3.5) / tubingResistance(p, 3.5)).toBeCloseTo(2 * 5.0625, 9);
    expect(tubingResistance(p, 7) / tubingResistance(p, 3.5)).toBeCloseTo(2, 12);
  });
  it("the drop changes sign with the flow", () => {
    expect(tubingPressureDropMmHg(p, -10, 3)).toBeCloseTo(-tubingPressureDropMmHg(p, 10, 3), 12);
  });
  it('Reynolds number: 3/8" at 5 L/min, 3.5 cP, 1.05 g/mL ≈ 3340 (turbulent; Poiseuille under-states the drop)', () => {
    // 4ρQ/(πDμ) = 4·1050·8.333e-5/(π·0.009525·0.0035) = 3342
    expect(tubingReynolds(p, 5000 / 60, 3.5)).toBeCloseTo(3342, -1);
  });
});

describe("buildTubingParams errors", () => {
  it("names the bad fields and the allowed range", () => {
    const p = problemsOf(() => buildTubingParams({ internalDiameterIn: "7/8", lengthM: 0 }));
    expect(p.map((x) => x.field).sort()).toEqual(["tubing.internalDiameterIn", "tubing.lengthM"]);
    expect(p.find((x) => x.field === "tubing.lengthM")?.allowed).toBe("a number > 0");
  });
  it("rejects decimal diameters outside 0.05–1 inch, unknown fields and missing length", () => {
    expect(problemsOf(() => buildTubingParams({ internalDiameterIn: 2, lengthM: 1 }))[0]?.field).toBe(
      "tubing.internalDiameterIn",
    );
    const p = problemsOf(() => buildTubingParams({ internalDiameterIn: "1/4", lenghtM: 1 }, "arterialLine"));
    expect(p.map((x) => x.field).sort()).toEqual(["arterialLine.lenghtM", "arterialLine.lengthM"]);
  });
});
