// TEMPORARY STUB of the engine API (branch engine replaces this file at merge).
import { z } from "zod";
import { InputError } from "../common/errors.ts";

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
  hct?: number;
}
export function patientFromPreset(name: string): PatientSpec {
  if (name === "adult-male") return { weightKg: 80, heightCm: 180, ageYears: 50, sex: "male" };
  if (name === "neonate") return { weightKg: 3.5, heightCm: 50, ageYears: 0, sex: "male" };
  throw new InputError({
    field: "patient",
    allowed: `one of: ${PATIENT_PRESETS.join(", ")}`,
    received: name,
  });
}
export const patientSpecSchema = z.object({
  weightKg: z.number().min(2).max(150),
  heightCm: z.number().min(30).max(250),
  ageYears: z.number().min(0).max(110),
  sex: z.enum(["male", "female"]),
  hct: z.number().min(0.1).max(0.7).optional(),
});
export function validatePatientSpec(input: unknown): PatientSpec {
  const r = patientSpecSchema.safeParse(input);
  if (!r.success)
    throw new InputError({ field: "patient", allowed: "valid", received: JSON.stringify(input) });
  return r.data;
}
export interface SignalSpec {
  name: string;
  unit: string;
  description: string;
}
export interface Action {
  t: number;
  type: string;
  [k: string]: unknown;
}
export const actionSchema = z.discriminatedUnion("type", [
  z.object({ t: z.number(), type: z.literal("bleeding.set"), rateMlPerMin: z.number().min(0).max(5000) }),
  z.object({ t: z.number(), type: z.literal("heart.defibrillate") }),
]);
export interface Simulation {
  readonly timeS: number;
  readonly signals: readonly SignalSpec[];
  signalIndex(name: string): number;
  read(signalIndex: number): number;
  schedule(action: Action): void;
  advance(seconds: number): void;
}
export function createSimulation(_opts: { patient: PatientSpec; seed?: number }): Simulation {
  throw new Error("stub");
}
