/**
 * CPB venous drainage: the venous line's Poiseuille drop (at the Hct on bypass, as the circuit model computes it)
 * shares the siphon + VAVD with the venous cannula; bicaval cannulation sizes an SVC and an IVC cannula for their
 * share of the venous return (Salim et al., Circulation 1995: SVC 49 % newborn, 55 % at 2.5 y, 35 % from 6.6 y).
 */
import { describe, expect, it } from "vitest";
import { problemsOf } from "../common/test-helpers.ts";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { createSimulation } from "../sim/index.ts";
import { svcFlowFraction } from "./bicaval.ts";
import { MMHG_PER_CM_BLOOD } from "./cannulae.ts";
import { mergeProtocol } from "./catalogue.ts";
import { plan } from "./plan.ts";
import { REFERENCE_PATIENTS } from "./reference-patients.ts";
import { circuitFromPlan, initiationActions, patientFromPlan } from "./to-circuit.ts";
import { venousLineDrop } from "./venous-line.ts";

const { catalogue, protocol } = loadPlannerData();
const ref = (label: string) => REFERENCE_PATIENTS.find((p) => p.label === label)!;
const venous = (p: ReturnType<typeof plan>) => p.cannulae.filter((c) => c.role === "venous");

const problems = problemsOf;

/** Hagen–Poiseuille by hand: ΔP = 8μLQ/(πr⁴), μ = 10^(1.138·Hct + 0.03699)·0.97^(T−37) mPa·s. */
function poiseuilleMmHg(sizeIn: number, lengthCm: number, flowLPerMin: number, hct: number, tempC: number) {
  const r = (sizeIn * 0.0254) / 2;
  const mu = 10 ** (1.138 * hct + 0.03699) * 0.97 ** (tempC - 37) * 1e-3;
  const q = flowLPerMin / 60000;
  return (8 * mu * (lengthCm / 100) * q) / (Math.PI * r ** 4) / 133.322;
}

describe("venous line drop", () => {
  it("is Poiseuille at the Hct on bypass; the larger of full flow at 37 °C and target flow at the lowest temperature", () => {
    const e = venousLineDrop({
      sizeIn: "3/16",
      lengthCm: 120,
      hctOnBypass: 0.26,
      fullFlowLPerMin: 0.5,
      targetFlowLPerMin: 0.5,
      lowestTempC: 28,
    });
    // Same flow, colder: the 28 °C viscosity governs (0.97^−9 = 1.316 × the 37 °C value).
    expect(e.value).toBeCloseTo(poiseuilleMmHg(3 / 16, 120, 0.5, 0.26, 28), 3); // 1 mmHg = 133.322 Pa
    expect(e.constants.dropAtFullFlowMmHg).toBeCloseTo(poiseuilleMmHg(3 / 16, 120, 0.5, 0.26, 37), 2);
    expect(e.value / (e.constants.dropAtFullFlowMmHg as number)).toBeCloseTo(0.97 ** -9, 3);
    expect(e.evidence).toBe("C");
  });

  it("the plan's venous cannula limit is the siphon less the line drop (adult 80 kg: gravity suffices)", () => {
    const p = plan(ref("adult 80 kg CPB"), protocol, catalogue);
    const l = p.tubing.venous;
    const expected = Math.max(
      poiseuilleMmHg(0.5, l.lengthCm, p.fullFlowLPerMin, p.predictedHctWithRbc, 37),
      poiseuilleMmHg(0.5, l.lengthCm, p.targetFlowLPerMin, p.predictedHctWithRbc, p.patient.lowestTempC),
    );
    expect(l.sizeIn).toBe("1/2");
    expect(p.venousLineDropMmHg).toBeCloseTo(expected, 1);
    const [v] = venous(p);
    const siphon = p.drainageHeightCm * MMHG_PER_CM_BLOOD;
    expect(v!.limitMmHg).toBeCloseTo(siphon - p.venousLineDropMmHg!, 1);
    expect(v!.pressureDropMmHg! + p.venousLineDropMmHg!).toBeLessThanOrEqual(siphon);
    expect(p.vavdMmHg).toBe(0);
  });

  it('VAVD covers cannula + line beyond the siphon (neonate 2.5 kg, 3/16" line)', () => {
    const p = plan(ref("neonate 2.5 kg CPB"), protocol, catalogue);
    const [v] = venous(p);
    const siphon = p.drainageHeightCm * MMHG_PER_CM_BLOOD;
    expect(p.venousLineDropMmHg).toBeGreaterThan(10);
    expect(p.vavdMmHg).toBe(Math.ceil(v!.pressureDropMmHg! + p.venousLineDropMmHg! - siphon));
    expect(p.warnings.find((w) => w.code === "VENOUS_DRAINAGE_NEEDS_VAVD")?.why).toMatch(/venous line/);
  });

  it("a line that alone exceeds siphon + VAVD is reported with what to change", () => {
    const long = mergeProtocol(protocol, {
      tableLayouts: {
        ...protocol.tableLayouts,
        standard: { ...protocol.tableLayouts.standard!, venousCm: 400 },
      },
      tubingByWeight: protocol.tubingByWeight.map((b) => ({ ...b, venous: "1/4" as const })),
    });
    const p = plan(ref("adult 80 kg CPB"), long, catalogue);
    const w = p.warnings.find(
      (x) => x.code === "VENOUS_DRAINAGE_INSUFFICIENT" && /line alone/.test(x.message),
    );
    expect(w?.change).toMatch(/larger or shorter venous line/);
    expect(venous(p)[0]!.withinLimit).toBe(false);
  });
});

