// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Heat: blood as a heat carrier, tissue conduction, losses to the room, metabolic heat, heat exchanger.
 * Units: W (J/s), °C, mL/s. Sign convention: a positive heat flow enters the first-named body.
 */

/** Specific heat of blood, J/(g·°C): 0.86 × water (4.18) ≈ 3.6 (anaesthesia physics teaching, brainscape set). */
export const BLOOD_SPECIFIC_HEAT_J_PER_G_C = 3.6;
/** Density of blood, g/mL (textbook 1.05–1.06; Wessling & Blackshear compute blood properties, J Heat Transfer 1973). */
export const BLOOD_DENSITY_G_PER_ML = 1.05;
/** Volumetric heat capacity of blood, J/(mL·°C) = 3.78. */
export const BLOOD_HEAT_CAPACITY_J_PER_ML_C = BLOOD_SPECIFIC_HEAT_J_PER_G_C * BLOOD_DENSITY_G_PER_ML;
/** Average heat capacity of body tissue, J/(g·°C) (3.5 kJ/kg/°C; 70 kg → 245 kJ/°C; same teaching set). */
export const TISSUE_SPECIFIC_HEAT_J_PER_G_C = 3.5;

/** Heat (J) in a volume of blood relative to 0 °C; mixing conserves the sum. */
export function bloodHeatJ(volumeMl: number, tempC: number): number {
  return volumeMl * BLOOD_HEAT_CAPACITY_J_PER_ML_C * tempC;
}

/** Temperature of two mixed blood volumes (enthalpy balance). */
export function mixTemperatureC(v1Ml: number, t1C: number, v2Ml: number, t2C: number): number {
  const v = v1Ml + v2Ml;
  return v > 0 ? (v1Ml * t1C + v2Ml * t2C) / v : 0.5 * (t1C + t2C);
}

/** Heat carried by a blood flow (W) relative to a reference temperature: ρ·c·Q·(T − Tref). */
export function bloodHeatFlowW(flowMlPerS: number, tempC: number, refTempC: number): number {
  return BLOOD_HEAT_CAPACITY_J_PER_ML_C * flowMlPerS * (tempC - refTempC);
}

/**
 * Conduction between two tissue masses (W, into `a`): K·(Tb − Ta), K in W/°C. K is a documented parameter
 * [estimate]; most core↔periphery heat in vivo moves with the blood flow, which the engine carries separately.
 */
export function conductionW(conductanceWPerC: number, tempAC: number, tempBC: number): number {
  return conductanceWPerC * (tempBC - tempAC);
}

/**
 * Combined radiation + convection coefficient from skin to the room, W/(m²·°C): 9.7 measured in exposed
 * volunteers (Scott, Farmer & English, J Trauma 1990;30:422); 10.8–11.0 in volunteers/manikin (Bräuer et al.,
 * Acta Anaesthesiol Scand 2002;46:43).
 */
export const SKIN_TO_ROOM_W_PER_M2_C = 9.7;

/**
 * Heat lost to the room (W, positive = loss): Newton cooling h·BSA·exposedFraction·(Tskin − Troom). Evaporation
 * is not included. `exposedFraction` models drapes and blankets (1 = fully exposed).
 */
export function roomHeatLossW(
  skinTempC: number,
  roomTempC: number,
  bsaM2: number,
  exposedFraction = 1,
): number {
  return SKIN_TO_ROOM_W_PER_M2_C * bsaM2 * exposedFraction * (skinTempC - roomTempC);
}

/**
 * Metabolic heat (W) from O2 consumption (mL/s STPD), Weir (J Physiol 1949;109:1): energy = 3.941 kcal per L O2
 * + 1.106 kcal per L CO2, so per mL O2: 4.184·(3.941 + 1.106·RQ) J = 20.1 J at RQ 0.80, 20.4 J at 0.85.
 * Check: 40 W/m² under anaesthesia (Scott 1990) ↔ 200–215 mL O2/min for 1.8 m².
 */
export function metabolicHeatW(vo2MlPerS: number, rq: number): number {
  return vo2MlPerS * 4.184 * (3.941 + 1.106 * rq);
}

/**
 * Blood outlet temperature of a heat exchanger with a water side at (nearly) constant temperature:
 * effectiveness–NTU with capacity ratio → 0, ε = 1 − exp(−NTU), NTU = UA/(ṁ·c) (Incropera & DeWitt,
 * Fundamentals of Heat and Mass Transfer, ε-NTU relations): T_out = T_w + (T_in − T_w)·exp(−k/Q), k = UA/(ρ·c)
 * in mL/s. Zero flow → water temperature; infinite flow → inlet temperature.
 */
export function heatExchangerOutletC(
  inletC: number,
  waterC: number,
  kMlPerS: number,
  flowMlPerS: number,
): number {
  if (!(flowMlPerS > 0)) return waterC;
  return waterC + (inletC - waterC) * Math.exp(-(kMlPerS > 0 ? kMlPerS : 0) / flowMlPerS);
}

/** Heat (W) the exchanger puts into the blood (= heat taken from the water). */
export function heatExchangerPowerW(
  inletC: number,
  waterC: number,
  kMlPerS: number,
  flowMlPerS: number,
): number {
  if (!(flowMlPerS > 0)) return 0;
  return bloodHeatFlowW(flowMlPerS, heatExchangerOutletC(inletC, waterC, kMlPerS, flowMlPerS), inletC);
}

/**
 * k (mL/s) from a performance factor PF = (T_out − T_in)/(T_w − T_in) measured at flow Q (the ISO 7199 / AAMI
 * heat-exchanger coefficient of oxygenator IFUs): k = −Q·ln(1 − PF).
 */
export function heatExchangerKFromPerformanceFactor(pf: number, flowMlPerS: number): number {
  const p = pf < 0.999999 ? (pf > 0 ? pf : 0) : 0.999999;
  return -flowMlPerS * Math.log(1 - p);
}
