/**
 * ECMO configurations and physics (issue 5, docs/models/ecmo.md): the ELSO-named configurations in the circuit
 * schema (VA central, VV dual-lumen, VAV, distal perfusion cannula) and their InputErrors; VV recirculation against
 * ECMO flow and cannula tip distance (equal to the Messai formula on the model's own signals, reference §9);
 * drainage chatter below the inlet pressure limit and its resolution with volume.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/errors.ts";
import { problemsOf } from "../../src/common/test-helpers.ts";
import {
  DRAINAGE_STATE_SLOTS,
  drainageOpenFraction,
  MAX_SEALED_S,
  MIN_OPEN_S,
  SEALED_OPEN_FRACTION,
} from "../../src/sim/cpb/ecmo-drainage.ts";
import { streamingFraction } from "../../src/sim/cpb/ecmo-recirculation.ts";
import { createSimulation, type PatientSpec } from "../../src/sim/index.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";
import { ARDS, ventilatedOnEcmo } from "../../src/validation/ecmo.ts";
import { adultCircuit, clone, meanOver, read } from "./cpb-helpers.ts";
import * as C from "./ecmo-circuits.ts";

function ecmoSim(circuit: unknown, patient: PatientSpec = ARDS): PatientSimulation {
  return createSimulation({ patient, seed: 1, circuit }) as PatientSimulation;
}

/** Protective ventilation, heparin, sweep 100 % O2 4.5 L/min, pump at `rpm`, then `settleS`. */
function run(circuit: unknown, rpm: number, settleS = 180, patient: PatientSpec = ARDS): PatientSimulation {
  const sim = ventilatedOnEcmo(circuit, patient);
  sim.schedule({ t: 1, type: "gas.set", fio2: 1, sweepGasFlowLPerMin: 4.5 });
  sim.schedule({ t: 1, type: "arterialPump.setRpm", rpm });
  sim.advance(1 + settleS);
  return sim;
}

const totalVolume = (sim: PatientSimulation) => {
  const net = sim.model.net;
  let v = 0;
  for (let i = 0; i < net.nComp; i++) v += net.V[i]!;
  return v + net.external[1]! - net.external[0]!;
};

/** Messai recirculation formula on the signals (reference §9). */
const messai = (sim: PatientSimulation) =>
  (read(sim, "ecmo.preSo2") - read(sim, "ecmo.trueMixedVenousSo2")) /
  (read(sim, "ecmo.postSo2") - read(sim, "ecmo.trueMixedVenousSo2"));

