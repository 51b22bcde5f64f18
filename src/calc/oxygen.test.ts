import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { do2i, o2Content, o2er, vo2 } from "./oxygen.ts";

// Expected values: shared/reference/reference-data.md §4.1–4.2 and §11 (vector number in brackets).
/** 1 kPa in mmHg (101.325 kPa = 760 mmHg), for the sources that give gases in kPa. */
const MMHG_PER_KPA = 760 / 101.325;

describe("o2-content", () => {
  it("[21] Hb 15, S 1.00, PO2 100 with k 1.34, s 0.003 → 20.40 mL/dL (±0.01; anaesthesiauk)", () => {
    const r = o2Content({ hbGPerDl: 15, so2: 1, po2MmHg: 100 });
    expect(Math.abs(r.value - 20.4)).toBeLessThanOrEqual(0.01);
    expect(r.unit).toBe("mL/dL");
    expect(r.constants).toEqual({ k: 1.34, s: 0.003 });
    expect(r.extra?.boundMlPerDl?.value).toBeCloseTo(20.1, 9);
  });
  it("[22] Hb 15, S 0.75, PO2 6 kPa (0.0225 per kPa = 0.003 per mmHg) → 15.2 mL/dL (±0.05; anaesthesiauk)", () => {
    const r = o2Content({ hbGPerDl: 15, so2: 0.75, po2MmHg: 6 * MMHG_PER_KPA });
    expect(Math.abs(r.value - 15.2)).toBeLessThanOrEqual(0.05);
  });
  it("[23] k 1.36, s 0.0031 → 20.71 (±0.01); [24] k 1.39, s 0.0031 → 21.16 (±0.01)", () => {
    const a = o2Content({ hbGPerDl: 15, so2: 1, po2MmHg: 100, hufnerMlPerG: 1.36, solubility: 0.0031 });
    expect(Math.abs(a.value - 20.71)).toBeLessThanOrEqual(0.01);
    const b = o2Content({ hbGPerDl: 15, so2: 1, po2MmHg: 100, hufnerMlPerG: 1.39, solubility: 0.0031 });
    expect(Math.abs(b.value - 21.16)).toBeLessThanOrEqual(0.01);
  });
  it.each([
    [{ hbGPerDl: 0, so2: 1, po2MmHg: 100 }, "hbGPerDl"],
    [{ hbGPerDl: 26, so2: 1, po2MmHg: 100 }, "hbGPerDl"],
    [{ hbGPerDl: 15, so2: 1.2, po2MmHg: 100 }, "so2"],
    [{ hbGPerDl: 15, so2: -0.1, po2MmHg: 100 }, "so2"],
    [{ hbGPerDl: 15, so2: 1, po2MmHg: -1 }, "po2MmHg"],
    [{ hbGPerDl: 15, so2: 1, po2MmHg: 900 }, "po2MmHg"],
    [{ hbGPerDl: 15, so2: 1, po2MmHg: 100, hufnerMlPerG: 2 }, "hufnerMlPerG"],
    [{ hbGPerDl: 15, so2: 1, po2MmHg: 100, solubility: 0.03 }, "solubility"],
    [{ hbGPerDl: Number.NaN, so2: 1, po2MmHg: 100 }, "hbGPerDl"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => o2Content(input as never), field));
});

describe("do2i", () => {
  it("[25] Q 5 L/min, CaO2 20.1 (Hb 15, S 1, no dissolved O2) → DO2 1005 mL/min (±1; anaesthesiauk)", () => {
    const r = do2i({ flowLPerMin: 5, bsaM2: 1, hbGPerDl: 15, so2: 1, po2MmHg: 0 });
    expect(Math.abs((r.extra?.do2MlPerMin?.value ?? 0) - 1005)).toBeLessThanOrEqual(1);
  });
  it("[27] BSA 1.84, CO 5, Hb 15, SaO2 0.98, PaO2 13 kPa, k 1.39 → 563 mL/min/m² (±1; alpfmedical)", () => {
    const r = do2i({
      flowLPerMin: 5,
      bsaM2: 1.84,
      hbGPerDl: 15,
      so2: 0.98,
      po2MmHg: 13 * MMHG_PER_KPA,
      hufnerMlPerG: 1.39,
    });
    expect(Math.abs(r.value - 563)).toBeLessThanOrEqual(1);
    expect(r.unit).toBe("mL/min/m²");
    expect(Math.abs((r.extra?.cao2MlPerDl?.value ?? 0) - 20.73)).toBeLessThanOrEqual(0.01); // §4.1 [C] 20.73
  });
  it("[29] flow index 2.4, Hb 8, S 1.0, PaO2 200 → 271.7 mL/min/m² (±0.1), below Ranucci's 272", () => {
    const r = do2i({ flowLPerMin: 2.4 * 1.8, bsaM2: 1.8, hbGPerDl: 8, so2: 1, po2MmHg: 200 });
    expect(Math.abs(r.value - 271.7)).toBeLessThanOrEqual(0.1);
    expect(r.value).toBeLessThan(272);
  });
  it("[30] flow index for DO2i 280 at Hb 10, S 1.0, PaO2 200 → 2.000 L/min/m² (±0.002), and §4.2 Hb 7/8/9 rows", () => {
    const r = do2i({
      flowLPerMin: 4,
      bsaM2: 2,
      hbGPerDl: 10,
      so2: 1,
      po2MmHg: 200,
      targetDo2iMlPerMinPerM2: 280,
    });
    expect(Math.abs((r.extra?.flowIndexForTargetLPerMinPerM2?.value ?? 0) - 2.0)).toBeLessThanOrEqual(0.002);
    expect(r.extra?.flowForTargetLPerMin?.value).toBeCloseTo(4.0, 2);
    // §4.2 [C]: Hb 7 → 2.725 / 2.806; Hb 8 → 2.403 / 2.473; Hb 9 → 2.148 / 2.212 (targets 272 / 280)
    for (const [hb, t272, t280] of [
      [7, 2.725, 2.806],
      [8, 2.403, 2.473],
      [9, 2.148, 2.212],
    ] as const) {
      const at = (t: number) =>
        do2i({ flowLPerMin: 2, bsaM2: 1, hbGPerDl: hb, so2: 1, po2MmHg: 200, targetDo2iMlPerMinPerM2: t })
          .extra?.flowIndexForTargetLPerMinPerM2?.value ?? 0;
      expect(Math.abs(at(272) - t272)).toBeLessThanOrEqual(0.002);
      expect(Math.abs(at(280) - t280)).toBeLessThanOrEqual(0.002);
    }
  });
  it("zero flow gives zero delivery, not NaN", () => {
    expect(do2i({ flowLPerMin: 0, bsaM2: 1.8, hbGPerDl: 8, so2: 1, po2MmHg: 200 }).value).toBe(0);
  });
  const ok = { flowLPerMin: 4, bsaM2: 1.8, hbGPerDl: 9, so2: 1, po2MmHg: 200 };
  it.each([
    [{ ...ok, flowLPerMin: -1 }, "flowLPerMin"],
    [{ ...ok, flowLPerMin: 13 }, "flowLPerMin"],
    [{ ...ok, bsaM2: 0 }, "bsaM2"],
    [{ ...ok, hbGPerDl: 0 }, "hbGPerDl"],
    [{ ...ok, so2: 2 }, "so2"],
    [{ ...ok, po2MmHg: 1000 }, "po2MmHg"],
    [{ ...ok, targetDo2iMlPerMinPerM2: 0 }, "targetDo2iMlPerMinPerM2"],
    [{ ...ok, so2: 0, po2MmHg: 0, targetDo2iMlPerMinPerM2: 280 }, "so2"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => do2i(input as never), field));
});

describe("vo2", () => {
  it("[26] Q 5, CaO2 20.1, CvO2 15.2 → 245 mL/min (±1; anaesthesiauk)", () => {
    // Arterial: Hb 15, S 1.00 without the dissolved term (the page's CaO2 20.1); venous: S 0.75, PvO2 6 kPa.
    const r = vo2({
      flowLPerMin: 5,
      hbGPerDl: 15,
      so2: 1,
      po2MmHg: 0,
      svo2: 0.75,
      pvo2MmHg: 6 * MMHG_PER_KPA,
    });
    expect(Math.abs(r.value - 245)).toBeLessThanOrEqual(1);
    expect(r.unit).toBe("mL/min");
  });
  it("alpfmedical normal values (§4.1): VO2 index 135.0 recomputed, page says 132 — within ±3%", () => {
    const r = vo2({
      flowLPerMin: 5,
      bsaM2: 1.84,
      hbGPerDl: 15,
      so2: 0.98,
      po2MmHg: 13 * MMHG_PER_KPA,
      svo2: 0.75,
      pvo2MmHg: 5.3 * MMHG_PER_KPA,
      hufnerMlPerG: 1.39,
    });
    expect(Math.abs((r.extra?.vo2iMlPerMinPerM2?.value ?? 0) - 132)).toBeLessThanOrEqual(132 * 0.03);
    expect(Math.abs((r.extra?.cvo2MlPerDl?.value ?? 0) - 15.76)).toBeLessThanOrEqual(0.01); // §4.1 [C]
    expect(Math.abs((r.extra?.o2er?.value ?? 0) - 0.24)).toBeLessThanOrEqual(0.002); // [28]
  });
  const ok = { flowLPerMin: 5, hbGPerDl: 15, so2: 1, po2MmHg: 100, svo2: 0.75, pvo2MmHg: 40 };
  it.each([
    [{ ...ok, flowLPerMin: 20 }, "flowLPerMin"],
    [{ ...ok, svo2: 1.5 }, "svo2"],
    [{ ...ok, pvo2MmHg: -3 }, "pvo2MmHg"],
    [{ ...ok, bsaM2: 9 }, "bsaM2"],
    [{ ...ok, so2: 0.7 }, "svo2"], // venous above arterial
  ])("refuses %o naming %s", (input, field) => expectInputError(() => vo2(input as never), field));
});

describe("o2er", () => {
  it("[28] CaO2 20.73, CvO2 15.76 → 0.240 (±0.002; alpfmedical)", () => {
    const r = o2er({ cao2MlPerDl: 20.73, cvo2MlPerDl: 15.76 });
    expect(Math.abs(r.value - 0.24)).toBeLessThanOrEqual(0.002);
    expect(r.method).toBe("contents");
    expect(r.unit).toBe("fraction");
  });
  it("from blood gases equals the ratio of the contents they imply", () => {
    const gases = o2er({ hbGPerDl: 15, so2: 1, po2MmHg: 100, svo2: 0.75, pvo2MmHg: 45 });
    expect(gases.method).toBe("blood-gases");
    const cao2 = 1.34 * 15 + 0.3;
    const cvo2 = 1.34 * 15 * 0.75 + 0.003 * 45;
    expect(gases.value).toBeCloseTo((cao2 - cvo2) / cao2, 12);
  });
  it.each([
    [{ cao2MlPerDl: 20 }, "cvo2MlPerDl"],
    [{ cvo2MlPerDl: 15 }, "cao2MlPerDl"],
    [{ cao2MlPerDl: 0, cvo2MlPerDl: 0 }, "cao2MlPerDl"],
    [{ cao2MlPerDl: 15, cvo2MlPerDl: 20 }, "cvo2MlPerDl"],
    [{ cao2MlPerDl: 50, cvo2MlPerDl: 20 }, "cao2MlPerDl"],
    [{}, "hbGPerDl"],
    [{ hbGPerDl: 15, so2: 1, po2MmHg: 100, svo2: 0.75 }, "pvo2MmHg"],
    [{ hbGPerDl: 15, so2: 0, po2MmHg: 0, svo2: 0, pvo2MmHg: 0 }, "so2"],
    [{ hbGPerDl: 15, so2: 0.6, po2MmHg: 30, svo2: 0.75, pvo2MmHg: 40 }, "svo2"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => o2er(input as never), field));
});
