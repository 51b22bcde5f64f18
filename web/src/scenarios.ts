/**
 * The shipped scenarios (scenarios/*.yaml), bundled into the app at build time with Vite's
 * import.meta.glob, so the static build needs no server. Each is validated with the scenario
 * layer's validateScenario (src/scenario/schema.ts), the same check as `perfuse simulate`; one that
 * fails shows its problems instead of starting.
 */
import { parseDocument } from "yaml";
import { formatProblem, InputError } from "../../src/common/errors.ts";
import { validateScenario } from "../../src/scenario/schema.ts";
import type { Action, PatientSpec } from "../../src/sim/index.ts";

export interface ScenarioEntry {
  /** File name without extension (the name `perfuse simulate --scenario` takes). */
  file: string;
  name: string;
  description: string;
  patient?: PatientSpec;
  seed: number;
  actions: Action[];
  /** The scenario's extracorporeal circuit description, if any. */
  circuit?: unknown;
  error?: string;
}

const files = import.meta.glob("../../scenarios/*.{yaml,yml,json}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export function loadScenario(file: string, text: string): ScenarioEntry {
  const base = file
    .split("/")
    .pop()!
    .replace(/\.(ya?ml|json)$/, "");
  try {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new InputError({
        field: base,
        allowed: "valid YAML or JSON",
        received: doc.errors[0]!.message.split("\n")[0],
      });
    }
    const s = validateScenario(doc.toJS());
    return {
      file: base,
      name: s.name ?? base,
      description: s.description ?? "",
      patient: s.patient,
      seed: s.seed ?? 1,
      actions: s.actions,
      ...(s.circuit === undefined ? {} : { circuit: s.circuit }),
    };
  } catch (e) {
    const message = e instanceof InputError ? e.problems.map(formatProblem).join("; ") : String(e);
    return { file: base, name: base, description: "", seed: 1, actions: [], error: message };
  }
}

export const SCENARIOS: ScenarioEntry[] = Object.entries(files)
  .map(([file, text]) => loadScenario(file, text))
  .sort((a, b) => a.name.localeCompare(b.name));
