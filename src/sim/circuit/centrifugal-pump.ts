/**
 * Centrifugal pump: pressure rise (head) against flow and speed.
 *
 *   H = a·n² − (b·n + r0)·Q − c·Q·|Q|        n = rpm/1000, Q in L/min, H = P_out − P_in in mmHg
 *
 * The first three terms are the form of the Explain engine's Ecls model (explain-labs/explain-engine,
 * device_models/Ecls.js; reference-data §7.4 [S2]): a·n² the shut-off (zero-flow) head, b·n·Q the slip fall-off.
 * r0 (passive resistance of the pump head, both directions) keeps the curve strictly decreasing at n = 0, so a
 * stopped or slow pump acts as a resistance and flow runs backwards whenever P_out − P_in exceeds the shut-off
 * head a·n² (retrograde flow, the reason consoles keep a minimum speed or clamp: Medtronic BP-50 page, §7.4).
 * The law is odd in Q about the shut-off head, so "flow from pressure difference" has one exact root:
 *   Hs = a·n² − ΔP,  B = b·n + r0,  Q = sign(Hs) · 2|Hs| / (B + √(B² + 4·c·|Hs|))
 *
 * Coefficients (all model fits, not manufacturer H-Q tables, which were not retrieved — reference §10):
 *   Rotaflow RF-32  a 28.0  b 13.0  max 5000 rpm  [S2 Explain; deadhead ~108 mmHg @2000 and ~700 @5000]
 *   CentriMag       a 24.0  b 11.1  max 5000 rpm  [S2 Explain]
 *   PediMag         a  9.9  b 30.3  max 5500 rpm  [S2 Explain]
 *   Bio-Pump BP-50  a 20.0  b 28.9  max 3000 rpm  [S2 Explain]
 *   Bio-Pump BP-80  a 40.0  b  7.3  max 4500 rpm  [U] placeholder: chosen so that 5 L/min meets ~250 mmHg at
 *                   3000 rpm, the BP-80's operating region per Ganushchak et al., Perfusion 2006;21:373 [S]
 *   c = 0 in all; r0 = 0.833 mmHg/(L/min) (Explain's pump_res_back, 50 mmHg/(L/s)) [S2].
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { parseSpec } from "./units.ts";

export const CENTRIFUGAL_MODELS = {
  rotaflow: { a: 28.0, b: 13.0, c: 0, maxRpm: 5000, evidence: "S2" },
  centrimag: { a: 24.0, b: 11.1, c: 0, maxRpm: 5000, evidence: "S2" },
  pedimag: { a: 9.9, b: 30.3, c: 0, maxRpm: 5500, evidence: "S2" },
  bp50: { a: 20.0, b: 28.9, c: 0, maxRpm: 3000, evidence: "S2" },
  bp80: { a: 40.0, b: 7.3, c: 0, maxRpm: 4500, evidence: "U" },
} as const;
export type CentrifugalModel = keyof typeof CENTRIFUGAL_MODELS;
const MODEL_NAMES = Object.keys(CENTRIFUGAL_MODELS) as [CentrifugalModel, ...CentrifugalModel[]];

export const centrifugalPumpSpecSchema = z
  .object({
    model: z.enum([...MODEL_NAMES, "custom"]),
    /** Custom coefficients (model "custom"): a mmHg/krpm², b mmHg/(krpm·L/min), c mmHg/(L/min)². */
    a: z.number().gt(0).max(200).optional(),
    b: z.number().min(0).max(200).optional(),
    c: z.number().min(0).max(100).optional(),
    maxRpm: z.number().gt(0).max(10000).optional(),
    /** Passive resistance of the head, mmHg/(L/min). */
    r0: z.number().gt(0).max(100).default(0.833),
    /** Priming volume of the pump head, mL (closed circuits: the pump-head segment; Rotaflow RF-32 32 mL [U]). */
    primeMl: z.number().gt(0).max(500).optional(),
  })
  .strict();
export type CentrifugalPumpSpec = z.input<typeof centrifugalPumpSpecSchema>;

export interface CentrifugalPumpParams {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly r0: number;
  readonly maxRpm: number;
}

export function buildCentrifugalPumpParams(spec: unknown, root = "centrifugalPump"): CentrifugalPumpParams {
  const s = parseSpec(centrifugalPumpSpecSchema, spec, root);
  if (s.model === "custom") {
    if (s.a === undefined || s.b === undefined) {
      throw new InputError({
        field: `${root}.${s.a === undefined ? "a" : "b"}`,
        allowed: 'given when model is "custom" (a > 0 mmHg/krpm², b ≥ 0 mmHg/(krpm·L/min))',
        received: "nothing",
      });
    }
    return { a: s.a, b: s.b, c: s.c ?? 0, r0: s.r0, maxRpm: s.maxRpm ?? 5000 };
  }
  const m = CENTRIFUGAL_MODELS[s.model];
  return { a: s.a ?? m.a, b: s.b ?? m.b, c: s.c ?? m.c, r0: s.r0, maxRpm: s.maxRpm ?? m.maxRpm };
}

/** Head P_out − P_in (mmHg) at `rpm` and `flowMlPerS` (negative flow = retrograde). */
export function centrifugalHeadMmHg(p: CentrifugalPumpParams, rpm: number, flowMlPerS: number): number {
  const n = rpm > 0 ? rpm / 1000 : 0;
  const q = flowMlPerS * 0.06;
  return p.a * n * n - (p.b * n + p.r0) * q - p.c * q * Math.abs(q);
}

/** Flow (mL/s; negative = retrograde) for a pressure difference P_out − P_in = `dpMmHg` at `rpm`. Exact. */
export function centrifugalFlowMlPerS(p: CentrifugalPumpParams, rpm: number, dpMmHg: number): number {
  const n = rpm > 0 ? rpm / 1000 : 0;
  const hs = p.a * n * n - dpMmHg;
  const h = Math.abs(hs);
  const bb = p.b * n + p.r0;
  const q = (2 * h) / (bb + Math.sqrt(bb * bb + 4 * p.c * h)); // L/min
  return (hs < 0 ? -q : q) / 0.06;
}

/** Shut-off head a·n² (mmHg): below this outlet–inlet difference the pump flows forward. */
export function centrifugalShutoffHeadMmHg(p: CentrifugalPumpParams, rpm: number): number {
  const n = rpm > 0 ? rpm / 1000 : 0;
  return p.a * n * n;
}

/**
 * rpm needed for `flowMlPerS` against `dpMmHg` (positive root of a·n² − b·Q·n − (r0·Q + c·Q|Q| + ΔP) = 0),
 * or 0 when the pressure difference alone drives that flow. Not capped: compare with maxRpm.
 */
export function centrifugalRpmForFlow(p: CentrifugalPumpParams, flowMlPerS: number, dpMmHg: number): number {
  const q = flowMlPerS * 0.06;
  const k = p.r0 * q + p.c * q * Math.abs(q) + dpMmHg;
  const bq = p.b * q;
  const disc = bq * bq + 4 * p.a * k;
  if (disc < 0) return 0;
  const n = (bq + Math.sqrt(disc)) / (2 * p.a);
  return n > 0 ? n * 1000 : 0;
}
