/** CPB: conservation over a full run, determinism, and every error path of circuits, actions and signals. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/errors.ts";
import { problemsOf } from "../../src/common/test-helpers.ts";
import { createSimulation, patientFromPreset } from "../../src/sim/index.ts";
import {
  ADULT,
  adultCircuit,
  clone,
  cpbSim,
  goOnBypass,
  ISSUE4_CIRCUIT_SIGNAL_UNITS,
  read,
} from "./cpb-helpers.ts";

describe("conservation over a CPB run", () => {
  it("patient + circuit volume (prime counts) is conserved to 1e-9 relative through initiation, cardioplegia, ultrafiltration-free run, transfusion", () => {
    const sim = cpbSim();
    const net = sim.model.net;
    const total = () => {
      let v = 0;
      for (let i = 0; i < net.nComp; i++) v += net.V[i]!;
      return v + net.external[1]! - net.external[0]!;
    };
    const v0 = total();
    goOnBypass(sim, 60);
    const t = sim.timeS;
    sim.schedule({ t, type: "aorticCrossClamp.set", on: true });
    sim.schedule({ t, type: "cardioplegia.deliver", volumeMl: 1000, solution: "delNido" });
    sim.schedule({ t, type: "suckers.set", rateMlPerMin: 300 });
    sim.schedule({ t, type: "vent.set", rateMlPerMin: 100 });
    sim.schedule({ t: t + 300, type: "aorticCrossClamp.set", on: false });
    sim.schedule({ t: t + 400, type: "clamp.set", clamp: "venousLine", occlusion: 1 });
    sim.schedule({ t: t + 400, type: "arterialPump.stop" });
    sim.schedule({ t: t + 410, type: "circuit.transfuse", volumeMl: 500 });
    sim.advance(600);
    // Crystalloid cardioplegia entered from outside (external in), urine left (external out).
    expect(net.external[0]!).toBeGreaterThan(700);
    expect(Math.abs(total() - v0) / v0).toBeLessThan(1e-9);
    // Haemoglobin mass is conserved by transport and carried by every blood connector.
    const chem = sim.model.chem;
    let hb = 0;
    for (let i = 0; i < chem.n; i++) hb += chem.mass[3 * chem.n + i]!;
    const ref = cpbSim();
    let hb0 = 0;
    for (let i = 0; i < ref.model.chem.n; i++) hb0 += ref.model.chem.mass[3 * ref.model.chem.n + i]!;
    expect(Math.abs(hb - hb0) / hb0).toBeLessThan(1e-9);
  });
  it("a 3 mL blood sample leaves through the sampling port (the fixture's port returns its dead space)", () => {
    const sim = cpbSim();
    goOnBypass(sim, 10);
    const out0 = sim.model.net.external[1]!;
    sim.schedule({ t: sim.timeS, type: "circuit.sample", volumeMl: 3 });
    sim.advance(2);
    expect(read(sim, "circuit.sampledVolume")).toBeCloseTo(3, 9);
    // External outflow: the sample plus 2 s of urine (≈ 1 mL/kg/h → ~0.04 mL).
    expect(sim.model.net.external[1]! - out0).toBeGreaterThan(3);
    expect(sim.model.net.external[1]! - out0).toBeLessThan(3.2);
  });
  it("the same seed and actions give bit-identical circuit signals", () => {
    const run = () => {
      const s = cpbSim();
      goOnBypass(s, 30);
      return s.signals.map((_, i) => s.read(i));
    };
    expect(run()).toEqual(run());
  });
});

describe("an invalid circuit is refused with every problem listed", () => {
  it("unconnected component, cannula in a vessel that does not exist, oxygenator too small for the planned flow", () => {
    const c = clone(adultCircuit);
    c.plannedFlowLPerMin = 8;
    c.components.push({
      id: "spareLine",
      type: "tubing",
      params: { internalDiameterIn: "3/8", lengthM: 1 },
    } as never);
    (c.components.find((x) => x.id === "aorticCannula")!.params as { vessel: string }).vessel = "aorta";
    const fields = problemsOf(() => createSimulation({ patient: ADULT, circuit: c })).map((p) => p.field);
    expect(fields).toContain("circuit.components[6].params.maxFlowLPerMin");
    expect(fields).toContain("circuit.components[9].params.vessel");
    expect(fields).toContain(`circuit.components[${c.components.length - 1}]`);
  });
  it("a circuit whose reservoir does not lead to a pump, or without a venous cannula, is refused", () => {
    const c = clone(adultCircuit);
    c.components = c.components.filter((x) => x.id !== "venousCannula");
    c.components.find((x) => x.id === "venousLine")!.inlet = undefined as never;
    expect(() => createSimulation({ patient: ADULT, circuit: c })).toThrow(InputError);
  });
  it("not an object at all", () => {
    const p = problemsOf(() => createSimulation({ patient: ADULT, circuit: 42 }));
    expect(p[0]!.field).toBe("circuit");
  });
});

describe("actions and signals", () => {
  it("circuit actions on a patient without a circuit are refused clearly", () => {
    const sim = createSimulation({ patient: patientFromPreset("adult-male") });
    const p = problemsOf(() => sim.schedule({ t: 0, type: "arterialPump.setFlow", flowLPerMin: 4 }));
    expect(p[0]!.field).toBe("action.type");
    expect(p[0]!.allowed).toMatch(/no extracorporeal circuit/);
    expect(() => sim.signalIndex("circuit.arterialPump.flow")).toThrow(/no circuit/);
    // The patient-only run keeps its signal list.
    expect(sim.signals.some((s) => s.name.startsWith("circuit."))).toBe(false);
  });
  it("with a circuit, the 16 issue signals exist with their units", () => {
    const sim = cpbSim();
    const units = ISSUE4_CIRCUIT_SIGNAL_UNITS;
    for (const [name, unit] of Object.entries(units))
      expect(sim.signals[sim.signalIndex(name)]!.unit).toBe(unit);
    expect(read(sim, "circuit.venousReservoir.level")).toBeCloseTo(650, 6);
  });
  it("unknown action types and fields, and out-of-range values, name the field", () => {
    const sim = cpbSim();
    expect(problemsOf(() => sim.schedule({ t: 0, type: "arterialPump.warp" }))[0]!.field).toBe("action.type");
    expect(
      problemsOf(() => sim.schedule({ t: 0, type: "clamp.set", clamp: "aorta", occlusion: 1 }))[0]!.field,
    ).toBe("action.clamp");
    expect(
      problemsOf(() => sim.schedule({ t: 0, type: "gas.set", fio2: 0.5, sweepLPerMin: 3 })).map(
        (p) => p.field,
      ),
    ).toContain("action.sweepLPerMin");
    expect(
      problemsOf(() => sim.schedule({ t: 0, type: "fault.inject", fault: "meteorite", severity: 2 })).map(
        (p) => p.field,
      ),
    ).toEqual(expect.arrayContaining(["action.fault", "action.severity"]));
    // 1/2" boot: 45 mL/rev × 250 rpm = 11.25 L/min at most.
    expect(problemsOf(() => sim.schedule({ t: 0, type: "arterialPump.setRpm", rpm: 400 }))[0]!.field).toBe(
      "action.rpm",
    );
    // The adult fixture has no haemoconcentrator.
    expect(
      problemsOf(() => sim.schedule({ t: 0, type: "haemoconcentrator.set", rateMlPerMin: 50 }))[0]!.allowed,
    ).toMatch(/no haemoconcentrator/);
  });
});
