/**
 * ECMO, first increment (docs/models/ecmo.md): a closed VV circuit (femoral drainage from the IVC, jugular return to
 * the SVC, Rotaflow, Quadrox-iD Adult) on an 80 kg ARDS patient (shunt fraction 0.5). Conservation, the membrane's
 * Fick balance, CO2 removal against sweep, recirculation (Messai formula, reference §9), oxygenation, drainage
 * insufficiency with hypovolaemia, and the error paths of closed circuits.
 */
import { describe, expect, it } from "vitest";
import { oxygenatorO2Transfer, recirculation } from "../../src/calc/ecmo.ts";
import { InputError } from "../../src/common/errors.ts";
import { problemsOf } from "../../src/common/test-helpers.ts";
import vvCircuit from "../../src/sim/circuit/fixtures/adult-vv-ecmo.json" with { type: "json" };
import { createSimulation, type PatientSpec, patientFromPreset } from "../../src/sim/index.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";
import { clone, cpbSim, meanOver, read, scenarioSim } from "./cpb-helpers.ts";

/** 80 kg adult with severe ARDS: half the pulmonary blood flow bypasses ventilated alveoli. */
const ARDS: PatientSpec = { ...patientFromPreset("adult-male"), shuntFraction: 0.5 };

function vvSim(circuit: unknown = vvCircuit, patient: PatientSpec = ARDS): PatientSimulation {
  return createSimulation({ patient, seed: 1, circuit }) as PatientSimulation;
}

/** Protective ventilation, heparin, 100 % O2 sweep at `sweep`, pump at `rpm`; then `settleS` seconds. */
function startEcmo(sim: PatientSimulation, rpm: number, sweep = 4.5, settleS = 240): void {
  const t = sim.timeS;
  sim.schedule({ t, type: "ventilator.set", mode: "controlled", fio2: 0.6, rateBpm: 24, tidalVolumeMl: 420 });
  sim.schedule({ t, type: "drug.bolus", drug: "heparin", amount: 8000 });
  sim.schedule({ t: t + 1, type: "gas.set", fio2: 1, sweepGasFlowLPerMin: sweep });
  sim.schedule({ t: t + 1, type: "arterialPump.setRpm", rpm });
  sim.advance(1 + settleS);
}

const totalVolume = (sim: PatientSimulation) => {
  const net = sim.model.net;
  let v = 0;
  for (let i = 0; i < net.nComp; i++) v += net.V[i]!;
  return v + net.external[1]! - net.external[0]!;
};

describe("closed ECMO circuit: build and signals", () => {
  it("a circuit without a reservoir and with a centrifugal pump is valid; its pump head is a rigid segment", () => {
    const sim = vvSim();
    const plan = sim.model.circuit!.plan;
    expect(plan.closed).toBe(true);
    expect(plan.reservoir).toBeNull();
    expect(plan.pump.kind).toBe("centrifugal");
    expect(plan.reservoirPrimeMl).toBe(32); // the pump head's prime
    // Drainage 3/8" × 1.5 m = 106.9 mL (71.26 mL/m, vector 67); return line the same.
    expect(plan.venousTubingMl).toBeCloseTo(1.5 * 71.26, 0);
    expect(sim.model.net.compNames[sim.model.circuit!.cRES]).toBe("pumpHead");
    for (const name of [
      "ecmo.flow",
      "ecmo.recirculationFraction",
      "patient.sao2RightRadial",
      "patient.sao2Femoral",
    ])
      expect(Number.isFinite(read(sim, name))).toBe(true);
  });

  it("refuses a closed circuit whose pump is a roller, or whose drainage does not reach the pump", () => {
    const roller = clone(vvCircuit) as { components: { id: string; type: string; params: unknown }[] };
    const pump = roller.components.find((c) => c.id === "ecmoPump")!;
    pump.type = "rollerPump";
    pump.params = { bootSize: "3/8" };
    const p1 = problemsOf(() => vvSim(roller));
    expect(p1.some((p) => p.allowed.includes("exactly one centrifugal pump"))).toBe(true);

    const open = clone(vvCircuit) as { components: { id: string; outlet?: string }[] };
    open.components.find((c) => c.id === "drainageLine")!.outlet = undefined;
    const p2 = problemsOf(() => vvSim(open));
    expect(p2.some((p) => p.field === "circuit.components[1].outlet")).toBe(true);
  });

  it("ECMO signals need a closed circuit: asking a CPB simulation for them is an InputError naming the signal", () => {
    const sim = cpbSim();
    expect(() => sim.signalIndex("ecmo.flow")).toThrow(InputError);
    try {
      sim.signalIndex("patient.sao2Femoral");
    } catch (e) {
      expect((e as InputError).problems[0]!.received).toBe("patient.sao2Femoral");
    }
    expect(sim.signals.some((s) => s.name.startsWith("ecmo."))).toBe(false);
  });
});

