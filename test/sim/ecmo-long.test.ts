/**
 * ECMO long runs (docs/models/ecmo.md, "Long runs"): oxygenator wear on the running circuit (accelerated with the
 * `oxygenatorWear` fault), ACT/heparin under a continuous infusion against the analytic infusion–elimination balance
 * and its drift when the clot consumes heparin, the haemolysis indicator, the circuit change (exact volume
 * bookkeeping, dilution by the new prime, flow interruption, validation) and the weaning trials (VV sweep-off, VA
 * flow reduction) on the shipped scenarios. Multi-day behaviour of the pure models: src/sim/circuit/*-wear/haemolysis
 * tests.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/errors.ts";
import { problemsOf } from "../../src/common/test-helpers.ts";
import vvCircuit from "../../src/sim/circuit/fixtures/adult-vv-ecmo.json" with { type: "json" };
import { freeHbGenerationMgPerDlPerH, HAEM_GEN } from "../../src/sim/circuit/haemolysis.ts";
import { WEAR_BURDEN, WEAR_HEPARIN_CL_MAX_ML_PER_MIN } from "../../src/sim/circuit/oxygenator-wear.ts";
import {
  actSeconds,
  DRUG_HEPARIN,
  heparinEliminationRate,
  heparinSteadyStateUPerMl,
} from "../../src/sim/drugs/index.ts";
import { createSimulation, type PatientSpec, patientFromPreset } from "../../src/sim/index.ts";
import { SP_DRUG0, SP_HB } from "../../src/sim/patient/chemistry.ts";
import { N_COMP } from "../../src/sim/patient/layout.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";
import { cpbSim, meanOver, read, scenarioSim } from "./cpb-helpers.ts";

const ARDS: PatientSpec = { ...patientFromPreset("adult-male"), shuntFraction: 0.5 };
const vvSim = (): PatientSimulation =>
  createSimulation({ patient: ARDS, seed: 1, circuit: vvCircuit }) as PatientSimulation;

/** Protective ventilation, 100 % O2 sweep, pump at rpm; optional heparin bolus; then settleS. */
function startEcmo(sim: PatientSimulation, rpm: number, bolusU: number, settleS: number): void {
  const t = sim.timeS;
  sim.schedule({ t, type: "ventilator.set", mode: "controlled", fio2: 0.6, rateBpm: 24, tidalVolumeMl: 420 });
  if (bolusU > 0) sim.schedule({ t, type: "drug.bolus", drug: "heparin", amount: bolusU });
  sim.schedule({ t: t + 1, type: "gas.set", fio2: 1, sweepGasFlowLPerMin: 4.5 });
  sim.schedule({ t: t + 1, type: "arterialPump.setRpm", rpm });
  sim.advance(1 + settleS);
}

const totalVolume = (sim: PatientSimulation) => {
  const net = sim.model.net;
  let v = 0;
  for (let i = 0; i < net.nComp; i++) v += net.V[i]!;
  return v + net.external[1]! - net.external[0]!;
};

/**
 * Heparin (U) in the whole network, its plasma volume and the patient's share of it (mL, each compartment at its own
 * haematocrit): the patient's compartments clear heparin, the circuit's do not (docs/models/drugs.md).
 */
function heparinAndPlasma(sim: PatientSimulation): {
  amountU: number;
  plasmaMl: number;
  patientPlasmaMl: number;
} {
  const chem = sim.model.chem;
  const n = chem.n;
  let a = 0;
  let p = 0;
  let pp = 0;
  for (let i = 0; i < n; i++) {
    a += chem.mass[(SP_DRUG0 + DRUG_HEPARIN) * n + i]!;
    const v = chem.vTrack[i]!;
    const hct = v > 0 ? ((chem.mass[SP_HB * n + i]! / v) * 100) / 33.3 : 0;
    p += v * (1 - hct);
    if (i < N_COMP) pp += v * (1 - hct);
  }
  return { amountU: a, plasmaMl: p, patientPlasmaMl: pp };
}

