/**
 * Oxygenator: gas side (blender FiO2, sweep, barometric pressure, optional volatile agent), membrane transfer
 * (delegated to `membraneTransfer`), blood-side pressure drop, heat exchanger and failure modes.
 *
 * Membrane O2 diffusing capacity D is calibrated at build time from the rated flow: "rated flow = the flow of
 * standard venous blood that leaves the lung at 95 % SO2" (PMC5578883, reference-data §7.1). Standard venous
 * blood here is Hb 12 g/dL, SO2 0.65 (the AAMI/ISO 7199 test blood as commonly described [U]: parameters) with
 * 100 % O2 sweep. D is found by bisection so the membrane model gives SO2 0.95 at the rated flow; it then scales
 * with effective membrane area. CO2: removal by hollow-fibre lungs is limited by the sweep, not the membrane
 * ("sweep gas flow is the main determinant of CO2 elimination", Intensive Care Med Exp 2018, reference §9), so
 * the CO2 diffusing capacity is set to `co2DiffusionFactor` (default 3) × the blood's CO2 flow capacity at rated
 * flow (Q_rated·βc): blood equilibrates with the gas to ~95 % within the bundle. A model assumption; with it a
 * 1.5 L/min lung removes 73 mL CO2/min at 1.5 L/min blood, PvCO2 45, sweep 1.5 L/min, in line with the ~73 mL/min
 * quoted for the Quadrox-i Neonatal (reference §7.1 [S2]).
 *
 * Gas side:  PgasO2 = FiO2·(Pb − PH2O);  exhaust PgasCO2 = V̇CO2/V̇sweep·(Pb − PH2O) (solved with the blood side,
 * see membrane.ts). Gas supply loss sets the effective sweep to 0.
 *
 * Blood-side pressure drop: ΔP = k·Q·(1 + clot), with clot = f/(1 − f) for a fraction f of the fibre bundle's
 * flow paths blocked (parallel paths: resistance ×1/(1 − f)); k from `pressureDropMmHgAtMaxFlow` (a [U] default
 * of 100 mmHg at the rated maximum when the IFU value is not given). Clotting also removes membrane area:
 * D_eff = D·(1 − f)·(1 − plasmaLeak). Plasma leakage (wetted fibres) lowers O2 and CO2 transfer alike.
 *
 * Heat exchanger (effectiveness–NTU, water side ≈ constant temperature; Incropera & DeWitt):
 *   Tout = Twater + (Tin − Twater)·exp(−k/Q),  k = UA/(ρ·c) in mL/s,  k = −Qref·ln(1 − PF)
 * from a performance factor PF = (Tout − Tin)/(Twater − Tin) at Qref (the coefficient oxygenator IFUs report);
 * default PF 0.5 at 5 L/min [U]. The `blood` branch's heatExchangerOutletC is the same law.
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { MT_SIZE, membraneTransfer, o2ContentMlPerDl, po2FromO2Content, po2FromSo2 } from "./membrane.ts";
import { lPerMinToMlPerS, parseSpec } from "./units.ts";

export const oxygenatorSpecSchema = z
  .object({
    model: z.string().min(1).optional(),
    /** Maximum blood flow of the IFU, L/min (e.g. Capiox FX25 7.0, FX05 1.5; reference §7.1). */
    maxFlowLPerMin: z.number().gt(0).max(10),
    minFlowLPerMin: z.number().min(0).max(5).default(0),
    /** Rated flow (standard venous blood leaves at 95 % SO2), L/min; default = maxFlowLPerMin. */
    ratedFlowLPerMin: z.number().gt(0).max(10).optional(),
    membraneAreaM2: z.number().gt(0).max(5).optional(),
    primeMl: z.number().gt(0).max(1000).optional(),
    pressureDropMmHgAtMaxFlow: z.number().gt(0).max(500).default(100),
    heatExchangerPerformanceFactor: z.number().gt(0).lt(1).default(0.5),
    heatExchangerReferenceFlowLPerMin: z.number().gt(0).max(10).default(5),
    /** DCO2 / (Q_rated·βc): ≥ ~3 makes CO2 removal sweep-limited (model assumption). */
    co2DiffusionFactor: z.number().gt(0).max(50).default(3),
    /** Blood CO2 capacitance, mL CO2/dL/mmHg (whole-blood CO2 curve slope, 0.4–0.7 [U]). */
    co2CapacitanceMlPerDlPerMmHg: z.number().gt(0).max(2).default(0.5),
    ratedInletSo2: z.number().min(0.3).max(0.9).default(0.65),
    ratedHbGPerDl: z.number().min(5).max(18).default(12),
    waterVapourMmHg: z.number().min(0).max(100).default(47),
    /** Water temperature limit of the IFU (Capiox FX25 ≤ 42 °C, reference §7.1). */
    maxWaterTempC: z.number().min(30).max(45).default(42),
  })
  .strict();
