/**
 * Cannula: pressure drop against flow, ΔP = a·Q + b·Q² (Q ≥ 0; odd-symmetric for reverse flow).
 *
 * Fit: least squares without intercept to the published points (normal equations of the 2-parameter linear
 * model), so two points are fitted exactly when they admit a ≥ 0 and b ≥ 0. With one point there is no information on the shape: the curve is
 * taken as purely quadratic (a = 0, b = ΔP/Q²), the form the multi-point Medtronic EOPA curves nearly follow
 * (their fitted linear term carries < 15 % of the drop at 5 L/min; tests). If the fit gives a < 0 or b < 0
 * (a curve that would go negative or concave), it is refitted with that term fixed at 0.
 *
 * Water → blood: by dynamic similarity (equal Reynolds number), ΔP/(ρv²) = f(Re). Applied to the a·Q + b·Q²
 * form this gives exactly: the viscous term scales with μ (a_blood = a_data·μ_blood/μ_data) and the inertial
 * term with ρ (b_blood = b_data·ρ_blood/ρ_data). Ganushchak et al. (Perfusion 2020;35:331, PMC7263036) showed
 * that dynamic-similarity (and M-number) scaling of water charts predicts the drop of a blood-viscosity fluid
 * (0.0031 Pa·s) better (concordance 0.95) than a fitted parabola used as is (0.90). Limits, stated plainly: a
 * single-point (pure quadratic) fit has no viscous term, so it is not scaled by viscosity and under-states the
 * blood drop; the data range is ~3–6 L/min, extrapolation outside it is the parabola's.
 *
 * Units inside: Q in mL/s, ΔP in mmHg. a in mmHg/(mL/s) = 0.06 × (mmHg per L/min); b in mmHg/(mL/s)² =
 * 0.0036 × (mmHg per (L/min)²).
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { CANNULA_DATA, CANNULA_TYPES, type CannulaData } from "./cannula-data.ts";
import {
  BLOOD_DENSITY_G_PER_ML,
  parseSpec,
  WATER_DENSITY_G_PER_ML,
  WATER_VISCOSITY_CP_20C,
} from "./units.ts";

const pointSchema = z.tuple([z.number().gt(0).max(15), z.number().gt(0).max(1000)]);

export const cannulaSpecSchema = z
  .object({
    type: z.enum(CANNULA_TYPES),
    /** French size (outer diameter in mm × 3). */
    fr: z.number().min(6).max(51),
    /** Length, cm (informational: the curve already includes the length of the tested cannula). */
    lengthCm: z.number().gt(0).max(100).optional(),
    /** Id of a built-in data entry (CANNULA_DATA); used when `pressureFlow` is absent. */
    model: z.string().min(1).optional(),
    /** Published points: [flow L/min, ΔP mmHg], the test fluid and its properties. */
    pressureFlow: z
      .object({
        points: z.array(pointSchema).min(1).max(20),
        fluid: z.enum(["water", "blood"]),
        dataViscosityCp: z.number().gt(0).max(20).optional(),
        dataDensityGPerMl: z.number().min(0.9).max(1.2).optional(),
        source: z.string().optional(),
      })
      .strict()
      .optional(),
    /** Patient compartment the tip sits in (checked by the circuit validator). */
    vessel: z.string().min(1).optional(),
  })
  .strict();
export type CannulaSpec = z.input<typeof cannulaSpecSchema>;

export interface CannulaParams {
  /** Fitted coefficients on the data fluid, in mmHg per (L/min) and per (L/min)² (for display and tests). */
  readonly aDataPerLPerMin: number;
  readonly bDataPerLPerMin2: number;
  /** Viscous term per cP of the flowing blood, mmHg/(mL/s)/cP. */
  readonly aPerCp: number;
  /** Inertial term for blood, mmHg/(mL/s)². */
  readonly bBlood: number;
  readonly fluid: "water" | "blood";
  readonly dataViscosityCp: number;
  readonly points: readonly (readonly [number, number])[];
}

