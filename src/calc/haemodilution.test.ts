import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { dilutionHct, rbcPrime } from "./haemodilution.ts";

// Expected values: shared/reference/reference-data.md §5 and §11 (vector number in brackets).
// The reference gives Hct in %; the calculators use fractions.
describe("dilution-hct", () => {
  it("[56] Hct 40, 70 kg × 65 mL/kg, 1500 mL clear prime → 30.08 % (±0.01)", () => {
    const r = dilutionHct({ weightKg: 70, hct: 0.4, ebvMlPerKg: 65, primeMl: 1500 });
    expect(Math.abs(r.value * 100 - 30.08)).toBeLessThanOrEqual(0.01);
    expect(r.unit).toBe("fraction");
  });
  it("§5 [C]: same adult at 70 mL/kg → 30.63 %, at 75 mL/kg → 31.11 % (±0.01)", () => {
    expect(
      Math.abs(dilutionHct({ weightKg: 70, hct: 0.4, ebvMlPerKg: 70, primeMl: 1500 }).value * 100 - 30.63),
    ).toBeLessThanOrEqual(0.01);
    expect(
      Math.abs(dilutionHct({ weightKg: 70, hct: 0.4, ebvMlPerKg: 75, primeMl: 1500 }).value * 100 - 31.11),
    ).toBeLessThanOrEqual(0.01);
  });
  it("[57] Hct 45, 3.5 kg × 85, 300 mL clear prime → 22.41 % (±0.01); the default table gives 85 mL/kg too", () => {
    const given = dilutionHct({ weightKg: 3.5, hct: 0.45, ebvMlPerKg: 85, primeMl: 300 });
    expect(Math.abs(given.value * 100 - 22.41)).toBeLessThanOrEqual(0.01);
    const table = dilutionHct({ weightKg: 3.5, hct: 0.45, primeMl: 300 });
    expect(table.value).toBe(given.value);
    expect(table.extra?.ebvMl?.value).toBe(297.5); // [15]
  });
  it("[59] Hct 36, 10 kg × 80, 450 mL prime → 23.04 % (±0.01), with 80 mL/kg given or from the default table", () => {
    expect(
      Math.abs(dilutionHct({ weightKg: 10, hct: 0.36, ebvMlPerKg: 80, primeMl: 450 }).value * 100 - 23.04),
    ).toBeLessThanOrEqual(0.01);
    expect(
      Math.abs(dilutionHct({ weightKg: 10, hct: 0.36, primeMl: 450 }).value * 100 - 23.04),
    ).toBeLessThanOrEqual(0.01);
  });
  it("conserves red cells: Hct × total volume = patient cells + prime cells", () => {
    const r = dilutionHct({
      weightKg: 20,
      hct: 0.35,
      ebvMlPerKg: 80,
      primeMl: 600,
      primeHct: 0.25,
      otherFluidMl: 200,
    });
    const total = r.extra?.totalVolumeMl?.value ?? 0;
    expect(total).toBe(1600 + 600 + 200);
    expect(r.value * total).toBeCloseTo(0.35 * 1600 + 0.25 * 600, 9);
  });
  it("RAP removes clear prime from the mix (Terumo form)", () => {
    const r = dilutionHct({ weightKg: 70, hct: 0.4, ebvMlPerKg: 65, primeMl: 1500, rapMl: 500 });
    expect(r.value).toBeCloseTo((0.4 * 4550) / (4550 + 1000), 12);
  });
  it("no prime leaves the Hct unchanged", () => {
    expect(dilutionHct({ weightKg: 70, hct: 0.42, primeMl: 0 }).value).toBeCloseTo(0.42, 12);
  });
  const ok = { weightKg: 70, hct: 0.4, primeMl: 1500 };
  it.each([
    [{ ...ok, weightKg: 0 }, "weightKg"],
    [{ ...ok, hct: 40 }, "hct"],
    [{ ...ok, hct: -0.1 }, "hct"],
    [{ ...ok, ebvMlPerKg: 200 }, "ebvMlPerKg"],
    [{ ...ok, sex: "x" }, "sex"],
    [{ ...ok, primeMl: -1 }, "primeMl"],
    [{ ...ok, primeMl: 20000 }, "primeMl"],
    [{ ...ok, primeHct: 1.5 }, "primeHct"],
    [{ ...ok, otherFluidMl: -5 }, "otherFluidMl"],
    [{ ...ok, rapMl: 2000 }, "rapMl"],
    [{ ...ok, rapMl: 100, primeHct: 0.2 }, "rapMl"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => dilutionHct(input as never), field));
});

describe("rbc-prime", () => {
  const neonate = { weightKg: 3.5, hct: 0.45, ebvMlPerKg: 85, primeMl: 300 };
  it("[58] neonate of [57], target 30 %, donor Hct 60 % → 75.6 mL (±0.1), donor blood replacing clear prime", () => {
    const r = rbcPrime({ ...neonate, targetHct: 0.3, donorHct: 0.6 });
    expect(Math.abs(r.value - 75.6)).toBeLessThanOrEqual(0.1);
    expect(r.unit).toBe("mL");
    // The chosen mass balance is checked by mixing again: patient blood + donor blood + remaining clear prime.
    const mixed = (0.45 * 297.5 + 0.6 * r.value) / (297.5 + 300);
    expect(mixed).toBeCloseTo(0.3, 12);
    expect(r.extra?.clearPrimeMl?.value).toBeCloseTo(300 - r.value, 12);
  });
  it("0 mL when the clear-prime Hct already reaches the target", () => {
    const r = rbcPrime({ ...neonate, targetHct: 0.22, donorHct: 0.6 });
    expect(r.value).toBe(0);
    expect(r.extra?.hctWithClearPrime?.value).toBeGreaterThan(0.22);
  });
  it.each([
    [{ ...neonate, targetHct: 0.3, donorHct: 0.3 }, "donorHct"], // donor not richer than the target
    [{ ...neonate, targetHct: 0.35, donorHct: 0.3 }, "donorHct"],
    [{ ...neonate, targetHct: 0.55, donorHct: 0.6 }, "targetHct"], // more than the whole prime would be needed
    [{ ...neonate, targetHct: 1.1, donorHct: 0.6 }, "targetHct"],
    [{ ...neonate, targetHct: 0.3, donorHct: -1 }, "donorHct"],
    [{ ...neonate, targetHct: 0.3, donorHct: 0.6, primeMl: -300 }, "primeMl"],
    [{ ...neonate, targetHct: 0.3, donorHct: 0.6, weightKg: 500 }, "weightKg"],
    [{ ...neonate, targetHct: 0.3, donorHct: 0.6, hct: 2 }, "hct"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => rbcPrime(input as never), field));
});
