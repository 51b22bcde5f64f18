import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { ellisPo2, kelmanSo2, odc, odcInverse, severinghausSo2 } from "./odc.ts";

// Expected values: shared/reference/reference-data.md §4.3–4.4 and §11 (vector number in brackets).
// Saturations in the reference are in %S; the calculators return fractions.

/** Severinghaus 1979 Table 1, PO2 (mmHg) → %S, as transcribed in reference §4.3 [S2] (51 points). */
const SEVERINGHAUS_TABLE: readonly [number, number][] = [
  [1, 0.6],
  [2, 1.19],
  [4, 2.56],
  [6, 4.37],
  [8, 6.68],
  [10, 9.58],
  [12, 12.96],
  [14, 16.89],
  [16, 21.4],
  [18, 26.5],
  [20, 32.12],
  [22, 37.6],
  [24, 43.14],
  [26, 48.27],
  [28, 53.16],
  [30, 57.54],
  [32, 61.69],
  [34, 65.16],
  [36, 68.63],
  [38, 71.94],
  [40, 74.69],
  [42, 77.29],
  [44, 79.55],
  [46, 81.71],
  [48, 83.52],
  [50, 85.08],
  [52, 86.59],
  [54, 87.7],
  [56, 88.93],
  [58, 89.95],
  [60, 90.85],
  [65, 92.73],
  [70, 94.06],
  [75, 95.1],
  [80, 95.84],
  [85, 96.42],
  [90, 96.88],
  [95, 97.25],
  [100, 97.49],
  [110, 97.91],
  [120, 98.21],
  [130, 98.44],
  [140, 98.62],
  [150, 98.77],
  [175, 99.03],
  [200, 99.2],
  [225, 99.32],
  [250, 99.41],
  [300, 99.53],
  [400, 99.65],
  [500, 99.72],
];

const pct = (po2MmHg: number, method: "severinghaus" | "kelman" = "severinghaus", extra = {}) =>
  odc({ po2MmHg, method, ...extra }).value * 100;

describe("odc: Severinghaus eq. 1", () => {
  it.each([
    // vector, PO2, eq. 1 %S [C], table %S [S2]
    [31, 40, 74.95, 74.69],
    [32, 100, 97.75, 97.49],
    [33, 20, 31.98, 32.12],
    [34, 60, 90.58, 90.85],
    [35, 150, 99.32, 98.77],
  ])("[%d] PO2 %d → %d %%S (±0.01), within 0.6 of the table (%d)", (_v, po2, eq, table) => {
    expect(Math.abs(pct(po2) - eq)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(pct(po2) - table)).toBeLessThanOrEqual(0.6);
  });

  it("§4.3 [C] examples: 9.65 at 10, 57.38 at 30, 84.99 at 50, 95.73 at 80 (±0.01)", () => {
    for (const [po2, s] of [
      [10, 9.65],
      [30, 57.38],
      [50, 84.99],
      [80, 95.73],
    ] as const) {
      expect(Math.abs(pct(po2) - s)).toBeLessThanOrEqual(0.01);
    }
  });

  let maxDev = 0;
  let atPo2 = 0;
  it("[36] whole Table 1 (51 points): max |eq. 1 − table| ≤ 0.6 %S, and it is 0.55 (at PO2 140–150)", () => {
    expect(SEVERINGHAUS_TABLE).toHaveLength(51);
    for (const [po2, s] of SEVERINGHAUS_TABLE) {
      const d = Math.abs(pct(po2) - s);
      if (d > maxDev) [maxDev, atPo2] = [d, po2];
    }
    console.info(`Severinghaus eq. 1 vs Table 1: max |Δ| = ${maxDev.toFixed(4)} %S at PO2 ${atPo2} mmHg`);
    expect(maxDev).toBeLessThanOrEqual(0.6);
    expect(maxDev).toBeCloseTo(0.55, 2); // reference §4.3 [C]: 0.55 percentage points
    expect([140, 150]).toContain(atPo2);
  });

  it("PO2 0 gives S 0 (the limit of eq. 1), not NaN; S rises monotonically", () => {
    expect(severinghausSo2(0)).toBe(0);
    let prev = -1;
    for (let p = 0; p <= 800; p += 0.5) {
      const s = severinghausSo2(p);
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });
});

describe("odc: Kelman", () => {
  it("[41] PO2 40 → 74.12 %S; [42] PO2 100 → 97.49 %S (±0.01), standard conditions", () => {
    expect(Math.abs(pct(40, "kelman") - 74.12)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(pct(100, "kelman") - 97.49)).toBeLessThanOrEqual(0.01);
  });

  it("§4.4 [C] standard-condition values (±0.01)", () => {
    for (const [po2, s] of [
      [10, 8.66],
      [20, 33.83],
      [27, 50.37],
      [30, 56.71],
      [50, 85.15],
      [60, 91.06],
      [80, 95.81],
      [150, 98.91],
    ] as const) {
      expect(Math.abs(pct(po2, "kelman") - s)).toBeLessThanOrEqual(0.01);
    }
  });

  it("[43] Kelman P50 = 26.83 mmHg (±0.02), by bisection on the calculator", () => {
    let lo = 10;
    let hi = 40;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (odc({ po2MmHg: mid, method: "kelman" }).value < 0.5) lo = mid;
      else hi = mid;
    }
    expect(Math.abs((lo + hi) / 2 - 26.83)).toBeLessThanOrEqual(0.02);
  });

  it("[44] PO2 40 at 30 °C, pH 7.40, PCO2 40 → x 58.89, S 90.58 %S (±0.02)", () => {
    const r = odc({ po2MmHg: 40, method: "kelman", tempC: 30 });
    expect(Math.abs((r.extra?.virtualPo2MmHg?.value ?? 0) - 58.89)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(r.value * 100 - 90.58)).toBeLessThanOrEqual(0.02);
  });

  it("[45] PO2 60 at pH 7.20, 37 °C, PCO2 40 → x 49.91, S 85.07 %S (±0.02)", () => {
    const r = odc({ po2MmHg: 60, method: "kelman", ph: 7.2 });
    expect(Math.abs((r.extra?.virtualPo2MmHg?.value ?? 0) - 49.91)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(r.value * 100 - 85.07)).toBeLessThanOrEqual(0.02);
  });

  it("§4.4 [C]: PO2 40 at PCO2 60 → virtual PO2 39.04 (±0.02)", () => {
    const r = odc({ po2MmHg: 40, method: "kelman", pco2MmHg: 60 });
    expect(Math.abs((r.extra?.virtualPo2MmHg?.value ?? 0) - 39.04)).toBeLessThanOrEqual(0.02);
  });

  it("[94] Kelman vs the Severinghaus table for the 26 points with PO2 ≥ 50: max 0.29 %S at PO2 54 (≤ 0.30)", () => {
    const points = SEVERINGHAUS_TABLE.filter(([p]) => p >= 50);
    expect(points).toHaveLength(26);
    let maxDev = 0;
    let atPo2 = 0;
    for (const [po2, s] of points) {
      const d = Math.abs(kelmanSo2(po2) * 100 - s);
      if (d > maxDev) [maxDev, atPo2] = [d, po2];
    }
    console.info(`Kelman vs Table 1 (PO2 ≥ 50): max |Δ| = ${maxDev.toFixed(4)} %S at PO2 ${atPo2} mmHg`);
    expect(maxDev).toBeLessThanOrEqual(0.3);
    expect(maxDev).toBeCloseTo(0.29, 2);
    expect(atPo2).toBe(54);
  });

  it("§4.4: Kelman is off the table by −0.92 at PO2 10 and +1.71 at 20 (why low PO2 is refused)", () => {
    expect(kelmanSo2(10) * 100 - 9.58).toBeCloseTo(-0.92, 2);
    expect(kelmanSo2(20) * 100 - 32.12).toBeCloseTo(1.71, 2);
  });
});

