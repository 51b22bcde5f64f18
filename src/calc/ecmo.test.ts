import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { co2Removal, oxygenatorO2Transfer, recirculation } from "./ecmo.ts";

// Expected values: shared/reference/reference-data.md §9 and §11 (vector number in brackets).
describe("recirculation", () => {
  it("[88] SdO2 0.80, SvO2 0.65, SmO2 1.00 → R 0.4286 (±0.0001)", () => {
    const r = recirculation({ sdo2: 0.8, svo2: 0.65, smo2: 1 });
    expect(Math.abs(r.value - 0.4286)).toBeLessThanOrEqual(0.0001);
    expect(r.unit).toBe("fraction");
    expect(r.extra).toBeUndefined();
  });
  it("[89] R 0.4286 at pump flow 4.5 L/min → effective flow 2.571 L/min (±0.001)", () => {
    const r = recirculation({ sdo2: 0.8, svo2: 0.65, smo2: 1, flowLPerMin: 4.5 });
    expect(Math.abs((r.extra?.effectiveFlowLPerMin?.value ?? 0) - 2.571)).toBeLessThanOrEqual(0.001);
    expect(
      (r.extra?.effectiveFlowLPerMin?.value ?? 0) + (r.extra?.recirculatingFlowLPerMin?.value ?? 0),
    ).toBeCloseTo(4.5, 12);
  });
  it("[90] Messai SaO2 with CO 6.0, SmO2 100, SvO2 65, PmO2 400 → 84.0 % (±0.05)", () => {
    const r = recirculation({
      sdo2: 0.8,
      svo2: 0.65,
      smo2: 1,
      flowLPerMin: 4.5,
      cardiacOutputLPerMin: 6,
      pmo2MmHg: 400,
    });
    expect(Math.abs((r.extra?.messaiSao2?.value ?? 0) * 100 - 84.0)).toBeLessThanOrEqual(0.05);
  });
  it("R is 0 when drainage is pure venous blood and 1 when it is all return blood", () => {
    expect(recirculation({ sdo2: 0.65, svo2: 0.65, smo2: 1 }).value).toBe(0);
    expect(recirculation({ sdo2: 1, svo2: 0.65, smo2: 1 }).value).toBe(1);
  });
  const ok = { sdo2: 0.8, svo2: 0.65, smo2: 1 };
  it.each([
    [{ ...ok, smo2: 0.65 }, "smo2"], // SmO2 = SvO2: the divisor is 0
    [{ ...ok, smo2: 0.6 }, "smo2"],
    [{ ...ok, sdo2: 0.6 }, "sdo2"],
    [{ ...ok, sdo2: 0.9, smo2: 0.85 }, "sdo2"],
    [{ ...ok, sdo2: 1.1 }, "sdo2"],
    [{ ...ok, svo2: -0.1 }, "svo2"],
    [{ ...ok, flowLPerMin: 15 }, "flowLPerMin"],
    [{ ...ok, flowLPerMin: 4.5, cardiacOutputLPerMin: 6 }, "pmo2MmHg"],
    [{ ...ok, flowLPerMin: 4.5, pmo2MmHg: 400 }, "cardiacOutputLPerMin"],
    [{ ...ok, cardiacOutputLPerMin: 6, pmo2MmHg: 400 }, "flowLPerMin"],
    [{ ...ok, flowLPerMin: 4.5, cardiacOutputLPerMin: 2, pmo2MmHg: 400 }, "cardiacOutputLPerMin"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => recirculation(input as never), field));
});

describe("oxygenator-o2-transfer", () => {
  const v91 = { flowLPerMin: 5, hbGPerDl: 10, preSo2: 0.7, prePo2MmHg: 38, postSo2: 1, postPo2MmHg: 250 };
  it("[91] Q 5.0, Hb 10, pre 0.70/38 → post 1.00/250 → 232.8 mL/min (±0.1)", () => {
    const r = oxygenatorO2Transfer(v91);
    expect(Math.abs(r.value - 232.8)).toBeLessThanOrEqual(0.1);
    expect(r.unit).toBe("mL/min");
  });
  it.each([
    [{ ...v91, postSo2: 0.6 }, "postSo2"], // post below pre: pre/post swapped?
    [{ ...v91, flowLPerMin: -1 }, "flowLPerMin"],
    [{ ...v91, hbGPerDl: 0 }, "hbGPerDl"],
    [{ ...v91, preSo2: 2 }, "preSo2"],
    [{ ...v91, prePo2MmHg: -1 }, "prePo2MmHg"],
    [{ ...v91, postPo2MmHg: 900 }, "postPo2MmHg"],
    [{ ...v91, hufnerMlPerG: 1 }, "hufnerMlPerG"],
  ])("refuses %o naming %s", (input, field) =>
    expectInputError(() => oxygenatorO2Transfer(input as never), field),
  );
});

describe("co2-removal", () => {
  it("[92] sweep 4.0 L/min, FeCO2 4 % → 160 mL/min (±0.1; no STPD correction)", () => {
    const r = co2Removal({ sweepLPerMin: 4, exhaustCo2Fraction: 0.04 });
    expect(Math.abs(r.value - 160)).toBeLessThanOrEqual(0.1);
    expect(r.formula).toMatch(/no STPD/);
  });
  it.each([
    [{ sweepLPerMin: -1, exhaustCo2Fraction: 0.04 }, "sweepLPerMin"],
    [{ sweepLPerMin: 25, exhaustCo2Fraction: 0.04 }, "sweepLPerMin"],
    [{ sweepLPerMin: 4, exhaustCo2Fraction: 4 }, "exhaustCo2Fraction"], // a percentage given as fraction
  ])("refuses %o naming %s", (input, field) => expectInputError(() => co2Removal(input as never), field));
});
