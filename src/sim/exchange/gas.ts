// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Alveolar gas: water vapour, the alveolar gas equation and a one-compartment alveolar gas model.
 */

/**
 * Saturated water vapour pressure (mmHg) at T (°C): Antoine equation for water, 1–100 °C,
 * log10 P = 8.07131 − 1730.63 / (233.426 + T) (standard constants, e.g. Dean, Lange's Handbook of
 * Chemistry). 37 °C → 47.1 mmHg, the usual 47.
 */
export function waterVapourPressureMmHg(tempC: number): number {
  return 10 ** (8.07131 - 1730.63 / (233.426 + tempC));
}

/**
 * Alveolar gas equation, full form (West, Respiratory Physiology): PAO2 = FiO2·(Pb − PH2O) −
 * PACO2·[FiO2 + (1 − FiO2)/RQ]. The bracket is the correction for unequal inspired and expired volumes;
 * with FiO2 = 1 it vanishes to PACO2, with FiO2 → 0 it tends to PACO2/RQ. Clamped at ≥ 0.
 */
export function alveolarPo2MmHg(
  fio2: number,
  pbMmHg: number,
  tempC: number,
  paco2MmHg: number,
  rq: number,
): number {
  const p = fio2 * (pbMmHg - waterVapourPressureMmHg(tempC)) - paco2MmHg * (fio2 + (1 - fio2) / rq);
  return p > 0 ? p : 0;
}

/** Alveolar ventilation (mL/s) from tidal volume, anatomical+apparatus dead space (mL) and rate (/min). */
export function alveolarVentilationMlPerS(
  tidalVolumeMl: number,
  deadSpaceMl: number,
  ratePerMin: number,
): number {
  const v = (tidalVolumeMl - deadSpaceMl) * ratePerMin;
  return v > 0 ? v / 60 : 0;
}

/** STPD → BTPS volume factor: (760 / (Pb − PH2O))·((273.15 + T) / 273.15). 1.21 at 760 mmHg, 37 °C. */
export function stpdToBtps(pbMmHg: number, tempC: number): number {
  return (760 / (pbMmHg - waterVapourPressureMmHg(tempC))) * ((273.15 + tempC) / 273.15);
}

/** State layout of `stepAlveolarGas`. */
export const ALV_PO2 = 0;
export const ALV_PCO2 = 1;
export const ALV_STATE_SIZE = 2;

/**
 * One step of a single well-mixed alveolar compartment of constant gas volume V (functional residual
 * capacity, mL BTPS), ventilated with V̇A (mL/s BTPS) of gas with fractions FiO2, FiCO2, while blood takes up
 * V̇O2 and delivers V̇CO2 (mL/s STPD, converted to BTPS). Mass balance of each gas (dry fractions F = P/(Pb−PH2O)):
 *   V·dF/dt = V̇A·(Fi − F) ∓ V̇gas·k_BTPS
 * integrated exactly over dt for constant inputs (exponential approach to the steady state). Steady state:
 * PACO2 = 863·V̇CO2/V̇A and PAO2 = FiO2·(Pb − PH2O) − 863·V̇O2/V̇A (the alveolar ventilation equation; 863 = k_BTPS·713
 * at 37 °C, 760 mmHg) — the simplified alveolar gas equation. Inspired and expired volumes are taken equal
 * (the RQ correction of `alveolarPo2MmHg` is ignored here). Apnoea (V̇A = 0) integrates uptake linearly.
 * state[ALV_PO2], state[ALV_PCO2]: alveolar partial pressures (mmHg), updated in place, clamped to [0, Pb − PH2O].
 */
export function stepAlveolarGas(
  state: Float64Array,
  fio2: number,
  fico2: number,
  alveolarVentMlPerS: number,
  o2UptakeMlStpdPerS: number,
  co2OutputMlStpdPerS: number,
  volumeMl: number,
  pbMmHg: number,
  tempC: number,
  dtS: number,
): void {
  const dry = pbMmHg - waterVapourPressureMmHg(tempC);
  const k = stpdToBtps(pbMmHg, tempC);
  const v = volumeMl > 1 ? volumeMl : 1;
  let fo2 = state[ALV_PO2]! / dry;
  let fco2 = state[ALV_PCO2]! / dry;
  const sO2 = -o2UptakeMlStpdPerS * k; // mL/s BTPS leaving the gas
  const sCO2 = co2OutputMlStpdPerS * k;
  const va = alveolarVentMlPerS > 0 ? alveolarVentMlPerS : 0;
  if (va > 1e-9) {
    const decay = Math.exp((-va * dtS) / v);
    const eqO2 = fio2 + sO2 / va;
    const eqCO2 = fico2 + sCO2 / va;
    fo2 = eqO2 + (fo2 - eqO2) * decay;
    fco2 = eqCO2 + (fco2 - eqCO2) * decay;
  } else {
    fo2 += (sO2 * dtS) / v;
    fco2 += (sCO2 * dtS) / v;
  }
  fo2 = fo2 > 0 ? (fo2 < 1 ? fo2 : 1) : 0;
  fco2 = fco2 > 0 ? (fco2 < 1 ? fco2 : 1) : 0;
  state[ALV_PO2] = fo2 * dry;
  state[ALV_PCO2] = fco2 * dry;
}
