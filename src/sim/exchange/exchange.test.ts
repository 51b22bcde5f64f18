import { describe, expect, it } from "vitest";
import { carriedFromBloodGas, NORMAL_VENOUS, o2ContentFromPo2 } from "../blood/index.ts";
import {
  ALV_PCO2,
  ALV_PO2,
  alveolarPo2MmHg,
  alveolarVentilationMlPerS,
  basalLactateProductionMmolPerS,
  bloodHeatJ,
  CO2_ML_PER_MMOL,
  conductionW,
  EQ_CO2_REMOVED_ML,
  EQ_O2_CONTENT,
  EQ_O2_UPTAKE_ML,
  EQ_OUT_SIZE,
  EQ_PCO2,
  EQ_PO2,
  EQ_TCO2,
  equilibrateBlood,
  heatExchangerKFromPerformanceFactor,
  heatExchangerOutletC,
  heatExchangerPowerW,
  lactateFromO2DeficitMmol,
  lactateRemainingFraction,
  metabolicHeatW,
  mixTemperatureC,
  roomHeatLossW,
  stepAlveolarGas,
  vo2Factor,
  vo2Supplied,
  waterVapourPressureMmHg,
} from "./index.ts";

describe("alveolar gas", () => {
  it("water vapour pressure is 47 mmHg at 37 °C (Antoine)", () => {
    expect(waterVapourPressureMmHg(37)).toBeCloseTo(47, 0);
    expect(waterVapourPressureMmHg(30)).toBeLessThan(waterVapourPressureMmHg(37));
  });

  it("alveolar gas equation: air, Pb 760, PACO2 40, RQ 0.8 → ≈ 102 mmHg (full form); FiO2 1 → 713 − 40", () => {
    // Full form: 0.21·713 − 40·(0.21 + 0.79/0.8) = 149.7 − 47.9 = 101.8 (textbook value ≈ 100).
    expect(alveolarPo2MmHg(0.21, 760, 37, 40, 0.8)).toBeCloseTo(101.8, 0);
    expect(alveolarPo2MmHg(1, 760, 37, 40, 0.8)).toBeCloseTo(760 - waterVapourPressureMmHg(37) - 40, 9);
    expect(alveolarPo2MmHg(0.05, 500, 37, 60, 0.8)).toBe(0); // clamped, not negative
  });

  it("alveolar ventilation = (VT − VD)·RR", () => {
    expect(alveolarVentilationMlPerS(500, 150, 12)).toBeCloseTo(70, 9); // 4.2 L/min
    expect(alveolarVentilationMlPerS(100, 150, 12)).toBe(0);
  });

  it("the alveolar compartment settles to PACO2 = 863·V̇CO2/V̇A and PAO2 = FiO2·713 − 863·V̇O2/V̇A", () => {
    const s = new Float64Array(2);
    s[ALV_PO2] = 150;
    s[ALV_PCO2] = 0;
    for (let i = 0; i < 1200; i++) stepAlveolarGas(s, 0.21, 0, 70, 250 / 60, 200 / 60, 2500, 760, 37, 0.5);
    const k863 = ((760 * 310.15) / 273.15) * 1000; // mmHg·mL/L
    expect(s[ALV_PCO2]).toBeCloseTo((k863 * 0.2) / 4200, 3);
    expect(s[ALV_PO2]).toBeCloseTo(0.21 * (760 - waterVapourPressureMmHg(37)) - (k863 * 0.25) / 4200, 3);
    expect(s[ALV_PCO2]).toBeGreaterThan(38); // ~41: normal PaCO2 35–45 (§5.2)
    expect(s[ALV_PCO2]).toBeLessThan(45);
  });

  it("the step is exact: one big step equals many small ones; apnoea raises PACO2", () => {
    const a = new Float64Array([100, 40]);
    const b = new Float64Array([100, 40]);
    stepAlveolarGas(a, 0.5, 0, 70, 4, 3, 2500, 760, 37, 10);
    for (let i = 0; i < 100; i++) stepAlveolarGas(b, 0.5, 0, 70, 4, 3, 2500, 760, 37, 0.1);
    expect(a[0]).toBeCloseTo(b[0]!, 9);
    expect(a[1]).toBeCloseTo(b[1]!, 9);
    const c = new Float64Array([100, 40]);
    stepAlveolarGas(c, 0.21, 0, 0, 4, 3, 2500, 760, 37, 30);
    expect(c[1]).toBeGreaterThan(40);
    expect(c[0]).toBeLessThan(100);
  });
});

