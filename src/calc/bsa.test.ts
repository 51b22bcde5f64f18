import { describe, expect, it } from "vitest";
import { InputError } from "../common/errors.ts";
import { bsa } from "./bsa.ts";

// Expected values: shared/reference/reference-data.md §11 test vectors (number in brackets) and §1.2.
describe("bsa", () => {
  const cases: [string, number, number, number, number, string][] = [
    // method, heightCm, weightKg, expected m², tolerance, source
    ["mosteller", 170, 70, 1.818, 0.001, "[1] medicalequations.com worked example"],
    ["mosteller", 175, 70, 1.845, 0.001, "[2] omnicalc worked example"],
    ["mosteller", 50, 3.5, 0.2205, 0.0005, "[3] computed, ref §1.2"],
    ["mosteller", 180, 100, 2.2361, 0.0005, "[4] computed, ref §1.2"],
    ["dubois", 170, 70, 1.8097, 0.0005, "[5] computed, ref §1.2"],
    ["dubois", 50, 3.5, 0.2086, 0.0005, "[6] computed, ref §1.2"],
    ["dubois", 165, 120, 2.2269, 0.0005, "[7] computed, ref §1.2"],
    ["haycock", 50, 3.5, 0.2244, 0.0005, "[8] computed, ref §1.2"],
    ["haycock", 110, 18, 0.7401, 0.0005, "[9] computed, ref §1.2"],
    ["haycock", 170, 70, 1.8257, 0.0005, "[10] computed, ref §1.2"],
    ["gehan-george", 50, 3.5, 0.2338, 0.0005, "[11] computed, ref §1.2"],
    ["gehan-george", 75, 10, 0.4762, 0.0005, "[12] computed, ref §1.2"],
    ["gehan-george", 170, 70, 1.8313, 0.0005, "[13] computed, ref §1.2"],
  ];
  it.each(cases)("%s H=%d cm W=%d kg → %d m² (%s)", (method, h, w, expected, tol) => {
    const r = bsa({ weightKg: w, heightCm: h, method: method as never });
    expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(tol);
    expect(r.unit).toBe("m²");
    expect(r.method).toBe(method);
  });

  it("Boyd gives a value close to the others for a 70 kg, 170 cm adult (formulas agree within 0.5 m², Redlarski 2016)", () => {
    const boyd = bsa({ weightKg: 70, heightCm: 170, method: "boyd" }).value;
    expect(boyd).toBeGreaterThan(1.7);
    expect(boyd).toBeLessThan(1.95);
  });

  it("defaults to Mosteller and reports inputs, formula and source", () => {
    const r = bsa({ weightKg: 70, heightCm: 170 });
    expect(r.method).toBe("mosteller");
    expect(r.inputs).toEqual({ weightKg: 70, heightCm: 170, method: "mosteller" });
    expect(r.source).toMatch(/Mosteller/);
  });

  it.each([
    [{ weightKg: 0, heightCm: 170 }, "weightKg"],
    [{ weightKg: 301, heightCm: 170 }, "weightKg"],
    [{ weightKg: Number.NaN, heightCm: 170 }, "weightKg"],
    [{ weightKg: 70, heightCm: 29 }, "heightCm"],
    [{ weightKg: 70, heightCm: 251 }, "heightCm"],
    [{ weightKg: 70, heightCm: 170, method: "guess" }, "method"],
  ])("refuses %o naming %s", (input, field) => {
    expect(() => bsa(input as never)).toThrowError(InputError);
    try {
      bsa(input as never);
    } catch (e) {
      expect((e as InputError).problems[0]?.field).toBe(field);
    }
  });
});
