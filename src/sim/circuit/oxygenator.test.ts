import { describe, expect, it } from "vitest";
import {
  fickO2TransferMlPerMin,
  MT_FECO2,
  MT_GAS_PCO2,
  MT_O2_CONTENT,
  MT_PCO2,
  MT_PO2,
  MT_SIZE,
  MT_SO2,
  MT_VCO2_ML_PER_MIN,
  MT_VO2_ML_PER_MIN,
  o2ContentMlPerDl,
  po2FromO2Content,
  po2FromSo2,
  so2FromPo2,
  sweepCo2RemovalMlPerMin,
} from "./membrane.ts";
import {
  buildOxygenatorParams,
  createOxygenatorState,
  OXS_CLOT_FRACTION,
  OXS_GAS_SUPPLY_OK,
  OXS_PLASMA_LEAK_FRACTION,
  OXS_SWEEP_L_PER_MIN,
  OXS_VOLATILE_PERCENT,
  OXS_WATER_FLOW_OK,
  OXS_WATER_TEMP_C,
  oxygenatorOutletTempC,
  oxygenatorPressureDropMmHg,
  oxygenatorTransfer,
  oxygenatorVolatilePercent,
} from "./oxygenator.ts";
import { problemsOf } from "./test-helpers.ts";

const fx25 = buildOxygenatorParams({ model: "Capiox FX25", maxFlowLPerMin: 7.0 }); // reference §7.1 (K130520)
const out = new Float64Array(MT_SIZE);
const HB = 10;
const venousContent = o2ContentMlPerDl(38, HB);
const q5 = 5000 / 60;

function run(state: Float64Array, flowMlPerS = q5, pco2 = 45, p = fx25) {
  oxygenatorTransfer(p, state, venousContent, pco2, HB, flowMlPerS, out);
  return Float64Array.from(out);
}

describe("O2 content helpers", () => {
  it("[91] Fick: Q 5.0, Hb 10, pre 0.70/38 → post 1.00/250 = 232.8 mL/min (1.34, 0.003)", () => {
    const pre = 1.34 * 10 * 0.7 + 0.003 * 38;
    const post = 1.34 * 10 * 1.0 + 0.003 * 250;
    expect(fickO2TransferMlPerMin(5.0, pre, post)).toBeCloseTo(232.8, 1);
  });
  it("Severinghaus 1979 at 40 and 100 mmHg: 74.95 % and 97.75 % (vectors [31], [32], equation values)", () => {
    expect(so2FromPo2(40) * 100).toBeCloseTo(74.95, 2);
    expect(so2FromPo2(100) * 100).toBeCloseTo(97.75, 2);
  });
  it("PO2 from content inverts content from PO2 (5–600 mmHg)", () => {
    for (const p of [5, 20, 38, 60, 100, 250, 600])
      expect(po2FromO2Content(o2ContentMlPerDl(p, 9), 9)).toBeCloseTo(p, 6);
  });
  it("[92] sweep method: 4.0 L/min × FeCO2 0.04 = 160 mL/min", () => {
    expect(sweepCo2RemovalMlPerMin(4.0, 0.04)).toBeCloseTo(160, 9);
  });
});