export type OxygenatorSpec = z.input<typeof oxygenatorSpecSchema>;

export interface OxygenatorParams {
  readonly maxFlowLPerMin: number;
  readonly minFlowLPerMin: number;
  readonly ratedFlowLPerMin: number;
  /** Calibrated O2 diffusing capacity of the clean membrane, mL/min/mmHg. */
  readonly dlO2: number;
  readonly dlCo2: number;
  /** mL CO2 per mL blood per mmHg. */
  readonly co2Capacitance: number;
  /** Clean pressure-drop coefficient, mmHg per mL/s. */
  readonly kDeltaP: number;
  /** Heat-exchanger k = UA/(ρc), mL/s. */
  readonly hxKMlPerS: number;
  readonly waterVapourMmHg: number;
  readonly maxWaterTempC: number;
}

/** Gas-side and condition state, one Float64Array per oxygenator (layout OXS_*), created once. */
export const OXS_FIO2 = 0;
export const OXS_SWEEP_L_PER_MIN = 1;
export const OXS_BAROMETRIC_MMHG = 2;
export const OXS_VOLATILE_PERCENT = 3; // vaporizer dial, carried only
export const OXS_GAS_SUPPLY_OK = 4; // 1 connected, 0 lost
export const OXS_CLOT_FRACTION = 5; // 0–0.99 of flow paths blocked
export const OXS_PLASMA_LEAK_FRACTION = 6; // 0–1 loss of transfer
export const OXS_WATER_TEMP_C = 7;
export const OXS_WATER_FLOW_OK = 8; // heater–cooler circulating (1) or failed (0)
export const OXS_SIZE = 9;

export function createOxygenatorState(
  fio2 = 0.6,
  sweepLPerMin = 2.5,
  barometricMmHg = 760,
  waterTempC = 37,
): Float64Array {
  const s = new Float64Array(OXS_SIZE);
  s[OXS_FIO2] = fio2;
  s[OXS_SWEEP_L_PER_MIN] = sweepLPerMin;
  s[OXS_BAROMETRIC_MMHG] = barometricMmHg;
  s[OXS_GAS_SUPPLY_OK] = 1;
  s[OXS_WATER_TEMP_C] = waterTempC;
  s[OXS_WATER_FLOW_OK] = 1;
  return s;
}

const scratch = new Float64Array(MT_SIZE);

/** Outlet SO2 of the clean membrane for the rated-flow test conditions, with diffusing capacity d. */
function ratedOutletSo2(
  d: number,
  flowMlPerS: number,
  inletSo2: number,
  hb: number,
  gasPo2: number,
  dry: number,
  beta: number,
): number {
  const c0 = o2ContentMlPerDl(po2FromSo2(inletSo2), hb);
  membraneTransfer(c0, 45, hb, flowMlPerS, gasPo2, 1e6, 1, dry, d, 20 * d, beta, scratch);
  return scratch[2]!;
}

export function buildOxygenatorParams(spec: unknown, root = "oxygenator"): OxygenatorParams {
  const s = parseSpec(oxygenatorSpecSchema, spec, root);
  const rated = s.ratedFlowLPerMin ?? s.maxFlowLPerMin;
  if (s.minFlowLPerMin >= s.maxFlowLPerMin) {
    throw new InputError({
      field: `${root}.minFlowLPerMin`,
      allowed: `below maxFlowLPerMin (${s.maxFlowLPerMin} L/min)`,
      received: String(s.minFlowLPerMin),
    });
  }
  const beta = s.co2CapacitanceMlPerDlPerMmHg / 100;
  const dry = 760 - s.waterVapourMmHg;
  const q = lPerMinToMlPerS(rated);
  // Bisection on log D (mL/min/mmHg) for outlet SO2 = 0.95; outlet SO2 rises monotonically with D.
  let lo = Math.log(1e-3);
  let hi = Math.log(1e3);
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (ratedOutletSo2(Math.exp(mid), q, s.ratedInletSo2, s.ratedHbGPerDl, dry, dry, beta) < 0.95) lo = mid;
    else hi = mid;
  }
  const dlO2 = Math.exp(0.5 * (lo + hi));
  const qRef = lPerMinToMlPerS(s.heatExchangerReferenceFlowLPerMin);
  return {
    maxFlowLPerMin: s.maxFlowLPerMin,
    minFlowLPerMin: s.minFlowLPerMin,
    ratedFlowLPerMin: rated,
    dlO2,
    dlCo2: s.co2DiffusionFactor * lPerMinToMlPerS(rated) * 60 * beta,
    co2Capacitance: beta,
    kDeltaP: s.pressureDropMmHgAtMaxFlow / lPerMinToMlPerS(s.maxFlowLPerMin),
    hxKMlPerS: -qRef * Math.log(1 - s.heatExchangerPerformanceFactor),
    waterVapourMmHg: s.waterVapourMmHg,
    maxWaterTempC: s.maxWaterTempC,
  };
}

