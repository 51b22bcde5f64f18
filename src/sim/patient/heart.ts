/**
 * The heart: four chambers with time-varying elastance (Suga & Sagawa 1974, Circ Res 35:117),
 * P = E(t)·(V − V0), E(t) = Emin + (Emax − Emin)·a(t), and a beat clock with rhythm.
 *
 * Activation a(t) and timing after Heldt et al. 2002 (J Appl Physiol 92:1239-1254):
 *   ventricular systole Tvs = 0.3·√RR, atrial systole Tas = 0.2·√RR, PR interval 0.12·√RR (s);
 *   a(τ) = ½(1 − cos(π τ/Ts))            0 ≤ τ < Ts       (contraction)
 *        = ½(1 + cos(2π (τ − Ts)/Ts))     Ts ≤ τ < 1.5 Ts  (relaxation)
 *        = 0                               otherwise
 * Rhythms: sinus; asystole (also the cardioplegic arrest): a = 0; ventricular fibrillation: atria
 * quiet, ventricles a small random activation (seeded) that moves no useful stroke volume.
 * The period of the next beat is fixed at the start of each beat from the current heart rate.
 */
import type { Rng } from "../engine/rng.ts";
import type { HeartParams } from "./cardiovascular.ts";
import * as L from "./layout.ts";

// Module-local copies: under the CommonJS transform tsx applies, every use of an imported binding is a getter
// call; the beat loop runs every fast step, so its constants are read once here (measured: docs/models/engine.md).
const RA = L.RA;
const LA = L.LA;
const RV = L.RV;
const LV = L.LV;

export const RHYTHM_SINUS = 0;
export const RHYTHM_ASYSTOLE = 1;
export const RHYTHM_VF = 2;
export const RHYTHMS = ["sinus", "asystole", "vf"] as const;
export type Rhythm = (typeof RHYTHMS)[number];

// Heart state slots (one Float64Array: fields written every step must not box numbers).
const H_TBEAT = 0;
const H_PERIOD = 1;
const H_TAS = 2;
const H_TVS = 3;
const H_TPR = 4;
const H_VF = 5;
const H_CONTRACTILITY = 6;
const H_HR_COMMAND = 7;
const H_EMIN_RA = 8;
const H_EMAX_RA = 9;
const H_EMIN_RV = 10;
const H_EMAX_RV = 11;
const H_EMIN_LA = 12;
const H_EMAX_LA = 13;
const H_EMIN_LV = 14;
const H_EMAX_LV = 15;
const H_N = 16;

export class Heart {
  readonly s = new Float64Array(H_N);
  rhythm = RHYTHM_SINUS;
  /** Set when a sinus beat ended during the last step (read by the monitor). */
  beatEnded = false;

  constructor(p: HeartParams) {
    const s = this.s;
    s[H_EMIN_RA] = p.eminRa;
    s[H_EMAX_RA] = p.emaxRa;
    s[H_EMIN_RV] = p.eminRv;
    s[H_EMAX_RV] = p.emaxRv;
    s[H_EMIN_LA] = p.eminLa;
    s[H_EMAX_LA] = p.emaxLa;
    s[H_EMIN_LV] = p.eminLv;
    s[H_EMAX_LV] = p.emaxLv;
    s[H_CONTRACTILITY] = 1;
    s[H_HR_COMMAND] = p.hr;
    s[H_PERIOD] = 60 / p.hr;
    this.startBeat();
  }

  /** Multiplier on ventricular Emax (patient, baroreflex, drugs), set in the slow loop. */
  get contractility(): number {
    return this.s[H_CONTRACTILITY]!;
  }
  set contractility(v: number) {
    this.s[H_CONTRACTILITY] = v;
  }
  /** Heart rate (1/min) that the next beat will use, set in the slow loop. */
  get hrCommand(): number {
    return this.s[H_HR_COMMAND]!;
  }
  set hrCommand(v: number) {
    this.s[H_HR_COMMAND] = v;
  }
  get period(): number {
    return this.s[H_PERIOD]!;
  }
  get tBeat(): number {
    return this.s[H_TBEAT]!;
  }

  /** Timing of the beat of period s[H_PERIOD]; written out again in `step` (see there). */
  private startBeat(): void {
    const s = this.s;
    const r = Math.sqrt(s[H_PERIOD]!);
    s[H_TAS] = 0.2 * r;
    s[H_TVS] = 0.3 * r;
    s[H_TPR] = 0.12 * r;
  }

  /** Advance the beat clock by dt and write the four chambers' elastances into E. No allocation. */
  step(E: Float64Array, dt: number): void {
    const s = this.s;
    let t = s[H_TBEAT]! + dt;
    this.beatEnded = false;
    if (t >= s[H_PERIOD]!) {
      t -= s[H_PERIOD]!;
      this.beatEnded = this.rhythm === RHYTHM_SINUS;
      const hr = s[H_HR_COMMAND]!;
      // startBeat written out: a call taken once a beat is too rare for V8 to inline into the fast loop, and the
      // separate function would run unoptimised for a long time, boxing every intermediate (docs/models/engine.md).
      const period = 60 / Math.max(hr, 1);
      const r = Math.sqrt(period);
      s[H_PERIOD] = period;
      s[H_TAS] = 0.2 * r;
      s[H_TVS] = 0.3 * r;
      s[H_TPR] = 0.12 * r;
    }
    s[H_TBEAT] = t;
    let aa = 0;
    let av = 0;
    if (this.rhythm === RHYTHM_SINUS) {
      aa = activation(t, s[H_TAS]!);
      av = activation(t - s[H_TPR]!, s[H_TVS]!);
    } else if (this.rhythm === RHYTHM_VF) {
      av = s[H_VF]!;
    }
    const c = s[H_CONTRACTILITY]!;
    E[RA] = s[H_EMIN_RA]! + (s[H_EMAX_RA]! - s[H_EMIN_RA]!) * aa;
    E[LA] = s[H_EMIN_LA]! + (s[H_EMAX_LA]! - s[H_EMIN_LA]!) * aa;
    E[RV] = s[H_EMIN_RV]! + (s[H_EMAX_RV]! * c - s[H_EMIN_RV]!) * av;
    E[LV] = s[H_EMIN_LV]! + (s[H_EMAX_LV]! * c - s[H_EMIN_LV]!) * av;
  }

  /** VF: the ventricles twitch at random, weakly (slow loop). */
  updateFibrillation(rng: Rng): void {
    const next = this.s[H_VF]! + 0.02 * (rng.next() - 0.5);
    this.s[H_VF] = next < 0 ? 0 : Math.min(next, 0.04);
  }

  setRhythm(r: number): void {
    this.rhythm = r;
    if (r !== RHYTHM_VF) this.s[H_VF] = 0;
  }
}

function activation(tau: number, ts: number): number {
  if (tau < 0) return 0;
  if (tau < ts) return 0.5 * (1 - Math.cos((Math.PI * tau) / ts));
  if (tau < 1.5 * ts) return 0.5 * (1 + Math.cos((2 * Math.PI * (tau - ts)) / ts));
  return 0;
}
