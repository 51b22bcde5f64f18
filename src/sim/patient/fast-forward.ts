/**
 * Fast-forward: days of simulated time when pulsatility is not needed (docs/models/engine.md, fast-forward).
 *
 * The haemodynamics settle in seconds; drugs, temperature, lactate, anticoagulation and oxygenator wear change
 * over minutes to days. Fast-forward alternates two phases (a multi-rate, quasi-steady-state scheme):
 *
 * 1. Window: the full model (1 ms heart and network, 20 ms slow loop) runs over whole beats, from the end of one
 *    sinus beat to the end of a later one, at least WINDOW_MIN_S long (a fixed WINDOW_MIN_S without a sinus
 *    rhythm). Over whole beats the pulsatile part of every connector's flow averages out: its mean flow
 *    q̄_k = (volume moved through k in the window) / (window length), and each compartment's mean pressure P̄_i
 *    (sampled every slow step) are kept.
 * 2. Coast: the heart and the 1 ms network are not stepped. The slow loop runs with a longer step (COAST_STEP_S),
 *    moving q̄_k·dt through every connector (prescribed external flows — infusions, urine, bleeding, samples —
 *    at their current set rate), so volume is conserved exactly and composition is carried as in the full model.
 *    Pressures are P̄_i + E_i·(V_i − V_i,end), the mean plus the effect of the volume the coast moved.
 *
 * A coast ends, and a new window starts, when
 *   - it has lasted MAX_COAST_S,
 *   - the volume the window's residual imbalance (Σ q̄ in − Σ q̄ out, the part of the flows still in transient)
 *     would move reaches VOLUME_TOLERANCE of a compartment (so coasts are long only near a steady state),
 *   - a haemodynamic parameter (a resistance, pump head, prescribed internal flow, unstressed volume, external
 *     pressure, contractility, heart-rate command or rhythm) moved by more than PARAM_TOLERANCE since the window,
 *   - or an action was applied (the simulation calls `invalidate`).
 * Waveforms and beat-to-beat signals keep the window's values during a coast.
 */
import * as NETWORK from "../engine/network.ts";
import * as L from "./layout.ts";
import type { PatientModel } from "./model.ts";

// Imported bindings as module-local constants (each use of an imported binding is a getter call under tsx).
const COLLAPSE = NETWORK.COLLAPSE;
const KIND_FLOW = NETWORK.KIND_FLOW;
const OUTSIDE = NETWORK.OUTSIDE;
const FLUID = L.FLUID;
const RA = L.RA;
const RV = L.RV;
const LA = L.LA;
const LV = L.LV;

/** Shortest window of full simulation (s); extended to the next sinus beat end. */
export const WINDOW_MIN_S = 2;
/** Longest coast between two windows (s). */
export const MAX_COAST_S = 60;
/** Slow-loop step during a coast (s). */
export const COAST_STEP_S = 0.2;
/**
 * A coast is no longer than the time in which the window's residual imbalance (a transient still under way, or
 * beat-to-beat variation) would move VOLUME_TOLERANCE of a compartment's volume plus VOLUME_FLOOR of the total.
 */
export const VOLUME_TOLERANCE = 0.05;
export const VOLUME_FLOOR = 2e-4;
/** Relative change of a haemodynamic parameter that ends a coast. */
export const PARAM_TOLERANCE = 0.01;
/** Coasts shorter than this are not worth leaving the full model for (s). */
const MIN_COAST_S = 1;

const PHASE_WINDOW = 0;
const PHASE_COAST = 1;

