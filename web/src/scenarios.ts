/**
 * The shipped scenarios (scenarios/*.yaml), bundled into the app at build time with Vite's
 * import.meta.glob, so the static build needs no server. Each is validated with the engine's own
 * patient and action validation; one that fails shows its problems instead of starting.
 * (When src/scenario lands on main, this uses its validateScenario for the full format.)
 */
import { parse } from "yaml";
import { formatProblem, InputError } from "../../src/common/errors.ts";
import {
  type Action,
  PATIENT_PRESETS,
  type PatientSpec,
  patientFromPreset,
  validateAction,
  validatePatientSpec,
} from "../../src/sim/index.ts";

export interface ScenarioEntry {
  file: string;
  name: string;
  description: string;
  patient?: PatientSpec;
  seed: number;
  actions: Action[];
  error?: string;
}

const files = import.meta.glob("../../scenarios/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

function resolvePatient(p: unknown): PatientSpec {
  if (typeof p === "string") return patientFromPreset(p);
  if (p && typeof p === "object" && !Array.isArray(p)) {
    const { preset, ...rest } = p as Record<string, unknown>;
    const base = preset === undefined ? {} : patientFromPreset(String(preset));
    return validatePatientSpec({ ...base, ...rest });
  }
  throw new InputError({
    field: "patient",
    allowed: `a preset (${PATIENT_PRESETS.join(", ")}) or a patient object`,
  });
}

export function loadScenario(file: string, text: string): ScenarioEntry {
  const base = file
    .split("/")
    .pop()!
    .replace(/\.ya?ml$/, "");
  try {
    const doc = parse(text) as Record<string, unknown>;
    const actions = (Array.isArray(doc.actions) ? doc.actions : []).map((a, i) =>
      validateAction(a, `actions[${i}]`),
    );
    return {
      file: base,
      name: typeof doc.name === "string" ? doc.name : base,
      description: typeof doc.description === "string" ? doc.description : "",
      patient: resolvePatient(doc.patient),
      seed: typeof doc.seed === "number" ? doc.seed : 1,
      actions: actions as Action[],
    };
  } catch (e) {
    const message = e instanceof InputError ? e.problems.map(formatProblem).join("; ") : String(e);
    return { file: base, name: base, description: "", seed: 1, actions: [], error: message };
  }
}

export const SCENARIOS: ScenarioEntry[] = Object.entries(files)
  .map(([file, text]) => loadScenario(file, text))
  .sort((a, b) => a.name.localeCompare(b.name));
