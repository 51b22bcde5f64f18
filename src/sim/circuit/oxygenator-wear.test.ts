/**
 * Oxygenator wear over days (oxygenator-wear.ts, docs/models/ecmo.md "Oxygenator degradation"): the closed form
 * against an independent fine-step integration, the calibration (B = 0.5 in 10 days at plasma heparin 0.3 U/mL, an [U]
 * setting on
 * the 9 (6–15) days per patient of Lubnow et al., PLoS One 2014;9:e112316), anticoagulation and flow dependence,
 * and what the burden does to the membrane: ΔP ∝ 1/(1 − B) and post-oxygenator PO2 below the 200 mmHg exchange
 * criterion at FiO2 1.0 (Lubnow 2014, as cited in the issue brief).
 */
import { describe, expect, it } from "vitest";
import { o2ContentFromPo2, solveAcidBase, tco2FromPco2 } from "../blood/index.ts";
import {
  buildOxygenatorParams,
  createOxygenatorState,
  EQ_PO2,
  OX_OUT_SIZE,
  OXS_CLOT_FRACTION,
  oxygenatorPressureDropMmHg,
  oxygenatorTransfer,
} from "./oxygenator.ts";
import {
  clotGrowthPerS,
  combinedClotFraction,
  createWearState,
  heparinLeftAfterClot,
  stepWear,
  WEAR_BURDEN,
  WEAR_HEPARIN_CL_MAX_ML_PER_MIN,
  wearAcceleration,
  wearBurdenAt,
  wearFlowFactor,
  wearHeparinFactor,
} from "./oxygenator-wear.ts";

const DAY = 86400;
/** Quadrox-iD Adult as in scenarios/adult-vv-ecmo.yaml: 7 L/min, 1.8 m². */
const quadrox = buildOxygenatorParams({ model: "Quadrox-iD Adult", maxFlowLPerMin: 7, membraneAreaM2: 1.8 });

/** Days until the burden reaches `target` stepping once a minute (stepWear). */
function daysTo(target: number, heparinUPerMl: number, flow: number): number {
  const s = createWearState();
  for (let t = 60; t <= 200 * DAY; t += 60) {
    stepWear(s, 60, heparinUPerMl, flow, 7, 1);
    if (s[WEAR_BURDEN]! >= target) return t / DAY;
  }
  return Number.POSITIVE_INFINITY;
}