/** Heparin eliminated now (U/s): Σ over the patient's compartments of V_plasma,i · E(C_i). */
function eliminatedNow(sim: PatientSimulation): number {
  const chem = sim.model.chem;
  const n = chem.n;
  let e = 0;
  for (let i = 0; i < N_COMP; i++) {
    const v = chem.vTrack[i]!;
    const vp = v * (1 - ((chem.mass[SP_HB * n + i]! / v) * 100) / 33.3);
    e += vp * heparinEliminationRate(chem.mass[(SP_DRUG0 + DRUG_HEPARIN) * n + i]! / vp);
  }
  return e;
}

/**
 * Total heparin predicted by the well-mixed model (1 s Euler steps): dA/dt = R − V_patient·E(A/V) − CL_clot·A/V, with
 * E the saturable plus linear elimination rate (heparinEliminationRate, docs/models/drugs.md) and CL_clot (mL/s) the
 * clot's consumption in the circuit.
 */
function predictHeparin(
  a0: number,
  rPerS: number,
  vMl: number,
  vPatientMl: number,
  tS: number,
  clClotMlPerS = 0,
) {
  let a = a0;
  for (let t = 0; t < tS; t++) {
    const c = a / vMl;
    a += rPerS - vPatientMl * heparinEliminationRate(c) - clClotMlPerS * c;
  }
  return a;
}

describe("oxygenator wear on the running circuit", () => {
  it("accelerated wear (fault oxygenatorWear ×1000): clot burden grows, ΔP rises, post-oxygenator PO2 falls below 200 mmHg", () => {
    const sim = vvSim();
    startEcmo(sim, 4500, 8000, 120);
    sim.schedule({ t: sim.timeS, type: "drug.infusion", drug: "heparin", ratePerMin: 20 });
    // Wear follows the plasma heparin (anti-Xa): right after the 8000 U bolus (≈ 2 U/mL) the membrane barely clots, so
    // the fault is injected once the infusion holds the level near its steady state (≈ 0.26 U/mL after 8 h).
    sim.fastForward = true;
    sim.advance(8 * 3600);
    sim.fastForward = false;
    expect(read(sim, "patient.heparin")).toBeGreaterThan(0.2);
    expect(read(sim, "patient.heparin")).toBeLessThan(0.35);
    const dp0 = meanOver(sim, "ecmo.deltaP", 5);
    const po20 = read(sim, "ecmo.postPo2");
    // 8 h of ordinary wear at ≈ 0.26 U/mL: B ≈ 0.001 (10 days to 0.5 at 0.3 U/mL, autocatalytic from a 0.02 seed).
    expect(read(sim, "ecmo.clotBurden")).toBeLessThan(3e-3);
    expect(po20).toBeGreaterThan(450);
    sim.schedule({ t: sim.timeS, type: "fault.inject", fault: "oxygenatorWear", severity: 1 });
    const b: number[] = [];
    let crossedAt = -1;
    for (let k = 0; k < 60; k++) {
      sim.advance(60); // each minute ≈ 0.7 days of wear
      b.push(read(sim, "ecmo.clotBurden"));
      if (crossedAt < 0 && read(sim, "ecmo.postPo2") < 200) crossedAt = b[b.length - 1]!;
    }
    for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThanOrEqual(b[i - 1]!);
    // PO2 < 200 mmHg at FiO2 1.0 (exchange criterion): the membrane alone (unit test, inlet SO2 0.75) crosses at
    // B ≈ 0.32; on VV with recirculation the drained blood is already ≈ 0.8 saturated, so later.
    expect(crossedAt).toBeGreaterThan(0.32);
    expect(crossedAt).toBeLessThan(0.6);
    expect(read(sim, "ecmo.deltaP")).toBeGreaterThan(1.4 * dp0);
    expect(read(sim, "ecmo.o2Transfer")).toBeLessThan(150);
  });
});

