import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { parseInches, rollerFlow, tubingVolume } from "./tubing.ts";

// Expected values: shared/reference/reference-data.md §7.2–7.3 and §11 (vector number in brackets).
const FT_CM = 30.48;

describe("tubing-volume", () => {
  it('[66] 1/4" × 1 ft → 9.653 mL (±0.005); [67] 3/8" × 1 m → 71.26 mL; [68] 1/2" × 1 ft → 38.61; [69] 3/16" × 1 m → 17.81 (±0.01)', () => {
    expect(Math.abs(tubingVolume({ idIn: "1/4", lengthCm: FT_CM }).value - 9.653)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(tubingVolume({ idIn: "3/8", lengthCm: 100 }).value - 71.26)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(tubingVolume({ idIn: "1/2", lengthCm: FT_CM }).value - 38.61)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(tubingVolume({ idIn: "3/16", lengthCm: 100 }).value - 17.81)).toBeLessThanOrEqual(0.01);
  });
  it('[70] 6 ft of 3/8" + 6 ft of 1/2" → 362.0 mL (±0.1)', () => {
    const v =
      tubingVolume({ idIn: "3/8", lengthCm: 6 * FT_CM }).value +
      tubingVolume({ idIn: "1/2", lengthCm: 6 * FT_CM }).value;
    expect(Math.abs(v - 362.0)).toBeLessThanOrEqual(0.1);
  });
  it.each([
    // ID, mL/cm from the §7.2 table [C] (±0.0001)
    ["3/16", 0.1781],
    ["1/4", 0.3167],
    ["5/16", 0.4948],
    ["3/8", 0.7126],
    ["1/2", 1.2668],
    ["5/8", 1.9793],
  ])('§7.2 table: %s" → %d mL/cm', (id, mlPerCm) => {
    expect(
      Math.abs((tubingVolume({ idIn: id, lengthCm: 1 }).extra?.mlPerCm?.value ?? 0) - mlPerCm),
    ).toBeLessThanOrEqual(0.0001);
  });
  it("accepts decimals and inch marks; a decimal equal to a named size is reported by its name", () => {
    expect(parseInches("idIn", "0.375")).toEqual({ label: "3/8", inches: 0.375 });
    expect(parseInches("idIn", '3/8"')).toEqual({ label: "3/8", inches: 0.375 });
    expect(parseInches("idIn", 0.3)).toEqual({ label: "0.3", inches: 0.3 });
    expect(tubingVolume({ idIn: 0.375, lengthCm: 100 }).value).toBe(
      tubingVolume({ idIn: "3/8", lengthCm: 100 }).value,
    );
  });
  it.each([
    [{ idIn: "3/0", lengthCm: 100 }, "idIn"],
    [{ idIn: "abc", lengthCm: 100 }, "idIn"],
    [{ idIn: "0", lengthCm: 100 }, "idIn"],
    [{ idIn: "-1/4", lengthCm: 100 }, "idIn"],
    [{ idIn: "3", lengthCm: 100 }, "idIn"],
    [{ idIn: "", lengthCm: 100 }, "idIn"],
    [{ idIn: "3/8", lengthCm: 0 }, "lengthCm"],
    [{ idIn: "3/8", lengthCm: 20000 }, "lengthCm"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => tubingVolume(input as never), field));
});

describe("roller-flow", () => {
  it("[71] 27 mL/rev × 100 rpm → 2.70 L/min (exact)", () => {
    const r = rollerFlow({ strokeVolumeMl: 27, rpm: 100 });
    expect(r.value).toBeCloseTo(2.7, 12);
    expect(r.unit).toBe("L/min");
  });
  it.each([
    // boot, mL/rev, L/min at 100 rpm: §7.3 table (brainscape [S2]) and [C] flows
    ["3/16", 7, 0.7],
    ["1/4", 13, 1.3],
    ["3/8", 27, 2.7],
    ["1/2", 45, 4.5],
  ])('§7.3 boot %s" → %d mL/rev → %d L/min at 100 rpm', (id, sv, q) => {
    const r = rollerFlow({ idIn: id, rpm: 100 });
    expect(r.constants.strokeVolumeMl).toBe(sv);
    expect(r.value).toBeCloseTo(q, 12);
    expect(r.source).toMatch(/\[S2\]/);
  });
  it("0 rpm gives 0 L/min", () => {
    expect(rollerFlow({ idIn: "3/8", rpm: 0 }).value).toBe(0);
  });
  it.each([
    [{ rpm: 100 }, "strokeVolumeMl"],
    [{ rpm: 100, strokeVolumeMl: 27, idIn: "3/8" }, "strokeVolumeMl"],
    [{ rpm: 100, idIn: "5/16" }, "idIn"], // no tabulated stroke volume
    [{ rpm: 100, idIn: "x" }, "idIn"],
    [{ rpm: -1, strokeVolumeMl: 27 }, "rpm"],
    [{ rpm: 300, strokeVolumeMl: 27 }, "rpm"],
    [{ rpm: 100, strokeVolumeMl: 0 }, "strokeVolumeMl"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => rollerFlow(input as never), field));
});
