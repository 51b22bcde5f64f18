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
 * Venous cannulae added from chart-read single points (catalogue/cannulae.yaml): one point per device family
 * against the traced chart value (flow at a 40 mmHg drop; MC2: drop at 6 L/min) [S2, chart-read], each with its
 * source in the file. The trace: third-party web app, 'CHNOLA Perfusion Team P&P Manual 2021 photo charts'.
 */
describe("chart-read venous cannulae (catalogue)", () => {
  const { catalogue } = loadPlannerData();
  const dev = (id: string) => {
    const d = catalogue.cannulae.find((c) => c.id === id);
    if (!d?.pressureFlow) throw new Error(`missing ${id}`);
    return d as typeof d & { pressureFlow: PressureFlow };
  };
  const cases: [string, string, number, [number, number]][] = [
    // id, kind, fr, chart point [L/min, mmHg]
    ["medtronic-dlp-venous-12", "venous-single-stage", 12, [0.65, 40]],
    ["medtronic-dlp-venous-20", "venous-single-stage", 20, [3.1, 40]],
    ["medtronic-dlp-right-angle-venous-16", "venous-single-stage", 16, [1.65, 40]],
    ["medtronic-dlp-metal-tip-venous-24", "venous-single-stage", 24, [5.0, 40]],
    ["livanova-right-angle-venous-18", "venous-single-stage", 18, [2.6, 40]],
    ["medtronic-biomedicus-nextgen-pediatric-venous-10", "femoral-venous", 10, [1.0, 40]],
    ["medtronic-mc2-two-stage-28-36", "venous-two-stage", 28, [6, 19]],
    ["medtronic-mc2-two-stage-32-40", "venous-two-stage", 32, [6, 12]],
  ];
  it.each(cases)("%s: %s %i Fr, chart point %j, source in the file", (id, kind, fr, point) => {
    const d = dev(id);
    expect(d.kind).toBe(kind);
    expect(d.fr).toBe(fr);
    expect(d.pressureFlow.points).toEqual([point]);
    expect(d.pressureFlow.evidence).toBe("S2");
    expect(d.pressureFlow.fluid).toBe("water");
    expect(d.pressureFlow.source).toMatch(/chart-read/);
    expect(d.pressureFlow.source).toMatch(/CHNOLA Perfusion Team P&P Manual 2021/);
    // The point itself is reproduced by the planner's drop function.
    expect(pressureDropAt(d.pressureFlow, point[0], 1.25)?.dropMmHg).toBe(point[1]);
  });
  it("the smaller size of each family drains less at the same drop (monotonic by French)", () => {
    for (const prefix of [
      "medtronic-dlp-venous-",
      "medtronic-dlp-right-angle-venous-",
      "medtronic-dlp-metal-tip-venous-",
      "livanova-right-angle-venous-",
      "medtronic-biomedicus-nextgen-pediatric-venous-",
    ]) {
      const fam = catalogue.cannulae
        .filter((c) => c.id.startsWith(prefix) && /-\d+$/.test(c.id.slice(prefix.length - 1)))
        .filter((c) => c.pressureFlow?.points[0]?.[1] === 40)
        .sort((a, b) => a.fr - b.fr);
      expect(fam.length, prefix).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < fam.length; i++)
        expect(fam[i]!.pressureFlow!.points[0]![0], fam[i]!.id).toBeGreaterThan(
          fam[i - 1]!.pressureFlow!.points[0]![0],
        );
    }
  });
});
