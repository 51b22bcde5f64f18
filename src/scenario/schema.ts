/**
 * The scenario format: a patient and a timeline of actions (see docs/scenarios.md).
 * Pure: parsing text is the loader's job; this module validates already-parsed data.
 */
import { z } from "zod";
import { type FieldProblem, InputError } from "../common/errors.ts";
import { formatPath, zodProblems } from "../common/zod.ts";
import {
  type Action,
  CIRCUIT_ACTION_TYPES,
  PATIENT_PRESETS,
  type PatientSpec,
  patientFromPreset,
  planCircuit,
  validateAction,
  validatePatientSpec,
} from "../sim/index.ts";

/** Longest run a scenario may ask for: 30 days of simulated time, in seconds. */
export const MAX_DURATION_S = 30 * 24 * 3600;

const scenarioShape = z
  .object({
    name: z.string().min(1).max(100).optional(),
    description: z.string().max(5000).optional(),
    /** A preset name, or a patient object; an object may name a `preset` and override some of its fields. */
    patient: z.union([z.string(), z.record(z.string(), z.unknown())]),
    seed: z.number().int().min(0).max(4294967295).optional(),
    durationS: z.number().gt(0).max(MAX_DURATION_S).optional(),
    /** Optional extracorporeal circuit (plain JSON circuit description, src/sim/circuit/spec.ts). */
    circuit: z.unknown().optional(),
    actions: z.array(z.unknown()).max(100_000).default([]),
  })
  .strict();

export interface Scenario {
  name?: string;
  description?: string;
  patient: PatientSpec;
  seed?: number;
  durationS?: number;
  /** The circuit description, validated (every problem listed), when the scenario puts the patient on a circuit. */
  circuit?: unknown;
  /** Sorted by time (stable for equal times, so file order breaks ties). */
  actions: Action[];
}

/** A preset name, or `{ preset?, ...fields }`, to a validated PatientSpec; `field` names it in errors. */
export function resolvePatient(input: unknown, field = "patient"): PatientSpec {
  if (typeof input === "string") {
    if (!(PATIENT_PRESETS as readonly string[]).includes(input)) {
      throw new InputError({
        field,
        allowed: `one of: ${PATIENT_PRESETS.join(", ")}`,
        received: JSON.stringify(input),
      });
    }
    return patientFromPreset(input);
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new InputError({
      field,
      allowed: `a preset name (${PATIENT_PRESETS.join(", ")}) or a patient object`,
    });
  }
  const { preset, ...overrides } = input as Record<string, unknown>;
  const base = preset === undefined ? {} : resolvePatient(preset, `${field}.preset`);
  try {
    return validatePatientSpec({ ...base, ...overrides });
  } catch (e) {
    if (e instanceof InputError) {
      throw new InputError(
        e.problems.map((p) => ({ ...p, field: p.field.startsWith(field) ? p.field : `${field}.${p.field}` })),
      );
    }
    throw e;
  }
}

/** Validates a parsed scenario document, collecting every problem (shape, patient, each action) before throwing. */
export function validateScenario(doc: unknown): Scenario {
  const problems: FieldProblem[] = [];
  const r = scenarioShape.safeParse(doc);
  if (!r.success) problems.push(...zodProblems(r.error, doc));
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(problems);
  const raw = doc as Record<string, unknown>;
  const durationS = r.success
    ? r.data.durationS
    : typeof raw.durationS === "number" && raw.durationS > 0
      ? raw.durationS
      : undefined;

  let patient: PatientSpec | undefined;
  if (raw.patient !== undefined) {
    try {
      patient = resolvePatient(raw.patient);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
  }
  const hasCircuit = raw.circuit !== undefined;
  if (hasCircuit) {
    try {
      planCircuit(raw.circuit);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
  }
  const actions: Action[] = [];
  const rawActions = Array.isArray(raw.actions) ? raw.actions : [];
  rawActions.forEach((a, i) => {
    try {
      const action: Action = validateAction(a, `actions[${i}]`);
      if (!hasCircuit && CIRCUIT_ACTION_TYPES.includes(action.type)) {
        problems.push({
          field: formatPath(["actions", i, "type"]),
          allowed: "a patient action: the scenario has no `circuit`",
          received: JSON.stringify(action.type),
        });
      } else if (action.t < 0) {
        problems.push({
          field: formatPath(["actions", i, "t"]),
          allowed: "a time ≥ 0 s",
          received: String(action.t),
        });
      } else if (durationS !== undefined && action.t > durationS) {
        problems.push({
          field: formatPath(["actions", i, "t"]),
          allowed: `within the scenario's durationS (≤ ${durationS} s)`,
          received: String(action.t),
        });
      } else actions.push(action);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
  });
  if (problems.length > 0 || !r.success || patient === undefined) throw new InputError(problems);
  const sorted = actions.map((a, i) => ({ a, i })).sort((x, y) => x.a.t - y.a.t || x.i - y.i);
  return {
    ...(r.data.name === undefined ? {} : { name: r.data.name }),
    ...(r.data.description === undefined ? {} : { description: r.data.description }),
    patient,
    ...(r.data.seed === undefined ? {} : { seed: r.data.seed }),
    ...(durationS === undefined ? {} : { durationS }),
    ...(hasCircuit ? { circuit: raw.circuit } : {}),
    actions: sorted.map((x) => x.a),
  };
}
