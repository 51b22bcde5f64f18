// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Tissue metabolism: O2 consumption with temperature, supply dependency, CO2 production, lactate.
 */

/**
 * VO2 temperature factor Q10^((T − 37)/10) (reference §8; Q10 2.0 → 0.536 at 28 °C, vector [84];
 * Q10 2.8 → 0.357 at 27 °C, Croughwell 1992, vector [85]).
 */
export function vo2Factor(tempC: number, q10: number): number {
  return Math.exp(Math.log(q10) * ((tempC - 37) / 10)); // q10^x; V8's `**` is ≈ 200 ns a call, exp+log ≈ 60 ns
}

/** Default Q10 for whole-body VO2 (reference §8: keep a parameter, 2.0–2.5 whole-body). */
export const DEFAULT_Q10 = 2.0;

/** Respiratory quotient default: RER 0.85 (Gropper 2013, physiology-and-engines §5.2; range 0.8–0.85). */
export const DEFAULT_RQ = 0.85;

/**
 * Critical O2 extraction: below a critical delivery, VO2 becomes supply-dependent. Shibutani et al.
 * (Crit Care Med 1983;11:640) found in anaesthetised patients before CPB a critical DO2 of 330 mL/min/m²,
 * VO2 plateau 109 mL/min/m² above it and VO2 = 0.36·DO2 − 11.2 below it; i.e. supply dependency starts when
 * extraction reaches 109/330 = 0.33. After CPB: 300 mL/min/m², plateau 105 (Komatsu, Shibutani et al.) → 0.35.
 */
export const CRITICAL_O2_EXTRACTION = 109 / 330;

/**
 * O2 actually consumed (same unit as the inputs, e.g. mL/min): demand while delivery suffices, otherwise the
 * delivery times the critical extraction ratio (the supply-dependent line of Shibutani 1983 through the origin).
 */
export function vo2Supplied(
  do2: number,
  vo2Demand: number,
  criticalExtraction = CRITICAL_O2_EXTRACTION,
): number {
  const limit = (do2 > 0 ? do2 : 0) * criticalExtraction;
  return vo2Demand < limit ? vo2Demand : limit;
}

/**
 * Lactate produced (mmol) to make up an O2 deficit (mL O2 STPD). ATP stoichiometry: anaerobic glycolysis
 * yields 2 ATP per glucose (1 per lactate); aerobic metabolism 38 ATP per glucose with 6 O2, i.e. 6.33 ATP per
 * O2 (Higgins, acutecaretesting.org "Lactate and lactic acidosis", 2007). Full ATP replacement would need 6.33
 * lactate per O2; `compensation` (0–1, default 1, an upper bound [estimate]) scales it. Each mmol/L of lactic
 * acid lowers BE by 1 mmol/L (BE is minus the titratable H+, Siggaard-Andersen): the engine subtracts it.
 */
export function lactateFromO2DeficitMmol(o2DeficitMl: number, compensation = 1): number {
  if (!(o2DeficitMl > 0)) return 0;
  return (o2DeficitMl / 22.39) * 6.33 * compensation; // 22.39 mL/mmol O2 at STPD
}

/**
 * Lactate elimination, first order: half-life 14.7 min in healthy volunteers (18.8 min in cirrhosis), single
 * exponential over 30 min at 1–8 mmol/L; distribution volume 270–300 mL/kg; elimination saturates at higher
 * concentrations (scilit abstract 17d74539…, "Lactate elimination … hepatic cirrhosis", Clin Sci). Hepatic
 * clearance slows with hypothermia by the same Q10 as metabolism (a modelling choice, documented).
 */
export const LACTATE_HALF_LIFE_S = 14.7 * 60;
export const LACTATE_DISTRIBUTION_ML_PER_KG = 285;

/** Fraction of lactate remaining after dt. */
export function lactateRemainingFraction(
  dtS: number,
  tempC: number,
  halfLifeS = LACTATE_HALF_LIFE_S,
  q10 = DEFAULT_Q10,
): number {
  return Math.exp((-Math.LN2 * dtS * vo2Factor(tempC, q10)) / halfLifeS);
}

/** Basal lactate production (mmol/s) that holds `baselineMmolPerL` steady in `distributionVolumeL` at 37 °C. */
export function basalLactateProductionMmolPerS(
  baselineMmolPerL: number,
  distributionVolumeL: number,
  halfLifeS = LACTATE_HALF_LIFE_S,
): number {
  return (baselineMmolPerL * distributionVolumeL * Math.LN2) / halfLifeS;
}
