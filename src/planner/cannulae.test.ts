/**
 * The planner's cannula pressure drop is the simulator's blood-scaled law (cannula-law.ts → src/sim/circuit/
 * cannula.ts): ΔP = (a/μ_data)·μ·Q + b·(ρ_blood/ρ_data)·Q², a and b fitted to the catalogue points; μ the engine's
 * blood viscosity (src/sim/blood/viscosity.ts) at the plan's Hct on bypass; the larger of full flow at 37 °C and
 * target flow at the lowest temperature.
 */
import { describe, expect, it } from "vitest";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { bloodViscosityCp } from "../sim/blood/viscosity.ts";
import {
  buildCannulaParams,
  cannulaDataPressureDropMmHg,
  cannulaPressureDropMmHg,
} from "../sim/circuit/cannula.ts";
import { cannulaLaw, simCannulaSpec } from "./cannula-law.ts";
import { type CannulaBlood, cannulaDropAt, chartRange, explainDrop, vavdLimit } from "./cannulae.ts";
import type { Cannula, PressureFlow } from "./schema.ts";

const { catalogue } = loadPlannerData();
const device = (id: string) => {
  const d = catalogue.cannulae.find((c) => c.id === id);
  if (!d?.pressureFlow) throw new Error(`missing ${id}`);
  return d as Cannula & { pressureFlow: PressureFlow };
};
const normothermic: CannulaBlood = { hct: 0.3, lowestTempC: 37, targetFlowFraction: 1 };