export class FastForward {
  private readonly m: PatientModel;
  /** Volume moved through each connector since fast-forward began (mL): Σ of the slow loop's lastMoved. */
  private readonly cum: Float64Array;
  /** `cum` + the partial moved at the window's start. */
  private readonly cumStart: Float64Array;
  /** Mean flow of each connector over the last window (mL/s). */
  readonly qMean: Float64Array;
  /** Volume each internal connector carried backwards (against its net direction's sign convention: to → from)
   *  within the window, per slow step summed (mL), and its mean rate (mL/s): oscillating flow mixes blood. */
  private readonly backCum: Float64Array;
  readonly qBack: Float64Array;
  private readonly backStep: Float64Array;
  private readonly pSum: Float64Array;
  readonly pMean: Float64Array;
  private readonly vEnd: Float64Array;
  private readonly imbalance: Float64Array;
  /** Balancing: weights, the weighted graph Laplacian (dense, n×n) and the potentials that solve it. */
  private readonly weight: Float64Array;
  private readonly lap: Float64Array;
  private readonly phi: Float64Array;
  /** Net external inflow per compartment at the set rates (mL/s). */
  private readonly extIn: Float64Array;
  // Fingerprint of the haemodynamic parameters at the window's end.
  private readonly fR: Float64Array;
  private readonly fH: Float64Array;
  private readonly fFlow: Float64Array;
  private readonly fU: Float64Array;
  private readonly fPext: Float64Array;
  private readonly fHeart = new Float64Array(3);
  /** [phase, window start step, slow samples, coast steps left, windows run, coasted steps total,
   *  fingerprint pending]. */
  private readonly st = new Float64Array(7);

  constructor(model: PatientModel) {
    this.m = model;
    const { nComp, nConn } = model.net;
    this.cum = new Float64Array(nConn);
    this.cumStart = new Float64Array(nConn);
    this.qMean = new Float64Array(nConn);
    this.backCum = new Float64Array(nConn);
    this.qBack = new Float64Array(nConn);
    this.backStep = new Float64Array(nConn);
    this.pSum = new Float64Array(nComp);
    this.pMean = new Float64Array(nComp);
    this.vEnd = new Float64Array(nComp);
    this.imbalance = new Float64Array(nComp);
    this.weight = new Float64Array(nConn);
    this.lap = new Float64Array(nComp * nComp);
    this.phi = new Float64Array(nComp);
    this.extIn = new Float64Array(nComp);
    this.fR = new Float64Array(nConn);
    this.fH = new Float64Array(nConn);
    this.fFlow = new Float64Array(nConn);
    this.fU = new Float64Array(nComp);
    this.fPext = new Float64Array(nComp);
    this.invalidate();
  }

  /** Windows of full simulation run so far. */
  get windows(): number {
    return this.st[4]!;
  }
  /** Fast steps' worth of time coasted so far (divide by the steps run for the coasted fraction). */
  coastedSteps(): number {
    return this.st[5]!;
  }

  /** Start a new window at the next beat end (after an action, or when fast-forward is switched on). */
  invalidate(): void {
    const s = this.st;
    s[0] = PHASE_WINDOW;
    s[1] = -1; // waiting for a beat end
    s[2] = 0;
    s[3] = 0;
    this.pSum.fill(0);
  }

  /** Advance n fast steps (1 ms each) in fast-forward. */
  run(n: number): void {
    const m = this.m;
    const s = this.st;
    const stepsPerCoast = Math.round(COAST_STEP_S / m.dt);
    while (n > 0) {
      if (s[0] === PHASE_COAST && m.atSlowBoundary()) {
        // Whole slow steps only, and never past the end of this run (an action may be due there).
        const slow = m.slowEvery;
        const k = Math.floor(Math.min(stepsPerCoast, s[3]!, n) / slow) * slow;
        if (k >= slow) {
          this.coast(k);
          n -= k;
          s[3] = s[3]! - k;
          s[5] = s[5]! + k;
          // Fingerprint after the first coast step: flow-dependent resistances (cannulae, turbulent chords) are
          // then computed from the mean flows rather than from the last pulsatile slow step of the window.
          if (s[6] === 1) {
            this.fingerprint();
            s[6] = 0;
          } else if (this.parametersMoved()) s[3] = 0;
          // The heart stood still at a beat end during the coast: the next window can start right here.
          if (s[3]! < slow) this.startWindowHere();
          continue;
        }
      }
      if (s[0] === PHASE_COAST) this.startWindowHere();
      this.windowStep();
      n -= 1;
    }
  }

