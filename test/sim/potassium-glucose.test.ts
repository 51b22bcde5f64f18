/**
 * K+ and glucose as carried species (docs/models/metabolism.md, "Potassium" and "Glucose"): resting balance,
 * transcellular shift with pH, the K+ load of cardioplegia and stored red cells, glucose on hypothermic CPB, and
 * exact mass bookkeeping of both.
 */
import { describe, expect, it } from "vitest";
import { CARDIOPLEGIA_RECIPES } from "../../src/sim/circuit/cardioplegia.ts";
import { createSimulation, patientFromPreset, type Simulation } from "../../src/sim/index.ts";
import {
  type Chemistry,
  K_CELL_TAU_S,
  K_SHIFT_MMOL_PER_L_PER_PH,
  SP_BE,
  SP_GLUCOSE,
  SP_HB,
  SP_POTASSIUM,
  ST_GLUCOSE_ISF,
  ST_GLUCOSE_PRODUCED,
  ST_GLUCOSE_USED,
  ST_K_INTAKE,
  ST_K_ISF,
  ST_K_RENAL,
  ST_K_TO_CELLS,
} from "../../src/sim/patient/chemistry.ts";
import { FLUID_COMPOSITION } from "../../src/sim/patient/fluids.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";
import {
  ADULT,
  adultCircuitWithHaemoconcentrator,
  cpbSim,
  goOnBypass,
  neonatalCircuit,
  read,
} from "./cpb-helpers.ts";

const patientSim = (preset: string): PatientSimulation =>
  createSimulation({ patient: patientFromPreset(preset), seed: 1 }) as PatientSimulation;
const r = (s: Simulation, name: string): number => s.read(s.signalIndex(name));

/** Plasma K+ (mmol) and plasma volume (mL) summed over every compartment (patient and circuit). */
function plasmaK(c: Chemistry): { mmol: number; ml: number } {
  const N = c.n;
  let mmol = 0;
  let ml = 0;
  for (let i = 0; i < N; i++) {
    const v = c.vTrack[i]!;
    mmol += c.mass[SP_POTASSIUM * N + i]!;
    if (v > 1e-9) ml += v * (1 - (c.mass[SP_HB * N + i]! / v) * (100 / 33.3));
  }
  return { mmol, ml };
}
function bloodGlucose(c: Chemistry): number {
  let g = 0;
  for (let i = 0; i < c.n; i++) g += c.mass[SP_GLUCOSE * c.n + i]!;
  return g;
}
/** K+ in plasma + interstitium + taken up by cells + excreted − taken in: changes only by what enters from outside. */
function kLedger(c: Chemistry): number {
  const s = c.st;
  return plasmaK(c).mmol + s[ST_K_ISF]! + s[ST_K_TO_CELLS]! + s[ST_K_RENAL]! - s[ST_K_INTAKE]!;
}
function glucoseLedger(c: Chemistry): number {
  const s = c.st;
  return bloodGlucose(c) + s[ST_GLUCOSE_ISF]! - s[ST_GLUCOSE_PRODUCED]! + s[ST_GLUCOSE_USED]!;
}

describe("resting K+ and glucose", () => {
  it("start at the patient's resting values: adult K+ 4.0, glucose 5.0; neonate K+ 4.5, glucose 4.0 mmol/L", () => {
    const a = patientSim("adult-male");
    expect(r(a, "patient.potassium")).toBeCloseTo(4.0, 9);
    expect(r(a, "patient.glucose")).toBeCloseTo(5.0, 9);
    const n = patientSim("neonate");
    expect(r(n, "patient.potassium")).toBeCloseTo(4.5, 9);
    expect(r(n, "patient.glucose")).toBeCloseTo(4.0, 9);
    expect(a.signals.find((s) => s.name === "patient.potassium")?.unit).toBe("mmol/L");
    expect(a.signals.find((s) => s.name === "patient.glucose")?.unit).toBe("mmol/L");
  });

  for (const preset of ["adult-male", "neonate"]) {
    it(`${preset}: stable over an hour at rest (drift < 0.1 mmol/L) with both ledgers exact`, () => {
      const s = patientSim(preset);
      const c = s.model.chem;
      const k0 = r(s, "patient.potassium");
      const g0 = r(s, "patient.glucose");
      const lk0 = kLedger(c);
      const lg0 = glucoseLedger(c);
      for (let m = 0; m < 60; m += 10) {
        s.advance(600);
        expect(Number.isFinite(r(s, "patient.potassium"))).toBe(true);
        expect(Number.isFinite(r(s, "patient.glucose"))).toBe(true);
      }
      expect(Math.abs(r(s, "patient.potassium") - k0)).toBeLessThan(0.1);
      expect(Math.abs(r(s, "patient.glucose") - g0)).toBeLessThan(0.1);
      // Kidneys excrete what is taken in: both fluxes within 10 % of each other over the hour.
      expect(Math.abs(c.st[ST_K_RENAL]! / c.st[ST_K_INTAKE]! - 1)).toBeLessThan(0.1);
      // Transport, exchange and the sources move mass only between the booked places.
      expect(Math.abs(kLedger(c) - lk0) / lk0).toBeLessThan(1e-9);
      expect(Math.abs(glucoseLedger(c) - lg0) / lg0).toBeLessThan(1e-9);
    });
  }
});

