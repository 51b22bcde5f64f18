/**
 * Hard-shell venous reservoir (open, vented to the room, or closed by VAVD).
 *
 * Level: on a hard shell the displayed level IS the blood volume (mL, printed on the shell). The blood column
 * over the outlet adds a hydrostatic pressure ρ·g·h with h = volume × `heightCmPerL` (a linearised shell
 * geometry: a model parameter, not a manufacturer figure).
 *
 * Pressures (mmHg, relative to atmosphere):
 *   gas space      Pgas = 0 (vented) or the VAVD regulator setting, clamped by the relief valves
 *   outlet         Pout = Pgas + ρ·g·h(V)                         (1 cm of blood = 1.05 × 0.7356 = 0.7723 mmHg)
 *   venous line    ΔPdrive = Pra + ρ·g·Hsiphon − Pgas              (venous line enters above the blood level)
 * Hsiphon is the height of the patient's right atrium above the reservoir inlet (gravity siphon, cm).
 * VAVD: regulated negative pressure, typically −20 to −60 mmHg (primer); the Capiox FX25 IFU allows VAVD down
 * to −150 mmHg (reference-data §7.1), used as the default negative-relief limit. The positive-pressure relief
 * (default +5 mmHg) is a model parameter: reservoirs vent through a valve so the gas space cannot pressurise.
 *
 * For the engine: P = E·V + Pext with E = ρ·g·heightCmPerL/1000 (mmHg/mL) and Pext = Pgas maps the reservoir
 * onto an ordinary compartment (`reservoirElastanceMmHgPerMl`).
 *
 * Air: below `vortexVolumeMl` the outlet entrains air (vortexing); at zero volume the outflow is all air. The
 * fraction of outflow that is air is (1 − V/Vvortex) — a model assumption that makes an emptying reservoir pump
 * air, which the level interlock exists to prevent.
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { hydrostaticMmHg, parseSpec } from "./units.ts";

export const reservoirSpecSchema = z
  .object({
    /** Capacity, mL (e.g. 3000–4500 adult, 1000–1500 neonatal). */
    capacityMl: z.number().min(100).max(6000),
    /** Minimum operating level, mL (IFU). */
    minOperatingLevelMl: z.number().min(0).max(2000),
    /** Prime volume in the shell at the start, mL (default twice the minimum operating level). */
    primeVolumeMl: z.number().min(0).max(6000).optional(),
    /** Shell geometry: cm of blood column per litre (linearised). */
    heightCmPerL: z.number().gt(0).max(100).default(6),
    /** Height of the patient's right atrium above the reservoir inlet, cm (gravity siphon). */
    siphonHeightCm: z.number().min(-50).max(150).default(50),
    /** Volume below which the outlet vortexes and entrains air, mL. Default: ⅓ of the minimum level. */
    vortexVolumeMl: z.number().min(0).max(1000).optional(),
    /** Relief valves, mmHg: the gas space is held between these. */
    positiveReliefMmHg: z.number().min(0).max(50).default(5),
    negativeReliefMmHg: z.number().min(-200).max(0).default(-150),
    /** VAVD regulator range allowed by the IFU, mmHg (Capiox FX25: ≥ −150). */
    vavdMinMmHg: z.number().min(-200).max(0).default(-150),
  })
  .strict();
export type ReservoirSpec = z.input<typeof reservoirSpecSchema>;

export interface ReservoirParams {
  readonly capacityMl: number;
  readonly primeVolumeMl: number;
  readonly minOperatingLevelMl: number;
  readonly heightCmPerMl: number;
  /** Hydrostatic mmHg per mL of blood in the shell. */
  readonly mmHgPerMl: number;
  readonly siphonMmHg: number;
  readonly vortexVolumeMl: number;
  readonly positiveReliefMmHg: number;
  readonly negativeReliefMmHg: number;
  readonly vavdMinMmHg: number;
}

