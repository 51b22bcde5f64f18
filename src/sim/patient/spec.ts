/**
 * Patient specification: who is simulated. Presets span term neonate to adult; anything inside the
 * supported range is built by interpolating reference targets and allometric rules (docs/models/scaling.md).
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";

export type PatientPresetName = "neonate" | "infant" | "child" | "adult-male" | "adult-female";
export const PATIENT_PRESETS: readonly PatientPresetName[] = [
  "neonate",
  "infant",
  "child",
  "adult-male",
  "adult-female",
];

export interface PatientSpec {
  weightKg: number;
  heightCm: number;
  ageYears: number;
  sex: "male" | "female";
  /** Haematocrit (fraction); default by age (docs/models/scaling.md). */
  hct?: number;
  /** Fraction of pulmonary blood flow that bypasses ventilated alveoli (0–0.6); default 0.02. */
  shuntFraction?: number;
  /** Fraction of each breath that does not reach alveoli (0.1–0.8); default 0.3. */
  deadSpaceFraction?: number;
  /** Multiplier on ventricular end-systolic elastance (0.2–2); 1 = normal. */
  contractilityFactor?: number;
  /** Multiplier on systemic vascular resistance (0.3–3). */
  svrFactor?: number;
  /** Multiplier on pulmonary vascular resistance (0.3–10). */
  pvrFactor?: number;
  /** Open fraction of a patent ductus arteriosus (0 closed – 1 wide open); default 0. */
  pdaOpenFraction?: number;
  /** Baroreflex on (default true). */
  baroreflex?: boolean;
  /**
   * ACT without heparin (s); default 120 (off-heparin range 100–140 s). A critically ill patient on ECMO reads
   * higher for the same heparin (haemodilution, consumption, low antithrombin: not modelled one by one), see
   * docs/models/drugs.md, "ACT".
   */
  baselineActS?: number;
}

/** Supported range. Below 2.5 kg (preterm) and above 150 kg the reference targets do not apply. */
export const PATIENT_LIMITS = {
  weightKg: { min: 2.5, max: 150, unit: "kg" },
  heightCm: { min: 40, max: 220, unit: "cm" },
  ageYears: { min: 0, max: 100, unit: "years" },
  hct: { min: 0.15, max: 0.65, unit: "(fraction)" },
  shuntFraction: { min: 0, max: 0.6, unit: "(fraction)" },
  deadSpaceFraction: { min: 0.1, max: 0.8, unit: "(fraction)" },
  contractilityFactor: { min: 0.2, max: 2, unit: "(×)" },
  svrFactor: { min: 0.3, max: 3, unit: "(×)" },
  pvrFactor: { min: 0.3, max: 10, unit: "(×)" },
  pdaOpenFraction: { min: 0, max: 1, unit: "(fraction)" },
  baselineActS: { min: 80, max: 250, unit: "s" },
} as const;

const PRESETS: Record<PatientPresetName, PatientSpec> = {
  neonate: { weightKg: 3.5, heightCm: 50, ageYears: 0, sex: "male" },
  infant: { weightKg: 8, heightCm: 70, ageYears: 0.75, sex: "female" },
  child: { weightKg: 20, heightCm: 115, ageYears: 6, sex: "male" },
  "adult-male": { weightKg: 80, heightCm: 180, ageYears: 50, sex: "male" },
  "adult-female": { weightKg: 65, heightCm: 165, ageYears: 50, sex: "female" },
};

export function patientFromPreset(name: string): PatientSpec {
  if (!(PATIENT_PRESETS as readonly string[]).includes(name)) {
    throw new InputError({
      field: "patient",
      allowed: `one of: ${PATIENT_PRESETS.join(", ")}`,
      received: name,
    });
  }
  return { ...PRESETS[name as PatientPresetName] };
}

const range = (r: { min: number; max: number; unit: string }) => z.number().finite().min(r.min).max(r.max);

const L = PATIENT_LIMITS;
export const patientSpecSchema = z
  .object({
    weightKg: range(L.weightKg),
    heightCm: range(L.heightCm),
    ageYears: range(L.ageYears),
    sex: z.enum(["male", "female"]),
    hct: range(L.hct).optional(),
    shuntFraction: range(L.shuntFraction).optional(),
    deadSpaceFraction: range(L.deadSpaceFraction).optional(),
    contractilityFactor: range(L.contractilityFactor).optional(),
    svrFactor: range(L.svrFactor).optional(),
    pvrFactor: range(L.pvrFactor).optional(),
    pdaOpenFraction: range(L.pdaOpenFraction).optional(),
    baroreflex: z.boolean().optional(),
    baselineActS: range(L.baselineActS).optional(),
  })
  .strict();

function allowedFor(field: string): string {
  const r = (L as Record<string, { min: number; max: number; unit: string }>)[field];
  if (r) return `a number ≥ ${r.min} and ≤ ${r.max} ${r.unit}`;
  if (field === "sex") return "one of: male, female";
  if (field === "baroreflex") return "true or false";
  return "a known patient field";
}

/** Turns zod issues into an InputError naming each field and its allowed range. */
export function zodToInputError(
  error: z.ZodError,
  prefix: string,
  allowed: (field: string) => string,
): InputError {
  return new InputError(
    error.issues.map((issue) => {
      const field = [prefix, ...issue.path.map(String)].filter((s) => s !== "").join(".");
      const last = String(issue.path[issue.path.length - 1] ?? "");
      let received: string | undefined;
      if (issue.code === "unrecognized_keys") {
        return { field: `${field}${field ? "." : ""}${issue.keys.join(",")}`, allowed: "not a known field" };
      }
      if ("input" in issue && issue.input !== undefined) received = String(issue.input);
      return { field: field || prefix || "input", allowed: allowed(last), received };
    }),
  );
}

export function validatePatientSpec(input: unknown): PatientSpec {
  const r = patientSpecSchema.safeParse(input);
  if (!r.success) throw zodToInputError(r.error, "patient", allowedFor);
  return r.data;
}
