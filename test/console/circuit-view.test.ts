import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { severinghausSo2 } from "../../src/calc/odc.ts";
import {
  AirWatch,
  bloodColour,
  type CircuitView,
  circuitView,
  clampState,
  nodes,
  type Step,
  sideSaturations,
  type ViewComponent,
} from "../../src/console/circuit-view.ts";

const scenarioCircuit = (name: string): ViewComponent[] =>
  parse(readFileSync(join(import.meta.dirname, "..", "..", "scenarios", `${name}.yaml`), "utf8")).circuit
    .components;

/** The path as text: ids in order, parallel limbs as [a b | c d]. */
function shape(steps: Step[]): string {
  return steps
    .map((s) => ("node" in s ? s.node.id : `[${s.limbs.map((l) => shape(l)).join(" | ")}]`))
    .join(" ");
}
const view = (name: string): CircuitView => {
  const v = circuitView(scenarioCircuit(name));
  if (!v) throw new Error("no view");
  return v;
};
const byId = (v: CircuitView, id: string) => nodes(v.steps).find((n) => n.id === id);

describe("circuit view: the blood path from the description", () => {
  it("CPB (adult-cpb-cabg): patient → cannula → venous line → reservoir → pump → oxygenator → filter → arterial line → cannula → patient; suckers and vent left out", () => {
    const v = view("adult-cpb-cabg");
    expect(v.closed).toBe(false);
    expect(shape(v.steps)).toBe(
      "patient venousCannula venousLine venousReservoir pumpInletLine arterialPump pumpOutletLine oxygenator arterialFilter arterialLine aorticCannula patient",
    );
    expect(byId(v, "venousLine")?.clamp).toBe("venousLine");
    expect(byId(v, "arterialLine")?.clamp).toBe("arterialLine");
    expect(byId(v, "pumpInletLine")?.clamp).toBeNull();
    expect(byId(v, "arterialPump")?.side).toBe("venous");
    expect(byId(v, "arterialFilter")?.side).toBe("arterial");
    expect(byId(v, "arterialPump")?.readouts.map((r) => r.signal)).toEqual([
      "circuit.arterialPump.flow",
      "circuit.arterialPump.rpm",
    ]);
    expect(byId(v, "venousReservoir")?.readouts[0]?.signal).toBe("circuit.venousReservoir.level");
    expect(byId(v, "venousLine")?.readouts.map((r) => r.signal)).toEqual([
      "circuit.venousLine.pressure",
      "circuit.venousSo2",
    ]);
    expect(byId(v, "arterialLine")?.readouts.map((r) => r.signal)).toContain("circuit.airToPatient");
    expect(byId(v, "oxygenator")?.model).toBeTypeOf("string");
  });

  it("VA ECMO with Y connectors (adult-va-ecmo): return split into an arterial limb (itself split for distal perfusion) and a jugular return limb", () => {
    const v = view("adult-va-ecmo");
    expect(v.closed).toBe(true);
    expect(shape(v.steps)).toBe(
      "patient drainageCannula drainageLine ecmoPump pumpOutletLine oxygenator returnLine " +
        "[arterialLimb [femoralLimb returnCannula | distalPerfusionLine distalPerfusionCannula] | jugularLimb jugularReturnCannula] patient",
    );
    expect(byId(v, "drainageLine")?.clamp).toBe("venousLine");
    expect(byId(v, "returnLine")?.clamp).toBe("arterialLine");
    expect(byId(v, "jugularLimb")?.clamp).toBe("returnLimb");
    expect(byId(v, "distalPerfusionLine")?.clamp).toBe("distalPerfusionLine");
    expect(byId(v, "arterialLimb")?.clamp).toBeNull();
    // The description clamps the jugular limb shut until it is opened (jugularLimbClamp, occlusion 1).
    expect(byId(v, "jugularLimb")?.initialOcclusion).toBe(1);
    expect(byId(v, "distalPerfusionLine")?.initialOcclusion).toBe(0);
    expect(byId(v, "femoralLimb")?.clamp).toBeNull();
    expect(byId(v, "ecmoPump")?.readouts.map((r) => r.signal)).toEqual(["ecmo.flow", "ecmo.rpm"]);
    expect(byId(v, "drainageLine")?.readouts.map((r) => r.signal)).toEqual([
      "ecmo.inletPressure",
      "ecmo.preSo2",
    ]);
    expect(byId(v, "jugularLimb")?.readouts[0]?.signal).toBe("ecmo.returnLimbFlow");
    expect(byId(v, "distalPerfusionLine")?.readouts[0]?.signal).toBe("ecmo.distalPerfusionFlow");
    expect(nodes(v.steps).some((n) => n.kind === "reservoir")).toBe(false);
  });

  it("VV ECMO (adult-vv-ecmo): a single path with no reservoir", () => {
    const v = view("adult-vv-ecmo");
    expect(shape(v.steps)).toBe(
      "patient drainageCannula drainageLine ecmoPump pumpOutletLine oxygenator returnLine returnCannula patient",
    );
  });

  it("bicaval drainage through a Y: two venous limbs merge before the venous line", () => {
    const v = circuitView([
      { id: "svc", type: "cannula", params: { fr: 24, vessel: "svc" }, outlet: "svcLine.inlet" },
      {
        id: "svcLine",
        type: "tubing",
        params: { internalDiameterIn: "1/4", lengthM: 0.3 },
        outlet: "y.branch1",
      },
      { id: "ivc", type: "cannula", params: { fr: 28, vessel: "ivc" }, outlet: "ivcLine.inlet" },
      { id: "ivcLine", type: "tubing", outlet: "y.branch2" },
      { id: "y", type: "yConnector" },
      { id: "venousLine", type: "tubing", inlet: "y.common", outlet: "res.venousIn" },
      { id: "res", type: "venousReservoir", outlet: "pump.inlet" },
      { id: "pump", type: "rollerPump", outlet: "ox.bloodIn" },
      { id: "ox", type: "oxygenator", outlet: "artLine.inlet" },
      { id: "artLine", type: "tubing", outlet: "ao.connector" },
      { id: "ao", type: "cannula", params: { model: "EOPA", fr: 22 } },
    ]);
    expect(v && shape(v.steps)).toBe(
      "patient [svc svcLine | ivc ivcLine] venousLine res pump ox artLine ao patient",
    );
    expect(v && byId(v, "venousLine")?.clamp).toBe("venousLine");
    expect(v && byId(v, "svcLine")?.side).toBe("venous");
    expect(v && byId(v, "svcLine")?.model).toBe("1/4″ × 0.3 m");
    expect(v && byId(v, "ao")?.model).toBe("EOPA (22 Fr)");
  });

  it("a dual-lumen cannula appears at both ends with distinct keys", () => {
    const v = circuitView([
      { id: "dl", type: "dualLumenCannula", connect: { drainage: "dLine.inlet", return: "rLine.outlet" } },
      { id: "dLine", type: "tubing", outlet: "pump.inlet" },
      { id: "pump", type: "centrifugalPump", outlet: "ox.bloodIn" },
      { id: "ox", type: "oxygenator", outlet: "rLine.inlet" },
      { id: "rLine", type: "tubing" },
    ]);
    expect(v && shape(v.steps)).toBe("patient dl dLine pump ox rLine dl patient");
    const keys = v ? nodes(v.steps).map((n) => n.key) : [];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("no oxygenator: nothing to draw", () => {
    expect(circuitView([{ id: "t", type: "tubing" }])).toBeNull();
  });
});

describe("circuit view: clamps, colours, air", () => {
  it("clamp symbol states", () => {
    expect(clampState(0)).toBe("open");
    expect(clampState(Number.NaN)).toBe("open");
    expect(clampState(0.4)).toBe("partial");
    expect(clampState(1)).toBe("closed");
  });

  it("blood is darker for lower saturation, grey when unknown", () => {
    const lum = (c: string) => Number.parseInt(c.slice(1, 3), 16);
    expect(bloodColour(1)).toBe("#e8283a");
    expect(bloodColour(0.4)).toBe("#4a0d1a");
    expect(bloodColour(0.1)).toBe("#4a0d1a");
    expect(lum(bloodColour(0.65))).toBeLessThan(lum(bloodColour(0.98)));
    expect(bloodColour(Number.NaN)).toBe("#6b6b6b");
  });

  it("side saturations: ECMO from pre/post SO₂; CPB arterial from post-oxygenator PO₂ (Severinghaus)", () => {
    const sig: Record<string, number> = {
      "ecmo.preSo2": 0.7,
      "ecmo.postSo2": 1,
      "circuit.venousSo2": 0.72,
      "circuit.oxygenator.postPo2": 250,
    };
    const read = (s: string) => sig[s] ?? Number.NaN;
    expect(sideSaturations(true, read)).toEqual({ venous: 0.7, arterial: 1 });
    const cpb = sideSaturations(false, read);
    expect(cpb.venous).toBe(0.72);
    expect(cpb.arterial).toBe(severinghausSo2(250));
    expect(cpb.arterial).toBeGreaterThan(0.99);
    expect(sideSaturations(false, () => Number.NaN).arterial).toBeNaN();
  });

  it("air shows when air-to-patient or bubble detections rise, for 10 s", () => {
    const w = new AirWatch();
    expect(w.update(0, 0, 0)).toBe(false);
    expect(w.update(1, 0, 0)).toBe(false);
    expect(w.update(2, 0, 1)).toBe(true);
    expect(w.update(11, 0, 1)).toBe(true);
    expect(w.update(12.5, 0, 1)).toBe(false);
    expect(w.update(13, 5, 1)).toBe(true);
    // A value present from the first reading (an old count) is a baseline, not a rise.
    expect(new AirWatch().update(0, 20, 3)).toBe(false);
  });
});