export function buildReservoirParams(spec: unknown, root = "venousReservoir"): ReservoirParams {
  const s = parseSpec(reservoirSpecSchema, spec, root);
  if (s.minOperatingLevelMl >= s.capacityMl) {
    throw new InputError({
      field: `${root}.minOperatingLevelMl`,
      allowed: `below the capacity (${s.capacityMl} mL)`,
      received: String(s.minOperatingLevelMl),
    });
  }
  const primeVolumeMl = s.primeVolumeMl ?? 2 * s.minOperatingLevelMl;
  if (primeVolumeMl > s.capacityMl) {
    throw new InputError({
      field: `${root}.primeVolumeMl`,
      allowed: `at most the capacity (${s.capacityMl} mL)`,
      received: String(primeVolumeMl),
    });
  }
  const heightCmPerMl = s.heightCmPerL / 1000;
  return {
    capacityMl: s.capacityMl,
    primeVolumeMl,
    minOperatingLevelMl: s.minOperatingLevelMl,
    heightCmPerMl,
    mmHgPerMl: hydrostaticMmHg(heightCmPerMl),
    siphonMmHg: hydrostaticMmHg(s.siphonHeightCm),
    vortexVolumeMl: s.vortexVolumeMl ?? s.minOperatingLevelMl / 3,
    positiveReliefMmHg: s.positiveReliefMmHg,
    negativeReliefMmHg: Math.max(s.negativeReliefMmHg, s.vavdMinMmHg),
    vavdMinMmHg: s.vavdMinMmHg,
  };
}

/** Displayed level, mL: on a hard shell the level is the volume (never below 0). */
export function reservoirLevelMl(volumeMl: number): number {
  return Math.max(volumeMl, 0);
}

/**
 * Gas-space pressure, mmHg: 0 when vented; with VAVD on, the regulator setting clamped to the IFU range and the
 * relief valves. `vavdSetMmHg` is negative (e.g. −40).
 */
export function reservoirGasPressureMmHg(p: ReservoirParams, vavdOn: boolean, vavdSetMmHg: number): number {
  if (!vavdOn) return 0;
  let g = vavdSetMmHg;
  if (g < p.negativeReliefMmHg) g = p.negativeReliefMmHg;
  if (g > p.positiveReliefMmHg) g = p.positiveReliefMmHg;
  return g;
}

/** Pressure at the reservoir outlet, mmHg: gas pressure + blood column. */
export function reservoirOutletPressureMmHg(
  p: ReservoirParams,
  volumeMl: number,
  gasPressureMmHg: number,
): number {
  return gasPressureMmHg + p.mmHgPerMl * Math.max(volumeMl, 0);
}

/** Pressure difference driving the venous line, mmHg: Pra + ρ·g·Hsiphon − Pgas. */
export function venousDrivingPressureMmHg(
  p: ReservoirParams,
  raPressureMmHg: number,
  gasPressureMmHg: number,
): number {
  return raPressureMmHg + p.siphonMmHg - gasPressureMmHg;
}

/** Elastance for an engine compartment (mmHg/mL): the hydrostatic slope; Pext = gas pressure. */
export function reservoirElastanceMmHgPerMl(p: ReservoirParams): number {
  return p.mmHgPerMl;
}

/** Fraction (0–1) of the outlet flow that is entrained air at this volume (vortex model). */
export function reservoirAirFraction(p: ReservoirParams, volumeMl: number): number {
  if (volumeMl >= p.vortexVolumeMl) return 0;
  if (volumeMl <= 0 || p.vortexVolumeMl <= 0) return 1;
  return 1 - volumeMl / p.vortexVolumeMl;
}

/** Status bits of the reservoir. */
export const RESERVOIR_BELOW_MIN = 1;
export const RESERVOIR_OVERFLOW = 2;
export const RESERVOIR_VORTEX = 4;

export function reservoirStatus(p: ReservoirParams, volumeMl: number): number {
  let bits = 0;
  if (volumeMl < p.minOperatingLevelMl) bits |= RESERVOIR_BELOW_MIN;
  if (volumeMl > p.capacityMl) bits |= RESERVOIR_OVERFLOW;
  if (volumeMl < p.vortexVolumeMl) bits |= RESERVOIR_VORTEX;
  return bits;
}
