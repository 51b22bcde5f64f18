/** Shared set-up for the CPB tests: the adult circuit fixture on an 80 kg adult, taken onto full bypass. */

import { loadScenario } from "../../src/io/scenario-files.ts";
import { simulationFromScenario } from "../../src/scenario/simulation.ts";
import adultCircuit from "../../src/sim/circuit/fixtures/adult-cpb.json" with { type: "json" };
import neonatalCircuit from "../../src/sim/circuit/fixtures/neonatal-cpb.json" with { type: "json" };
import { createSimulation, type PatientSpec, patientFromPreset } from "../../src/sim/index.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
export { adultCircuit, neonatalCircuit };

/**
 * Adult male preset (80 kg) with Hct 0.32 before bypass, so that the 1.39 L crystalloid prime brings it near 0.25
 * on bypass (Terumo mass balance: 0.32 × 7.0 L / 8.4 L ≈ 0.27 before the venous reservoir takes up its share).
 */
export const ADULT: PatientSpec = { ...patientFromPreset("adult-male"), hct: 0.3 };

export function cpbSim(
  circuit: unknown = adultCircuit,
  patient: PatientSpec = ADULT,
  seed = 1,
): PatientSimulation {
  return createSimulation({ patient, seed, circuit }) as PatientSimulation;
}

/** The adult circuit fixture with a haemoconcentrator (150 mL/min) fed from the oxygenator's purge port. */
export function adultCircuitWithHaemoconcentrator(): typeof adultCircuit {
  const c = clone(adultCircuit);
  const ox = c.components.find((x) => x.id === "oxygenator")!;
  delete (ox.connect as Record<string, string>).purgeOut;
  c.components.push({
    id: "haemoconcentrator",
    type: "haemoconcentrator",
    params: { maxUltrafiltrationMlPerMin: 150 },
    inlet: "oxygenator.purgeOut",
    outlet: "venousReservoir.purgeIn",
  } as never);
  return c;
}

/** A shipped scenario's patient, circuit, seed and timeline (actions scheduled, nothing run yet). */
export function scenarioSim(name: string, fastForward = false): PatientSimulation {
  return simulationFromScenario(loadScenario(name), { fastForward }) as PatientSimulation;
}

export function read(sim: PatientSimulation, name: string): number {
  return sim.read(sim.signalIndex(name));
}

export function meanOver(sim: PatientSimulation, name: string, seconds: number, everyS = 0.5): number {
  const i = sim.signalIndex(name);
  let sum = 0;
  let n = 0;
  for (let t = 0; t < seconds - 1e-9; t += everyS) {
    sim.advance(everyS);
    sum += sim.read(i);
    n++;
  }
  return sum / n;
}

/** Full flow 2.4 L/min/m² (Alston 2006, the primer's target cardiac index at 37 °C). */
export function fullFlowLPerMin(sim: PatientSimulation): number {
  return 2.4 * sim.model.targets.bsaM2;
}

/**
 * Heparin, anaesthesia (VO2 × 0.75), gas on, clamps open, the pump stepped up to full flow over a minute,
 * ventilation off; then `settleS` seconds on full bypass.
 */
export function goOnBypass(sim: PatientSimulation, settleS = 300, sweepRatio = 0.6): void {
  const t = sim.timeS;
  const q = fullFlowLPerMin(sim);
  sim.schedule({ t, type: "drug.bolus", drug: "heparin", amount: 300 * sim.model.spec.weightKg });
  sim.schedule({ t, type: "patient.set", metabolicRateFactor: 0.75 });
  sim.schedule({ t, type: "gas.set", fio2: 0.6, sweepGasFlowLPerMin: sweepRatio * q });
  sim.schedule({ t, type: "heaterCooler.set", waterTempC: 37 });
  sim.schedule({ t: t + 1, type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
  sim.schedule({ t: t + 1, type: "clamp.set", clamp: "venousLine", occlusion: 0 });
  for (let k = 1; k <= 6; k++)
    sim.schedule({ t: t + 1 + 10 * k, type: "arterialPump.setFlow", flowLPerMin: (q * k) / 6 });
  sim.schedule({ t: t + 90, type: "ventilator.set", mode: "off" });
  sim.advance(90 + settleS);
}

/** The circuit signals issue 4 requires in the simulate summary, with their units. */
export const ISSUE4_CIRCUIT_SIGNAL_UNITS: Readonly<Record<string, string>> = {
  "circuit.arterialPump.flow": "L/min",
  "circuit.arterialPump.rpm": "1/min",
  "circuit.venousReservoir.level": "mL",
  "circuit.arterialLine.pressure": "mmHg",
  "circuit.venousLine.pressure": "mmHg",
  "circuit.oxygenator.deltaP": "mmHg",
  "circuit.oxygenator.postPo2": "mmHg",
  "circuit.oxygenator.postPco2": "mmHg",
  "circuit.venousSo2": "fraction",
  "circuit.arterialTemp": "°C",
  "circuit.venousTemp": "°C",
  "circuit.sweepGasFlow": "L/min",
  "circuit.fio2": "fraction",
  "circuit.cardioplegia.totalVolume": "mL",
  "circuit.bubbleCount": "count",
  "circuit.alarms": "count",
};
