import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { bloodVolume, DEFAULT_EBV_TABLE, type EbvBand } from "./blood-volume.ts";

// Expected values: shared/reference/reference-data.md §2 and §11 (vector number in brackets).
describe("blood-volume", () => {
  it("[14] Linderkamp group I linear: 5 kg → 84.9×5 − 10 = 414.5 mL (±0.1)", () => {
    const r = bloodVolume({ weightKg: 5, method: "linderkamp-linear" });
    expect(Math.abs(r.value - 414.5)).toBeLessThanOrEqual(0.1);
    expect(r.unit).toBe("mL");
    expect(r.constants.group).toBe(1);
  });

  it("[15] neonate 3.5 kg at 85 mL/kg → 297.5 mL (exact), given or from the default table", () => {
    expect(bloodVolume({ weightKg: 3.5, ebvMlPerKg: 85 }).value).toBe(297.5);
    const r = bloodVolume({ weightKg: 3.5 });
    expect(r.value).toBe(297.5); // default < 10 kg band is 85 mL/kg (brainscape [S2], §2)
    expect(r.formula).toContain("< 10 kg");
  });

  it.each([
    // weight, sex, expected mL/kg, band: §2 perfusion-teaching bands (brainscape [S2]); men > 40 kg 70 (mdapp, perfusioncalc)
    [9.9, undefined, 85, "< 10 kg"],
    [10, undefined, 80, "10–20 kg"], // 10 kg as in vector 59 (80 mL/kg)
    [20, undefined, 80, "10–20 kg"],
    [25, undefined, 75, "21–30 kg"],
    [40, undefined, 70, "31–40 kg"],
    [70, undefined, 65, "> 40 kg"], // vector 56 uses 65 mL/kg for a 70 kg adult
    [70, "female", 65, "> 40 kg"],
    [70, "male", 70, "> 40 kg, male"],
  ] as const)("default table: %d kg (%s) → %d mL/kg, band %s", (w, sex, mlPerKg, band) => {
    const r = bloodVolume({ weightKg: w, sex });
    expect(r.constants.mlPerKg).toBe(mlPerKg);
    expect(r.value).toBeCloseTo(w * mlPerKg, 9);
    expect(r.formula).toContain(`band: ${band})`);
  });

  it("the table can be replaced by the caller, including age bands", () => {
    const table: EbvBand[] = [
      { label: "preterm", maxAgeYears: 0.1, mlPerKg: 100, source: "Taylor & Francis chapter" },
      { label: "rest", mlPerKg: 70, source: "test" },
    ];
    expect(bloodVolume({ weightKg: 1.2, ageYears: 0, table }).value).toBeCloseTo(120, 9);
    expect(bloodVolume({ weightKg: 1.2, table }).value).toBeCloseTo(84, 9); // no age → age rows do not apply
    expect(DEFAULT_EBV_TABLE.length).toBeGreaterThan(0);
  });

  // Linderkamp regressions against Linderkamp's own measured means ± 1 SD (§2, Table 1), for children of
  // typical size (approximate WHO median weight/height): a regression that is wrong by a coefficient fails this.
  it.each([
    // age, sex, W, H, group, mean mL/kg, SD
    [1, "male", 9.6, 76, 1, 82.4, 10.4], // 7–12 months
    [5, "male", 18.3, 110, 2, 76.7, 6.3], // boys 4–6 years
    [5, "female", 18, 109, 2, 77.4, 4.3], // girls 4–6 years
    [12, "male", 41, 152, 2, 74.4, 5.2], // boys 11–14 years
    [12, "female", 41, 151, 3, 68.3, 3.5], // girls 11–14 years
    [8, "female", 25, 127, 3, 72.7, 6.2], // girls 7–10 years
  ] as const)(
    "Linderkamp age %d %s %d kg %d cm → group %d, within %d ± %d mL/kg",
    (age, sex, w, h, group, mean, sd) => {
      const r = bloodVolume({ weightKg: w, heightCm: h, ageYears: age, sex, method: "linderkamp" });
      expect(r.constants.group).toBe(group);
      expect(Math.abs(r.value / w - mean)).toBeLessThanOrEqual(sd);
    },
  );

  it("group I log form and linear form agree within the log form's 10.1% error (5 kg, 60 cm)", () => {
    const log = bloodVolume({ weightKg: 5, heightCm: 60, ageYears: 0.3, method: "linderkamp" }).value;
    expect(Math.abs(log / 414.5 - 1)).toBeLessThan(0.101);
  });

  it.each([
    [{ weightKg: 0 }, "weightKg"],
    [{ weightKg: 301 }, "weightKg"],
    [{ weightKg: 70, heightCm: 20 }, "heightCm"],
    [{ weightKg: 70, ageYears: -1 }, "ageYears"],
    [{ weightKg: 70, sex: "other" }, "sex"],
    [{ weightKg: 70, method: "guess" }, "method"],
    [{ weightKg: 70, ebvMlPerKg: 30 }, "ebvMlPerKg"],
    [{ weightKg: 70, ebvMlPerKg: 70, method: "linderkamp-linear" }, "ebvMlPerKg"],
    [{ weightKg: 5, heightCm: 60, method: "linderkamp" }, "ageYears"],
    [{ weightKg: 5, ageYears: 1, method: "linderkamp" }, "heightCm"],
    [{ weightKg: 20, heightCm: 115, ageYears: 5, method: "linderkamp" }, "sex"],
    [{ weightKg: 60, heightCm: 170, ageYears: 16, sex: "male", method: "linderkamp" }, "ageYears"],
    [{ weightKg: 12, ageYears: 3, method: "linderkamp-linear" }, "ageYears"],
    [{ weightKg: 0.1, method: "linderkamp-linear" }, "weightKg"],
    [{ weightKg: 5, table: [{ label: "adults", minWeightKg: 40, mlPerKg: 70, source: "x" }] }, "table"],
  ])("refuses %o naming %s", (input, field) => {
    expectInputError(() => bloodVolume(input as never), field);
  });
});
