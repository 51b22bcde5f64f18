/** Validation as a feature: every reference check the model is held to, as experiments with cited rows. */
import { PATIENT_PRESETS } from "../sim/index.ts";
import { cpbExperiments } from "./cpb.ts";
import { ecmoExperiments } from "./ecmo.ts";
import { responseExperiments } from "./responses.ts";
import { restingExperiments } from "./rest.ts";
import type { Experiment } from "./types.ts";

export { countVerdicts, runExperiment } from "./run.ts";
export type { CheckSpec, Experiment, Measurements, ValidationRow } from "./types.ts";
export { describeReference, deviation, type Reference, type Verdict, verdict } from "./verdict.ts";

/** Every validation experiment, in the order `perfuse validate` prints them. */
export function allExperiments(): Experiment[] {
  return [
    ...restingExperiments(PATIENT_PRESETS),
    ...responseExperiments(),
    ...cpbExperiments(),
    ...ecmoExperiments(),
  ];
}
