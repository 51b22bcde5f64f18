/**
 * Units and physical constants shared by the circuit components. Internal units: mL, mL/s, mmHg, °C, cP
 * (mPa·s), seconds. L/min appears only at the edges (specs, readouts) and is converted here.
 */
import type { z } from "zod";
import { parseOrThrow } from "../../common/zod.ts";

/** 1 mmHg = 133.322387415 Pa (conventional millimetre of mercury, BIPM SI brochure, non-SI units table). */
export const PA_PER_MMHG = 133.322387415;
/** 1 cmH2O = 98.0665 Pa (conventional, g_n·1 cm of water at 1 g/mL) = 0.73556 mmHg. */
export const MMHG_PER_CMH2O = 98.0665 / PA_PER_MMHG;
/** Standard gravity, m/s² (CGPM 1901). */
export const GRAVITY_M_PER_S2 = 9.80665;
/**
 * Whole-blood density, g/mL: 1.05 (specific gravity of whole blood 1.05–1.06; Trudnowski & Rico, Clin Chem
 * 1974;20:615). The `blood` branch uses the same 1.05.
 */
export const BLOOD_DENSITY_G_PER_ML = 1.05;
/** Water density at ~20 °C, g/mL (0.998; taken as 1.0 where the data do not state temperature). */
export const WATER_DENSITY_G_PER_ML = 0.998;
/** Water viscosity at 20 °C, cP (1.002; IAPWS 2008 formulation, rounded). */
export const WATER_VISCOSITY_CP_20C = 1.002;
/** 1 inch = 2.54 cm exactly (international inch, 1959). */
export const CM_PER_INCH = 2.54;
/** mL/s per L/min. */
export const ML_PER_S_PER_L_PER_MIN = 1000 / 60;

export function lPerMinToMlPerS(lPerMin: number): number {
  return (lPerMin * 1000) / 60;
}

export function mlPerSToLPerMin(mlPerS: number): number {
  return (mlPerS * 60) / 1000;
}

/**
 * Hydrostatic pressure (mmHg) of a fluid column `heightCm` high: ρ·g·h. For blood (1.05 g/mL) 1 cm gives
 * 0.7723 mmHg; for water 0.7356 mmHg (1 cmH2O).
 */
export function hydrostaticMmHg(heightCm: number, densityGPerMl: number = BLOOD_DENSITY_G_PER_ML): number {
  return heightCm * densityGPerMl * MMHG_PER_CMH2O;
}

/** Validates `spec` with a zod schema and throws InputError naming each bad field (under `root`). */
export function parseSpec<S extends z.ZodType>(schema: S, spec: unknown, root: string): z.output<S> {
  return parseOrThrow(schema, spec, root);
}