  /** One full-model fast step inside a window, with the window's bookkeeping. */
  private windowStep(): void {
    const m = this.m;
    const s = this.st;
    const slowDone = m.stepOne();
    if (slowDone) {
      const moved = m.chem.lastMoved;
      const cum = this.cum;
      for (let k = 0; k < cum.length; k++) cum[k] = cum[k]! + moved[k]!;
      if (s[1]! >= 0) {
        const back = this.backCum;
        for (let k = 0; k < back.length; k++) if (moved[k]! < 0) back[k] = back[k]! - moved[k]!;
        const P = m.net.P;
        const pSum = this.pSum;
        for (let i = 0; i < pSum.length; i++) pSum[i] = pSum[i]! + P[i]!;
        s[2] = s[2]! + 1;
      }
    }
    const sinus = m.heart.rhythm === 0;
    const edge = sinus ? m.heart.beatEnded : true;
    if (!edge) return;
    if (s[1]! < 0) {
      // Window start: a beat just ended (or no sinus rhythm). Volumes moved so far = cum + the partial net.moved.
      this.snapshot(this.cumStart);
      s[1] = m.steps;
      s[2] = 0;
      this.pSum.fill(0);
      this.backCum.fill(0);
      return;
    }
    const lengthS = (m.steps - s[1]!) * m.dt;
    if (lengthS < WINDOW_MIN_S || s[2]! < 1) return;
    this.closeWindow(lengthS);
  }

  /** Start a window now: the heart is at a beat end and nothing has moved since the last slow step. */
  private startWindowHere(): void {
    const s = this.st;
    this.snapshot(this.cumStart);
    s[0] = PHASE_WINDOW;
    s[1] = this.m.steps;
    s[2] = 0;
    s[3] = 0;
    this.pSum.fill(0);
    this.backCum.fill(0);
  }

  private snapshot(out: Float64Array): void {
    const moved = this.m.net.moved;
    const cum = this.cum;
    for (let k = 0; k < cum.length; k++) out[k] = cum[k]! + moved[k]!;
  }

  /** End of a window: mean flows and pressures, the coast's length, and the fingerprint. */
  private closeWindow(lengthS: number): void {
    const m = this.m;
    const net = m.net;
    const s = this.st;
    s[4] = s[4]! + 1;
    const q = this.qMean;
    const moved = net.moved;
    for (let k = 0; k < q.length; k++) q[k] = (this.cum[k]! + moved[k]! - this.cumStart[k]!) / lengthS;
    // To-and-fro volume as an exchange between the two ends. Within a beat the blood that went forward partly comes
    // back: after x went a → b, what returns carries b's contents diluted by it, so the net exchange per beat is
    // x·V/(V + x) (averaged over the two ends' volumes V), not x.
    const period = m.heart.rhythm === 0 ? m.heart.period : m.dt * m.slowEvery;
    for (let k = 0; k < q.length; k++) {
      const a = net.from[k]!;
      const b = net.to[k]!;
      if (a === OUTSIDE || b === OUTSIDE || this.backCum[k] === 0) {
        this.qBack[k] = 0;
        continue;
      }
      // Gross volume each way: backCum went to → from, backCum + net went from → to; the to-and-fro is the smaller.
      const backRate = this.backCum[k]! / lengthS;
      const rate = q[k]! >= 0 ? backRate : backRate + q[k]!;
      const xBeat = rate * period;
      const va = net.V[a]!;
      const vb = net.V[b]!;
      this.qBack[k] = rate * 0.5 * (va / (va + xBeat) + vb / (vb + xBeat));
    }
    const nSamples = s[2]!;
    for (let i = 0; i < this.pMean.length; i++) this.pMean[i] = this.pSum[i]! / nSamples;
    // Residual imbalance of the internal flows (the external ones are real gains and losses).
    const imb = this.imbalance;
    imb.fill(0);
    for (let k = 0; k < q.length; k++) {
      const a = net.from[k]!;
      const b = net.to[k]!;
      if (a === OUTSIDE || b === OUTSIDE) continue;
      imb[a] = imb[a]! - q[k]!;
      imb[b] = imb[b]! + q[k]!;
    }
    let coastS = MAX_COAST_S;
    let total = 0;
    for (let i = 0; i < imb.length; i++) total += net.V[i]!;
    const floor = VOLUME_FLOOR * total;
    for (let i = 0; i < imb.length; i++) {
      const r = Math.abs(imb[i]!);
      // The heart chambers' end-diastolic volumes vary from beat to beat: the vessels show a real transient.
      if (r === 0 || i === RA || i === RV || i === LA || i === LV) continue;
      const t = (VOLUME_TOLERANCE * net.V[i]! + floor) / r;
      if (t < coastS) coastS = t;
    }
    this.balance();
    // Align the slow loop: finish the partial slow step now (the coast runs whole slow steps).
    m.flushSlowStep();
    this.vEnd.set(net.V);
    s[6] = 1; // fingerprint pending
    // The next window starts where this one ended (the heart is at a beat end and stays there during a coast).
    this.startWindowHere();
    if (coastS < MIN_COAST_S) return; // still settling: keep windowing
    s[0] = PHASE_COAST;
    s[3] = Math.floor(coastS / m.dt);
  }