describe("heparin infusion: ACT settles at the infusion–elimination balance and drifts as the clot consumes heparin", () => {
  it("total heparin follows the saturable-elimination model within 1 %, settles at its closed-form steady state; ACT at that concentration", () => {
    const sim = vvSim();
    sim.fastForward = true; // hours of slow kinetics
    startEcmo(sim, 4000, 0, 60);
    const rPerMin = 20; // U/min = 1200 U/h = 15 U/kg/h (adult ECMO mean 15.3 U/kg/h, Am J Ther 2022;29:e385)
    sim.schedule({ t: sim.timeS, type: "drug.infusion", drug: "heparin", ratePerMin: rPerMin });
    const start = heparinAndPlasma(sim); // the 5000 U of the prime, partly eliminated
    const t0 = sim.timeS;
    sim.advance(3600);
    const h1 = heparinAndPlasma(sim);
    const expected1 = predictHeparin(
      start.amountU,
      rPerMin / 60,
      h1.plasmaMl,
      h1.patientPlasmaMl,
      sim.timeS - t0,
    );
    // Clearance slows only below 37 °C (docs/models/drugs.md): the patient stays at or above it.
    expect(read(sim, "patient.tempCore")).toBeGreaterThanOrEqual(36.995);
    expect(Math.abs(h1.amountU - expected1) / expected1).toBeLessThan(0.01);
    // Near steady state (5 h), compartment by compartment: over the last 10 min the amount changes by the infusion
    // minus Σ V_i·E(C_i) over the patient's compartments (Simpson over three samples), within 1 % of the infused.
    sim.advance(4 * 3600 - 600);
    const aStart = heparinAndPlasma(sim).amountU;
    const e0 = eliminatedNow(sim);
    sim.advance(300);
    const e1 = eliminatedNow(sim);
    sim.advance(300);
    const e2 = eliminatedNow(sim);
    const { amountU, plasmaMl, patientPlasmaMl } = heparinAndPlasma(sim);
    const infused = (rPerMin / 60) * 600;
    const eliminated = ((e0 + 4 * e1 + e2) / 6) * 600;
    expect(Math.abs(amountU - aStart - (infused - eliminated)) / infused).toBeLessThan(0.01);
    // Well mixed, R = V_patient·E(C) → C = heparinSteadyStateUPerMl(R/V_patient) (closed form). The mean is ≈ 3 %
    // above it: still settling (urine concentrates the plasma: the amount still falls slowly), and the levels are
    // uneven (the infused SVC blood is richer; E is concave in C, so uneven levels clear less than their mean).
    const css = heparinSteadyStateUPerMl(rPerMin / 60 / patientPlasmaMl);
    expect(amountU / plasmaMl).toBeGreaterThan(css);
    expect(Math.abs(amountU / plasmaMl - css) / css).toBeLessThan(0.04);
    // 0.24 U/mL at 15 U/kg/h: inside the interquartile range of adult ECMO (anti-Xa 0.28 [0.21–0.41] U/mL at
    // 800 [600–1000] U/h, Nguyen et al., Crit Care Res Pract 2021:5579936).
    expect(amountU / plasmaMl).toBeGreaterThan(0.21);
    expect(amountU / plasmaMl).toBeLessThan(0.41);
    // Arterial plasma concentration equals amount / plasma volume (heparin distributes in plasma) within 3 %.
    const c = read(sim, "patient.heparin");
    expect(Math.abs(c - amountU / plasmaMl) / c).toBeLessThan(0.03);
    // ACT from the balance: (120 + 41·C)·dilution factor (docs/models/drugs.md).
    expect(read(sim, "patient.act")).toBeCloseTo(actSeconds(c, 120, 37, read(sim, "patient.hct")), 0);
  });

  it("with half the circuit clotted (B = 0.5), the same infusion settles lower: extra clearance CL·B in the circuit, CL = 10 mL/min", () => {
    const run = (burden: number) => {
      const sim = vvSim();
      startEcmo(sim, 4000, 0, 60);
      sim.schedule({ t: sim.timeS, type: "drug.infusion", drug: "heparin", ratePerMin: 20 });
      sim.advance(60);
      const c = sim.model.circuit!;
      c.wear[WEAR_BURDEN] = burden; // white-box: a circuit days into its run
      const a0 = heparinAndPlasma(sim).amountU;
      const t0 = sim.timeS;
      sim.advance(1.5 * 3600);
      const bMean = (burden + c.wear[WEAR_BURDEN]!) / 2;
      return { sim, a0, t0, bMean, ...heparinAndPlasma(sim), act: read(sim, "patient.act") };
    };
    const clotted = run(0.5);
    const r = 20 / 60;
    const dt = clotted.sim.timeS - clotted.t0;
    const cl = (WEAR_HEPARIN_CL_MAX_ML_PER_MIN / 60) * clotted.bMean;
    const v = clotted.plasmaMl;
    const vp = clotted.patientPlasmaMl;
    const expected = predictHeparin(clotted.a0, r, v, vp, dt, cl);
    expect(Math.abs(clotted.amountU - expected) / expected).toBeLessThan(0.015);
    // Against the clean circuit's trajectory (verified above): lower, and so is the ACT (drift at a fixed infusion).
    const clean = predictHeparin(clotted.a0, r, v, vp, dt);
    expect(clotted.amountU).toBeLessThan(0.95 * clean);
    const cClean = (clean / clotted.amountU) * read(clotted.sim, "patient.heparin");
    const actClean = actSeconds(cClean, 120, 37, read(clotted.sim, "patient.hct"));
    expect(clotted.act).toBeLessThan(actClean - 1);
  });
});