describe("cannula pressure drop with blood (the engine's law)", () => {
  it("hand check, two-point water chart (Avalon Elite 20 Fr return lumen: 71 @ 1, 279.6 @ 2 L/min)", () => {
    // Two points fit exactly: a + b = 71, 2a + 4b = 279.6 → b = 68.8, a = 2.2 mmHg per (L/min)ⁿ on water.
    // Blood Hct 0.30 at 37 °C: μ = 10^(1.138·0.30 + 0.03699) = 2.3900 cP; water μ 1.002 cP, ρ 0.998 g/mL;
    // blood ρ 1.05 g/mL. ΔP(1 L/min) = 2.2·2.3900/1.002 + 68.8·1.05/0.998 = 5.247 + 72.385 = 77.63 mmHg.
    const d = cannulaDropAt(device("getinge-avalon-elite-20"), "pressureFlow", 1, normothermic, 1.25)!;
    expect(d.fullFlow.viscosityCp).toBeCloseTo(2.39, 3);
    expect(d.dropMmHg).toBeCloseTo(77.63, 1);
    expect(d.dropMmHg).toBeGreaterThan(71); // blood drops more than the water chart
    const drain = cannulaDropAt(
      device("getinge-avalon-elite-20"),
      "drainagePressureFlow",
      1,
      normothermic,
      1.25,
    )!;
    // 28.3 @ 1, 91.0 @ 2: b = 17.2, a = 11.1 → 11.1·2.3900/1.002 + 17.2·1.05/0.998 = 26.476 + 18.096 = 44.57
    expect(drain.dropMmHg).toBeCloseTo(44.57, 1);
  });

  it("is the simulator's cannulaPressureDropMmHg on the simulator's data for the same id", () => {
    for (const id of [
      "medtronic-eopa-20",
      "medtronic-dlp-metal-tip-venous-12",
      "medtronic-biomedicus-arterial-8",
    ]) {
      const dev = device(id);
      const spec = simCannulaSpec(dev)!;
      expect(spec.model).toBe(id);
      const engine = buildCannulaParams({ ...spec, vessel: "rightAtrium" });
      const blood = { hct: 0.26, lowestTempC: 28, targetFlowFraction: 1 };
      const q = dev.pressureFlow.points[0]![0];
      const d = cannulaDropAt(dev, "pressureFlow", q, blood, 1.25)!;
      const mu = bloodViscosityCp(0.26, 28);
      expect(d.dropMmHg).toBeCloseTo(cannulaPressureDropMmHg(engine, (q * 1000) / 60, mu), 9);
      expect(cannulaLaw(dev)).toEqual(engine);
    }
  });

  it("water → blood: a many-point chart of a small cannula (viscous term) rises by far more than the density ratio", () => {
    // DLP 12 Fr metal tip, water 12 mmHg at 0.5 L/min (chart); with blood of Hct 0.26 at 37 °C (2.15 cP) the
    // engine gives ≈ 18.5 mmHg, at 25 °C (3.10 cP) ≈ 22.5 mmHg.
    const dev = device("medtronic-dlp-metal-tip-venous-12");
    const warm = cannulaDropAt(
      dev,
      "pressureFlow",
      0.5,
      { hct: 0.26, lowestTempC: 37, targetFlowFraction: 1 },
      1.25,
    )!;
    const cold = cannulaDropAt(
      dev,
      "pressureFlow",
      0.5,
      { hct: 0.26, lowestTempC: 25, targetFlowFraction: 1 },
      1.25,
    )!;
    expect(warm.dropMmHg / 12).toBeGreaterThan(1.4);
    expect(cold.dropMmHg).toBeGreaterThan(warm.dropMmHg);
    expect(cold.governing.tempC).toBe(25); // same flow, colder: the lowest temperature governs
    // A one-point chart fits a pure quadratic (no viscous term): only the density ratio applies.
    const one = cannulaDropAt(device("medtronic-dlp-venous-28"), "pressureFlow", 5, normothermic, 1.25)!;
    expect(one.dropMmHg).toBeCloseTo((36 * 1.05) / 0.998, 6);
  });

  it("adult flow reduced with temperature: full flow at 37 °C governs the large arterial cannula", () => {
    // 80 kg at 32 °C: target 4.0 of full 4.8 L/min (CI 2.0 of 2.4).
    const blood = { hct: 0.32, lowestTempC: 32, targetFlowFraction: 4.0 / 4.8 };
    const d = cannulaDropAt(device("medtronic-eopa-20"), "pressureFlow", 4.8, blood, 1.25)!;
    expect(d.governing).toBe(d.fullFlow);
    expect(d.lowestTemp.flowLPerMin).toBeCloseTo(4.0, 9);
    expect(d.lowestTemp.viscosityCp).toBeCloseTo(bloodViscosityCp(0.32, 32), 9);
    expect(d.fullFlow.dropMmHg).toBeGreaterThan(d.lowestTemp.dropMmHg);
  });

  it("uses a chart only near its data (EOPA 20: 3–6 L/min, extrapolation × 1.25)", () => {
    const pf = device("medtronic-eopa-20").pressureFlow;
    expect(chartRange(pf, 5, 1.25)).toBe("within-chart");
    expect(chartRange(pf, 2, 1.25)).toBe("below-chart");
    expect(chartRange(pf, 1.4, 1.25)).toBeUndefined(); // below half the first point: sized for far more flow
    expect(chartRange(pf, 7, 1.25)).toBe("above-chart");
    expect(chartRange(pf, 7.6, 1.25)).toBeUndefined(); // beyond 6 × 1.25 L/min
  });

  it("explains itself: formula, inputs, constants, and the sources of the data, the law and the viscosity", () => {
    const dev = device("medtronic-dlp-metal-tip-venous-12");
    const blood = { hct: 0.26, lowestTempC: 25, targetFlowFraction: 1 };
    const d = cannulaDropAt(dev, "pressureFlow", 0.5, blood, 1.25)!;
    const e = explainDrop(dev, dev.pressureFlow, d, blood, 40, "test limit");
    expect(e.value).toBe(d.dropMmHg);
    expect(e.formula).toMatch(/μ_data.*ρ_blood\/ρ_data/);
    expect(e.formula).toMatch(/12 mmHg @ 0\.5 L\/min/);
    expect(e.inputs).toMatchObject({ cannula: dev.id, flowLPerMin: 0.5, tempC: 25, hctOnBypass: 0.26 });
    expect(e.constants.viscosityCp).toBeCloseTo(bloodViscosityCp(0.26, 25), 3);
    // What the water chart itself gives at that flow (the fitted curve on water).
    expect(e.constants.dropOnDataFluidMmHg).toBeCloseTo(cannulaDataPressureDropMmHg(d.params, 0.5), 2);
    expect(e.source).toMatch(/Ganushchak et al\., Perfusion 2020;35:331/);
    expect(e.source).toMatch(/viscosity\.ts/);
    expect(e.source).toMatch(/66112|Metal Tip/);
    expect(e.note).toMatch(/scaled to blood/);
    const one = device("medtronic-dlp-venous-28");
    const d1 = cannulaDropAt(one, "pressureFlow", 5, normothermic, 1.25)!;
    expect(explainDrop(one, one.pressureFlow, d1, normothermic, 40, "x").note).toMatch(/no viscous term/);
  });
});

/**
 * Venous cannulae added from manufacturers' charts (catalogue/cannulae.yaml): Medtronic Cannula Catalog 2020 (DLP
 * single-stage straight, right-angle, right-angle metal tip 3/8"; Bio-Medicus NextGen femoral) and Getinge HLS venous
 * (PVL), water, digitised manually by perfusion-tools [S2, chart-read]. One point per family against the digitised
 * value, the source in the file; the MC2 two-stage point is [U] (a trace shown to over-state small cannulae's flow).
 */
