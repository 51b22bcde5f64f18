/** Perfuse's public surface: import from here, not from deep paths. */
export * from "./calc/index.ts";
export { type FieldProblem, InputError } from "./common/errors.ts";
export * from "./planner/index.ts";
export { type RunOptions, type RunSummary, runSimulation, type SignalSummary } from "./scenario/run.ts";
export { resolvePatient, type Scenario, validateScenario } from "./scenario/schema.ts";
export * from "./sim/index.ts";
export {
  allExperiments,
  countVerdicts,
  type Experiment,
  runExperiment,
  type ValidationRow,
} from "./validation/index.ts";