describe("ECMO configurations in the circuit schema", () => {
  it("VA central (right atrium → ascending aorta): no mixing zone, right radial and femoral alike", () => {
    const sim = run(C.vaCentral(), 3800);
    const plan = sim.model.circuit!.plan;
    expect(plan.configuration).toBe("VA-central");
    expect(sim.model.net.compNames[plan.arterialCannula.vessel]).toBe("ascendingAorta");
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(2.5);
    // The return enters the ascending aorta: both arterial beds get the same blood (measured 0.990 / 0.989).
    expect(Math.abs(read(sim, "patient.sao2RightRadial") - read(sim, "patient.sao2Femoral"))).toBeLessThan(
      0.01,
    );
    expect(read(sim, "patient.sao2RightRadial")).toBeGreaterThan(0.97);
  });

  it("VV dual-lumen bicaval cannula: SVC + IVC drainage ports, RA return with the jet toward the tricuspid", () => {
    const dl = run(C.vvDualLumen(), 4000);
    const plan = dl.model.circuit!.plan;
    expect(plan.venousCannulae.map((c) => dl.model.net.compNames[c.vessel])).toEqual(["svc", "ivc"]);
    expect(dl.model.net.compNames[plan.arterialCannula.vessel]).toBe("rightAtrium");
    expect(plan.extraReturns.map((r) => [r.role, dl.model.net.compNames[r.vessel]])).toEqual([
      ["jet", "rightVentricle"],
    ]);
    const qDl = read(dl, "ecmo.flow");
    const rDl = meanOver(dl, "ecmo.recirculationFraction", 10);
    expect(read(dl, "ecmo.recirculationFraction")).toBeCloseTo(messai(dl), 12);
    // Two cannulae (femoral IVC drainage → jugular SVC return) at a LOWER flow recirculate more (measured
    // 0.115 at 2.74 L/min against 0.086 at 3.04 L/min for the dual-lumen cannula).
    const fj = run(C.vvFemoroJugular(), 3000);
    expect(read(fj, "ecmo.flow")).toBeLessThan(qDl);
    expect(rDl).toBeLessThan(meanOver(fj, "ecmo.recirculationFraction", 10) - 0.015);
    expect(rDl).toBeLessThan(0.1); // "low when well positioned" (Abrams et al. 2015; docs/models/ecmo.md)
    // A port turned away from the valve (no jet through the tricuspid) recirculates more.
    const turned = C.vvDualLumen();
    (turned.components[0]!.params as Record<string, unknown>).jetToTricuspidFraction = 0;
    const bad = run(turned, 4000);
    expect(meanOver(bad, "ecmo.recirculationFraction", 10)).toBeGreaterThan(rDl + 0.02);
  });

  it("VAV: a Y splits the return between the femoral artery and the jugular vein; the limb clamp sets the split", () => {
    const sim = run(C.vav(0.4), 4800, 180, { ...ARDS, contractilityFactor: 0.6 });
    const plan = sim.model.circuit!.plan;
    expect(plan.configuration).toBe("VAV");
    expect(plan.extraReturns).toHaveLength(1);
    expect(sim.model.net.compNames[plan.extraReturns[0]!.vessel]).toBe("svc");
    const total = read(sim, "ecmo.flow");
    const limb = read(sim, "ecmo.returnLimbFlow");
    expect(limb).toBeGreaterThan(0.2 * total);
    expect(limb).toBeLessThan(0.8 * total);
    // Clamping the limb fully makes it VA again.
    sim.schedule({ t: sim.timeS, type: "clamp.set", clamp: "returnLimb", occlusion: 1 });
    sim.advance(30);
    expect(Math.abs(read(sim, "ecmo.returnLimbFlow"))).toBeLessThan(0.01);
  });

  it("distal perfusion cannula (8 Fr from the return line to the leg): a few hundred mL/min, stopped by its clamp", () => {
    const sim = run(C.vaFemoralDistalPerfusion(), 3800, 180, { ...ARDS, contractilityFactor: 0.4 });
    const dpc = meanOver(sim, "ecmo.distalPerfusionFlow", 5);
    // Typical distal perfusion flows are a few hundred mL/min (docs/models/ecmo.md); measured ≈ 400.
    expect(dpc).toBeGreaterThan(150);
    expect(dpc).toBeLessThan(700);
    sim.schedule({ t: sim.timeS, type: "clamp.set", clamp: "distalPerfusionLine", occlusion: 1 });
    sim.advance(10);
    expect(Math.abs(read(sim, "ecmo.distalPerfusionFlow"))).toBeLessThan(1);
    // A clamp action for a limb the circuit does not have is refused when scheduled.
    const p = problemsOf(() =>
      sim.schedule({ t: sim.timeS, type: "clamp.set", clamp: "returnLimb", occlusion: 1 }),
    );
    expect(p[0]!.field).toBe("action.clamp");
  });

  it("volume is conserved exactly with a Y, a distal perfusion limb and a tip-distance stream", () => {
    for (const c of [C.vav(0.3), C.vaFemoralDistalPerfusion(), C.vvFemoroJugular(3)]) {
      const sim = ecmoSim(c);
      const v0 = totalVolume(sim);
      sim.schedule({ t: 1, type: "arterialPump.setRpm", rpm: 4000 });
      sim.schedule({ t: 30, type: "bleeding.set", rateMlPerMin: 300 });
      sim.advance(60);
      expect(Math.abs(totalVolume(sim) - v0) / v0).toBeLessThan(1e-9);
    }
  });

  it("an invalid configuration is an InputError naming the field", () => {
    const field = (c: unknown) => problemsOf(() => ecmoSim(c)).map((p) => p.field);
    // VA central with the return in the femoral artery: names the return cannula's vessel.
    const central = C.vaCentral();
    central.components.find((x) => x.id === "returnCannula")!.params!.vessel = "lowerBodyArteries";
    expect(field(central)).toContain("circuit.components[6].params.vessel");
    // VV femoro-jugular with the drainage in the right atrium.
    const fj = C.vvFemoroJugular(10);
    fj.components[0]!.params!.vessel = "rightAtrium";
    expect(field(fj)).toContain("circuit.components[0].params.vessel");
    // A tip distance on a VA configuration.
    const va = C.vaFemoral();
    va.configuration!.tipDistanceCm = 8;
    expect(field(va)).toEqual(["circuit.configuration.tipDistanceCm"]);
    // An unknown configuration name.
    expect(field({ ...C.vaFemoral(), configuration: { name: "VA-axillary" } })).toEqual([
      "circuit.configuration.name",
    ]);
    // VAV without a venous return limb.
    expect(field({ ...C.vaFemoral(), configuration: { name: "VAV" } })).toEqual([
      "circuit.configuration.name",
    ]);
    // A distal perfusion cannula on a VV circuit, and one sent to the arch.
    const dpcVv = C.vaFemoralDistalPerfusion();
    dpcVv.configuration = { name: "VA-central" };
    expect(field(dpcVv)).toContain(
      `circuit.components[${dpcVv.components.findIndex((x) => x.id === "distalCannula")}].role`,
    );
    const dpcArch = C.vaFemoralDistalPerfusion();
    const d = dpcArch.components.findIndex((x) => x.id === "distalCannula");
    dpcArch.components[d]!.params!.vessel = "upperBodyArteries";
    expect(field(dpcArch)).toEqual([`circuit.components[${d}].params.vessel`]);
    // A "drainage" role on the return cannula; an unknown role.
    const role = C.vvFemoroJugular();
    role.components.find((x) => x.id === "returnCannula")!.role = "drainage";
    expect(field(role)).toEqual(["circuit.components[6].role"]);
    role.components.find((x) => x.id === "returnCannula")!.role = "arterial";
    expect(field(role)).toEqual(["circuit.components[6].role"]);
    // Dual lumen: a drainage vessel that is not a compartment; the configuration without the device.
    const dl = C.vvDualLumen();
    dl.components[0]!.params!.drainageVessels = ["svc", "femoralVein"];
    expect(field(dl)).toEqual(["circuit.components[0].params.drainageVessels[1]"]);
    expect(field({ ...C.vvFemoroJugular(), configuration: { name: "VV-dual-lumen" } })).toContain(
      "circuit.configuration.name",
    );
    // A configuration on an open CPB circuit.
    const cpb = clone(adultCircuit) as Record<string, unknown>;
    cpb.configuration = { name: "VA-central" };
    expect(field(cpb)).toEqual(["circuit.configuration"]);
    // Out of range numbers are named by the schema.
    expect(field(C.vvFemoroJugular(-1))).toEqual(["circuit.configuration.tipDistanceCm"]);
    expect(() => ecmoSim(C.vvFemoroJugular(-1))).toThrow(InputError);
  });
});