describe("venous cannulae from manufacturers' charts (catalogue)", () => {
  const dev = device;
  const cases: [string, string, number, [number, number], RegExp][] = [
    // id, kind, fr, chart point [L/min, mmHg], source
    [
      "medtronic-dlp-venous-12",
      "venous-single-stage",
      12,
      [0.49, 36],
      /DLP Single Stage Venous Cannulae.*66112/,
    ],
    [
      "medtronic-dlp-venous-20",
      "venous-single-stage",
      20,
      [3.0, 61],
      /DLP Single Stage Venous Cannulae.*66120/,
    ],
    [
      "medtronic-dlp-right-angle-venous-16",
      "venous-single-stage",
      16,
      [1.5, 45],
      /Right Angle Single Stage.*67516/,
    ],
    [
      "medtronic-dlp-metal-tip-venous-20",
      "venous-single-stage",
      20,
      [3.0, 32],
      /Right Angle Metal Tip, 3\/8 in.*69320/,
    ],
    [
      "medtronic-biomedicus-nextgen-fv-21",
      "femoral-venous",
      21,
      [4.0, 53],
      /NextGen Femoral Bi-caval.*96670-121/,
    ],
    ["getinge-hls-venous-25", "femoral-venous", 25, [5.0, 42], /HLS venous cannula PVL 2555/],
  ];
  it.each(cases)("%s: %s %i Fr, chart point %j, source in the file", (id, kind, fr, point, source) => {
    const d = dev(id);
    expect(d.kind).toBe(kind);
    expect(d.fr).toBe(fr);
    expect(d.pressureFlow.points).toContainEqual(point);
    expect(d.pressureFlow.evidence).toBe("S2");
    expect(d.pressureFlow.fluid).toBe("water");
    expect(d.pressureFlow.source).toMatch(source);
    expect(d.pressureFlow.source).toMatch(/perfusion-tools/);
    expect(d.pressureFlow.note).toMatch(/chart-read/);
    // The fitted curve on the chart's own fluid passes within 10 % of the point (the engine's fit criterion,
    // docs/models/circuit.md).
    const fitted = cannulaDataPressureDropMmHg(cannulaLaw(d)!, point[0]);
    expect(Math.abs(fitted / point[1] - 1)).toBeLessThan(0.1);
  });
  it("MC2 two-stage: the traced point is kept as [U] with its source and why", () => {
    const d = dev("medtronic-mc2-two-stage-28-36");
    expect(d.kind).toBe("venous-two-stage");
    expect(d.pressureFlow.points).toEqual([[6, 19]]);
    expect(d.pressureFlow.evidence).toBe("U");
    expect(d.pressureFlow.source).toMatch(/CHNOLA Perfusion Team P&P Manual 2021/);
  });
  it("same family, same flow: a larger French drops less; the DLP curves agree with the older DLP 22/28/36 points", () => {
    // Compared on the charts' own fluid (water), as the manufacturer drew them.
    const at = (id: string, q: number) => cannulaDataPressureDropMmHg(cannulaLaw(dev(id))!, q);
    for (const [prefix, sizes, q] of [
      ["medtronic-dlp-venous-", [12, 14, 16], 0.8],
      ["medtronic-dlp-venous-", [18, 20, 22, 24, 26], 3],
      ["medtronic-dlp-right-angle-venous-", [12, 14, 16], 0.8],
      ["medtronic-dlp-right-angle-venous-", [18, 20, 22, 24, 26], 3],
      ["medtronic-dlp-metal-tip-venous-", [12, 14, 16, 18, 20], 1.5],
      ["medtronic-biomedicus-nextgen-fv-", [19, 21, 23, 25], 4],
    ] as const) {
      const drops = sizes.map((fr) => at(`${prefix}${fr}`, q));
      for (let i = 1; i < drops.length; i++)
        expect(drops[i], `${prefix}${sizes[i]}`).toBeLessThan(drops[i - 1]!);
    }
    // DLP straight 22 (64 @ 4) < 20 Fr and > 24 Fr at 4 L/min; 28 Fr (36 @ 5) < 26 Fr (51 @ 5).
    expect(at("medtronic-dlp-venous-20", 3.5)).toBeGreaterThan(at("medtronic-dlp-venous-22", 3.5));
    expect(at("medtronic-dlp-venous-24", 4)).toBeLessThan(64);
    expect(at("medtronic-dlp-venous-26", 5)).toBeGreaterThan(36);
  });
});

describe("VAVD within the reservoir's rating", () => {
  const { protocol } = loadPlannerData();
  const pixie = catalogue.reservoirs.find((r) => r.id === "medtronic-affinity-pixie-cvr")!;
  const capiox = catalogue.reservoirs.find((r) => r.id === "terumo-capiox-hardshell-4l")!;
  const withVavd = (mmHg: number) => ({
    ...protocol,
    vavd: { available: true, maxMmHg: { ...protocol.vavd.maxMmHg, value: mmHg } },
  });

  it("caps the protocol's VAVD at the reservoir's IFU limit (Affinity Pixie: −50 mmHg in the venous line, IFU p.28)", () => {
    expect(vavdLimit(withVavd(80), pixie).mmHg).toBe(50);
    expect(vavdLimit(withVavd(80), pixie).why).toMatch(/Affinity Pixie.*below the protocol's 80/);
    // Capiox hardshell: −150 mmHg (FX25 IFU p.11) is above the protocol's 60, so the protocol governs.
    expect(vavdLimit(withVavd(60), capiox).mmHg).toBe(60);
  });

  it("no VAVD without it in the protocol, or on a reservoir not rated for it", () => {
    expect(vavdLimit({ ...protocol, vavd: { ...protocol.vavd, available: false } }, capiox).mmHg).toBe(0);
    const unrated = { ...capiox, vavd: false };
    expect(vavdLimit(withVavd(60), unrated)).toEqual({
      mmHg: 0,
      why: `${capiox.model} is not rated for VAVD`,
    });
  });
});
