/**
 * Clamps and the sampling port.
 *
 * A clamp squeezes the tube; occlusion 0 (open) to 1 (fully clamped). Taking the squeezed lumen as a circular
 * tube of the remaining area (Poiseuille: R ∝ 1/r⁴ ∝ 1/A²), the resistance multiplier is 1/(1 − occlusion)²,
 * from 1 to ∞. The engine's connectors divide R by an open fraction, which is therefore (1 − occlusion)². A real
 * partly clamped tube is slit-shaped, which resists more; this is the simplest monotone law (model assumption).
 * Partial venous occlusion (weaning) is this clamp on the venous line, set in % by the console.
 */
import { z } from "zod";
import { parseSpec } from "./units.ts";

/** Resistance multiplier (1 … ∞) of a clamp at `occlusion` (0–1). */
export function clampResistanceMultiplier(occlusion: number): number {
  const open = 1 - (occlusion > 0 ? Math.min(occlusion, 1) : 0);
  return open > 0 ? 1 / (open * open) : Number.POSITIVE_INFINITY;
}

/** Open fraction (0–1) for the engine's connector (R_eff = R / open). */
export function clampOpenFraction(occlusion: number): number {
  const open = 1 - (occlusion > 0 ? Math.min(occlusion, 1) : 0);
  return open * open;
}

/** Occlusion (0–1) from a console percentage 0–100 % (clamped to the range). */
export function occlusionFromPercent(percent: number): number {
  return percent > 0 ? (percent < 100 ? percent / 100 : 1) : 0;
}

export const samplingPortSpecSchema = z
  .object({
    /** Dead space drawn and discarded before a sample, mL. */
    deadSpaceMl: z.number().min(0).max(20).default(1),
    /** Whether the dead-space draw is returned to the circuit (closed system) or discarded. */
    returnsDeadSpace: z.boolean().default(true),
  })
  .strict();

export interface SamplingPortParams {
  readonly deadSpaceMl: number;
  readonly returnsDeadSpace: boolean;
}

export function buildSamplingPortParams(spec: unknown, root = "samplingPort"): SamplingPortParams {
  return parseSpec(samplingPortSpecSchema, spec, root);
}

/** Blood volume (mL) leaving the circuit for one sample of `sampleMl`. */
export function sampleVolumeRemovedMl(p: SamplingPortParams, sampleMl: number): number {
  return sampleMl + (p.returnsDeadSpace ? 0 : p.deadSpaceMl);
}
