import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  buildCannulaParams,
  cannulaChordResistance,
  cannulaDataPressureDropMmHg,
  cannulaFlowMlPerS,
  cannulaPressureDropMmHg,
  fitQuadraticThroughOrigin,
} from "./cannula.ts";
import { CANNULA_DATA } from "./cannula-data.ts";
import { WATER_VISCOSITY_CP_20C } from "./units.ts";

const byModel = (model: string, type = CANNULA_DATA[model]!.type, fr = CANNULA_DATA[model]!.fr) =>
  buildCannulaParams({ type, fr, model });

describe("cannula fit against published points (reference-data §7.5)", () => {
  it.each([
    ["medtronic-eopa-20", 5, 76, 0.1, "[78] EOPA 20 Fr @5 L/min, ±10 %"],
    ["medtronic-biomedicus-nextgen-fa-17", 4, 96, 0.1, "[80] NextGen femoral 17 Fr @4, ±10 %"],
    ["medtronic-dlp-venous-28", 5, 36, 0.1, "[81] DLP venous 28 Fr @5, ±10 %"],
  ] as [string, number, number, number, string][])(
    "%s at %d L/min → %d mmHg (%s)",
    (model, q, dp, relTol) => {
      const got = cannulaDataPressureDropMmHg(byModel(model), q);
      expect(Math.abs(got - dp) / dp).toBeLessThanOrEqual(relTol);
    },
  );

  it("[79] EOPA 24 Fr @5 L/min → 26 mmHg ±3 mmHg", () => {
    expect(Math.abs(cannulaDataPressureDropMmHg(byModel("medtronic-eopa-24"), 5) - 26)).toBeLessThanOrEqual(
      3,
    );
  });

  it("every built-in cannula matches each of its points within 10 % (vectors 78–81 shape)", () => {
    for (const [model, d] of Object.entries(CANNULA_DATA)) {
      const p = byModel(model);
      for (const [q, dp] of d.points) {
        const err = Math.abs(cannulaDataPressureDropMmHg(p, q) - dp) / dp;
        expect(err, `${model} @${q}`).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it("two points consistent with a ≥ 0, b ≥ 0 are fitted exactly (30 @2, 120 @5 → a 9, b 3)", () => {
    const f = fitQuadraticThroughOrigin([
      [2, 30],
      [5, 120],
    ]);
    expect(f.a).toBeCloseTo(9, 12);
    expect(f.b).toBeCloseTo(3, 12);
  });

  it("two points that rise faster than Q² (LivaNova femoral 19 Fr) get the constrained fit a = 0, within 10 %", () => {
    const p = byModel("livanova-femoral-arterial-19");
    expect(p.aDataPerLPerMin).toBe(0);
    expect(Math.abs(cannulaDataPressureDropMmHg(p, 3.99) - 59.6) / 59.6).toBeLessThan(0.04);
  });

  it("one point → pure quadratic (a = 0, b = ΔP/Q²)", () => {
    expect(fitQuadraticThroughOrigin([[4, 96]])).toEqual({ a: 0, b: 6 });
  });

  it("EOPA curves are nearly quadratic: the linear term is < 15 % of the drop at 5 L/min (supports the 1-point rule)", () => {
    for (const m of ["medtronic-eopa-18", "medtronic-eopa-20", "medtronic-eopa-22", "medtronic-eopa-24"]) {
      const p = byModel(m);
      expect((p.aDataPerLPerMin * 5) / cannulaDataPressureDropMmHg(p, 5)).toBeLessThan(0.15);
    }
  });

  it("a negative fitted linear term is refitted with a = 0 (convex data)", () => {
    const f = fitQuadraticThroughOrigin([
      [1, 1],
      [2, 5],
      [3, 12],
    ]);
    expect(f.a).toBe(0);
    expect(f.b).toBeGreaterThan(0);
  });
});

describe("cannula on blood and the inverse", () => {
  const eopa22 = byModel("medtronic-eopa-22");
  it("on water (data viscosity, ρ ratio 1.05/0.998) the blood function reproduces the water curve × density only", () => {
    const q = 5000 / 60;
    const water = cannulaDataPressureDropMmHg(eopa22, 5);
    const a = eopa22.aDataPerLPerMin * 5;
    const b = eopa22.bDataPerLPerMin2 * 25;
    expect(cannulaPressureDropMmHg(eopa22, q, WATER_VISCOSITY_CP_20C)).toBeCloseTo(a + (b * 1.05) / 0.998, 9);
    expect(water).toBeCloseTo(a + b, 12);
  });
  it("blood (3.5 cP) raises the drop above the water chart (Ganushchak 2020: water under-predicts)", () => {
    const q = 5000 / 60;
    expect(cannulaPressureDropMmHg(eopa22, q, 3.5)).toBeGreaterThan(cannulaDataPressureDropMmHg(eopa22, 5));
  });
  it("the inverse is exact: Q(ΔP(Q)) = Q, both directions and any viscosity", () => {
    for (const mu of [1.0, 2.5, 3.5, 5]) {
      for (const q of [-90, -1, 0, 0.5, 20, 83.3, 120]) {
        const dp = cannulaPressureDropMmHg(eopa22, q, mu);
        expect(cannulaFlowMlPerS(eopa22, dp, mu)).toBeCloseTo(q, 9);
      }
    }
  });
  it("[82] Noe 1989, 19 Fr Bio-Medicus on blood (Hct 40, 30 °C): 5.0 L/min at 200 mmHg, exact", () => {
    const p = byModel("noe-biomedicus-arterial-19");
    expect(cannulaFlowMlPerS(p, 200, p.dataViscosityCp) * 0.06).toBeCloseTo(5.0, 9);
  });
  it("chord resistance × Q equals the drop", () => {
    expect(cannulaChordResistance(eopa22, 70, 3.2) * 70).toBeCloseTo(
      cannulaPressureDropMmHg(eopa22, 70, 3.2),
      9,
    );
  });
});

describe("buildCannulaParams errors", () => {
  it("names bad fields with their ranges", () => {
    const p = problemsOf(() =>
      buildCannulaParams({ type: "aortic", fr: 60, pressureFlow: { points: [], fluid: "oil" } }),
    );
    const fields = p.map((x) => x.field);
    expect(fields).toContain("cannula.type");
    expect(fields).toContain("cannula.fr");
    expect(fields).toContain("cannula.pressureFlow.points");
    expect(fields).toContain("cannula.pressureFlow.fluid");
  });
  it("refuses a point with zero flow or negative drop", () => {
    const p = problemsOf(() =>
      buildCannulaParams({
        type: "arterial",
        fr: 20,
        pressureFlow: {
          points: [
            [0, 10],
            [3, -1],
          ],
          fluid: "water",
        },
      }),
    );
    expect(p.map((x) => x.field).sort()).toEqual([
      "cannula.pressureFlow.points[0][0]",
      "cannula.pressureFlow.points[1][1]",
    ]);
  });
  it("needs points or a known model", () => {
    expect(problemsOf(() => buildCannulaParams({ type: "arterial", fr: 20 }))[0]?.field).toBe(
      "cannula.pressureFlow",
    );
    const p = problemsOf(() =>
      buildCannulaParams({ type: "arterial", fr: 20, model: "acme-99" }, "aorticCannula"),
    );
    expect(p[0]?.field).toBe("aorticCannula.model");
    expect(p[0]?.allowed).toMatch(/medtronic-eopa-22/);
  });
});
