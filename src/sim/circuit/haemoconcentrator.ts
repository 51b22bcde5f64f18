/**
 * Haemoconcentrator (ultrafiltration): removes plasma water from the blood passing it. Red cells and Hb stay,
 * so with V the blood volume concerned and Vuf the ultrafiltrate:
 *   Hct' = Hct·V/(V − Vuf),   Hb' = Hb·V/(V − Vuf)       (cell mass conserved)
 * The ultrafiltration rate is what the perfusionist sets (suction on the filtrate side or a clamp); it is capped by
 * the device maximum and by a filtration fraction of the plasma flow through it (default 0.3 [U]: beyond about a
 * third of the plasma flow the blood leaving becomes too concentrated to flow well).
 */
import { z } from "zod";
import { parseSpec } from "./units.ts";

export const haemoconcentratorSpecSchema = z
  .object({
    maxUltrafiltrationMlPerMin: z.number().gt(0).max(500).default(150),
    maxFiltrationFraction: z.number().gt(0).max(0.8).default(0.3),
    primeMl: z.number().min(0).max(200).optional(),
  })
  .strict();
export type HaemoconcentratorSpec = z.input<typeof haemoconcentratorSpecSchema>;

export interface HaemoconcentratorParams {
  readonly maxUltrafiltrationMlPerS: number;
  readonly maxFiltrationFraction: number;
}

export function buildHaemoconcentratorParams(
  spec: unknown,
  root = "haemoconcentrator",
): HaemoconcentratorParams {
  const s = parseSpec(haemoconcentratorSpecSchema, spec, root);
  return {
    maxUltrafiltrationMlPerS: s.maxUltrafiltrationMlPerMin / 60,
    maxFiltrationFraction: s.maxFiltrationFraction,
  };
}

/** Ultrafiltrate removed (mL/s) at set rate `rateMlPerMin`, blood flow through the filter and haematocrit. */
export function ultrafiltrationMlPerS(
  p: HaemoconcentratorParams,
  rateMlPerMin: number,
  bloodFlowMlPerS: number,
  hct: number,
): number {
  let uf = rateMlPerMin > 0 ? rateMlPerMin / 60 : 0;
  if (uf > p.maxUltrafiltrationMlPerS) uf = p.maxUltrafiltrationMlPerS;
  const plasma = Math.max(bloodFlowMlPerS, 0) * (1 - hct);
  const cap = p.maxFiltrationFraction * plasma;
  return Math.min(uf, cap);
}

/** Haematocrit (or Hb: same factor) after removing `removedMl` of plasma water from `volumeMl` of blood. */
export function concentrate(valueBefore: number, volumeMl: number, removedMl: number): number {
  const v = volumeMl - removedMl;
  return v > 0 ? (valueBefore * volumeMl) / v : valueBefore;
}