  /**
   * Make the mean internal flows divergence-free, so a coast moves composition but no volume between compartments
   * (only the external flows change volumes). Beat-to-beat variation leaves a small residual imbalance in every
   * window; applied for a minute it would shift millilitres that the next window would see as a transient.
   * Weighted least-squares correction: minimise Σ (q'_k − q̄_k)²/w_k subject to A·q' = 0 (A: the internal incidence
   * matrix), w_k = |q̄_k| (each connector corrected in proportion to its flow, no flow stays no flow). With
   * potentials φ solving (A W Aᵀ)·φ = A·q̄, q' = q̄ − W·Aᵀ·φ. The Laplacian is regularised by 1e-12 of its diagonal
   * (isolated parts of the graph, e.g. behind a clamp).
   */
  private balance(): void {
    const net = this.m.net;
    const n = net.nComp;
    const q = this.qMean;
    const w = this.weight;
    const Lm = this.lap;
    const b = this.imbalance; // A·q̄ (net inflow) → right-hand side; solved in place into phi
    const phi = this.phi;
    Lm.fill(0);
    for (let k = 0; k < q.length; k++) {
      const a = net.from[k]!;
      const c = net.to[k]!;
      if (a === OUTSIDE || c === OUTSIDE) {
        w[k] = 0;
        continue;
      }
      const wk = Math.abs(q[k]!);
      w[k] = wk;
      Lm[a * n + a] = Lm[a * n + a]! + wk;
      Lm[c * n + c] = Lm[c * n + c]! + wk;
      Lm[a * n + c] = Lm[a * n + c]! - wk;
      Lm[c * n + a] = Lm[c * n + a]! - wk;
    }
    // External flows (infusion, urine, bleeding, samples) at their set rates: the internal flows spread their net
    // gain or loss over the compartments in proportion to compliance (1/E), as the network would.
    const ext = this.extIn;
    ext.fill(0);
    let extTotal = 0;
    let complianceTotal = 0;
    for (let k = 0; k < q.length; k++) {
      const a = net.from[k]!;
      const c = net.to[k]!;
      if (a !== OUTSIDE && c !== OUTSIDE) continue;
      const r = net.kind[k] === KIND_FLOW ? net.flowSet[k]! : q[k]!;
      if (a >= 0) ext[a] = ext[a]! - r;
      if (c >= 0) ext[c] = ext[c]! + r;
      extTotal += a >= 0 ? -r : c >= 0 ? r : 0;
    }
    for (let i = 0; i < n; i++) complianceTotal += this.compliance(i);
    for (let i = 0; i < n; i++) {
      const d = Lm[i * n + i]!;
      Lm[i * n + i] = d > 0 ? d * (1 + 1e-12) : 1;
      // A·q' = −(wanted internal net inflow) = −(share of the external total − this compartment's own external).
      const wanted = (this.compliance(i) / complianceTotal) * extTotal - ext[i]!;
      phi[i] = -b[i]! + wanted;
    }
    // Gaussian elimination (symmetric positive definite after regularisation: no pivoting needed).
    for (let p = 0; p < n; p++) {
      const piv = Lm[p * n + p]!;
      for (let r = p + 1; r < n; r++) {
        const f = Lm[r * n + p]! / piv;
        if (f === 0) continue;
        for (let c = p; c < n; c++) Lm[r * n + c] = Lm[r * n + c]! - f * Lm[p * n + c]!;
        phi[r] = phi[r]! - f * phi[p]!;
      }
    }
    for (let p = n - 1; p >= 0; p--) {
      let acc = phi[p]!;
      for (let c = p + 1; c < n; c++) acc -= Lm[p * n + c]! * phi[c]!;
      phi[p] = acc / Lm[p * n + p]!;
    }
    for (let k = 0; k < q.length; k++) {
      if (w[k] === 0) continue;
      q[k] = q[k]! - w[k]! * (phi[net.from[k]!]! - phi[net.to[k]!]!);
    }
  }

