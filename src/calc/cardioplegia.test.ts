import { describe, expect, it } from "vitest";
import { expectInputError } from "../../test/helpers/input-error.ts";
import { cardioplegia } from "./cardioplegia.ts";

// Expected values: shared/reference/reference-data.md §6.3 and §11 (vector number in brackets).
describe("cardioplegia", () => {
  it("[63] del Nido 1000 mL at 1:4 blood:crystalloid → 200 mL blood, 800 mL crystalloid (exact; Ali 2024 table)", () => {
    const r = cardioplegia({ method: "del-nido", doseMl: 1000 });
    expect(r.value).toBe(1000);
    expect(r.extra?.bloodMl?.value).toBe(200);
    expect(r.extra?.crystalloidMl?.value).toBe(800);
    expect(r.source).not.toMatch(/UNVERIFIED/); // no [U] rule was used
  });
  it("[65] 4:1 blood cardioplegia, 1000 mL → 800 mL blood, 200 mL crystalloid (exact)", () => {
    const r = cardioplegia({ method: "blood-4-1", doseMl: 1000 });
    expect(r.extra?.bloodMl?.value).toBe(800);
    expect(r.extra?.crystalloidMl?.value).toBe(200);
  });
  it("custom ratio splits by parts and the parts add up to the dose", () => {
    const r = cardioplegia({ method: "custom", doseMl: 900, bloodParts: 1, crystalloidParts: 2 });
    expect(r.extra?.bloodMl?.value).toBeCloseTo(300, 12);
    expect(r.extra?.crystalloidMl?.value).toBeCloseTo(600, 12);
    const allCrystalloid = cardioplegia({
      method: "custom",
      doseMl: 500,
      bloodParts: 0,
      crystalloidParts: 1,
    });
    expect(allCrystalloid.extra?.bloodMl?.value).toBe(0);
  });

  // [64] is computed on a [U] rule (del Nido 20 mL/kg, max 1000 mL): NOT an oracle for the clinical rule. These
  // checks only show the arithmetic does what the rule says IF the rule holds, and that the result is flagged [U].
  it("[64, computed if the [U] rule holds] del Nido by weight: 25 kg → 500 mL; 80 kg → 1000 mL (cap); 3.5 kg → 70 mL", () => {
    const child = cardioplegia({ method: "del-nido", weightKg: 25 });
    expect(child.value).toBe(500);
    expect(child.source).toMatch(/UNVERIFIED \[U\]/);
    expect(cardioplegia({ method: "del-nido", weightKg: 80 }).value).toBe(1000);
    const neonate = cardioplegia({ weightKg: 3.5 });
    expect(neonate.value).toBe(70);
    expect(neonate.extra?.crystalloidMl?.value).toBe(56); // §6.3 [C] 56 + 14
    expect(neonate.extra?.bloodMl?.value).toBe(14);
  });
  it("an explicit mL/kg and maximum are used as given and not flagged", () => {
    const r = cardioplegia({ method: "blood-4-1", weightKg: 70, mlPerKg: 10, maxMl: 600 });
    expect(r.value).toBe(600);
    expect(r.source).not.toMatch(/UNVERIFIED/);
    expect(cardioplegia({ method: "blood-4-1", weightKg: 30, mlPerKg: 10 }).value).toBe(300);
  });
  it.each([
    [{}, "doseMl"],
    [{ doseMl: 0 }, "doseMl"],
    [{ doseMl: 6000 }, "doseMl"],
    [{ doseMl: 500, weightKg: 20 }, "doseMl"],
    [{ method: "st-thomas", doseMl: 500 }, "method"],
    [{ method: "blood-4-1", weightKg: 70 }, "mlPerKg"], // no verified mL/kg default for blood cardioplegia
    [{ weightKg: 0 }, "weightKg"],
    [{ weightKg: 20, mlPerKg: 100 }, "mlPerKg"],
    [{ weightKg: 20, maxMl: -1 }, "maxMl"],
    [{ method: "custom", doseMl: 500 }, "bloodParts"],
    [{ method: "custom", doseMl: 500, bloodParts: 1 }, "crystalloidParts"],
    [{ method: "custom", doseMl: 500, bloodParts: 0, crystalloidParts: 0 }, "crystalloidParts"],
    [{ method: "custom", doseMl: 500, bloodParts: -1, crystalloidParts: 4 }, "bloodParts"],
    [{ method: "del-nido", doseMl: 500, bloodParts: 1 }, "bloodParts"],
  ])("refuses %o naming %s", (input, field) => expectInputError(() => cardioplegia(input as never), field));
});