describe("VV recirculation: ECMO flow, cardiac output and tip distance", () => {
  it("the jet's streaming fraction: exp(−d/λ), λ = 10.5 jet diameters / 3 (Lemétayer et al. 2021: 9–12 diameters)", () => {
    // 19 Fr = 6.33 mm: λ = 10.5 × 0.633 / 3 = 2.217 cm [C].
    expect(streamingFraction(0, 19)).toBe(1);
    expect(streamingFraction(2, 19)).toBeCloseTo(Math.exp(-2 / 2.2167), 4); // 0.4057
    expect(streamingFraction(10, 19)).toBeCloseTo(0.01098, 4);
    // 95 % mixed at 10.5 diameters (6.65 cm for 19 Fr).
    expect(streamingFraction(10.5 * 0.6333, 19)).toBeCloseTo(Math.exp(-3), 4);
  });

  it("recirculation rises as the tips get closer and as ECMO flow / CO rises; it equals the Messai formula on its signals", () => {
    const r: Record<string, number> = {};
    for (const d of [20, 5, 2]) {
      for (const rpm of [3000, 4500]) {
        const sim = run(C.vvFemoroJugular(d), rpm);
        const rf = read(sim, "ecmo.recirculationFraction");
        expect(rf).toBeCloseTo(messai(sim), 12);
        r[`${d}/${rpm}`] = meanOver(sim, "ecmo.recirculationFraction", 10);
        r[`${d}/${rpm}/ratio`] = read(sim, "ecmo.flow") / read(sim, "patient.co");
      }
    }
    // Measured (seed 1): 20 cm 0.115 / 0.244, 5 cm 0.147 / 0.279, 2 cm 0.236 / 0.383 at 3000 / 4500 rpm.
    for (const rpm of [3000, 4500]) {
      expect(r[`5/${rpm}`]!).toBeGreaterThan(r[`20/${rpm}`]! + 0.02);
      expect(r[`2/${rpm}`]!).toBeGreaterThan(r[`5/${rpm}`]! + 0.05);
    }
    for (const d of [20, 5, 2]) {
      expect(r[`${d}/4500/ratio`]!).toBeGreaterThan(r[`${d}/3000/ratio`]! + 0.2);
      expect(r[`${d}/4500`]!).toBeGreaterThan(r[`${d}/3000`]! + 0.08);
    }
    // Far apart the stream is negligible: the lumped network's own recirculation (≈ 0.24 at 4.5 L/min), inside
    // the 19 ± 12 % (multistage) to 38 ± 14 % (mesh) measured by ultrasound dilution in atrio-femoral VV ECMO
    // (Palmér et al., ASAIO J 2016;62:737).
    expect(r["20/4500"]!).toBeGreaterThan(0.07);
    expect(r["20/4500"]!).toBeLessThan(0.52);
  });

  it("recirculation rises when the cardiac output falls at a fixed ECMO flow", () => {
    const sim = run(C.vvFemoroJugular(10), 4000);
    const r0 = meanOver(sim, "ecmo.recirculationFraction", 10);
    const co0 = read(sim, "patient.co");
    sim.schedule({ t: sim.timeS, type: "patient.set", contractilityFactor: 0.4 });
    sim.advance(120);
    expect(read(sim, "patient.co")).toBeLessThan(co0 - 0.5);
    expect(meanOver(sim, "ecmo.recirculationFraction", 10)).toBeGreaterThan(r0 + 0.03);
  });
});