  /** Compliance (mL/mmHg) of compartment i at its present volume (collapsed vessels are floppier). */
  private compliance(i: number): number {
    const net = this.m.net;
    const e = net.V[i]! >= net.U[i]! ? net.E[i]! : net.E[i]! * COLLAPSE;
    return e > 0 ? 1 / e : 0;
  }

  private fingerprint(): void {
    const m = this.m;
    const net = m.net;
    this.fR.set(net.R);
    this.fH.set(net.H);
    this.fFlow.set(net.flowSet);
    this.fU.set(net.U);
    this.fPext.set(net.Pext);
    const f = this.fHeart;
    f[0] = m.heart.contractility;
    f[1] = m.heart.hrCommand;
    f[2] = m.heart.rhythm;
  }

  /** Has any haemodynamic parameter moved more than PARAM_TOLERANCE since the window? */
  private parametersMoved(): boolean {
    const m = this.m;
    const net = m.net;
    const tol = PARAM_TOLERANCE;
    const R = net.R;
    const fR = this.fR;
    for (let k = 0; k < R.length; k++) {
      const a = R[k]!;
      const b = fR[k]!;
      if (a !== b && !(Math.abs(a - b) <= tol * Math.abs(b))) return true; // also catches a clamp (∞) opening
      if (Math.abs(net.H[k]! - this.fH[k]!) > tol * Math.abs(this.fH[k]!) + 0.5) return true;
      if (net.kind[k] === KIND_FLOW && net.from[k] !== OUTSIDE && net.to[k] !== OUTSIDE) {
        const fl = this.fFlow[k]!;
        if (Math.abs(net.flowSet[k]! - fl) > tol * Math.abs(fl) + 0.05) return true;
      }
    }
    for (let i = 0; i < net.U.length; i++) {
      if (Math.abs(net.U[i]! - this.fU[i]!) > tol * Math.abs(this.fU[i]!) + 0.5) return true;
      if (Math.abs(net.Pext[i]! - this.fPext[i]!) > 0.5) return true;
    }
    const f = this.fHeart;
    const h = m.heart;
    return (
      Math.abs(h.contractility - f[0]!) > tol * f[0]! ||
      Math.abs(h.hrCommand - f[1]!) > tol * f[1]! ||
      h.rhythm !== f[2]
    );
  }

  /**
   * One coast step of k fast steps' length: the window's mean flows (external prescribed flows at their set rate)
   * move volume and composition; pressures are the window means plus the volume moved since; then the slow loop.
   */
  private coast(k: number): void {
    const m = this.m;
    const net = m.net;
    const dt = k * m.dt;
    const { from, to, kind, flowSet, moved, V, P, E, external } = net;
    const q = this.qMean;
    let extIn = 0;
    let extOut = 0;
    for (let c = 0; c < q.length; c++) {
      const a = from[c]!;
      const b = to[c]!;
      let dv = (kind[c] === KIND_FLOW && (a === OUTSIDE || b === OUTSIDE) ? flowSet[c]! : q[c]!) * dt;
      this.backStep[c] = 0;
      if (dv === 0) continue;
      // An ordered fluid volume stops when it has all gone in (the slow loop's own limit assumes its 20 ms step).
      if (c === FLUID && dv > 0) {
        const left = m.fluidTarget - m.fluidGiven;
        if (dv > left) dv = Math.max(left, 0);
      }
      // No connector takes more than its donor holds.
      if (dv > 0 && a >= 0 && dv > V[a]!) dv = V[a]!;
      else if (dv < 0 && b >= 0 && -dv > V[b]!) dv = -V[b]!;
      // Composition: the net volume upwind, and the volume that went to and fro as an exchange between the ends.
      this.backStep[c] = this.qBack[c]! * dt;
      moved[c] = moved[c]! + dv;
      if (a >= 0) V[a] = V[a]! - dv;
      else extIn += dv;
      if (b >= 0) V[b] = V[b]! + dv;
      else extOut += dv;
    }
    external[0] = external[0]! + extIn;
    external[1] = external[1]! + extOut;
    const pm = this.pMean;
    const ve = this.vEnd;
    for (let i = 0; i < pm.length; i++) P[i] = pm[i]! + E[i]! * (V[i]! - ve[i]!);
    m.chem.coastBack = this.backStep;
    m.coastSlowStep(k);
    m.chem.coastBack = null;
  }
}