describe("oxygenator wear: clot burden over days", () => {
  it("calibration: B = 0.5 (ΔP doubled) after 10 days at anti-Xa 0.3 U/mL and flow ≥ 30 % of the maximum", () => {
    expect(wearBurdenAt(10 * DAY, 0.3, 4.5, 7)).toBeCloseTo(0.5, 9);
    expect(daysTo(0.5, 0.3, 4.5)).toBeCloseTo(10, 2); // once-a-minute steps land within a minute
  });

  it("the closed-form step equals a fine explicit integration of dB/dt = k·fHep·fFlow·(0.02 + B)(1 − B)", () => {
    const s = createWearState();
    let b = 0;
    const dt = 10;
    for (let t = 0; t < 12 * DAY; t += dt) b += clotGrowthPerS(b, 0.25, 3, 7, 1) * dt;
    for (let i = 0; i < 12 * 24; i++) stepWear(s, 3600, 0.25, 3, 7, 1); // hourly steps
    expect(Math.abs(s[WEAR_BURDEN]! - b) / b).toBeLessThan(2e-3);
    expect(s[WEAR_BURDEN]!).toBeCloseTo(wearBurdenAt(12 * DAY, 0.25, 3, 7), 9);
  });

  it("weak anticoagulation and low flow speed clotting; adequate anticoagulation slows it", () => {
    expect(wearHeparinFactor(0.3)).toBeCloseTo(1, 12);
    expect(wearHeparinFactor(0)).toBeCloseTo(8.0, 12); // unheparinised [U]
    expect(wearHeparinFactor(-1)).toBeCloseTo(8.0, 12); // a negative level counts as none
    expect(wearHeparinFactor(0.6)).toBeCloseTo(0.125, 12);
    expect(wearFlowFactor(4.5, 7)).toBe(1);
    expect(wearFlowFactor(1.05, 7)).toBeCloseTo(2, 9); // Q_ref = 2.1 L/min
    expect(wearFlowFactor(0, 7)).toBe(10);
    // Days to B = 0.5: 10 at 0.3 U/mL; 10/8 with no heparin; 80 at 0.6 U/mL; 5 at half the reference flow.
    expect(daysTo(0.5, 0, 4.5)).toBeCloseTo(10 / 8, 2);
    expect(daysTo(0.5, 0.6, 4.5)).toBeCloseTo(80, 1);
    expect(daysTo(0.5, 0.3, 1.05)).toBeCloseTo(5, 2);
  });

  it("the oxygenatorWear fault speeds time up by 10^(3·severity); the clotting fault combines with the burden", () => {
    expect(wearAcceleration(0)).toBe(1);
    expect(wearAcceleration(1)).toBeCloseTo(1000, 9);
    expect(wearAcceleration(0.5)).toBeCloseTo(31.62, 2);
    expect(combinedClotFraction(0.5, 0)).toBeCloseTo(0.5, 12);
    expect(combinedClotFraction(0, 1)).toBeCloseTo(0.95, 12); // the fault alone, as before
    expect(combinedClotFraction(0.5, 0.5)).toBeCloseTo(1 - 0.5 * 0.525, 12);
    const s = createWearState();
    stepWear(s, 864, 0.3, 4.5, 7, 1000); // 864 s × 1000 = 10 days
    expect(s[WEAR_BURDEN]!).toBeCloseTo(0.5, 9);
  });

  it("burden raises ΔP as 1/(1 − B) and takes post-oxygenator PO2 below 200 mmHg (FiO2 1.0) at B ≈ 0.3, about day 8", () => {
    const hb = 12;
    const tco2 = tco2FromPco2(45, 0, hb, 0.75, 37);
    const ab = new Float64Array(2);
    solveAcidBase(tco2, 0, hb, 0.75, 37, ab);
    const c0 = o2ContentFromPo2(40, hb, 37, ab[0]!, ab[1]!);
    const out = new Float64Array(OX_OUT_SIZE);
    const q = 4500 / 60;
    const post = (b: number) => {
      const st = createOxygenatorState(1, 4.5);
      st[OXS_CLOT_FRACTION] = b;
      oxygenatorTransfer(quadrox, st, c0, tco2, 0, hb, 37, q, 0.1, out, 8);
      return { po2: out[EQ_PO2]!, dp: oxygenatorPressureDropMmHg(quadrox, st, q) };
    };
    const clean = post(0);
    expect(clean.po2).toBeGreaterThan(450); // a clean membrane at FiO2 1.0: > 450 mmHg
    expect(post(0.5).dp / clean.dp).toBeCloseTo(2, 9);
    // Find where PO2 crosses 200 mmHg.
    let lo = 0;
    let hi = 0.9;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (post(mid).po2 > 200) lo = mid;
      else hi = mid;
    }
    expect(lo).toBeGreaterThan(0.25);
    expect(lo).toBeLessThan(0.4);
    expect(post(lo).dp / clean.dp).toBeLessThan(1.6); // gas transfer fails before ΔP doubles
    // Time to that burden at anti-Xa 0.3 U/mL, 4.5 L/min: 7–9 days.
    const d = daysTo(lo, 0.3, 4.5);
    expect(d).toBeGreaterThan(7);
    expect(d).toBeLessThan(9);
  });

  it("a 72 h run: ΔP creeps up by 4 % at anti-Xa 0.3 U/mL and 12 % at 0.225 (clot burden 0.043 and 0.110); more with low flow", () => {
    const dpRise = (heparinUPerMl: number, flow: number) => {
      const s = createWearState();
      for (let t = 0; t < 72 * 3600; t += 1) stepWear(s, 1, heparinUPerMl, flow, 7, 1); // once a second, as the circuit does
      const st = createOxygenatorState(1, 4.5);
      const clean = oxygenatorPressureDropMmHg(quadrox, st, 75);
      st[OXS_CLOT_FRACTION] = s[WEAR_BURDEN]!;
      return { b: s[WEAR_BURDEN]!, rise: oxygenatorPressureDropMmHg(quadrox, st, 75) / clean - 1 };
    };
    const ref = dpRise(0.3, 4.5);
    expect(ref.b).toBeCloseTo(0.0426, 3);
    expect(ref.rise).toBeCloseTo(0.0445, 3);
    const low = dpRise(0.225, 4.5);
    expect(low.b).toBeCloseTo(0.1105, 3); // fHep = 8^0.25 = 1.68: x = 1.99, B = 0.02(e^x − 1)/(1 + 0.02·e^x)
    expect(dpRise(0.3, 1.05).rise).toBeGreaterThan(ref.rise * 2); // stasis at 1 L/min
  });

  it("the burden never falls, even a rounding error, next to a fully clotted membrane", () => {
    const s = createWearState();
    s[WEAR_BURDEN] = 0.9999995;
    for (let i = 0; i < 10; i++) {
      const before = s[WEAR_BURDEN]!;
      stepWear(s, 1, 0.3, 4.5, 7, 1);
      expect(s[WEAR_BURDEN]!).toBeGreaterThanOrEqual(before);
      expect(s[WEAR_BURDEN]!).toBeLessThanOrEqual(1);
    }
  });

  it("clot consumes heparin from the circuit plasma: first-order with CL = 10 mL/min × B", () => {
    expect(heparinLeftAfterClot(0, 300, 60)).toBe(1);
    expect(heparinLeftAfterClot(0.5, 300, 60)).toBeCloseTo(
      Math.exp(-(WEAR_HEPARIN_CL_MAX_ML_PER_MIN * 0.5) / 300),
      12,
    );
    // Two half-steps equal one step (exact exponential).
    expect(heparinLeftAfterClot(0.4, 250, 30) ** 2).toBeCloseTo(heparinLeftAfterClot(0.4, 250, 60), 12);
  });
});
