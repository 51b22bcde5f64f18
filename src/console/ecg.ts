/**
 * A synthetic ECG lead II for the monitor. The engine has no electrical model, so the ECG is built
 * from what it does expose: each ventricular contraction is found from the rise of left ventricular
 * pressure (`patient.lvPressure`), a QRS is placed there, the next P wave is placed one RR interval
 * later minus the PR interval, and the T wave follows at a QT scaled with √RR (Bazett 1920, Heart 7:353).
 * Timing constants match the engine's heart (Heldt et al. 2002: PR = 0.12·√RR s, systole 0.3·√RR s).
 * Wave shapes are sums of Gaussians (McSharry et al. 2003, IEEE Trans Biomed Eng 50:289, dynamical ECG
 * model; parameters here are our own rough values for a normal lead II, amplitudes in mV).
 *
 * When the engine reports a heart rate but the ventricle makes no pressure upstroke (an empty heart,
 * pulseless electrical activity), QRS complexes are placed from the heart rate instead.
 * The rhythm shown: sinus while beats are being detected and the heart rate is above zero; otherwise
 * ventricular fibrillation if the last rhythm ordered was VF, else asystole. Allocation-free per sample.
 */

export type EcgRhythm = "sinus" | "vf" | "asystole";

/**
 * LV pressure rise (mmHg/s) that marks ventricular contraction. The isovolumic rise passes it within
 * ~10 ms of onset at every size; atrial kicks (~25 mmHg/s) and rapid early filling in an infant
 * (~100 mmHg/s) stay below it.
 */
const ONSET_SLOPE_MMHG_PER_S = 200;
/** Without a mechanical upstroke for this many RR intervals, beats are placed from the heart rate. */
const FREE_RUN_RR = 1.5;
/** No new beat within this fraction of the last RR (and never within 0.2 s). */
const REFRACTORY_FRACTION = 0.6;
/** With no beat for this long, the rhythm is no longer called sinus. */
const NO_BEAT_S = 3;

// Wave components relative to QRS onset (s) : [centre, width, amplitude mV]; T scaled with √RR.
const Q = [0.012, 0.008, -0.12] as const;
const R = [0.035, 0.01, 1.1] as const;
const S = [0.058, 0.01, -0.28] as const;
const P_AMP = 0.15;
const P_WIDTH = 0.022;
const T_AMP = 0.3;

export class EcgSynth {
  private lastQrsS = Number.NEGATIVE_INFINITY;
  private prevQrsS = Number.NEGATIVE_INFINITY;
  private rrS = 1;
  private prevLv = Number.NaN;
  private prevT = Number.NaN;
  private freeRunning = false;
  /** Start of the current run of contiguous samples (a gap, e.g. a fast-forward, restarts it). */
  private feedStartS = Number.NaN;
  private noise: number;
  /** Rhythm last ordered (scenario or console); the engine does not publish its rhythm. */
  ordered: EcgRhythm = "sinus";
  rhythm: EcgRhythm = "sinus";

  constructor(seed = 12345) {
    this.noise = seed >>> 0 || 1;
  }

  /**
   * Feeds one sample of LV pressure and heart rate at time `tS`; returns the ECG value (mV).
   * Samples must come in time order (any spacing; the monitor uses 4 ms).
   */
  next(tS: number, lvPressureMmHg: number, hrPerMin: number): number {
    const dt = tS - this.prevT;
    if (!(dt > 0 && dt < 0.1)) this.feedStartS = tS;
    if (dt > 0 && Number.isFinite(this.prevLv)) {
      const slope = (lvPressureMmHg - this.prevLv) / dt;
      const since = tS - this.lastQrsS;
      const refractory = Math.max(0.2, REFRACTORY_FRACTION * this.rrS);
      if (slope > ONSET_SLOPE_MMHG_PER_S && since > refractory && hrPerMin > 0) {
        this.prevQrsS = this.lastQrsS;
        this.lastQrsS = tS - 2 * dt;
        const measured = this.lastQrsS - this.prevQrsS;
        this.rrS = measured > 0.2 && measured < 3 ? measured : 60 / hrPerMin;
        this.freeRunning = false;
      } else if (
        hrPerMin > 0 &&
        since > (this.freeRunning ? 1 : FREE_RUN_RR) * (60 / hrPerMin) &&
        tS - this.feedStartS > FREE_RUN_RR * (60 / hrPerMin)
      ) {
        // Electrical activity without a pressure upstroke (an empty or failing ventricle: PEA).
        this.prevQrsS = this.lastQrsS;
        this.lastQrsS = this.freeRunning ? this.lastQrsS + 60 / hrPerMin : tS;
        this.rrS = 60 / hrPerMin;
        this.freeRunning = true;
      }
    }
    this.prevLv = lvPressureMmHg;
    this.prevT = tS;
    const beating = hrPerMin > 0 && tS - this.lastQrsS < NO_BEAT_S;
    this.rhythm = beating ? "sinus" : this.ordered === "vf" ? "vf" : "asystole";
    const n = this.rand() * 0.012;
    if (this.rhythm === "vf") return vfSample(tS) + n * 3;
    if (this.rhythm === "asystole") return 0.02 * Math.sin(2 * Math.PI * 0.25 * tS) + n;
    return this.sinusSample(tS) + n;
  }

  private sinusSample(tS: number): number {
    const rr = this.rrS;
    const sq = Math.sqrt(rr);
    const tau = tS - this.lastQrsS;
    let v = gauss(tau, Q[0], Q[1], Q[2]) + gauss(tau, R[0], R[1], R[2]) + gauss(tau, S[0], S[1], S[2]);
    v += gauss(tau, 0.3 * sq, 0.055 * sq, T_AMP);
    // P wave of the next beat: PR interval 0.12·√RR before the expected next QRS.
    const pCentre = rr - 0.12 * sq + 0.045;
    v += gauss(tau, pCentre, P_WIDTH, P_AMP);
    return v;
  }

  private rand(): number {
    // xorshift32, seeded: the ECG noise is reproducible.
    let x = this.noise;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.noise = x >>> 0;
    return this.noise / 4294967296 - 0.5;
  }
}

function gauss(t: number, centre: number, width: number, amp: number): number {
  const z = (t - centre) / width;
  return z > 6 || z < -6 ? 0 : amp * Math.exp(-0.5 * z * z);
}

/** Coarse VF: irregular 4–7 Hz undulation with slowly varying amplitude (0.2–0.5 mV). */
function vfSample(t: number): number {
  const env = 0.35 + 0.15 * Math.sin(2 * Math.PI * 0.23 * t);
  return (
    env *
    (0.55 * Math.sin(2 * Math.PI * 4.3 * t) +
      0.3 * Math.sin(2 * Math.PI * 5.9 * t + 1.3) +
      0.2 * Math.sin(2 * Math.PI * 7.1 * t + 0.4))
  );
}