describe("oxygenator gas transfer", () => {
  it("rated flow calibration: standard venous blood (Hb 12, SO2 0.65) leaves at 95 % SO2 at 7.0 L/min (PMC5578883 definition)", () => {
    const s = createOxygenatorState(1.0, 10);
    const c0 = o2ContentMlPerDl(po2FromSo2(0.65), 12);
    expect(so2FromPo2(po2FromSo2(0.65))).toBeCloseTo(0.65, 9);
    oxygenatorTransfer(fx25, s, c0, 45, 12, 7000 / 60, out);
    expect(out[MT_SO2]).toBeCloseTo(0.95, 2);
  });
  it("membrane O2 transfer equals flow × 10 × (post − pre content) (vector 91 shape)", () => {
    const r = run(createOxygenatorState(0.6, 3));
    expect(r[MT_VO2_ML_PER_MIN]).toBeCloseTo(fickO2TransferMlPerMin(5, venousContent, r[MT_O2_CONTENT]!), 9);
    expect(r[MT_VO2_ML_PER_MIN]).toBeGreaterThan(150);
    expect(r[MT_VO2_ML_PER_MIN]).toBeLessThan(350);
  });
  it("raising FiO2 raises post-oxygenator PO2 (0.3 → 0.5 → 0.8 → 1.0)", () => {
    let prev = 0;
    for (const fio2 of [0.3, 0.5, 0.8, 1.0]) {
      const po2 = run(createOxygenatorState(fio2, 3))[MT_PO2]!;
      expect(po2).toBeGreaterThan(prev);
      prev = po2;
    }
  });
  it("doubling sweep lowers post-oxygenator PCO2 and halving raises it; CO2 = sweep × FeCO2 [92 shape]", () => {
    const base = run(createOxygenatorState(0.6, 3));
    const doubled = run(createOxygenatorState(0.6, 6));
    const halved = run(createOxygenatorState(0.6, 1.5));
    expect(doubled[MT_PCO2]).toBeLessThan(base[MT_PCO2]! - 2);
    expect(halved[MT_PCO2]).toBeGreaterThan(base[MT_PCO2]! + 2);
    for (const [r, sweep] of [
      [base, 3],
      [doubled, 6],
      [halved, 1.5],
    ] as const) {
      expect(sweepCo2RemovalMlPerMin(sweep, r[MT_FECO2]!)).toBeCloseTo(r[MT_VCO2_ML_PER_MIN]!, 9);
      expect(r[MT_GAS_PCO2]).toBeCloseTo(r[MT_FECO2]! * 713, 9);
    }
    // CO2 mass balance: removed = Q·βc·(Pin − Pout), βc = 0.005 mL/mL/mmHg
    expect(base[MT_VCO2_ML_PER_MIN]).toBeCloseTo(5000 * 0.005 * (45 - base[MT_PCO2]!), 9);
  });
  it("CO2 removal of a 1.5 L/min lung at 1.5 L/min blood and sweep, PvCO2 45: ~73 mL/min (Quadrox-i Neonatal, §7.1 [S2], ±10 %)", () => {
    const neo = buildOxygenatorParams({ maxFlowLPerMin: 1.5 });
    oxygenatorTransfer(neo, createOxygenatorState(1.0, 1.5), o2ContentMlPerDl(40, 12), 45, 12, 25, out);
    expect(Math.abs(out[MT_VCO2_ML_PER_MIN]! - 73) / 73).toBeLessThan(0.1);
  });
  it("transfer saturates above rated flow: doubling 7 → 14 L/min adds < 20 % V̇O2 (flow-limited transfer would add 100 %)", () => {
    const s = createOxygenatorState(1.0, 10);
    const at3 = run(s, 3500 / 60)[MT_VO2_ML_PER_MIN]!;
    const at7 = run(s, 7000 / 60)[MT_VO2_ML_PER_MIN]!;
    const at14 = run(s, 14000 / 60);
    expect(at14[MT_VO2_ML_PER_MIN]!).toBeGreaterThan(at7);
    expect(at14[MT_VO2_ML_PER_MIN]! / at7).toBeLessThan(1.2);
    expect(at14[MT_VO2_ML_PER_MIN]! / at7).toBeLessThan(at7 / at3);
    expect(at14[MT_SO2]).toBeLessThan(0.95);
  });
  it("gas supply loss sets sweep to 0: no O2 uptake and no CO2 removal", () => {
    const s = createOxygenatorState(0.6, 3);
    s[OXS_GAS_SUPPLY_OK] = 0;
    const r = run(s);
    expect(r[MT_VO2_ML_PER_MIN]).toBe(0);
    expect(r[MT_VCO2_ML_PER_MIN]).toBe(0);
    expect(r[MT_PCO2]).toBe(45);
  });
  it("O2 uptake cannot exceed the O2 the sweep brings (FiO2 0.21 × 0.5 L/min = 105 mL/min)", () => {
    const r = run(createOxygenatorState(0.21, 0.5));
    expect(r[MT_VO2_ML_PER_MIN]).toBeLessThanOrEqual(105 + 1e-9);
  });
  it("clotting and plasma leakage lower transfer", () => {
    const clean = run(createOxygenatorState(0.6, 3))[MT_VO2_ML_PER_MIN]!;
    const clotted = createOxygenatorState(0.6, 3);
    clotted[OXS_CLOT_FRACTION] = 0.5;
    const leaking = createOxygenatorState(0.6, 3);
    leaking[OXS_PLASMA_LEAK_FRACTION] = 0.5;
    expect(run(clotted)[MT_VO2_ML_PER_MIN]).toBeLessThan(clean);
    expect(run(leaking)[MT_VO2_ML_PER_MIN]).toBeLessThan(clean);
  });
  it("zero flow transfers nothing and returns the inflow", () => {
    const r = run(createOxygenatorState(0.6, 3), 0);
    expect(r[MT_VO2_ML_PER_MIN]).toBe(0);
    expect(r[MT_O2_CONTENT]).toBeCloseTo(venousContent, 12);
  });
  it("volatile agent is carried while gas flows, 0 without gas", () => {
    const s = createOxygenatorState(0.6, 3);
    s[OXS_VOLATILE_PERCENT] = 1.5;
    expect(oxygenatorVolatilePercent(s)).toBe(1.5);
    s[OXS_SWEEP_L_PER_MIN] = 0;
    expect(oxygenatorVolatilePercent(s)).toBe(0);
  });
});

