/**
 * Roller pump: a positive-displacement flow source with slip when under-occluded.
 *
 *   Q = dir · SV · rpm / 60 − G_leak · (P_out − P_in)            (mL/s)
 *
 * SV (mL per revolution) by boot size, reference-data §7.3 [S2, brainscape flash cards; typical of a ~150 mm
 * raceway]: 3/16" 7, 1/4" 13, 3/8" 27, 1/2" 45 mL/rev; a console calibration overrides it
 * (`strokeVolumeMlPerRev`).
 *
 * Slip (model assumption, documented in docs/models/circuit.md): an under-occluded roller leaves a slit between
 * the compressed tube walls; laminar flow through a slit of gap g has conductance ∝ g³ (plane Poiseuille), and
 * the gap grows with (1 − occlusion). With the conductance of the uncompressed boot over the raceway arc
 * (Poiseuille, `racewayLengthCm`) as the fully open limit:
 *   G_leak = (1 − occlusion)³ / (R_boot per cP · μ)
 * occlusion = 1 is fully occlusive (a pure flow source), 0 leaves the tube open.
 * The clinical setting is a drop test, so occlusion can also be given as one: a column `dropTestColumnCm` of
 * water in the outlet line falling `occlusionDropRateCmPerMin` (e.g. 1 inch/min in a 30-inch column, Sorin /
 * Groom & Stammers as quoted in Gravlee, Cardiopulmonary Bypass 4th ed.; 2.5 cm/min from 100 cm, Sarns manual
 * quoted by Mongero et al., Perfusion 1998;13:360). Then G_leak(water) = drop·A/(ρ·g·h) and occlusion follows
 * from the cubic law.
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { buildTubingParams } from "./tubing.ts";
import { hydrostaticMmHg, parseSpec, WATER_DENSITY_G_PER_ML, WATER_VISCOSITY_CP_20C } from "./units.ts";

/** Stroke volume per revolution by boot size, mL/rev (reference-data §7.3 [S2]). */
export const ROLLER_STROKE_VOLUME_ML: Readonly<Record<"3/16" | "1/4" | "3/8" | "1/2", number>> = {
  "3/16": 7,
  "1/4": 13,
  "3/8": 27,
  "1/2": 45,
};

export const rollerPumpSpecSchema = z
  .object({
    bootSize: z.enum(["3/16", "1/4", "3/8", "1/2"]),
    /** Console calibration, mL/rev; overrides the boot-size table. */
    strokeVolumeMlPerRev: z.number().gt(0).max(100).optional(),
    /** 1 = fully occlusive; give this or a drop test. */
    occlusion: z.number().min(0).max(1).optional(),
    occlusionDropRateCmPerMin: z.number().min(0).max(100).optional(),
    dropTestColumnCm: z.number().gt(0).max(200).default(76.2),
    /** Length of boot under the rollers, cm (≈ 210° of a 150 mm raceway; geometry assumption). */
    racewayLengthCm: z.number().gt(0).max(100).default(27),
    direction: z.enum(["forward", "reverse"]).default("forward"),
    maxRpm: z.number().gt(0).max(400).default(250),
  })
  .strict();
export type RollerPumpSpec = z.input<typeof rollerPumpSpecSchema>;

export interface RollerPumpParams {
  readonly strokeVolumeMlPerRev: number;
  readonly occlusion: number;
  /** Slip conductance × viscosity, (mL/s/mmHg)·cP; G_leak = leakPerCp / μ. */
  readonly leakPerCp: number;
  /** +1 forward, −1 reverse. */
  readonly direction: number;
  readonly maxRpm: number;
}

export function buildRollerPumpParams(spec: unknown, root = "rollerPump"): RollerPumpParams {
  const s = parseSpec(rollerPumpSpecSchema, spec, root);
  if (s.occlusion !== undefined && s.occlusionDropRateCmPerMin !== undefined) {
    throw new InputError({
      field: `${root}.occlusionDropRateCmPerMin`,
      allowed: "absent when `occlusion` is given (give one of the two)",
      received: String(s.occlusionDropRateCmPerMin),
    });
  }
  const boot = buildTubingParams({ internalDiameterIn: s.bootSize, lengthM: s.racewayLengthCm / 100 });
  let occlusion = s.occlusion ?? 1;
  if (s.occlusionDropRateCmPerMin !== undefined) {
    occlusion = occlusionFromDropTest(
      s.occlusionDropRateCmPerMin,
      s.dropTestColumnCm,
      boot.volumeMl / s.racewayLengthCm,
      boot.rPerCp,
    );
  }
  const gap = 1 - occlusion;
  return {
    strokeVolumeMlPerRev: s.strokeVolumeMlPerRev ?? ROLLER_STROKE_VOLUME_ML[s.bootSize],
    occlusion,
    leakPerCp: (gap * gap * gap) / boot.rPerCp,
    direction: s.direction === "forward" ? 1 : -1,
    maxRpm: s.maxRpm,
  };
}

/**
 * Occlusion (0–1) from a drop test: a water column `columnCm` high in tubing of `mlPerCm` cross-section falls
 * `dropCmPerMin`. Leak flow = drop·A; pressure = ρ·g·h (water); G = flow/pressure; (1 − occ)³ = G·R_boot.
 */
export function occlusionFromDropTest(
  dropCmPerMin: number,
  columnCm: number,
  mlPerCm: number,
  bootRPerCp: number,
): number {
  const leakMlPerS = (dropCmPerMin / 60) * mlPerCm;
  const g = leakMlPerS / hydrostaticMmHg(columnCm, WATER_DENSITY_G_PER_ML);
  const gap = Math.cbrt(g * bootRPerCp * WATER_VISCOSITY_CP_20C);
  return gap < 1 ? 1 - gap : 0;
}

/** Nominal (displacement) flow, mL/s, at `rpm` (sign: direction). */
export function rollerPumpDisplacementMlPerS(p: RollerPumpParams, rpm: number): number {
  return (p.direction * p.strokeVolumeMlPerRev * rpm) / 60;
}

/**
 * Flow delivered, mL/s: displacement minus slip back across the pump. `inletMmHg`/`outletMmHg` are the
 * pressures at the pump's nominal inlet and outlet ports; μ in cP.
 */
export function rollerPumpFlowMlPerS(
  p: RollerPumpParams,
  rpm: number,
  inletMmHg: number,
  outletMmHg: number,
  viscosityCp: number,
): number {
  return (
    (p.direction * p.strokeVolumeMlPerRev * rpm) / 60 - (p.leakPerCp / viscosityCp) * (outletMmHg - inletMmHg)
  );
}

/** rpm that displaces `flowLPerMin` (no slip), capped at the pump's maximum. */
export function rollerPumpRpmForFlow(p: RollerPumpParams, flowLPerMin: number): number {
  const rpm = (Math.abs(flowLPerMin) * 1000) / p.strokeVolumeMlPerRev;
  return Math.min(rpm, p.maxRpm);
}
