import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  buildReservoirParams,
  RESERVOIR_BELOW_MIN,
  RESERVOIR_OVERFLOW,
  RESERVOIR_VORTEX,
  reservoirAirFraction,
  reservoirElastanceMmHgPerMl,
  reservoirGasPressureMmHg,
  reservoirLevelMl,
  reservoirOutletPressureMmHg,
  reservoirStatus,
  venousDrivingPressureMmHg,
} from "./reservoir.ts";
import { hydrostaticMmHg, MMHG_PER_CMH2O } from "./units.ts";

const adult = buildReservoirParams({
  capacityMl: 4000,
  minOperatingLevelMl: 300,
  heightCmPerL: 6,
  siphonHeightCm: 50,
});

describe("hydrostatics", () => {
  it("1 cmH2O = 0.7356 mmHg; 1 cm of blood (1.05 g/mL) = 0.7723 mmHg", () => {
    expect(MMHG_PER_CMH2O).toBeCloseTo(0.7356, 4);
    expect(hydrostaticMmHg(1)).toBeCloseTo(0.7723, 4);
  });
  it("a 50 cm gravity siphon gives 38.6 mmHg of venous drive at Pra 0 (0.7723 × 50)", () => {
    expect(venousDrivingPressureMmHg(adult, 0, 0)).toBeCloseTo(38.62, 2);
  });
});

describe("venous reservoir", () => {
  it("the level is the volume; outlet pressure adds the blood column (1000 mL × 6 cm/L = 6 cm → 4.63 mmHg)", () => {
    expect(reservoirLevelMl(1234)).toBe(1234);
    expect(reservoirLevelMl(-3)).toBe(0);
    expect(reservoirOutletPressureMmHg(adult, 1000, 0)).toBeCloseTo(4.634, 3);
    expect(reservoirElastanceMmHgPerMl(adult) * 1000).toBeCloseTo(4.634, 3);
  });
  it("VAVD −40 mmHg adds 40 mmHg to the venous drive and lowers the outlet pressure by 40", () => {
    const g = reservoirGasPressureMmHg(adult, true, -40);
    expect(g).toBe(-40);
    expect(venousDrivingPressureMmHg(adult, 5, g) - venousDrivingPressureMmHg(adult, 5, 0)).toBeCloseTo(
      40,
      12,
    );
    expect(reservoirOutletPressureMmHg(adult, 1000, g)).toBeCloseTo(4.634 - 40, 3);
  });
  it("VAVD is held by the relief valve at the IFU limit (FX25: −150 mmHg, reference §7.1); off = vented", () => {
    expect(reservoirGasPressureMmHg(adult, true, -300)).toBe(-150);
    expect(reservoirGasPressureMmHg(adult, true, 20)).toBe(5);
    expect(reservoirGasPressureMmHg(adult, false, -40)).toBe(0);
  });
  it("air entrainment: none above the vortex volume (100 mL = 300/3), half at 50 mL, all at empty", () => {
    expect(reservoirAirFraction(adult, 150)).toBe(0);
    expect(reservoirAirFraction(adult, 50)).toBeCloseTo(0.5, 12);
    expect(reservoirAirFraction(adult, 0)).toBe(1);
  });
  it("status bits", () => {
    expect(reservoirStatus(adult, 1000)).toBe(0);
    expect(reservoirStatus(adult, 200)).toBe(RESERVOIR_BELOW_MIN);
    expect(reservoirStatus(adult, 50)).toBe(RESERVOIR_BELOW_MIN | RESERVOIR_VORTEX);
    expect(reservoirStatus(adult, 4100)).toBe(RESERVOIR_OVERFLOW);
  });
});

describe("buildReservoirParams errors", () => {
  it("names bad fields", () => {
    const p = problemsOf(() =>
      buildReservoirParams({ capacityMl: 50, minOperatingLevelMl: -1, negativeReliefMmHg: 10 }),
    );
    expect(p.map((x) => x.field).sort()).toEqual([
      "venousReservoir.capacityMl",
      "venousReservoir.minOperatingLevelMl",
      "venousReservoir.negativeReliefMmHg",
    ]);
  });
  it("the minimum level must be below the capacity", () => {
    const p = problemsOf(() => buildReservoirParams({ capacityMl: 1000, minOperatingLevelMl: 1000 }));
    expect(p[0]).toEqual({
      field: "venousReservoir.minOperatingLevelMl",
      allowed: "below the capacity (1000 mL)",
      received: "1000",
    });
  });
});