describe("drainage chatter (inlet pressure below the limit with a collapsing vein)", () => {
  /** Flow statistics over `seconds` sampled every 20 ms. */
  const flowStats = (sim: PatientSimulation, seconds: number) => {
    const q: number[] = [];
    let sealed = 0;
    for (let i = 0; i < seconds / 0.02; i++) {
      sim.advance(0.02);
      q.push(read(sim, "ecmo.flow"));
      sealed += read(sim, "ecmo.drainageSealed");
    }
    const mean = q.reduce((a, b) => a + b, 0) / q.length;
    const sd = Math.sqrt(q.reduce((a, b) => a + (b - mean) ** 2, 0) / q.length);
    return { mean, sd, sealed: sealed / q.length };
  };

  it("the seal: only with a vein below U and the inlet below the limit; lets go on refill or after MAX_SEALED_S", () => {
    const st = new Float64Array(DRAINAGE_STATE_SLOTS);
    const dt = 0.02;
    st[1] = MIN_OPEN_S; // open long enough to seal
    // Full vein: never seals, whatever the suction; open fraction 1.
    expect(drainageOpenFraction(st, 0, 110, 100, -300, -100, dt)).toBe(1);
    // Vein at 0.8 U but inlet above the limit: the smooth collapse (V/U)² = 0.64.
    expect(drainageOpenFraction(st, 0, 80, 100, -90, -100, dt)).toBeCloseTo(0.64, 12);
    // Below the limit: sealed.
    expect(drainageOpenFraction(st, 0, 80, 100, -101, -100, dt)).toBe(SEALED_OPEN_FRACTION);
    expect(st[0]).toBe(1);
    // Refilled to 0.95 U: lets go (0.95² open) and cannot seal again for MIN_OPEN_S.
    expect(drainageOpenFraction(st, 0, 95, 100, -300, -100, dt)).toBeCloseTo(0.9025, 12);
    expect(drainageOpenFraction(st, 0, 80, 100, -300, -100, dt)).toBeCloseTo(0.64, 12);
    for (let t = 0; t < MIN_OPEN_S; t += dt) drainageOpenFraction(st, 0, 80, 100, -300, -100, dt);
    expect(st[0]).toBe(1);
    // Never refilled: lets go after MAX_SEALED_S.
    let steps = 0;
    while (st[0] === 1 && steps < 1000) {
      drainageOpenFraction(st, 0, 50, 100, -300, -100, dt);
      steps++;
    }
    expect(steps * dt).toBeCloseTo(MAX_SEALED_S, 1);
  });

  it("a bleed makes the flow oscillate (its SD rises from ~0 to > 0.3 L/min); volume resolves it", () => {
    const sim = run(C.vvFemoroJugular(), 4500, 120);
    const base = flowStats(sim, 10);
    // −129 mmHg inlet at baseline (below −100) but the IVC is full (V > U): nothing seals.
    expect(read(sim, "ecmo.inletPressure")).toBeLessThan(-100);
    expect(base.sd).toBeLessThan(0.02);
    expect(base.sealed).toBe(0);
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 1000 });
    sim.advance(150);
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 0 });
    const bled = flowStats(sim, 10);
    expect(bled.sd).toBeGreaterThan(0.3); // measured ≈ 0.9 L/min
    expect(bled.sealed).toBeGreaterThan(0.2);
    expect(bled.mean).toBeLessThan(base.mean * 0.9);
    sim.schedule({ t: sim.timeS, type: "fluid.give", fluid: "albumin", volumeMl: 2000, overSeconds: 60 });
    sim.advance(120);
    const refilled = flowStats(sim, 10);
    expect(refilled.sd).toBeLessThan(0.02);
    expect(refilled.sealed).toBe(0);
    expect(refilled.mean).toBeGreaterThan(base.mean * 0.97);
  });

  it("the limit is a circuit setting: at −400 mmHg the same bleed gives a smooth collapse, no chatter", () => {
    const c = C.vvFemoroJugular();
    c.configuration!.inletPressureLimitMmHg = -400;
    const sim = run(c, 4500, 120);
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 1000 });
    sim.advance(150);
    const s = flowStats(sim, 10);
    expect(s.sealed).toBe(0);
    expect(s.sd).toBeLessThan(0.1);
  });
});