describe("transcellular K+ shift with pH", () => {
  it("a mineral-acid metabolic acidosis raises K+ by ≈ 0.6 mmol/L per 0.1 pH (Adrogué & Madias 1981)", () => {
    const s = patientSim("adult-male");
    const c = s.model.chem;
    s.advance(60);
    const ph0 = r(s, "patient.ph");
    const k0 = r(s, "patient.potassium");
    // Remove 8 mmol/L of base from all the blood (an acid load with a non-lactate anion, as HCl/NH4Cl).
    for (let i = 0; i < c.n; i++) c.mass[SP_BE * c.n + i] = c.mass[SP_BE * c.n + i]! - 0.008 * c.vTrack[i]!;
    s.advance(3 * 3600); // cellular uptake/release τ = 30 min: ≥ 5 τ of the combined pools
    const dPh = r(s, "patient.ph") - ph0;
    const dK = r(s, "patient.potassium") - k0;
    expect(dPh).toBeLessThan(-0.08);
    // Cited slope 6 mmol/L per pH unit; the kidneys (excretion ∝ plasma K+) pull a few per cent back.
    const cited = -K_SHIFT_MMOL_PER_L_PER_PH * dPh;
    expect(dK).toBeGreaterThan(0.9 * cited);
    expect(dK).toBeLessThan(1.02 * cited);
    expect(K_CELL_TAU_S).toBe(1800);
  }, 180_000);
});

