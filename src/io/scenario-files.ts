/**
 * Reads scenario files (YAML or JSON) and patient files from disk: the only I/O of the scenario layer.
 * A scenario is named by path, or by name for the scenarios shipped in `scenarios/`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { InputError } from "../common/errors.ts";
import { resolvePatient, type Scenario, validateScenario } from "../scenario/schema.ts";
import type { PatientSpec } from "../sim/index.ts";

/** Folder of the scenarios that ship with Perfuse. */
export const BUILTIN_SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scenarios");

/** Names of the shipped scenarios (file names without extension), sorted. */
export function builtinScenarioNames(): string[] {
  if (!existsSync(BUILTIN_SCENARIO_DIR)) return [];
  return readdirSync(BUILTIN_SCENARIO_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => f.replace(/\.(ya?ml|json)$/, ""))
    .sort();
}

/** Parses YAML or JSON text; syntax errors name the file and the line. */
export function parseStructuredText(text: string, fileLabel: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0];
    throw new InputError({
      field: line ? `${fileLabel} (line ${line.line}, column ${line.col})` : fileLabel,
      allowed: "valid YAML or JSON",
      received: first.message.split("\n")[0],
    });
  }
  return doc.toJS();
}

function readText(path: string, field: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      field,
      allowed: "a readable file",
      received: `${JSON.stringify(path)}${code === "ENOENT" ? " (no such file)" : code ? ` (${code})` : ""}`,
    });
  }
}

/** Finds a scenario by path or by built-in name. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return resolve(nameOrPath);
  for (const ext of [".yaml", ".yml", ".json"]) {
    const p = join(BUILTIN_SCENARIO_DIR, `${nameOrPath}${ext}`);
    if (existsSync(p)) return p;
  }
  const names = builtinScenarioNames();
  throw new InputError({
    field: "--scenario",
    allowed: `a scenario file path${names.length ? ` or one of: ${names.join(", ")}` : ""}`,
    received: JSON.stringify(nameOrPath),
  });
}

export function loadScenario(nameOrPath: string): Scenario {
  const path = resolveScenarioPath(nameOrPath);
  const label = extname(path) ? path : `${path} (scenario)`;
  return validateScenario(parseStructuredText(readText(path, "--scenario"), label));
}

/** `--patient`: a preset name or a JSON/YAML file holding a patient object. */
export function loadPatient(presetOrPath: string): PatientSpec {
  if (/\.(json|ya?ml)$/i.test(presetOrPath)) {
    const doc = parseStructuredText(readText(presetOrPath, "--patient"), presetOrPath);
    return resolvePatient(doc, "--patient");
  }
  return resolvePatient(presetOrPath, "--patient");
}