/** Least-squares fit ΔP = a·Q + b·Q² without intercept (Q in L/min); exact for two points. */
export function fitQuadraticThroughOrigin(points: readonly (readonly [number, number])[]): {
  a: number;
  b: number;
} {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let sp1 = 0;
  let sp2 = 0;
  for (const [q, p] of points) {
    s2 += q * q;
    s3 += q * q * q;
    s4 += q * q * q * q;
    sp1 += q * p;
    sp2 += q * q * p;
  }
  const det = s2 * s4 - s3 * s3;
  // One point (or all at one flow): no shape information → pure quadratic.
  if (points.length < 2 || det <= 1e-12 * s2 * s4) return { a: 0, b: sp2 / s4 };
  let a = (sp1 * s4 - sp2 * s3) / det;
  let b = (s2 * sp2 - s3 * sp1) / det;
  if (a < 0) {
    a = 0;
    b = sp2 / s4;
  } else if (b < 0) {
    b = 0;
    a = sp1 / s2;
  }
  return { a, b };
}

/** Validates a cannula spec and fits its curve. Throws InputError naming the field. */
export function buildCannulaParams(spec: unknown, root = "cannula"): CannulaParams {
  const s = parseSpec(cannulaSpecSchema, spec, root);
  let data: Pick<CannulaData, "points" | "fluid" | "dataViscosityCp" | "dataDensityGPerMl">;
  if (s.pressureFlow) {
    const pf = s.pressureFlow;
    data = {
      points: pf.points,
      fluid: pf.fluid,
      dataViscosityCp: pf.dataViscosityCp ?? (pf.fluid === "water" ? WATER_VISCOSITY_CP_20C : 3.5),
      dataDensityGPerMl:
        pf.dataDensityGPerMl ?? (pf.fluid === "water" ? WATER_DENSITY_G_PER_ML : BLOOD_DENSITY_G_PER_ML),
    };
  } else if (s.model !== undefined && CANNULA_DATA[s.model]) {
    data = CANNULA_DATA[s.model]!;
  } else {
    throw new InputError({
      field: s.model === undefined ? `${root}.pressureFlow` : `${root}.model`,
      allowed:
        s.model === undefined
          ? "given (points [flow L/min, ΔP mmHg]), or a known `model`"
          : `one of: ${Object.keys(CANNULA_DATA).join(", ")}`,
      received: s.model === undefined ? "nothing" : JSON.stringify(s.model),
    });
  }
  const { a, b } = fitQuadraticThroughOrigin(data.points);
  return {
    aDataPerLPerMin: a,
    bDataPerLPerMin2: b,
    aPerCp: (a * 0.06) / data.dataViscosityCp,
    bBlood: b * 0.0036 * (BLOOD_DENSITY_G_PER_ML / data.dataDensityGPerMl),
    fluid: data.fluid,
    dataViscosityCp: data.dataViscosityCp,
    points: data.points,
  };
}

/** ΔP (mmHg) of the fitted curve on the data's own fluid at `flowLPerMin` (what the catalogue shows). */
export function cannulaDataPressureDropMmHg(p: CannulaParams, flowLPerMin: number): number {
  const q = Math.abs(flowLPerMin);
  const dp = p.aDataPerLPerMin * q + p.bDataPerLPerMin2 * q * q;
  return flowLPerMin < 0 ? -dp : dp;
}

/** ΔP (mmHg, signed with the flow) for blood of viscosity `viscosityCp` at `flowMlPerS`. */
export function cannulaPressureDropMmHg(p: CannulaParams, flowMlPerS: number, viscosityCp: number): number {
  const q = Math.abs(flowMlPerS);
  const dp = p.aPerCp * viscosityCp * q + p.bBlood * q * q;
  return flowMlPerS < 0 ? -dp : dp;
}

/**
 * Flow (mL/s, signed with ΔP) through the cannula at a pressure difference `dpMmHg`: the positive root of
 * b·Q² + a·Q − |ΔP| = 0 in the cancellation-free form Q = 2|ΔP| / (a + √(a² + 4·b·|ΔP|)). Exact inverse.
 */
export function cannulaFlowMlPerS(p: CannulaParams, dpMmHg: number, viscosityCp: number): number {
  const dp = Math.abs(dpMmHg);
  const a = p.aPerCp * viscosityCp;
  const denom = a + Math.sqrt(a * a + 4 * p.bBlood * dp);
  const q = denom > 0 ? (2 * dp) / denom : 0;
  return dpMmHg < 0 ? -q : q;
}

/** Chord resistance ΔP/Q = a + b·|Q| (mmHg·s/mL) at the current flow, for a linear network connector. */
export function cannulaChordResistance(p: CannulaParams, flowMlPerS: number, viscosityCp: number): number {
  return p.aPerCp * viscosityCp + p.bBlood * Math.abs(flowMlPerS);
}
