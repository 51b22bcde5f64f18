import { describe, expect, it } from "vitest";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { pressureDropAt } from "./cannulae.ts";
import type { PressureFlow } from "./schema.ts";

// Medtronic EOPA 20 Fr, water (reference §7.5a, vector 78) [S2]
const eopa20: PressureFlow = {
  points: [
    [3, 28],
    [4, 50],
    [5, 76],
    [6, 110],
  ],
  fluid: "water",
  kind: "exact",
  source: "test",
  evidence: "S2",
};

describe("pressureDropAt", () => {
  it("returns catalogue points exactly (vectors 78: 76 mmHg at 5 L/min)", () => {
    expect(pressureDropAt(eopa20, 5, 1.25)).toEqual({ dropMmHg: 76, how: "interpolated" });
  });
  it("interpolates linearly between points", () => {
    expect(pressureDropAt(eopa20, 4.5, 1.25)?.dropMmHg).toBeCloseTo(63, 9);
  });
  it("uses the chord from the origin below the first point (over-states a convex curve)", () => {
    expect(pressureDropAt(eopa20, 2, 1.25)).toEqual({ dropMmHg: (28 * 2) / 3, how: "chord-from-origin" });
  });
  it("extrapolates as Q² above the last point, up to the allowed factor", () => {
    expect(pressureDropAt(eopa20, 7, 1.25)?.dropMmHg).toBeCloseTo(110 * (7 / 6) ** 2, 9);
    expect(pressureDropAt(eopa20, 7.6, 1.25)).toBeUndefined();
  });
  it("does not use data from a cannula sized for more than twice the flow", () => {
    expect(pressureDropAt(eopa20, 1.4, 1.25)).toBeUndefined();
  });
});

/**
 * Venous cannulae added from manufacturers' charts (catalogue/cannulae.yaml): Medtronic Cannula Catalog 2020 (DLP
 * single-stage straight, right-angle, right-angle metal tip 3/8"; Bio-Medicus NextGen femoral) and Getinge HLS venous
 * (PVL), water, digitised manually by perfusion-tools [S2, chart-read]. One point per family against the digitised
 * value, the source in the file; the MC2 two-stage point is [U] (a trace shown to over-state small cannulae's flow).
 */
describe("venous cannulae from manufacturers' charts (catalogue)", () => {
  const { catalogue } = loadPlannerData();
  const dev = (id: string) => {
    const d = catalogue.cannulae.find((c) => c.id === id);
    if (!d?.pressureFlow) throw new Error(`missing ${id}`);
    return d as typeof d & { pressureFlow: PressureFlow };
  };
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
    // The point itself is reproduced by the planner's drop function.
    expect(pressureDropAt(d.pressureFlow, point[0], 1.25)?.dropMmHg).toBeCloseTo(point[1], 9);
  });
  it("MC2 two-stage: the traced point is kept as [U] with its source and why", () => {
    const d = dev("medtronic-mc2-two-stage-28-36");
    expect(d.kind).toBe("venous-two-stage");
    expect(d.pressureFlow.points).toEqual([[6, 19]]);
    expect(d.pressureFlow.evidence).toBe("U");
    expect(d.pressureFlow.source).toMatch(/CHNOLA Perfusion Team P&P Manual 2021/);
  });
  it("same family, same flow: a larger French drops less; the DLP curves agree with the older DLP 22/28/36 points", () => {
    const at = (id: string, q: number) => pressureDropAt(dev(id).pressureFlow, q, 1.25)!.dropMmHg;
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
