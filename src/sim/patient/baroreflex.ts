/**
 * Arterial baroreflex, a simplified form of Ursino 1998 (Am J Physiol 275:H1733-H1747).
 *
 * Afferent: carotid (upper-body arterial) pressure is low-pass filtered (τ_p = 2 s, Ursino's
 * afferent time constant 2.076 s) and mapped through a sigmoid centred on the set point Pn with slope
 * parameter ka (Ursino: ka = 11.758 mmHg at Pn = 92 mmHg; scaled ∝ Pn for smaller patients):
 *   σ = 1 / (1 + exp((Pf − Pn)/ka)),  drive d = 2σ − 1  ∈ (−1, 1), 0 at the set point,
 *   > 0 (sympathetic) when pressure is low.
 * Efferent effectors, each a first-order lag toward G·d (Ursino's effector time constants; his pure
 * delays of 0.2–2 s are left out):
 *   heart rate         × (1 + x_hr),   G = 0.35, τ = 2 s   (Ursino τ_Ts 2 s, τ_Tv 1.5 s)
 *   contractility Emax × (1 + x_e),    G = 0.25, τ = 8 s   (τ_Emax 8 s)
 *   systemic R         × (1 + x_r),    G = 0.35, τ = 6 s   (τ_R 6 s)
 *   venous unstressed V × (1 − x_v),   G = 0.3,  τ = 20 s  (τ_Vu 20 s; Ursino G_Vu ≈ −265 and −133 mL per spike/s)
 * Gains are the fractional change at full saturation of the sigmoid. At the set point the slope of
 * d is 1/(2·ka) per mmHg, so the heart-rate gain is 0.35/(2·11.76) ≈ 1.5 %/mmHg, i.e. ≈ 13 ms/mmHg of
 * RR interval in an adult at 70/min, inside the normal human baroreflex sensitivity of ≈ 7–15 ms/mmHg
 * (La Rovere et al., Ann Noninvasive Electrocardiol 2008;13:191). Venous gain is larger, as in
 * Ursino's model, where unstressed-volume changes dominate the response to haemorrhage (docs/models/baroreflex.md).
 */

export const BARO_GAIN_HR = 0.35;
export const BARO_GAIN_CONTRACTILITY = 0.25;
export const BARO_GAIN_RESISTANCE = 0.35;
export const BARO_GAIN_VENOUS = 0.3;
const TAU_P = 2;
const TAU_HR = 2;
const TAU_E = 8;
const TAU_R = 6;
const TAU_V = 20;
const KA_ADULT = 11.758;
const PN_ADULT = 92;

const B_PF = 0;
const B_HR = 1;
const B_E = 2;
const B_R = 3;
const B_V = 4;

export class Baroreflex {
  enabled: boolean;
  readonly setPoint: number;
  readonly ka: number;
  /** State (Float64Array so updates do not box numbers): filtered pressure and the four effectors. */
  readonly x = new Float64Array(5);
  /** One-slot register of `update`. */
  private readonly p1 = new Float64Array(1);

  constructor(setPointMmHg: number, enabled: boolean) {
    this.enabled = enabled;
    this.setPoint = setPointMmHg;
    this.x[B_PF] = setPointMmHg;
    this.ka = (KA_ADULT * setPointMmHg) / PN_ADULT;
  }

  /** Advance by dtS with the current carotid pressure (mmHg). */
  update(pressureMmHg: number, dtS: number): void {
    this.p1[0] = pressureMmHg;
    this.updateAt(this.p1, 0, dtS);
  }

  /**
   * `update` with the pressure P[i]: the slow loop's form (a pressure passed as a number would be boxed when V8 does
   * not inline the call; docs/models/engine.md, what allocates).
   */
  updateAt(P: Float64Array, i: number, dtS: number): void {
    const pressureMmHg = P[i]!;
    const x = this.x;
    x[B_PF] = x[B_PF]! + ((pressureMmHg - x[B_PF]!) * dtS) / TAU_P;
    if (!this.enabled) return;
    const sigma = 1 / (1 + Math.exp((x[B_PF]! - this.setPoint) / this.ka));
    const d = 2 * sigma - 1;
    x[B_HR] = x[B_HR]! + ((BARO_GAIN_HR * d - x[B_HR]!) * dtS) / TAU_HR;
    x[B_E] = x[B_E]! + ((BARO_GAIN_CONTRACTILITY * d - x[B_E]!) * dtS) / TAU_E;
    x[B_R] = x[B_R]! + ((BARO_GAIN_RESISTANCE * d - x[B_R]!) * dtS) / TAU_R;
    x[B_V] = x[B_V]! + ((BARO_GAIN_VENOUS * d - x[B_V]!) * dtS) / TAU_V;
  }

  get pFiltered(): number {
    return this.x[B_PF]!;
  }
  get hrFactor(): number {
    return 1 + this.x[B_HR]!;
  }
  get contractilityFactor(): number {
    return 1 + this.x[B_E]!;
  }
  get resistanceFactor(): number {
    return 1 + this.x[B_R]!;
  }
  get venousUnstressedFactor(): number {
    return 1 - this.x[B_V]!;
  }
}