/** Effective sweep, L/min: 0 when the gas supply is lost. */
export function effectiveSweepLPerMin(state: Float64Array): number {
  return state[OXS_GAS_SUPPLY_OK]! > 0.5 ? Math.max(0, state[OXS_SWEEP_L_PER_MIN]!) : 0;
}

/** Inlet gas PO2, mmHg: FiO2·(Pb − PH2O). */
export function gasPo2MmHg(p: OxygenatorParams, state: Float64Array): number {
  return state[OXS_FIO2]! * (state[OXS_BAROMETRIC_MMHG]! - p.waterVapourMmHg);
}

/** Fraction of membrane transfer left after clotting and plasma leakage. */
export function membraneFactor(state: Float64Array): number {
  const f = Math.min(Math.max(state[OXS_CLOT_FRACTION]!, 0), 0.99);
  const leak = Math.min(Math.max(state[OXS_PLASMA_LEAK_FRACTION]!, 0), 1);
  return (1 - f) * (1 - leak);
}

/**
 * Gas exchange for blood passing the oxygenator: writes `out` (layout MT_* of membrane.ts). Inflow O2 content
 * (mL/dL), PCO2 (mmHg), Hb (g/dL), flow (mL/s). Runs in the slow (composition) loop; allocates nothing.
 */
export function oxygenatorTransfer(
  p: OxygenatorParams,
  state: Float64Array,
  inflowO2ContentMlPerDl: number,
  inflowPco2MmHg: number,
  hbGPerDl: number,
  bloodFlowMlPerS: number,
  out: Float64Array,
): void {
  const m = membraneFactor(state);
  membraneTransfer(
    inflowO2ContentMlPerDl,
    inflowPco2MmHg,
    hbGPerDl,
    bloodFlowMlPerS,
    gasPo2MmHg(p, state),
    effectiveSweepLPerMin(state) * 1000,
    state[OXS_FIO2]!,
    state[OXS_BAROMETRIC_MMHG]! - p.waterVapourMmHg,
    p.dlO2 * m,
    p.dlCo2 * m,
    p.co2Capacitance,
    out,
  );
}

/** Blood-side pressure drop, mmHg (signed with the flow): k·Q·(1 + f/(1 − f)). */
export function oxygenatorPressureDropMmHg(
  p: OxygenatorParams,
  state: Float64Array,
  flowMlPerS: number,
): number {
  const f = Math.min(Math.max(state[OXS_CLOT_FRACTION]!, 0), 0.99);
  return (p.kDeltaP * flowMlPerS) / (1 - f);
}

/** Blood-side resistance, mmHg·s/mL, for a network connector. */
export function oxygenatorResistance(p: OxygenatorParams, state: Float64Array): number {
  const f = Math.min(Math.max(state[OXS_CLOT_FRACTION]!, 0), 0.99);
  return p.kDeltaP / (1 - f);
}

/** Arterial outlet temperature, °C, from the heat exchanger; water capped at the IFU limit; no water → inlet. */
export function oxygenatorOutletTempC(
  p: OxygenatorParams,
  state: Float64Array,
  inletC: number,
  flowMlPerS: number,
): number {
  if (state[OXS_WATER_FLOW_OK]! < 0.5) return inletC;
  const w = Math.min(state[OXS_WATER_TEMP_C]!, p.maxWaterTempC);
  if (!(flowMlPerS > 0)) return w;
  return w + (inletC - w) * Math.exp(-p.hxKMlPerS / flowMlPerS);
}

/** Volatile agent reaching the membrane, % (the dial value while gas flows; carried as a value only). */
export function oxygenatorVolatilePercent(state: Float64Array): number {
  return effectiveSweepLPerMin(state) > 0 ? state[OXS_VOLATILE_PERCENT]! : 0;
}

/** Outflow PO2 for an O2 content (helper for readouts), mmHg. */
export function oxygenatorPo2FromContent(contentMlPerDl: number, hbGPerDl: number): number {
  return po2FromO2Content(contentMlPerDl, hbGPerDl);
}
