import { describe, expect, it } from "vitest";
import { InputError } from "../../common/errors.ts";
import {
  bloodViscosityCp,
  carriedFromBloodGas,
  NORMAL_ARTERIAL,
  NORMAL_VENOUS,
  o2ContentFromPo2,
  pco2AtTemperature,
  ph37FromTemperature,
  phAtTemperature,
  po2FromO2Content,
  so2FromPo2,
  solveAcidBase,
  tco2FromPco2,
  validateBloodGasComposition,
  virtualPo2Factor,
} from "./index.ts";

const CO2_ML_PER_MMOL = 22.26; // CO2 molar volume STPD, mL/mmol

describe("Kelman ODC (reference §4.4; vectors §11)", () => {
  it.each([
    // PO2, T, pH, PCO2, expected %, tolerance, vector
    [40, 37, 7.4, 40, 74.12, 0.01, "[41]"],
    [100, 37, 7.4, 40, 97.49, 0.01, "[42]"],
    [40, 30, 7.4, 40, 90.58, 0.02, "[44]"],
    [60, 37, 7.2, 40, 85.07, 0.02, "[45]"],
  ])("PO2 %d, %d °C, pH %d, PCO2 %d → %d %% %s", (po2, t, ph, pco2, pct, tol) => {
    expect(Math.abs(so2FromPo2(po2, t, ph, pco2) * 100 - pct)).toBeLessThanOrEqual(tol);
  });

  it("virtual PO2 factors of vectors [44] (x = 58.89) and [45] (x = 49.91)", () => {
    expect(Math.abs(40 * virtualPo2Factor(30, 7.4, 40) - 58.89)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(60 * virtualPo2Factor(37, 7.2, 40) - 49.91)).toBeLessThanOrEqual(0.02);
  });

  it("P50 is 26.83 mmHg at standard conditions [43]", () => {
    const c = o2ContentFromPo2(26.83, 15, 37, 7.4, 40) - 0.003 * 26.83;
    expect(Math.abs(c / (1.34 * 15) - 0.5)).toBeLessThan(0.0005); // ±0.02 mmHg × slope ≈ 0.0004
  });

  it("is monotone, starts at 0 and stays in [0, 1] from 0 to 2000 mmHg", () => {
    let prev = -1;
    let violations = 0;
    for (let p = 0; p <= 2000; p += 0.05) {
      const s = so2FromPo2(p, 37, 7.4, 40);
      if (!(s >= prev && s <= 1)) violations++;
      prev = s;
    }
    expect(violations).toBe(0);
    expect(so2FromPo2(0, 37, 7.4, 40)).toBe(0);
    expect(so2FromPo2(1, 37, 7.4, 40)).toBeGreaterThan(0);
  });

  it("acidosis, hypercapnia and fever shift the curve right; hypothermia and alkalosis left (Bohr, ref §4.3–4.4)", () => {
    const base = so2FromPo2(30, 37, 7.4, 40);
    expect(so2FromPo2(30, 37, 7.2, 40)).toBeLessThan(base);
    expect(so2FromPo2(30, 37, 7.4, 60)).toBeLessThan(base);
    expect(so2FromPo2(30, 39, 7.4, 40)).toBeLessThan(base);
    expect(so2FromPo2(30, 30, 7.4, 40)).toBeGreaterThan(base);
    expect(so2FromPo2(30, 37, 7.5, 40)).toBeGreaterThan(base);
  });
});

