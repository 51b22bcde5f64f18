/** The simulation engine's public surface (docs/models/engine.md). */
export { ACTION_TYPES, type Action, actionSchema, CIRCUIT_ACTION_TYPES, validateAction } from "./actions.ts";
export { type CircuitPlan, planCircuit } from "./cpb/build.ts";
export { CIRCUIT_SIGNALS } from "./cpb/signals.ts";
export { DRUG_NAMES } from "./patient/chemistry.ts";
export { FLUIDS } from "./patient/fluids.ts";
export { RHYTHMS } from "./patient/heart.ts";
export {
  PATIENT_LIMITS,
  PATIENT_PRESETS,
  type PatientPresetName,
  type PatientSpec,
  patientFromPreset,
  validatePatientSpec,
} from "./patient/spec.ts";
export { SIGNALS, type SignalSpec } from "./signals.ts";
export { createSimulation, type Simulation } from "./simulation.ts";
