/**
 * The console's use of a plan from the planner (`perfuse plan --json`): its patient on its planned circuit, with
 * the planner's standard initiation (src/planner/to-circuit.ts: circuitFromPlan, patientFromPlan,
 * initiationActions), or its patient alone. Pure: the caller passes the catalogue the circuit mapping reads
 * (the browser bundles the default one, web/src/catalogue.ts).
 */
import { InputError } from "../common/errors.ts";
import {
  type CircuitCatalogue,
  circuitFromPlan,
  initiationActions,
  patientFromPlan as plannedPatient,
} from "../planner/to-circuit.ts";
import type { Plan } from "../planner/types.ts";
import { type Action, type PatientSpec, validatePatientSpec } from "../sim/index.ts";

const NOT_A_PLAN = "the JSON printed by `perfuse plan --json`";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError({ field: "plan", allowed: NOT_A_PLAN, received: "text that is not JSON" });
  }
}

/** The patient of a plan's JSON text, validated against the engine's limits. */
export function patientFromPlan(text: string): PatientSpec {
  const doc = parseJson(text);
  const p = (doc as { patient?: unknown } | null)?.patient as Record<string, unknown> | undefined;
  if (!p || typeof p !== "object") {
    throw new InputError({ field: "plan.patient", allowed: "an object (a plan from `perfuse plan --json`)" });
  }
  return validatePatientSpec({
    weightKg: p.weightKg,
    heightCm: p.heightCm,
    ageYears: p.ageYears,
    sex: p.sex ?? "male",
    ...(typeof p.hct === "number" ? { hct: p.hct } : {}),
  });
}

export interface PlannedCase {
  patient: PatientSpec;
  /** The planned circuit as the engine's circuit description. */
  circuit: Record<string, unknown>;
  /** The standard initiation (heparin, gas, unclamp, flow stepped to the target over 60 s), or none. */
  actions: Action[];
  title: string;
  description: string;
}

/**
 * A plan's patient on its planned circuit. `initiate` adds the planner's standard initiation at t = 0; without
 * it the lines start clamped and the pump stopped (the user goes on bypass). Throws an InputError naming each
 * plan field the simulator cannot run (e.g. an ECMO plan, a cannula without pressure–flow data).
 */
export function caseFromPlan(
  text: string,
  opts: { catalogue?: CircuitCatalogue; initiate: boolean },
): PlannedCase {
  const doc = parseJson(text) as Record<string, unknown> | null;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || doc.schemaVersion !== 1) {
    throw new InputError({
      field: "plan",
      allowed: NOT_A_PLAN,
      received: "JSON without a plan's schemaVersion 1",
    });
  }
  if (!doc.patient || typeof doc.patient !== "object") {
    throw new InputError({ field: "plan.patient", allowed: "an object (a plan from `perfuse plan --json`)" });
  }
  const plan = doc as unknown as Plan;
  try {
    const patient = plannedPatient(plan);
    const circuit = circuitFromPlan(plan, opts.catalogue ? { catalogue: opts.catalogue } : {});
    const p = plan.patient;
    return {
      patient,
      circuit,
      actions: opts.initiate ? initiationActions(plan, 0) : [],
      title: `Plan: ${p.weightKg} kg ${p.procedure.toUpperCase()}, ${plan.oxygenator.model}${opts.initiate ? "" : " (operated by hand)"}`,
      description: `Planned circuit: ${plan.pump.type} pump${plan.pump.model ? ` ${plan.pump.model}` : ""}, ${plan.oxygenator.model}, target flow ${plan.targetFlowLPerMin} L/min`,
    };
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A plan missing fields the mapping reads (hand-edited JSON): name the plan, not a stack trace.
    throw new InputError({
      field: "plan",
      allowed: `${NOT_A_PLAN}, complete`,
      received: `a plan the circuit mapping could not read (${e instanceof Error ? e.message : String(e)})`,
    });
  }
}