describe("O2 content and its inverse", () => {
  it("content = 1.34·Hb·S + 0.003·PO2 (reference §4.1)", () => {
    const s = so2FromPo2(100, 37, 7.4, 40);
    expect(o2ContentFromPo2(100, 15, 37, 7.4, 40)).toBeCloseTo(1.34 * 15 * s + 0.3, 12);
  });

  it("round trip PO2 → content → PO2 within 1e-6 relative over 1–700 mmHg, Hb 5–20, three conditions", () => {
    let worst = 0;
    for (const [t, ph, pco2] of [
      [37, 7.4, 40],
      [28, 7.55, 27],
      [39, 7.1, 70],
    ] as const) {
      for (let hb = 5; hb <= 20; hb += 0.5) {
        for (let p = 1; p <= 700; p *= 1.03) {
          const q = po2FromO2Content(o2ContentFromPo2(p, hb, t, ph, pco2), hb, t, ph, pco2);
          worst = Math.max(worst, Math.abs(q - p) / p);
        }
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("handles zero content, tiny Hb and supersaturated blood without NaN", () => {
    expect(po2FromO2Content(0, 15, 37, 7.4, 40)).toBe(0);
    expect(po2FromO2Content(-1, 15, 37, 7.4, 40)).toBe(0);
    expect(po2FromO2Content(2.4, 0, 37, 7.4, 40)).toBeCloseTo(800, 6); // dissolved only: 2.4/0.003
    expect(po2FromO2Content(2.4, 1e-9, 37, 7.4, 40)).toBeCloseTo(800, 3);
    const p = po2FromO2Content(20.1 + 2.4, 15, 37, 7.4, 40);
    expect(p).toBeGreaterThan(700);
    expect(p).toBeLessThan(820);
    expect(Number.isFinite(po2FromO2Content(1e-12, 15, 37, 7.4, 0))).toBe(true);
    expect(Number.isFinite(so2FromPo2(40, 37, 7.4, 0))).toBe(true);
  });
});

describe("acid–base (Van Slyke per Lang & Zander 2002, Douglas 1988 whole-blood CO2)", () => {
  const out = new Float64Array(5);

  it("standard blood: PCO2 40, BE 0, Hb 15, SO2 1 gives pH 7.40 and plasma HCO3 24.26 (ref §5.2: 22–26)", () => {
    const tco2 = tco2FromPco2(40, 0, 15, 1, 37);
    solveAcidBase(tco2, 0, 15, 1, 37, out);
    expect(out[0]).toBeCloseTo(7.4, 3);
    expect(out[1]).toBeCloseTo(40, 6);
    expect(out[4]).toBeCloseTo(24.26, 2);
    // Whole-blood CO2 content is lower than plasma (Douglas ratio < 1): ~20 mmol/L ≈ 45 mL/dL.
    expect(tco2).toBeGreaterThan(19);
    expect(tco2).toBeLessThan(22);
  });

  it("round trip PCO2 → tco2 → PCO2 over 20–100 mmHg, BE −15…+15, Hb 5–20, SO2 0.3–1, 18–39 °C", () => {
    let worst = 0;
    for (const t of [18, 28, 37, 39])
      for (const be of [-15, -5, 0, 5, 15])
        for (const hb of [5, 10, 15, 20])
          for (const s of [0.3, 0.7, 1])
            for (let p = 20; p <= 100; p += 5) {
              solveAcidBase(tco2FromPco2(p, be, hb, s, t), be, hb, s, t, out);
              worst = Math.max(worst, Math.abs(out[1]! - p) / p);
            }
    expect(worst).toBeLessThan(1e-9);
  });

  it("metabolic acidosis lowers pH at equal tco2; adding CO2 lowers pH (respiratory acidosis)", () => {
    const tco2 = tco2FromPco2(40, 0, 15, 1, 37);
    solveAcidBase(tco2, -10, 15, 1, 37, out);
    expect(out[0]).toBeLessThan(7.3);
    solveAcidBase(tco2 + 2, 0, 15, 1, 37, out);
    expect(out[0]).toBeLessThan(7.4);
    expect(out[1]).toBeGreaterThan(40);
  });

  it("Haldane effect: fully deoxygenated blood holds 0.2–0.35 mL CO2 per mL O2 released (Loeppky 1983: 0.28 ± 0.03)", () => {
    const ox = tco2FromPco2(40, 0, 15, 1, 37);
    const deox = tco2FromPco2(40, 0, 15, 0, 37);
    const fH = ((deox - ox) * CO2_ML_PER_MMOL) / 10 / (1.34 * 15);
    expect(fH).toBeGreaterThan(0.2);
    expect(fH).toBeLessThan(0.35);
  });

  it("temperature: closed-system cooling 37 → 28 °C gives pH +0.132 and PCO2 26.98 (vectors [48], [51])", () => {
    const tco2 = tco2FromPco2(40, 0, 15, 1, 37);
    solveAcidBase(tco2, 0, 15, 1, 37, out);
    const ph37 = out[0]!;
    solveAcidBase(tco2, 0, 15, 1, 28, out);
    expect(out[0]! - phAtTemperature(ph37, 28)).toBeCloseTo(0, 12);
    expect(Math.abs(phAtTemperature(7.4, 28) - 7.532)).toBeLessThanOrEqual(0.001); // [48]
    expect(Math.abs(phAtTemperature(7.3, 28) - 7.426)).toBeLessThanOrEqual(0.001); // [49]
    expect(Math.abs(pco2AtTemperature(40, 28) - 26.98)).toBeLessThanOrEqual(0.02); // [51]
    expect(out[1]).toBeCloseTo(pco2AtTemperature(out[3]!, 28), 9);
    expect(ph37FromTemperature(phAtTemperature(7.31, 25), 25)).toBeCloseTo(7.31, 12);
  });

  it("never returns NaN for tco2 0, huge tco2, Hb 0 or 25, SO2 out of range", () => {
    for (const tco2 of [0, 1e-9, 5, 60, 500])
      for (const hb of [0, 0.01, 25])
        for (const s of [-1, 0, 1, 2]) {
          solveAcidBase(tco2, 0, hb, s, 37, out);
          expect(Number.isFinite(out[0]!) && Number.isFinite(out[1]!)).toBe(true);
          expect(out[1]).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(tco2FromPco2(tco2, 0, hb, s, 20))).toBe(true);
        }
  });
});

describe("reference compositions (physiology-and-engines §5.2)", () => {
  it("normal arterial and venous blood are self-consistent and physiological", () => {
    const a = carriedFromBloodGas(NORMAL_ARTERIAL);
    const v = carriedFromBloodGas(NORMAL_VENOUS);
    expect(a.so2).toBeGreaterThan(0.965); // SaO2 0.97
    expect(a.so2).toBeLessThan(0.98);
    expect(v.so2).toBeGreaterThan(0.7);
    expect(v.so2).toBeLessThan(0.77);
    // Fick: a–v O2 difference × 5 L/min ≈ 250 mL/min VO2 (Guyton, §5.2), CO2 difference ≈ 200 mL/min.
    const vo2 = (a.o2ContentMlPerDl - v.o2ContentMlPerDl) * 50;
    const vco2 = (v.tco2MmolPerL - a.tco2MmolPerL) * CO2_ML_PER_MMOL * 5;
    expect(vo2).toBeGreaterThan(200);
    expect(vo2).toBeLessThan(300);
    expect(vco2).toBeGreaterThan(150);
    expect(vco2).toBeLessThan(260);
    const out = new Float64Array(2);
    solveAcidBase(a.tco2MmolPerL, 0, 15, a.so2, 37, out);
    expect(out[1]).toBeCloseTo(40, 6);
    expect(po2FromO2Content(a.o2ContentMlPerDl, 15, 37, a.ph, 40)).toBeCloseTo(95, 6);
  });
});

describe("viscosity", () => {
  it("≈ 3.5 mPa·s at Hct 0.45, 37 °C (Hund 2017 nominal 3.5 cP); plasma-like ≈ 1.1 at Hct 0", () => {
    expect(bloodViscosityCp(0.45, 37)).toBeCloseTo(3.54, 2);
    expect(bloodViscosityCp(0, 37)).toBeCloseTo(1.089, 3);
  });
  it("rises with Hct and with cooling; 37 → 22 °C within the 50–300 % rise of Eckmann 2000", () => {
    expect(bloodViscosityCp(0.3, 37)).toBeLessThan(bloodViscosityCp(0.4, 37));
    const rise = bloodViscosityCp(0.4, 22) / bloodViscosityCp(0.4, 37) - 1;
    expect(rise).toBeGreaterThan(0.5);
    expect(rise).toBeLessThan(3);
  });
});

describe("validateBloodGasComposition (boundary check, not used in hot paths)", () => {
  it("accepts the reference compositions", () => {
    expect(validateBloodGasComposition(NORMAL_ARTERIAL)).toBe(NORMAL_ARTERIAL);
  });
  it.each([
    ["po2MmHg", -1],
    ["pco2MmHg", 0],
    ["baseExcessMmolPerL", 40],
    ["hbGPerDl", Number.NaN],
    ["tempC", 50],
    ["lactateMmolPerL", -0.5],
  ])("rejects %s = %d with an InputError naming the field", (field, value) => {
    const bad = { ...NORMAL_ARTERIAL, [field]: value };
    try {
      validateBloodGasComposition(bad, "patient.arterial.");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]!.field).toBe(`patient.arterial.${field}`);
    }
  });
});