describe("VV ECMO on ARDS", () => {
  it("volume (patient + circuit + external) is conserved to 1e-9 relative through start, bleed, refill, stop", () => {
    const sim = vvSim();
    const v0 = totalVolume(sim);
    startEcmo(sim, 4500, 4.5, 60);
    const t = sim.timeS;
    sim.schedule({ t, type: "bleeding.set", rateMlPerMin: 600 });
    sim.schedule({ t: t + 120, type: "bleeding.set", rateMlPerMin: 0 });
    sim.schedule({ t: t + 130, type: "fluid.give", fluid: "crystalloid", volumeMl: 1200, overSeconds: 120 });
    sim.schedule({ t: t + 300, type: "arterialPump.stop" });
    sim.advance(360);
    expect(sim.model.net.external[1]!).toBeGreaterThan(1200); // the bleed (and urine) left
    expect(Math.abs(totalVolume(sim) - v0) / v0).toBeLessThan(1e-9);
  });

  it("arterial saturation of the ARDS patient rises when ECMO runs (≈ 0.85 → > 0.95 at ~4.5 L/min)", () => {
    const sim = vvSim();
    sim.schedule({
      t: 0,
      type: "ventilator.set",
      mode: "controlled",
      fio2: 0.6,
      rateBpm: 24,
      tidalVolumeMl: 420,
    });
    sim.advance(120);
    const before = meanOver(sim, "patient.sao2", 10);
    expect(before).toBeLessThan(0.9);
    startEcmo(sim, 4500);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4.0);
    const after = meanOver(sim, "patient.sao2", 10);
    expect(after).toBeGreaterThan(0.95);
    // VV: the right radial and the femoral arteries carry the same blood (no mixing zone).
    expect(Math.abs(read(sim, "patient.sao2RightRadial") - read(sim, "patient.sao2Femoral"))).toBeLessThan(
      0.01,
    );
  });

  it("membrane O2 transfer equals flow × 10 × (post − pre O2 content) within 2 % (Fick, reference §9)", () => {
    const sim = vvSim();
    startEcmo(sim, 4000, 4, 300);
    const fick = oxygenatorO2Transfer({
      flowLPerMin: read(sim, "ecmo.flow"),
      hbGPerDl: read(sim, "ecmo.hb"),
      preSo2: read(sim, "ecmo.preSo2"),
      prePo2MmHg: read(sim, "ecmo.prePo2"),
      postSo2: read(sim, "ecmo.postSo2"),
      postPo2MmHg: read(sim, "ecmo.postPo2"),
    }).value;
    const membrane = read(sim, "ecmo.o2Transfer");
    expect(membrane).toBeGreaterThan(150);
    expect(Math.abs(membrane - fick) / fick).toBeLessThan(0.02);
  });

  it("CO2 removal rises monotonically with sweep at fixed blood flow", () => {
    const sim = vvSim();
    startEcmo(sim, 4000, 1, 120);
    const removal: number[] = [];
    for (const sweep of [1, 2, 4, 6, 8]) {
      sim.schedule({ t: sim.timeS, type: "gas.set", sweepGasFlowLPerMin: sweep });
      sim.advance(30);
      removal.push(meanOver(sim, "ecmo.co2Removal", 5));
    }
    for (let i = 1; i < removal.length; i++) expect(removal[i]!).toBeGreaterThan(removal[i - 1]!);
    expect(removal[4]! / removal[0]!).toBeGreaterThan(1.5);
  });

  it("recirculation rises with ECMO flow relative to cardiac output and equals the Messai formula on the signals", () => {
    const sim = vvSim();
    startEcmo(sim, 2500, 4.5, 180);
    const r: number[] = [];
    const ratio: number[] = [];
    for (const rpm of [2500, 3500, 4500]) {
      sim.schedule({ t: sim.timeS, type: "arterialPump.setRpm", rpm });
      sim.advance(120);
      const sd = read(sim, "ecmo.preSo2");
      const sm = read(sim, "ecmo.postSo2");
      const sv = read(sim, "ecmo.trueMixedVenousSo2");
      const rf = read(sim, "ecmo.recirculationFraction");
      expect(rf).toBeCloseTo((sd - sv) / (sm - sv), 12);
      expect(rf).toBeCloseTo(recirculation({ sdo2: sd, svo2: sv, smo2: sm }).value, 9);
      r.push(rf);
      ratio.push(read(sim, "ecmo.flow") / read(sim, "patient.co"));
    }
    expect(ratio[1]!).toBeGreaterThan(ratio[0]!);
    expect(ratio[2]!).toBeGreaterThan(ratio[1]!);
    expect(r[1]!).toBeGreaterThan(r[0]!);
    expect(r[2]!).toBeGreaterThan(r[1]!);
    expect(r[0]!).toBeGreaterThan(0);
    expect(r[2]!).toBeLessThan(0.5);
  });

  it("drainage insufficiency: a bleed at fixed rpm drives the inlet pressure down and the flow with it; volume restores both", () => {
    const sim = vvSim();
    startEcmo(sim, 4500, 4.5, 120);
    const p0 = meanOver(sim, "ecmo.inletPressure", 5);
    const q0 = meanOver(sim, "ecmo.flow", 5);
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 1000 });
    sim.advance(150); // 2.5 L lost (≈ 45 % of the blood volume): the IVC empties below its unstressed volume
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 0 });
    sim.advance(5);
    const p1 = meanOver(sim, "ecmo.inletPressure", 5);
    const q1 = meanOver(sim, "ecmo.flow", 5);
    expect(p1).toBeLessThan(p0 - 50);
    expect(q1).toBeLessThan(q0 * 0.9);
    sim.schedule({ t: sim.timeS, type: "fluid.give", fluid: "albumin", volumeMl: 2500, overSeconds: 60 });
    sim.advance(180);
    const p2 = meanOver(sim, "ecmo.inletPressure", 5);
    expect(Math.abs(p2 - p0)).toBeLessThan(15);
    expect(meanOver(sim, "ecmo.flow", 5)).toBeGreaterThan(q0 * 0.95);
  });
});

