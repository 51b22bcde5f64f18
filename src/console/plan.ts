/** The console's use of a plan from the planner (`perfuse plan --json`): for now, its patient. */
import { InputError } from "../common/errors.ts";
import { type PatientSpec, validatePatientSpec } from "../sim/index.ts";

/** The patient of a plan's JSON text, validated against the engine's limits. */
export function patientFromPlan(text: string): PatientSpec {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError({
      field: "plan",
      allowed: "the JSON printed by `perfuse plan --json`",
      received: "text that is not JSON",
    });
  }
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