describe("oxygenator pressure drop and heat exchanger", () => {
  it("ΔP = k·Q: 100 mmHg at the 7 L/min maximum by default, proportional to flow", () => {
    const s = createOxygenatorState();
    expect(oxygenatorPressureDropMmHg(fx25, s, 7000 / 60)).toBeCloseTo(100, 9);
    expect(oxygenatorPressureDropMmHg(fx25, s, 3500 / 60)).toBeCloseTo(50, 9);
  });
  it("ΔP rises with clot burden: ×2 with half the paths blocked, ×4 with three quarters", () => {
    const s = createOxygenatorState();
    const clean = oxygenatorPressureDropMmHg(fx25, s, q5);
    s[OXS_CLOT_FRACTION] = 0.5;
    expect(oxygenatorPressureDropMmHg(fx25, s, q5) / clean).toBeCloseTo(2, 9);
    s[OXS_CLOT_FRACTION] = 0.75;
    expect(oxygenatorPressureDropMmHg(fx25, s, q5) / clean).toBeCloseTo(4, 9);
  });
  it("heat exchanger: PF 0.5 at 5 L/min → outlet halfway to the water; lower flow comes closer to the water", () => {
    const s = createOxygenatorState();
    s[OXS_WATER_TEMP_C] = 30;
    expect(oxygenatorOutletTempC(fx25, s, 36, q5)).toBeCloseTo(33, 9);
    expect(oxygenatorOutletTempC(fx25, s, 36, q5 / 2)).toBeCloseTo(30 + 6 * 0.25, 9);
    s[OXS_WATER_TEMP_C] = 45; // capped at the IFU 42 °C
    expect(oxygenatorOutletTempC(fx25, s, 36, 1e-6)).toBeCloseTo(42, 6);
    s[OXS_WATER_FLOW_OK] = 0;
    expect(oxygenatorOutletTempC(fx25, s, 36, q5)).toBe(36);
  });
});

describe("buildOxygenatorParams errors", () => {
  it("names the fields", () => {
    const p = problemsOf(() =>
      buildOxygenatorParams({ maxFlowLPerMin: 0, heatExchangerPerformanceFactor: 1 }),
    );
    expect(p.map((x) => x.field).sort()).toEqual([
      "oxygenator.heatExchangerPerformanceFactor",
      "oxygenator.maxFlowLPerMin",
    ]);
    const q = problemsOf(() => buildOxygenatorParams({ maxFlowLPerMin: 1.5, minFlowLPerMin: 2 }));
    expect(q[0]?.field).toBe("oxygenator.minFlowLPerMin");
    expect(problemsOf(() => buildOxygenatorParams({ maxFlowLPerMin: 7, fio2: 1 }))[0]?.field).toBe(
      "oxygenator.fio2",
    );
  });
});
