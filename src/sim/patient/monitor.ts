/**
 * Beat-by-beat haemodynamic statistics, accumulated in the fast loop at the cost of a few adds and
 * compares per step (in a Float64Array, so no number is boxed). A window closes at the end of each
 * sinus beat, or after 2 s without one (asystole, VF), and its results become the beat-derived signals.
 */
export const MAX_WINDOW_S = 2;

// Accumulator slots (written every fast step).
export const A_PMAX = 0;
export const A_PMIN = 1;
export const A_ART = 2;
export const A_RA = 3;
export const A_PA = 4;
export const A_LA = 5;
export const A_EJECTED = 6;
export const A_CORONARY = 7;
export const A_UPPER = 8;
export const A_T = 9;
export const A_N = 10;

// Result slots of the last closed window.
export const M_SBP = 0;
export const M_DBP = 1;
export const M_MAP = 2;
export const M_CVP = 3;
export const M_PAP = 4;
export const M_LAP = 5;
export const M_SV = 6;
export const M_CO = 7; // mL/s
export const M_HR = 8;
export const M_CORONARY = 9; // mL/s
export const M_UPPER = 10; // mL/s
export const M_BEATS = 11;
const M_N = 12;

export class BeatMonitor {
  readonly acc = new Float64Array(A_N);
  readonly out = new Float64Array(M_N);

  constructor() {
    this.reset();
  }

  /**
   * Starts the beat-derived signals at the resting values the circulation was designed for, so that a
   * reading before the first beat closes is the design state rather than 0 (a monitor would show the same
   * numbers a few beats later).
   */
  prime(t: {
    sbp: number;
    dbp: number;
    cvp: number;
    papMean: number;
    lap: number;
    hr: number;
    coMlPerMin: number;
    coronaryFlowFraction: number;
    upperBodyFlowFraction: number;
  }): void {
    const o = this.out;
    const coMlPerS = t.coMlPerMin / 60;
    o[M_SBP] = t.sbp;
    o[M_DBP] = t.dbp;
    o[M_MAP] = t.dbp + (t.sbp - t.dbp) / 3;
    o[M_CVP] = t.cvp;
    o[M_PAP] = t.papMean;
    o[M_LAP] = t.lap;
    o[M_HR] = t.hr;
    o[M_CO] = coMlPerS;
    o[M_SV] = (coMlPerS * 60) / t.hr;
    o[M_CORONARY] = coMlPerS * t.coronaryFlowFraction;
    o[M_UPPER] = coMlPerS * t.upperBodyFlowFraction;
  }

  private reset(): void {
    this.acc.fill(0);
    this.acc[A_PMAX] = -1e9;
    this.acc[A_PMIN] = 1e9;
  }

  /** Closes the window (`isBeat`: at a sinus beat end). The fast loop (model.ts) writes the same code out in place. */
  close(isBeat: boolean): void {
    const a = this.acc;
    const o = this.out;
    const t = a[A_T]!;
    if (t <= 0) return;
    o[M_SBP] = a[A_PMAX]!;
    o[M_DBP] = a[A_PMIN]!;
    o[M_MAP] = a[A_ART]! / t;
    o[M_CVP] = a[A_RA]! / t;
    o[M_PAP] = a[A_PA]! / t;
    o[M_LAP] = a[A_LA]! / t;
    o[M_SV] = isBeat ? a[A_EJECTED]! : 0;
    o[M_CO] = a[A_EJECTED]! / t;
    o[M_HR] = isBeat ? 60 / t : 0;
    o[M_CORONARY] = a[A_CORONARY]! / t;
    o[M_UPPER] = a[A_UPPER]! / t;
    if (isBeat) o[M_BEATS] = o[M_BEATS]! + 1;
    this.reset();
  }

  get sbp(): number {
    return this.out[M_SBP]!;
  }
  get dbp(): number {
    return this.out[M_DBP]!;
  }
  get map(): number {
    return this.out[M_MAP]!;
  }
  get cvp(): number {
    return this.out[M_CVP]!;
  }
  get papMean(): number {
    return this.out[M_PAP]!;
  }
  get lap(): number {
    return this.out[M_LAP]!;
  }
  get sv(): number {
    return this.out[M_SV]!;
  }
  get coMlPerS(): number {
    return this.out[M_CO]!;
  }
  get hr(): number {
    return this.out[M_HR]!;
  }
  get beats(): number {
    return this.out[M_BEATS]!;
  }
}
