/**
 * A scenario as a simulation: its patient, seed (default 1) and circuit, with every action of its timeline scheduled
 * and nothing run yet. Pure; shared by the bench scripts and the tests that start from a shipped scenario.
 */
import { createSimulation, type Simulation } from "../sim/index.ts";
import type { Scenario } from "./schema.ts";

export function simulationFromScenario(sc: Scenario, options: { fastForward?: boolean } = {}): Simulation {
  const sim = createSimulation({
    patient: sc.patient,
    seed: sc.seed ?? 1,
    ...(sc.circuit === undefined ? {} : { circuit: sc.circuit }),
    ...(options.fastForward ? { fastForward: true } : {}),
  });
  for (const a of sc.actions) sim.schedule(a);
  return sim;
}
