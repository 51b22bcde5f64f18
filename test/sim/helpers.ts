import {
  createSimulation,
  type PatientSpec,
  patientFromPreset,
  type Simulation,
} from "../../src/sim/index.ts";

export function sim(preset: string, seed = 1): Simulation {
  return createSimulation({ patient: patientFromPreset(preset), seed });
}

export function simOf(patient: PatientSpec, seed = 1): Simulation {
  return createSimulation({ patient, seed });
}

export function read(s: Simulation, name: string): number {
  return s.read(s.signalIndex(name));
}

/** Mean of a signal sampled every `everyS` over the next `seconds`. */
export function meanOver(s: Simulation, name: string, seconds: number, everyS = 0.1): number {
  const i = s.signalIndex(name);
  let sum = 0;
  let n = 0;
  for (let t = 0; t < seconds - 1e-9; t += everyS) {
    s.advance(everyS);
    sum += s.read(i);
    n++;
  }
  return sum / n;
}