describe("haemolysis indicator on the running circuit", () => {
  it("rests near 1 mg/dL on a well-running circuit; deep inlet suction (hypovolaemia) makes free Hb climb", () => {
    const sim = vvSim();
    startEcmo(sim, 4500, 8000, 600);
    const f0 = read(sim, "ecmo.plasmaFreeHb");
    // G0 1 + pump (4500 rpm, 4.46 L/min, ≈ 3.6 L plasma) ≈ 1 + suction at −126 mmHg 0.5 → ≈ 2.5 mg/dL/h → ≈ 1.2 mg/dL.
    expect(f0).toBeGreaterThan(0.5);
    expect(f0).toBeLessThan(2);
    expect(read(sim, "ecmo.haptoglobin")).toBeGreaterThan(99);
    sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 1000 });
    sim.schedule({ t: sim.timeS + 150, type: "bleeding.set", rateMlPerMin: 0 });
    sim.advance(155);
    // The drained vein collapses and the line chatters (docs/models/ecmo.md): the inlet swings, its troughs deep.
    let trough = 0;
    for (let i = 0; i < 50; i++) {
      sim.advance(0.1);
      trough = Math.min(trough, read(sim, "ecmo.inletPressure"));
    }
    expect(trough).toBeLessThan(-200);
    const f1 = read(sim, "ecmo.plasmaFreeHb");
    // Generation on the circuit's own signals (pump shear, suction, clot; plasma of the network) at a trough:
    // ≈ 18 mg/dL/h at −240 mmHg, against ≈ 2.5 before the bleed.
    const g = freeHbGenerationMgPerDlPerH(
      read(sim, "ecmo.rpm"),
      read(sim, "ecmo.flow"),
      trough,
      read(sim, "ecmo.clotBurden"),
      heparinAndPlasma(sim).plasmaMl,
    );
    expect(g).toBeGreaterThan(12);
    // While haptoglobin lasts, dF/dt = G(t) − k_b·F with k_b = ln2/20 min; the generation swings with the chatter, so
    // the expected value integrates the model's own generation, sampled every second:
    // F(T) = F1·e^(−k_b·T) + ∫ G(t)·e^(−k_b·(T − t)) dt, within 10 %.
    const kb = Math.LN2 / (20 * 60);
    const T = 1200;
    let integral = 0;
    for (let t = 1; t <= T; t++) {
      sim.advance(1);
      integral += (sim.model.circuit!.haem[HAEM_GEN]! / 3600) * Math.exp(-kb * (T - t));
    }
    const expected = f1 * Math.exp(-kb * T) + integral;
    expect(Math.abs(read(sim, "ecmo.plasmaFreeHb") - expected) / expected).toBeLessThan(0.1);
    expect(read(sim, "ecmo.plasmaFreeHb")).toBeGreaterThan(f0 + 3);
    // Haptoglobin pays for the complexes it clears (∫k_b·F dt ≈ 2 mg/dL over these 20 min): days from exhaustion.
    expect(read(sim, "ecmo.haptoglobin")).toBeLessThan(99.5);
    expect(read(sim, "ecmo.haptoglobin")).toBeGreaterThan(95);
  });
});