describe("K+ loads", () => {
  it("a 1000 mL del Nido dose on CPB raises K+ as its K+ spread over plasma + interstitium predicts", () => {
    const sim = cpbSim();
    goOnBypass(sim, 300);
    const c = sim.model.chem;
    const k0 = read(sim, "patient.potassium");
    const ledger0 = kLedger(c);
    const p0 = plasmaK(c);
    const ecf0Ml = p0.ml + c.isfVolumeMl;
    const ecfK0 = p0.mmol + c.st[ST_K_ISF]!;
    const cells0 = c.st[ST_K_TO_CELLS]! + c.st[ST_K_RENAL]! - c.st[ST_K_INTAKE]!;
    sim.schedule({ t: sim.timeS, type: "aorticCrossClamp.set", on: true });
    sim.schedule({ t: sim.timeS, type: "cardioplegia.deliver", volumeMl: 1000, solution: "delNido" });
    sim.advance(15 * 60);
    expect(read(sim, "circuit.cardioplegia.totalVolume")).toBeCloseTo(1000, 6);
    // del Nido 1:4: 800 mL of crystalloid at 26 mmol / 859.3 mL = 30.3 mmol/L (Ali 2024, cardioplegia.ts) → 24.2 mmol.
    const rec = CARDIOPLEGIA_RECIPES.delNido;
    const crystMl = (1000 * rec.crystalloidParts) / (rec.bloodParts + rec.crystalloidParts);
    const deliveredMmol = (crystMl * rec.crystalloidKMmolPerL) / 1000;
    expect(deliveredMmol).toBeCloseTo(24.2, 1);
    // Exact mass balance: everything delivered is in plasma, interstitium, cells or urine.
    expect(Math.abs(kLedger(c) - ledger0 - deliveredMmol) / deliveredMmol).toBeLessThan(1e-9);
    // Distribution volume: plasma (patient + circuit, ≈ 6 L here) + interstitium (≈ 12.7 L) + the crystalloid.
    const cellsEtc = c.st[ST_K_TO_CELLS]! + c.st[ST_K_RENAL]! - c.st[ST_K_INTAKE]! - cells0;
    const predicted = (ecfK0 + deliveredMmol - cellsEtc) / (ecf0Ml + crystMl); // mmol/mL
    const dK = read(sim, "patient.potassium") - k0;
    expect(Math.abs(read(sim, "patient.potassium") - predicted * 1000)).toBeLessThan(0.05 * dK);
    // The rise without any cellular uptake would be ≈ 24.2 mmol / 18.8 L ≈ 1.3 mmol/L; cells took part of it.
    const noCells = ((ecfK0 + deliveredMmol) / (ecf0Ml + crystMl)) * 1000 - k0;
    expect(noCells).toBeGreaterThan(1.0);
    expect(noCells).toBeLessThan(1.6);
    expect(dK).toBeGreaterThan(0.6 * noCells);
    expect(dK).toBeLessThan(noCells);
    // The in-line venous K+ reads the same plasma once mixed.
    expect(Math.abs(read(sim, "circuit.venousPotassium") - read(sim, "patient.potassium"))).toBeLessThan(0.1);
  });

  it("15 mL/kg of stored red cells (supernatant K+ 25 mmol/L) raises a neonate's K+ by their K+ over its ECF", () => {
    const s = patientSim("neonate");
    const c = s.model.chem;
    s.advance(10);
    const k0 = r(s, "patient.potassium");
    const p0 = plasmaK(c);
    const ecf0Ml = p0.ml + c.isfVolumeMl;
    const ecfK0 = p0.mmol + c.st[ST_K_ISF]!;
    const net0 = c.st[ST_K_TO_CELLS]! + c.st[ST_K_RENAL]! - c.st[ST_K_INTAKE]!;
    const volumeMl = 15 * 3.5;
    s.schedule({ t: s.timeS, type: "fluid.give", fluid: "packedRedCells", volumeMl, overSeconds: 300 });
    s.advance(300 + 1200);
    // K+ given: volume × supernatant fraction (1 − Hct 0.6) × 25 mmol/L = 52.5 × 0.4 × 0.025 = 0.525 mmol.
    const rbc = FLUID_COMPOSITION.packedRedCells;
    const givenMmol = (volumeMl * (1 - rbc.hbGPerDl / 33.3) * rbc.potassiumMmolPerL) / 1000;
    expect(givenMmol).toBeCloseTo(0.525, 2);
    const dK = r(s, "patient.potassium") - k0;
    const net = c.st[ST_K_TO_CELLS]! + c.st[ST_K_RENAL]! - c.st[ST_K_INTAKE]! - net0;
    const plasmaAddedMl = volumeMl * (1 - rbc.hbGPerDl / 33.3);
    const predicted = ((ecfK0 + givenMmol - net) / (ecf0Ml + plasmaAddedMl)) * 1000 - k0;
    expect(dK).toBeGreaterThan(0.15); // ≈ 0.525 mmol into ≈ 1.6 L of ECF: +0.3 before cellular uptake
    expect(Math.abs(dK - predicted)).toBeLessThan(0.1 * dK);
  });

  it("prime K+: Plasma-Lyte 148 prime reads 5 mmol/L; a blood prime at Hct 0.30 carries stored cells' supernatant K+", () => {
    const adult = cpbSim();
    expect(read(adult, "circuit.venousPotassium")).toBeCloseTo(5, 9);
    const neo = cpbSim(neonatalCircuit, patientFromPreset("neonate"));
    // Packed cells (Hb 20 g/dL → Hct 0.6006) made up with Plasma-Lyte to Hct 0.30: cells f = 0.4995 of the volume;
    // plasma K+ = (f·0.3994·25 + (1 − f)·5)/0.70 = 10.70 mmol/L.
    const rbcHct = 20 / 33.3;
    const f = 0.3 / rbcHct;
    expect(read(neo, "circuit.venousPotassium")).toBeCloseTo((f * (1 - rbcHct) * 25 + (1 - f) * 5) / 0.7, 9);
    expect(read(neo, "circuit.venousPotassium")).toBeCloseTo(10.7, 2);
    expect(read(neo, "patient.potassium")).toBeCloseTo(4.5, 9);
  });
});

