/**
 * Tubing segment: volume from geometry and a laminar (Poiseuille) resistance.
 *
 *   V = π·r²·L                                   (reference-data §7.2; inch = 2.54 cm exactly)
 *   R = 8·μ·L / (π·r⁴)   [Pa·s/m³]  → ×1e-6/133.322 → mmHg·s/mL      (Hagen–Poiseuille)
 *
 * μ (blood viscosity, cP) is an input of the fast function, so the engine passes the current value from
 * `bloodViscosityCp(hct, tempC)` (branch `blood`). Poiseuille holds for laminar flow (Re < ~2000–2300): in
 * 3/8" tubing at 5 L/min blood Re ≈ 3300, so the linear R under-states the drop at high flow in large tubing;
 * `tubingReynolds` lets the engine or a test say when that is the case (docs/models/circuit.md).
 */
import { z } from "zod";
import { BLOOD_DENSITY_G_PER_ML, CM_PER_INCH, PA_PER_MMHG, parseSpec } from "./units.ts";

/** Nominal tubing sizes, internal diameter in inches. */
export const TUBING_SIZES_IN = {
  "3/16": 3 / 16,
  "1/4": 1 / 4,
  "5/16": 5 / 16,
  "3/8": 3 / 8,
  "1/2": 1 / 2,
  "5/8": 5 / 8,
} as const;
export type TubingSize = keyof typeof TUBING_SIZES_IN;
const SIZE_NAMES = Object.keys(TUBING_SIZES_IN) as [TubingSize, ...TubingSize[]];

export const tubingSpecSchema = z
  .object({
    /** Internal diameter: a nominal size ("3/8") or decimal inches (0.05–1). */
    internalDiameterIn: z.union([z.enum(SIZE_NAMES), z.number().min(0.05).max(1)]),
    /** Length, m (> 0, ≤ 20). */
    lengthM: z.number().gt(0).max(20),
  })
  .strict();
export type TubingSpec = z.input<typeof tubingSpecSchema>;

export interface TubingParams {
  readonly internalDiameterM: number;
  readonly lengthM: number;
  /** Internal volume, mL. */
  readonly volumeMl: number;
  /** R per cP of viscosity, mmHg·s/mL/cP: R = rPerCp·μ. */
  readonly rPerCp: number;
}

/** Internal diameter in inches from a nominal size or a decimal. */
export function tubingDiameterIn(d: TubingSize | number): number {
  return typeof d === "number" ? d : TUBING_SIZES_IN[d];
}

/** Validates a tubing spec (InputError naming the field) and precomputes volume and R per cP. */
export function buildTubingParams(spec: unknown, root = "tubing"): TubingParams {
  const s = parseSpec(tubingSpecSchema, spec, root);
  const dM = (tubingDiameterIn(s.internalDiameterIn) * CM_PER_INCH) / 100;
  const r = dM / 2;
  const volumeMl = Math.PI * r * r * s.lengthM * 1e6;
  // 8·(1e-3 Pa·s per cP)·L/(π r⁴) Pa·s/m³ → mmHg·s/mL
  const rPerCp = (8 * 1e-3 * s.lengthM) / (Math.PI * r ** 4) / PA_PER_MMHG / 1e6;
  return { internalDiameterM: dM, lengthM: s.lengthM, volumeMl, rPerCp };
}

/** Volume per length, mL/m, of a tubing size (reference-data §7.2 table). */
export function tubingMlPerM(d: TubingSize | number): number {
  const r = (tubingDiameterIn(d) * CM_PER_INCH) / 2; // cm
  return Math.PI * r * r * 100;
}

/** Poiseuille resistance, mmHg·s/mL, at blood viscosity `viscosityCp`. */
export function tubingResistance(p: TubingParams, viscosityCp: number): number {
  return p.rPerCp * viscosityCp;
}

/** Pressure drop (mmHg, signed with the flow) at `flowMlPerS`: ΔP = R·Q (laminar). */
export function tubingPressureDropMmHg(p: TubingParams, flowMlPerS: number, viscosityCp: number): number {
  return p.rPerCp * viscosityCp * flowMlPerS;
}

/** Reynolds number ρ·v·D/μ = 4·ρ·Q/(π·D·μ) of the flow (blood density 1.05 g/mL unless given). */
export function tubingReynolds(
  p: TubingParams,
  flowMlPerS: number,
  viscosityCp: number,
  densityGPerMl: number = BLOOD_DENSITY_G_PER_ML,
): number {
  const q = Math.abs(flowMlPerS) * 1e-6; // m³/s
  return (4 * densityGPerMl * 1000 * q) / (Math.PI * p.internalDiameterM * viscosityCp * 1e-3);
}