describe("bicaval venous cannulation", () => {
  it("SVC share by age (Salim 1995 [S]): 0.49 newborn, 0.55 at 2.5 y, 0.35 from 6.6 y, linear between", () => {
    expect(svcFlowFraction(0, protocol).value).toBeCloseTo(0.49, 9);
    expect(svcFlowFraction(2.5, protocol).value).toBeCloseTo(0.55, 9);
    expect(svcFlowFraction(1, protocol).value).toBeCloseTo(0.49 + 0.06 / 2.5, 9);
    expect(svcFlowFraction(5, protocol).value).toBeCloseTo(0.55 - (0.2 * 2.5) / 4.1, 9);
    expect(svcFlowFraction(65, protocol).value).toBeCloseTo(0.35, 9);
  });

  it("mitral surgery (adult 80 kg): an SVC and an IVC cannula, each sized for its share within the budget", () => {
    const p = plan({ ...ref("adult 80 kg CPB"), surgery: "mitral" }, protocol, catalogue);
    expect(p.venousCannulation).toBe("bicaval");
    expect(p.svcFlowFraction).toBeCloseTo(0.35, 9);
    const v = venous(p);
    expect(v.map((c) => c.site)).toEqual(["svc", "ivc"]);
    expect(v[0]!.flowLPerMin).toBeCloseTo(0.35 * p.fullFlowLPerMin, 3);
    expect(v[1]!.flowLPerMin).toBeCloseTo(0.65 * p.fullFlowLPerMin, 3);
    for (const c of v) {
      expect(c.fr).not.toBeNull();
      expect(c.withinLimit).toBe(true);
      expect(c.pressureDropMmHg! + p.venousLineDropMmHg!).toBeLessThanOrEqual(
        p.drainageHeightCm * MMHG_PER_CM_BLOOD + 1e-9,
      );
    }
    // The IVC carries more: its cannula is at least as large as the SVC's.
    expect(v[1]!.fr!).toBeGreaterThanOrEqual(v[0]!.fr!);
    // Two-stage cannulae are not used for bicaval drainage.
    expect(v.every((c) => !/two-stage/.test(c.id!))).toBe(true);
    expect(p.explanations.svcFlowFraction?.source).toMatch(/Salim/);
  });

  it("open right heart in a 5-year-old (20 kg): SVC share 0.428; 'single' forces one cannula", () => {
    const p = plan({ ...ref("child 20 kg CPB"), surgery: "open-right-heart" }, protocol, catalogue);
    expect(p.svcFlowFraction).toBeCloseTo(0.428, 3);
    expect(venous(p)).toHaveLength(2);
    expect(p.warnings.map((w) => w.code)).not.toContain("CANNULA_NO_DATA");
    const single = plan(
      { ...ref("child 20 kg CPB"), surgery: "open-right-heart", venousCannulation: "single" },
      protocol,
      catalogue,
    );
    expect(single.venousCannulation).toBe("single");
    expect(venous(single)).toHaveLength(1);
  });

  it("the protocol's weight rule: bicaval for every CPB patient ≤ belowWeightKg", () => {
    const small = mergeProtocol(protocol, {
      bicaval: { ...protocol.bicaval, belowWeightKg: { value: 10, source: "local", evidence: "U" } },
    });
    expect(plan(ref("infant 10 kg CPB"), small, catalogue).venousCannulation).toBe("bicaval");
    expect(plan(ref("child 20 kg CPB"), small, catalogue).venousCannulation).toBe("single");
    expect(plan(ref("infant 10 kg CPB"), protocol, catalogue).venousCannulation).toBe("single");
  });

  it("a bicaval newborn (2.5 kg): both caval cannulae sized from the 12 Fr curves (charted from 0.2 L/min)", () => {
    const p = plan({ ...ref("neonate 2.5 kg CPB"), venousCannulation: "bicaval" }, protocol, catalogue);
    const v = venous(p);
    expect(p.svcFlowFraction).toBeCloseTo(0.49, 9);
    expect(v.map((c) => c.site)).toEqual(["svc", "ivc"]);
    expect(v.every((c) => c.fr !== null && c.withinLimit)).toBe(true);
    expect(p.warnings.map((w) => w.code)).not.toContain("CANNULA_NO_DATA");
  });

  it("shares below half the smallest charted flow are not sized: honest CANNULA_NO_DATA with the cava named", () => {
    // Only 16 Fr and larger venous cannulae (first kept chart points ≥ 0.63 L/min): the newborn's 0.24 L/min SVC
    // share is below half of every first point.
    const big = mergeProtocol(protocol, {
      preferredDevices: {
        cannulae: catalogue.cannulae
          .filter((c) => c.kind !== "venous-single-stage" || c.fr >= 16)
          .map((c) => c.id),
      },
    });
    const p = plan({ ...ref("neonate 2.5 kg CPB"), venousCannulation: "bicaval" }, big, catalogue);
    expect(venous(p).map((c) => c.fr)).toEqual([null, null]);
    expect(p.warnings.filter((w) => w.code === "CANNULA_NO_DATA").map((w) => w.message)).toEqual([
      expect.stringMatching(/venous \(SVC\).*0\.24 L\/min/),
      expect.stringMatching(/venous \(IVC\).*0\.26 L\/min/),
    ]);
  });

  it("a bicaval plan runs in the simulator: SVC and IVC cannulae joined by a Y into the venous line", () => {
    const p = plan({ ...ref("child 20 kg CPB"), surgery: "mitral" }, protocol, catalogue);
    expect(p.venousCannulation).toBe("bicaval");
    const circuit = circuitFromPlan(p, { catalogue }) as { components: Record<string, unknown>[] };
    const byId = new Map(circuit.components.map((c) => [c.id as string, c]));
    expect((byId.get("svcCannula")!.params as { vessel: string }).vessel).toBe("svc");
    expect((byId.get("ivcCannula")!.params as { vessel: string }).vessel).toBe("ivc");
    expect(byId.get("svcCannula")!.outlet).toBe("venousY.branch1");
    expect(byId.get("ivcCannula")!.outlet).toBe("venousY.branch2");
    expect(byId.get("venousY")!.type).toBe("yConnector");
    expect(byId.get("venousLine")!.inlet).toBe("venousY.common");
    // The standard initiation on the planned circuit: the pump reaches the plan's target flow, both cavae drain
    // (the heart is almost bypassed) and the reservoir holds its level.
    const sim = createSimulation({ patient: patientFromPlan(p), seed: 1, circuit });
    for (const a of initiationActions(p)) sim.schedule(a);
    sim.advance(240);
    const read = (n: string) => sim.read(sim.signalIndex(n));
    expect(read("circuit.arterialPump.flow")).toBeCloseTo(p.targetFlowLPerMin, 1);
    expect(read("circuit.bypassFraction")).toBeGreaterThan(0.85);
    expect(read("circuit.venousReservoir.level")).toBeGreaterThan(p.reservoir!.minOperatingLevelMl);
  });

  it("bad surgery / venousCannulation values are refused with the allowed choices", () => {
    const bad = problems(() =>
      plan(
        { ...ref("adult 80 kg CPB"), surgery: "cabbage" as never, venousCannulation: "triple" as never },
        protocol,
        catalogue,
      ),
    );
    expect(bad.map((x) => x.field)).toEqual(["surgery", "venousCannulation"]);
    expect(bad[0]!.allowed).toMatch(/standard, open-right-heart, mitral/);
  });
});
