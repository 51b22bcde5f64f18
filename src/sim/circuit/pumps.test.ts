import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  buildCentrifugalPumpParams,
  CENTRIFUGAL_MODELS,
  centrifugalFlowMlPerS,
  centrifugalHeadMmHg,
  centrifugalRpmForFlow,
  centrifugalShutoffHeadMmHg,
} from "./centrifugal-pump.ts";
import {
  buildRollerPumpParams,
  rollerPumpDisplacementMlPerS,
  rollerPumpFlowMlPerS,
  rollerPumpRpmForFlow,
} from "./roller-pump.ts";

describe("roller pump", () => {
  it("[71] 27 mL/rev × 100 rpm = 2.70 L/min at full occlusion against 250 mmHg afterload (exact)", () => {
    const p = buildRollerPumpParams({ bootSize: "3/8" });
    expect(p.strokeVolumeMlPerRev).toBe(27); // reference §7.3 [S2]
    expect(rollerPumpFlowMlPerS(p, 100, -20, 250, 3.5) * 0.06).toBeCloseTo(2.7, 12);
  });
  it("occlusion set by the standard drop test (1 inch/min in a 30-inch column) keeps flow within 1 % of SV × rpm at 250 mmHg", () => {
    const p = buildRollerPumpParams({
      bootSize: "3/8",
      occlusionDropRateCmPerMin: 2.54,
      dropTestColumnCm: 76.2,
    });
    expect(p.occlusion).toBeGreaterThan(0.97);
    expect(p.occlusion).toBeLessThan(1);
    const q = rollerPumpFlowMlPerS(p, 100, -20, 250, 3.5) * 0.06;
    expect(Math.abs(q - 2.7) / 2.7).toBeLessThan(0.01);
    expect(q).toBeLessThan(2.7);
  });
  it("the drop test is reproduced: a stopped pump leaks 2.54 cm/min × 0.7126 mL/cm from a 76.2 cm water column", () => {
    const p = buildRollerPumpParams({ bootSize: "3/8", occlusionDropRateCmPerMin: 2.54 });
    const leak = -rollerPumpFlowMlPerS(p, 0, 0, 76.2 * 0.998 * 0.73556, 1.002) * 60; // mL/min
    expect(leak).toBeCloseTo(2.54 * 0.71256, 3);
  });
  it("slip rises as occlusion falls (flow at 100 rpm, 200 mmHg across the pump)", () => {
    const flows = [1, 0.98, 0.95, 0.9, 0.85].map((occlusion) =>
      rollerPumpFlowMlPerS(buildRollerPumpParams({ bootSize: "3/8", occlusion }), 100, 0, 200, 3.5),
    );
    for (let i = 1; i < flows.length; i++) expect(flows[i]!).toBeLessThan(flows[i - 1]!);
    expect(flows[0]! * 0.06).toBeCloseTo(2.7, 12);
  });
  it("reverse direction and calibration override; rpm for a flow is capped at max", () => {
    const p = buildRollerPumpParams({ bootSize: "1/4", strokeVolumeMlPerRev: 12.5, direction: "reverse" });
    expect(rollerPumpDisplacementMlPerS(p, 60)).toBeCloseTo(-12.5, 12);
    expect(rollerPumpRpmForFlow(p, 1.0)).toBeCloseTo(80, 12);
    expect(rollerPumpRpmForFlow(p, 10)).toBe(250);
  });
  it("spec errors name the field", () => {
    const p = problemsOf(() => buildRollerPumpParams({ bootSize: "5/8", occlusion: 1.2 }));
    expect(p.map((x) => x.field).sort()).toEqual(["rollerPump.bootSize", "rollerPump.occlusion"]);
    const q = problemsOf(() =>
      buildRollerPumpParams({ bootSize: "3/8", occlusion: 1, occlusionDropRateCmPerMin: 1 }),
    );
    expect(q[0]?.field).toBe("rollerPump.occlusionDropRateCmPerMin");
  });
});

describe("centrifugal pump", () => {
  const rotaflow = buildCentrifugalPumpParams({ model: "rotaflow" });
  it("Rotaflow shut-off head: 112 mmHg at 2000 rpm and 700 at 5000 (Explain fit to ~108 and ~700 [S2])", () => {
    expect(centrifugalShutoffHeadMmHg(rotaflow, 2000)).toBeCloseTo(112, 9);
    expect(centrifugalShutoffHeadMmHg(rotaflow, 5000)).toBeCloseTo(700, 9);
  });
  it("flow falls monotonically as afterload rises (3000 rpm, ΔP 0 → 400 mmHg)", () => {
    let prev = Number.POSITIVE_INFINITY;
    for (let dp = 0; dp <= 400; dp += 10) {
      const q = centrifugalFlowMlPerS(rotaflow, 3000, dp);
      expect(q).toBeLessThan(prev);
      prev = q;
    }
  });
  it("retrograde flow at low rpm: 1000 rpm (shut-off 28 mmHg) against 60 mmHg flows backwards", () => {
    expect(centrifugalFlowMlPerS(rotaflow, 1000, 60)).toBeLessThan(0);
    expect(centrifugalFlowMlPerS(rotaflow, 1000, 20)).toBeGreaterThan(0);
    expect(centrifugalFlowMlPerS(rotaflow, 0, 60)).toBeLessThan(0); // stopped pump = a resistance
    expect(centrifugalFlowMlPerS(rotaflow, 0, 60) * 0.06).toBeCloseTo(-60 / 0.833, 9);
  });
  it("head from flow and flow from head are exact inverses, for every model and with c > 0", () => {
    const all = [
      ...Object.keys(CENTRIFUGAL_MODELS).map((model) => buildCentrifugalPumpParams({ model })),
      buildCentrifugalPumpParams({ model: "custom", a: 30, b: 5, c: 2 }),
    ];
    for (const p of all) {
      for (const rpm of [0, 800, 2500, 4000]) {
        for (const q of [-40, -1, 0, 10, 80, 150]) {
          const h = centrifugalHeadMmHg(p, rpm, q);
          expect(centrifugalFlowMlPerS(p, rpm, h)).toBeCloseTo(q, 8);
        }
      }
    }
  });
  it("rpm for a flow: Rotaflow 5 L/min against 250 mmHg → 4389 rpm (root of 28n² − 65n − 254.2 = 0), round trip exact", () => {
    const q = 5000 / 60;
    const rpm = centrifugalRpmForFlow(rotaflow, q, 250);
    expect(rpm).toBeCloseTo(((65 + Math.sqrt(65 * 65 + 4 * 28 * (0.833 * 5 + 250))) / 56) * 1000, 6);
    expect(centrifugalFlowMlPerS(rotaflow, rpm, 250)).toBeCloseTo(q, 8);
  });
  it("spec errors", () => {
    expect(problemsOf(() => buildCentrifugalPumpParams({ model: "acme" }))[0]?.field).toBe(
      "centrifugalPump.model",
    );
    expect(problemsOf(() => buildCentrifugalPumpParams({ model: "custom", a: 20 }))[0]?.field).toBe(
      "centrifugalPump.b",
    );
    expect(problemsOf(() => buildCentrifugalPumpParams({ model: "rotaflow", r0: 0 }))[0]?.field).toBe(
      "centrifugalPump.r0",
    );
  });
});
