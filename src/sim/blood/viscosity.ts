// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Apparent whole-blood viscosity at high shear (large vessels, tubing, cannulas), mPa·s (= cP).
 *
 * Haematocrit: log10 η(37 °C) = 0.01138·Hct% + 0.03699, i.e. η = 1.089·exp(2.620·Hct) — an exponential
 * Hct law fitted to Lichtman's viscosity–erythrocrit figure (medicalalgorithms.com "Hematocrit and whole
 * blood viscosity", citing Lichtman 1982/1987). It gives 1.09 mPa·s at Hct 0 (plasma) and 3.54 at Hct 0.45,
 * in line with the nominal 3.5 cP used for blood in device work (Hund, Kameneva & Antaki, Fluids 2017;2:10).
 * Temperature: viscosity rises about 3 % per °C of cooling (Harkness & Phillips, as quoted on bio-protocol
 * exchange 9762018), applied as η(T) = η(37)·0.97^(T − 37); 37 → 22 °C gives +58 %, inside the 50–300 % rise
 * reported for that cooling by Eckmann et al. (Anesth Analg 2000;91:539).
 * Valid: Hct 0.15–0.60, 20–40 °C, high shear (> ~100 s⁻¹). Not valid for low shear (aggregation) or
 * below ~20 °C, where viscosity rises disproportionately (Virgilio et al., Surgery 1964;55:825).
 */
const LN_097 = Math.log(0.97);

export function bloodViscosityCp(hct: number, tempC: number): number {
  const h = hct > 0 ? (hct < 0.8 ? hct : 0.8) : 0;
  const t = tempC > 0 ? (tempC < 45 ? tempC : 45) : 0;
  // 10^(…)·0.97^(T − 37) as one exponential (V8's \`**\` is ≈ 200 ns a call; equal to a few ulp).
  return Math.exp(Math.LN10 * (1.138 * h + 0.03699) + LN_097 * (t - 37));
}

/**
 * Register interface for the slow loop (src/sim/cpb/circuit-model.ts): VISC_IO[0] Hct, [1] °C; bloodViscosityIo()
 * writes bloodViscosityCp(Hct, °C) to VISC_IO[2]. No number crosses the call, so none is boxed when V8 does not
 * inline it (docs/models/engine.md, what allocates).
 */
export const VISC_IO = new Float64Array(3);

export function bloodViscosityIo(): void {
  const hct = VISC_IO[0]!;
  const tempC = VISC_IO[1]!;
  const h = hct > 0 ? (hct < 0.8 ? hct : 0.8) : 0;
  const t = tempC > 0 ? (tempC < 45 ? tempC : 45) : 0;
  VISC_IO[2] = Math.exp(Math.LN10 * (1.138 * h + 0.03699) + LN_097 * (t - 37)); // bloodViscosityCp
}