describe("ultrafiltration", () => {
  it("the haemoconcentrator removes K+ and glucose at plasma concentration (sieving 1): Hct rises, K+ does not", () => {
    const c = adultCircuitWithHaemoconcentrator();
    const sim = cpbSim(c);
    goOnBypass(sim, 60);
    const control = cpbSim(c); // the same run without ultrafiltration (K+ still settles after initiation)
    goOnBypass(control, 60);
    control.advance(300);
    const chem = sim.model.chem;
    const hct0 = read(sim, "patient.hct");
    const k0 = read(sim, "patient.potassium");
    const ledger0 = kLedger(chem);
    sim.schedule({ t: sim.timeS, type: "haemoconcentrator.set", rateMlPerMin: 100 });
    sim.advance(300);
    const ufMl = read(sim, "circuit.ultrafiltrate");
    expect(ufMl).toBeCloseTo(500, -1);
    expect(read(sim, "patient.hct") / hct0).toBeGreaterThan(1.04);
    // 500 mL of filtrate at plasma K+ ≈ 4.1 mmol/L carries ≈ 2.0 mmol out of the ledger.
    const lost = ledger0 - kLedger(chem);
    expect(Math.abs(lost - (ufMl * k0) / 1000)).toBeLessThan(0.05 * ((ufMl * k0) / 1000));
    // Without removal of solutes, 500 mL of water out of ≈ 18.7 L of ECF would raise K+ by ≈ 0.11 mmol/L.
    expect(Math.abs(read(sim, "patient.potassium") - read(control, "patient.potassium"))).toBeLessThan(0.03);
    expect(Math.abs(read(sim, "patient.glucose") - read(control, "patient.glucose"))).toBeLessThan(0.04);
  });
});

describe("glucose on CPB", () => {
  const run = (waterC: number): { start: number; end: number; temp: number; ok: boolean } => {
    const sim = cpbSim();
    goOnBypass(sim, 300);
    const start = read(sim, "patient.glucose");
    sim.schedule({ t: sim.timeS, type: "heaterCooler.set", waterTempC: waterC });
    let ok = true;
    for (let k = 0; k < 6; k++) {
      sim.advance(600);
      ok &&= Number.isFinite(read(sim, "patient.glucose")) && Number.isFinite(read(sim, "patient.potassium"));
    }
    return { start, end: read(sim, "patient.glucose"), temp: read(sim, "patient.tempCore"), ok };
  };
  let warm = { start: 0, end: 0, temp: 0, ok: false };
  it("normothermic CPB (water 37 °C, anaesthesia VO2 × 0.75) keeps glucose within 1.5 mmol/L over an hour", () => {
    warm = run(37);
    expect(warm.ok).toBe(true);
    expect(Math.abs(warm.end - warm.start)).toBeLessThan(1.5);
  }, 120_000);

  it("hypothermic CPB (water 28 °C) raises glucose over an hour, more than normothermic CPB", () => {
    const cold = run(28);
    expect(cold.ok && warm.ok).toBe(true);
    expect(cold.temp).toBeLessThan(31);
    // Uptake ∝ VO2 demand: at ≈ 30 °C with anaesthesia (× 0.75) it is ≈ 0.4 of resting, output unchanged.
    expect(cold.end - cold.start).toBeGreaterThan(1.0);
    expect(cold.end - cold.start).toBeGreaterThan(warm.end - warm.start + 0.5);
    // Typical on-CPB values: first CPB glucose median 180 mg/dL = 10 mmol/L, IQR 158–213 mg/dL (Kohlsaat et al.,
    // J Extra Corpor Technol 2023;55:175, Table 4): the model stays inside 4–12 mmol/L over this hour.
    expect(cold.end).toBeLessThan(12);
    expect(warm.end).toBeGreaterThan(4);
  }, 120_000);

  it("neonatal CPB with a blood prime, del Nido and a transfusion keeps every K+/glucose signal finite", () => {
    const sim = cpbSim(neonatalCircuit, patientFromPreset("neonate"));
    goOnBypass(sim, 120);
    sim.schedule({ t: sim.timeS, type: "aorticCrossClamp.set", on: true });
    sim.schedule({ t: sim.timeS, type: "cardioplegia.deliver", volumeMl: 70, solution: "delNido" });
    sim.schedule({ t: sim.timeS + 60, type: "circuit.transfuse", volumeMl: 50 });
    sim.schedule({ t: sim.timeS + 120, type: "fluid.give", fluid: "plasma", volumeMl: 30 });
    const names = ["patient.potassium", "patient.glucose", "circuit.venousPotassium"];
    for (let k = 0; k < 40; k++) {
      sim.advance(15);
      for (const n of names) {
        const v = read(sim, n);
        expect(Number.isFinite(v), n).toBe(true);
        expect(v, n).toBeGreaterThan(0);
      }
    }
    expect(read(sim, "patient.potassium")).toBeGreaterThan(4.5);
  });

  it("thawed plasma carries CPD dextrose: 10 mL/kg raises an adult's glucose", () => {
    const s = createSimulation({ patient: ADULT, seed: 1 }) as PatientSimulation;
    s.advance(10);
    const g0 = r(s, "patient.glucose");
    s.schedule({ t: s.timeS, type: "fluid.give", fluid: "plasma", volumeMl: 800, overSeconds: 600 });
    s.advance(900);
    expect(r(s, "patient.glucose")).toBeGreaterThan(g0 + 0.3);
  });
});
