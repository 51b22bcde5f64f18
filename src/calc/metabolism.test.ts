import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { q10, q10FromRates } from "./metabolism.ts";

// Expected values: shared/reference/reference-data.md §8 and §11 (vector number in brackets).
describe("q10", () => {
  it("[84] Q10 2.0 at 28 °C → 0.536 of the 37 °C rate (±0.001)", () => {
    const r = q10({ tempC: 28, q10: 2 });
    expect(Math.abs(r.value - 0.536)).toBeLessThanOrEqual(0.001);
  });
  it("[85] Q10 2.8 at 27 °C → 0.357, the 64% reduction of Croughwell 1992 (±0.001)", () => {
    expect(Math.abs(q10({ tempC: 27, q10: 2.8 }).value - 0.357)).toBeLessThanOrEqual(0.001);
  });
  it("[86] 7% per °C compounded at 32 °C → 0.696 (±0.001)", () => {
    const r = q10({ tempC: 32, method: "percent-per-degree" });
    expect(Math.abs(r.value - 0.696)).toBeLessThanOrEqual(0.001);
    expect(r.constants.percentPerDegree).toBe(7);
  });

  // §8 model table [C], every row: T, Q10 2.0, 2.3, 2.5, 2.8, 7%/°C compounded (±0.001, rounding of the table).
  const TABLE = [
    [37, 1, 1, 1, 1, 1],
    [34, 0.812, 0.779, 0.76, 0.734, 0.804],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: a tabulated value (§8), not √½
    [32, 0.707, 0.659, 0.632, 0.598, 0.696],
    [30, 0.616, 0.558, 0.527, 0.486, 0.602],
    [28, 0.536, 0.473, 0.438, 0.396, 0.52],
    [25, 0.435, 0.368, 0.333, 0.291, 0.419],
    [20, 0.308, 0.243, 0.211, 0.174, 0.291],
    [18, 0.268, 0.205, 0.175, 0.141, 0.252],
    [15, 0.218, 0.16, 0.133, 0.104, 0.203],
  ] as const;
  it.each(TABLE)("§8 table at %d °C", (t, a, b, c, d, pct) => {
    for (const [q, expected] of [
      [2, a],
      [2.3, b],
      [2.5, c],
      [2.8, d],
    ] as const) {
      expect(Math.abs(q10({ tempC: t, q10: q }).value - expected)).toBeLessThanOrEqual(0.001);
    }
    expect(Math.abs(q10({ tempC: t, method: "percent-per-degree" }).value - pct)).toBeLessThanOrEqual(0.001);
  });

  it("defaults to Q10 2.0", () => {
    expect(q10({ tempC: 27 }).value).toBeCloseTo(0.5, 12);
  });

  it.each([
    [{ tempC: 9 }, "tempC"],
    [{ tempC: 46 }, "tempC"],
    [{ tempC: 30, q10: 0.5 }, "q10"],
    [{ tempC: 30, q10: 6 }, "q10"],
    [{ tempC: 30, method: "linear" }, "method"],
    [{ tempC: 30, method: "percent-per-degree", percentPerDegree: 0 }, "percentPerDegree"],
    [{ tempC: 30, method: "percent-per-degree", percentPerDegree: 25 }, "percentPerDegree"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => q10(input as never), field));
});

describe("q10-from-rates", () => {
  it("[87] Hickey & Hoar 1983: 83.3 → 45.6 mL/min/m² from 37 to 25.4 °C → Q10 1.68 (±0.01)", () => {
    const r = q10FromRates({ rate1: 83.3, temp1C: 37, rate2: 45.6, temp2C: 25.4 });
    expect(Math.abs(r.value - 1.68)).toBeLessThanOrEqual(0.01);
  });
  it("is the inverse of q10: the Q10 found from two points of the model is the Q10 put in", () => {
    const f = q10({ tempC: 22, q10: 2.6 }).value;
    expect(q10FromRates({ rate1: 1, temp1C: 37, rate2: f, temp2C: 22 }).value).toBeCloseTo(2.6, 12);
  });
  it.each([
    [{ rate1: 0, temp1C: 37, rate2: 40, temp2C: 28 }, "rate1"],
    [{ rate1: 80, temp1C: 37, rate2: -1, temp2C: 28 }, "rate2"],
    [{ rate1: 80, temp1C: 5, rate2: 40, temp2C: 28 }, "temp1C"],
    [{ rate1: 80, temp1C: 37, rate2: 40, temp2C: 50 }, "temp2C"],
    [{ rate1: 80, temp1C: 30, rate2: 40, temp2C: 30 }, "temp2C"], // equal temperatures: division by 0
  ])("refuses %o naming %s", (input, field) => expectInputError(() => q10FromRates(input as never), field));
});