describe("odc-inverse", () => {
  it("[37] P50 from eq. 1 (Ellis) = 26.86 mmHg (±0.02)", () => {
    const r = odcInverse({ so2: 0.5 });
    expect(Math.abs(r.value - 26.86)).toBeLessThanOrEqual(0.02);
    expect(r.unit).toBe("mmHg");
    expect(r.method).toBe("ellis");
  });
  it("[40] Ellis, S 0.95 → 75.67 mmHg (±0.05)", () => {
    expect(Math.abs(odcInverse({ so2: 0.95 }).value - 75.67)).toBeLessThanOrEqual(0.05);
  });
  it("[38] Severinghaus eq. 2, S 0.90 → 57.98 mmHg; [39] S 0.75 → 40.21 mmHg (±0.05)", () => {
    expect(Math.abs(odcInverse({ so2: 0.9, method: "severinghaus" }).value - 57.98)).toBeLessThanOrEqual(
      0.05,
    );
    expect(Math.abs(odcInverse({ so2: 0.75, method: "severinghaus" }).value - 40.21)).toBeLessThanOrEqual(
      0.05,
    );
  });
  it("Ellis is the exact inverse of eq. 1 across the curve (round trip within 1e-6 mmHg)", () => {
    // Not exact in floating point: near S = 1, 1/S − 1 loses digits (≈ 1e-10 mmHg at PO2 160).
    for (let p = 1; p <= 500; p += 7) {
      expect(ellisPo2(severinghausSo2(p))).toBeCloseTo(p, 6);
    }
  });
});

describe("odc errors", () => {
  it.each([
    [() => odc({ po2MmHg: -1 }), "po2MmHg"],
    [() => odc({ po2MmHg: 801 }), "po2MmHg"],
    [() => odc({ po2MmHg: 40, method: "hill" as never }), "method"],
    [() => odc({ po2MmHg: 40, tempC: 30 }), "tempC"], // Severinghaus eq. 1 is for standard conditions
    [() => odc({ po2MmHg: 40, ph: 7.3 }), "ph"],
    [() => odc({ po2MmHg: 40, pco2MmHg: 50 }), "pco2MmHg"],
    [() => odc({ po2MmHg: 40, method: "kelman", tempC: 9 }), "tempC"],
    [() => odc({ po2MmHg: 40, method: "kelman", tempC: 46 }), "tempC"],
    [() => odc({ po2MmHg: 40, method: "kelman", ph: 6.4 }), "ph"],
    [() => odc({ po2MmHg: 40, method: "kelman", pco2MmHg: 0 }), "pco2MmHg"],
    [() => odc({ po2MmHg: 5, method: "kelman" }), "po2MmHg"], // virtual PO2 < 10 mmHg
    [() => odcInverse({ so2: 1 }), "so2"],
    [() => odcInverse({ so2: 0 }), "so2"],
    [() => odcInverse({ so2: 0.5, method: "kelman" as never }), "method"],
  ])("%s names %s", (fn, field) => expectInputError(fn, field));
});