describe("blood–gas equilibration (Piiper–Scheid, segmental Bohr integration)", () => {
  const v = carriedFromBloodGas(NORMAL_VENOUS);
  const out = new Float64Array(EQ_OUT_SIZE);
  const run = (dlO2: number, flowMlPerS: number) =>
    equilibrateBlood(
      v.o2ContentMlPerDl,
      v.tco2MmolPerL,
      0,
      15,
      37,
      100,
      40,
      dlO2,
      dlO2 * 20,
      flowMlPerS,
      60,
      out,
    );

  it("a normal lung (DLO2 30 mL/min/mmHg) at 5 L/min equilibrates venous blood with alveolar gas", () => {
    run(30, 5000 / 60);
    expect(out[EQ_PO2]).toBeCloseTo(100, 1);
    expect(out[EQ_PCO2]).toBeCloseTo(40, 1);
  });

  it("mass is conserved: O2 taken up and CO2 removed equal flow × content change × dt", () => {
    run(30, 5000 / 60);
    const q = 5000 / 60;
    expect(out[EQ_O2_UPTAKE_ML]).toBeCloseTo(((out[EQ_O2_CONTENT]! - v.o2ContentMlPerDl) / 100) * q * 60, 9);
    expect(out[EQ_CO2_REMOVED_ML]).toBeCloseTo(
      (((v.tco2MmolPerL - out[EQ_TCO2]!) * CO2_ML_PER_MMOL) / 1000) * q * 60,
      9,
    );
    // ≈ 250 mL O2 and ≈ 200 mL CO2 per minute at rest (Guyton, §5.2).
    expect(out[EQ_O2_UPTAKE_ML]).toBeGreaterThan(200);
    expect(out[EQ_O2_UPTAKE_ML]).toBeLessThan(300);
    expect(out[EQ_CO2_REMOVED_ML]).toBeGreaterThan(150);
    expect(out[EQ_CO2_REMOVED_ML]).toBeLessThan(260);
  });

  it("diffusion limitation: less transfer per mL through a small membrane or at high flow, never overshoot", () => {
    run(30, 5000 / 60);
    const full = out[EQ_O2_CONTENT]!;
    run(3, 5000 / 60);
    const small = out[EQ_O2_CONTENT]!;
    run(30, 30000 / 60);
    const fast = out[EQ_O2_CONTENT]!;
    expect(small).toBeLessThan(full);
    expect(fast).toBeLessThan(full);
    expect(small).toBeGreaterThan(v.o2ContentMlPerDl);
    expect(full).toBeLessThanOrEqual(o2ContentFromPo2(100, 15, 37, 7.45, 35));
    run(0, 5000 / 60);
    expect(out[EQ_O2_CONTENT]).toBeCloseTo(v.o2ContentMlPerDl, 12);
    expect(out[EQ_TCO2]).toBeCloseTo(v.tco2MmolPerL, 12);
  });

  it("an oxygenator-like gas (PO2 600, PCO2 0) at zero flow gives equilibrium blood and no transfer; no NaN at extremes", () => {
    equilibrateBlood(v.o2ContentMlPerDl, v.tco2MmolPerL, 0, 15, 37, 600, 0, 100, 2000, 0, 1, out);
    expect(out[EQ_PO2]).toBeCloseTo(600, 3);
    expect(out[EQ_O2_UPTAKE_ML]).toBe(0);
    for (const [c, t, hb, pg] of [
      [0, 0, 15, 0],
      [0, 0, 0.001, 700],
      [25, 40, 20, 800],
    ] as const) {
      equilibrateBlood(c, t, 0, hb, 37, pg, 40, 50, 1000, 80, 1, out);
      for (const x of out) expect(Number.isFinite(x)).toBe(true);
    }
  });
});