describe("circuit change (ecmo.changeCircuit)", () => {
  it("discards the old circuit, primes the new one: volume conserved exactly, burden reset, flow stopped for the interruption, patient diluted", () => {
    const sim = vvSim();
    const v0 = totalVolume(sim);
    startEcmo(sim, 4500, 8000, 240);
    const c = sim.model.circuit!;
    c.wear[WEAR_BURDEN] = 0.5; // white-box: a circuit days into its run
    sim.advance(10);
    const dpClotted = read(sim, "ecmo.deltaP");
    const vCircuit = c.volume();
    const hb0 = read(sim, "patient.hb");
    const blood = totalVolume(sim) - (sim.model.net.external[1]! - sim.model.net.external[0]!); // all compartments
    const t = sim.timeS;
    sim.schedule({ t, type: "ecmo.changeCircuit", prime: "crystalloid", interruptionS: 90 });
    sim.advance(30);
    expect(read(sim, "ecmo.flow")).toBeCloseTo(0, 6);
    expect(read(sim, "ecmo.rpm")).toBe(0);
    expect(read(sim, "ecmo.clotBurden")).toBeLessThan(1e-4); // new membrane (the stopped circuit's stasis: seed only)
    expect(read(sim, "ecmo.discardedVolume")).toBeCloseTo(vCircuit, 6);
    expect(read(sim, "ecmo.circuitChanges")).toBe(1);
    sim.advance(50);
    expect(read(sim, "ecmo.flow")).toBeCloseTo(0, 6); // still within the 90 s
    sim.advance(300);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4.2); // the pump resumes its speed
    expect(read(sim, "ecmo.deltaP")).toBeLessThan(0.6 * dpClotted); // clean membrane: ΔP halves
    expect(Math.abs(totalVolume(sim) - v0) / v0).toBeLessThan(1e-9);
    // Hb: the circuit's blood replaced by crystalloid: Hb·(V − V_circuit)/V (mixing; urine over 6 min changes little).
    const expected = (hb0 * (blood - vCircuit)) / blood;
    expect(Math.abs(read(sim, "patient.hb") - expected) / expected).toBeLessThan(0.02);
  });

  it("a blood prime keeps the Hb; parameters are validated and the action needs a closed circuit", () => {
    const sim = vvSim();
    startEcmo(sim, 4500, 8000, 120);
    const hb0 = read(sim, "patient.hb");
    sim.schedule({
      t: sim.timeS,
      type: "ecmo.changeCircuit",
      prime: "blood",
      primeHct: hb0 / 33.3,
      interruptionS: 30,
    });
    sim.advance(300);
    expect(read(sim, "patient.hb")).toBeCloseTo(hb0, 0);
    const bad = [
      [{ t: sim.timeS, type: "ecmo.changeCircuit", interruptionS: 700 }, "action.interruptionS"],
      [{ t: sim.timeS, type: "ecmo.changeCircuit", prime: "saline" }, "action.prime"],
      [{ t: sim.timeS, type: "ecmo.changeCircuit", prime: "blood", primeHct: 0.9 }, "action.primeHct"],
      [{ t: sim.timeS, type: "ecmo.changeCircuit", primeHct: 0.3 }, "action.primeHct"], // crystalloid has no cells
      [{ t: sim.timeS, type: "ecmo.changeCircuit", primeHeparinU: -1 }, "action.primeHeparinU"],
    ] as const;
    for (const [a, field] of bad) {
      const p = problemsOf(() => sim.schedule(a));
      expect(p[0]!.field).toBe(field);
    }
    const cpb = cpbSim();
    const p = problemsOf(() => cpb.schedule({ t: 0, type: "ecmo.changeCircuit" }));
    expect(p[0]!.field).toBe("action.type");
    expect(() => createSimulation({ patient: ARDS }).schedule({ t: 0, type: "ecmo.changeCircuit" })).toThrow(
      InputError,
    );
  });
});