describe("VA peripheral (femoral–femoral) on the same circuit: the mixing zone", () => {
  it("differential hypoxaemia: femoral saturation above the right radial; more flow moves the mixing zone up", () => {
    const va = clone(vvCircuit) as { components: { id: string; params: { vessel?: string } }[] };
    va.components.find((c) => c.id === "returnCannula")!.params.vessel = "lowerBodyArteries";
    const sim = vvSim(va);
    startEcmo(sim, 3000, 4, 120);
    const radial1 = read(sim, "patient.sao2RightRadial");
    const femoral1 = read(sim, "patient.sao2Femoral");
    // The heart still ejects blood from the shunting lungs into the arch; the circuit's blood fills the lower body.
    expect(radial1).toBeLessThan(0.9);
    expect(femoral1 - radial1).toBeGreaterThan(0.05);
    expect(read(sim, "patient.sao2")).toBeCloseTo(radial1, 2); // the patient's SaO2 is the ascending aorta's
    sim.schedule({ t: sim.timeS, type: "arterialPump.setRpm", rpm: 5000 });
    sim.advance(120);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4);
    expect(read(sim, "patient.sao2RightRadial")).toBeGreaterThan(radial1 + 0.02);
    expect(read(sim, "patient.co")).toBeLessThan(4); // the circuit takes over the venous return
  });
});

describe("closed circuit: actions and determinism", () => {
  it("refuses the actions that need a reservoir (VAVD, suckers, vent, cardioplegia) when scheduled, naming the type", () => {
    const sim = vvSim();
    for (const a of [
      { t: 1, type: "vavd.set", on: true },
      { t: 1, type: "suckers.set", rateMlPerMin: 200 },
      { t: 1, type: "vent.set", rateMlPerMin: 100 },
      { t: 1, type: "cardioplegia.deliver", volumeMl: 500 },
    ] as const) {
      const p = problemsOf(() => sim.schedule(a));
      expect(p[0]!.field).toBe("action.type");
      expect(p[0]!.received).toBe(JSON.stringify(a.type));
    }
    // The ECMO pump's own actions are accepted.
    sim.schedule({ t: 1, type: "arterialPump.setRpm", rpm: 3000 });
    expect(() => sim.schedule({ t: 1, type: "arterialPump.setRpm", rpm: 5001 })).toThrow(InputError); // Rotaflow max 5000
  });

  it("same seed and actions give identical ECMO signals", () => {
    const run = () => {
      const sim = vvSim();
      startEcmo(sim, 4000, 4, 30);
      return sim.signals.map((_, i) => sim.read(i));
    };
    expect(run()).toEqual(run());
  });
});

describe("shipped ECMO scenarios", () => {
  const run = (name: string, untilS: number) => {
    const sim = scenarioSim(name);
    sim.advance(untilS);
    return sim;
  };

  it("adult-vv-ecmo: ~4.5 L/min at 4500 rpm, ARDS patient saturated, recirculation 0.1–0.4", () => {
    const sim = run("adult-vv-ecmo", 600);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4.2);
    expect(read(sim, "ecmo.flow")).toBeLessThan(4.8);
    expect(read(sim, "patient.sao2")).toBeGreaterThan(0.95);
    const r = read(sim, "ecmo.recirculationFraction");
    expect(r).toBeGreaterThan(0.1);
    expect(r).toBeLessThan(0.4);
  });
});