describe("metabolism", () => {
  it.each([
    [2.0, 28, 0.536, "[84]"],
    [2.8, 27, 0.357, "[85] Croughwell 1992"],
  ])("Q10 %d at %d °C → %d %s", (q10, t, f) => {
    expect(Math.abs(vo2Factor(t, q10) - f)).toBeLessThanOrEqual(0.001);
  });

  it("7 %/°C compounded at 32 °C → 0.696 [86]: equivalent Q10 = 0.93^-10", () => {
    expect(Math.abs(vo2Factor(32, 0.93 ** -10) - 0.696)).toBeLessThanOrEqual(0.001);
  });

  it("VO2 is supply-dependent below the critical DO2 of Shibutani 1983 (330 → plateau 109 mL/min/m²)", () => {
    expect(vo2Supplied(500, 109)).toBe(109);
    expect(vo2Supplied(330, 109)).toBeCloseTo(109, 9);
    // Shibutani's regression below the threshold: VO2 = 0.36·DO2 − 11.2; at DO2 250 → 78.8; model 82.6.
    expect(Math.abs(vo2Supplied(250, 109) - (0.36 * 250 - 11.2))).toBeLessThan(5);
    expect(vo2Supplied(0, 109)).toBe(0);
  });

  it("lactate: produced only under deficit; first-order clearance with a 14.7 min half-life; basal steady state", () => {
    expect(lactateFromO2DeficitMmol(0)).toBe(0);
    expect(lactateFromO2DeficitMmol(22.39)).toBeCloseTo(6.33, 9);
    expect(lactateRemainingFraction(14.7 * 60, 37)).toBeCloseTo(0.5, 12);
    expect(lactateRemainingFraction(14.7 * 60, 27)).toBeGreaterThan(0.5); // hypothermia slows clearance
    const vd = 0.285 * 70; // L
    const prod = basalLactateProductionMmolPerS(1, vd);
    let amount = 1 * vd;
    for (let i = 0; i < 3600; i++) amount = amount * lactateRemainingFraction(1, 37) + prod * 1;
    expect(amount / vd).toBeCloseTo(1, 3);
  });
});

describe("heat", () => {
  it("mixing and conduction conserve energy", () => {
    const t = mixTemperatureC(300, 30, 700, 37);
    expect(bloodHeatJ(1000, t)).toBeCloseTo(bloodHeatJ(300, 30) + bloodHeatJ(700, 37), 6);
    expect(conductionW(5, 30, 37) + conductionW(5, 37, 30)).toBe(0);
  });

  it("heat exchanger: zero flow → water temperature, infinite flow → inlet, monotone in between", () => {
    expect(heatExchangerOutletC(28, 38, 50, 0)).toBe(38);
    expect(heatExchangerOutletC(28, 38, 50, 1e12)).toBeCloseTo(28, 6);
    const lo = heatExchangerOutletC(28, 38, 50, 30);
    const hi = heatExchangerOutletC(28, 38, 50, 100);
    expect(lo).toBeGreaterThan(hi);
    expect(hi).toBeGreaterThan(28);
  });

  it("heat exchanger power equals the blood's enthalpy rise (water side gives what blood gets)", () => {
    const q = 80;
    const out = heatExchangerOutletC(30, 38, 60, q);
    expect(heatExchangerPowerW(30, 38, 60, q)).toBeCloseTo(3.78 * q * (out - 30), 9);
  });

  it("a performance factor measured at one flow is reproduced by the calibrated k", () => {
    const k = heatExchangerKFromPerformanceFactor(0.6, 5000 / 60);
    expect((heatExchangerOutletC(30, 40, k, 5000 / 60) - 30) / 10).toBeCloseTo(0.6, 12);
  });

  it("metabolic heat: 20.1 J per mL O2 at RQ 0.8 (Weir 1949); room loss 9.7 W/m²/°C (Scott 1990)", () => {
    expect(metabolicHeatW(1, 0.8)).toBeCloseTo(20.19, 2);
    expect(roomHeatLossW(33, 23, 1.8)).toBeCloseTo(9.7 * 1.8 * 10, 9);
    // Scott 1990: production 40 W/m² under anaesthesia is exceeded by loss when skin–room gradient > 4 °C.
    expect(roomHeatLossW(27.2, 23, 1)).toBeGreaterThan(40);
    expect(roomHeatLossW(27, 23, 1)).toBeLessThan(40);
  });
});