describe("weaning trials on the shipped scenarios (docs/models/ecmo.md, Weaning)", () => {
  const run = (name: string, untilS: number) => {
    const sim = scenarioSim(name);
    sim.advance(untilS);
    return sim;
  };

  it("adult-vv-ecmo, lungs still bad: sweep off (flow kept) drops SaO2 and raises PaCO2 within minutes — the trial fails", () => {
    const sim = run("adult-vv-ecmo", 1200);
    const sao2 = read(sim, "patient.sao2");
    const paco2 = read(sim, "patient.paco2");
    expect(sao2).toBeGreaterThan(0.95);
    sim.schedule({ t: sim.timeS, type: "gas.set", sweepGasFlowLPerMin: 0 });
    sim.advance(300);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4.2); // blood still flows through a membrane without gas
    expect(read(sim, "ecmo.o2Transfer")).toBeCloseTo(0, 6);
    expect(read(sim, "patient.sao2")).toBeLessThan(sao2 - 0.15); // 0.99 → ≈ 0.75 (shunt 0.5)
    expect(read(sim, "patient.paco2")).toBeGreaterThan(paco2 + 10); // ≈ 25 → ≈ 40 mmHg
  });

  it("adult-vv-ecmo-weaning, lungs recovered (shunt 0.1): FdO2 0.21 and sweep off for 20 min — the trial passes", () => {
    const sim = run("adult-vv-ecmo-weaning", 4800);
    expect(read(sim, "ecmo.sweepGasFlow")).toBe(0);
    expect(read(sim, "ecmo.flow")).toBeGreaterThan(4.2);
    expect(read(sim, "patient.sao2")).toBeGreaterThan(0.9); // 0.986 measured
    expect(read(sim, "patient.paco2")).toBeLessThan(45); // 38.9 measured
    expect(read(sim, "patient.ph")).toBeGreaterThan(7.35);
  });

  it("adult-va-ecmo, heart recovered: lowering VA flow raises native cardiac output and pulse pressure", () => {
    const sim = run("adult-va-ecmo", 1800);
    const pp = (s: PatientSimulation) => read(s, "patient.sbp") - read(s, "patient.dbp");
    const q0 = read(sim, "ecmo.flow");
    const co0 = read(sim, "patient.co");
    const pp0 = pp(sim);
    sim.schedule({ t: sim.timeS, type: "arterialPump.setRpm", rpm: 2400 });
    sim.advance(180);
    expect(read(sim, "ecmo.flow")).toBeLessThan(q0 - 1.5); // ≈ 3.0 → ≈ 1.1 L/min
    expect(read(sim, "patient.co")).toBeGreaterThan(co0 + 1); // ≈ 3.0 → ≈ 4.3 L/min
    expect(pp(sim)).toBeGreaterThan(pp0 + 4); // ≈ 22 → ≈ 29 mmHg
    expect(read(sim, "patient.map")).toBeGreaterThan(65);
  });
});
