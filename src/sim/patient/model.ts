/**
 * The patient model: circulation network + heart + baroreflex + beat monitor (fast loop, dt = 1 ms),
 * and the slow loop (every SLOW_EVERY steps) for composition transport, reflexes, kidneys,
 * chemistry, lungs, metabolism, temperature and drugs (docs/models/engine.md).
 */

import { type CircuitPlan, circuitNetworkParts } from "../cpb/build.ts";
import { CircuitModel } from "../cpb/circuit-model.ts";
import { buildNetwork, computePressures, type Network, refreshConnectors } from "../engine/network.ts";
import { Rng } from "../engine/rng.ts";
import { Baroreflex } from "./baroreflex.ts";
import { type CirculationDesign, designCirculation } from "./cardiovascular.ts";
import { Chemistry } from "./chemistry.ts";
import { FastForward } from "./fast-forward.ts";
import { Heart, RHYTHM_VF } from "./heart.ts";
import * as LAYOUT from "./layout.ts";
import {
  A_ART,
  A_CORONARY,
  A_EJECTED,
  A_LA,
  A_N,
  A_PA,
  A_PMAX,
  A_PMIN,
  A_RA,
  A_T,
  A_UPPER,
  BeatMonitor,
  M_BEATS,
  M_CO,
  M_CORONARY,
  M_CVP,
  M_DBP,
  M_HR,
  M_LAP,
  M_MAP,
  M_PAP,
  M_SBP,
  M_SV,
  M_UPPER,
  MAX_WINDOW_S,
} from "./monitor.ts";
import type { PatientSpec } from "./spec.ts";
import { type RestingTargets, restingTargets } from "./targets.ts";

const X = { ...LAYOUT };

/** Fraction of airway pressure that reaches the pleural space with equal lung and chest-wall elastance [estimate]. */
export const PEEP_PLEURAL_TRANSMISSION = 0.5;
/** 1 cmH2O = 0.7356 mmHg (ρ_water·g·1 cm). */
const MMHG_PER_CMH2O = 0.7356;
/** Compartments inside the chest: heart chambers, pulmonary vessels, thoracic aorta and great veins, coronaries. */
const INTRATHORACIC = [
  X.RA,
  X.RV,
  X.PA,
  X.PCAP,
  X.PV,
  X.LA,
  X.LV,
  X.AOR,
  X.AAO,
  X.SVC,
  X.CORA,
  X.CORV,
] as const;

export const DT = 0.001;
export const SLOW_EVERY = 20;
export const DT_SLOW = DT * SLOW_EVERY;

// Constants of the hot loop as module-local values: under the CommonJS transform tsx applies, each use of an
// imported binding is a getter call, which V8 did not always inline in the fast loop (measured with --cpu-prof).
const F_DT = DT;
const F_MAX_WINDOW_S = MAX_WINDOW_S;
const F_A_PMAX = A_PMAX;
const F_A_PMIN = A_PMIN;
const F_A_ART = A_ART;
const F_A_RA = A_RA;
const F_A_PA = A_PA;
const F_A_LA = A_LA;
const F_A_EJECTED = A_EJECTED;
const F_A_CORONARY = A_CORONARY;
const F_A_UPPER = A_UPPER;
const F_A_T = A_T;
const F_A_N = A_N;
const F_M_SBP = M_SBP;
const F_M_DBP = M_DBP;
const F_M_MAP = M_MAP;
const F_M_CVP = M_CVP;
const F_M_PAP = M_PAP;
const F_M_LAP = M_LAP;
const F_M_SV = M_SV;
const F_M_CO = M_CO;
const F_M_HR = M_HR;
const F_M_CORONARY = M_CORONARY;
const F_M_UPPER = M_UPPER;
const F_M_BEATS = M_BEATS;
const F_AAO = X.AAO;
const F_RA = X.RA;
const F_PA = X.PA;
const F_LA = X.LA;
const F_AORTIC_VALVE = X.AORTIC_VALVE;
const F_ROOT_COR = X.ROOT_COR;
const F_ASC_UB = X.ASC_UB;

/** Venous compartments whose unstressed volume the baroreflex (and venous-tone drugs) move. */
const VENOUS = [X.UBV, X.LBV, X.SVC, X.IVC] as const;

export class PatientModel {
  readonly spec: PatientSpec;
  readonly targets: RestingTargets;
  readonly design: CirculationDesign;
  readonly net: Network;
  readonly heart: Heart;
  readonly baro: Baroreflex;
  readonly monitor = new BeatMonitor();
  readonly chem: Chemistry;
  readonly rng: Rng;
  /** The extracorporeal circuit, when the simulation was built with one (its parts follow the patient's). */
  readonly circuit: CircuitModel | null;
  /** Step counter (time = steps·DT, exact). */
  steps = 0;
  private slowCounter = 0;
  /** Base (patient) values the slow loop multiplies by reflex and drug factors. */
  private readonly u0Venous: Float64Array;
  readonly hrBase: number;
  /** Resistance multipliers set by actions/patient (systemic, pulmonary). */
  svrFactor: number;
  pvrFactor: number;
  contractilityFactor: number;
  /** Prescribed rates (mL/s) and remaining fluid volume (mL). */
  bleedRate = 0;
  fluidRate = 0;
  /** Fluid volume ordered and given so far in total (mL). */
  fluidTarget = 0;
  /** Cumulative fluid given, urine and bleeding (mL); a Float64Array so updates do not allocate. */
  readonly totals = new Float64Array(3);
  get fluidGiven(): number {
    return this.totals[0]!;
  }
  get urineTotal(): number {
    return this.totals[1]!;
  }
  get bleedTotal(): number {
    return this.totals[2]!;
  }
  /** Urine (mL/s) at the design MAP. */
  private readonly urineBase: number;

  constructor(spec: PatientSpec, seed: number, circuit?: CircuitPlan) {
    this.spec = spec;
    this.rng = new Rng(seed);
    this.targets = restingTargets(spec);
    this.design = designCirculation(this.targets, DT);
    const parts = circuit ? circuitNetworkParts(circuit) : { comps: [], conns: [] };
    this.net = buildNetwork(
      [...this.design.comps, ...parts.comps],
      [...this.design.conns, ...parts.conns],
      DT,
    );
    this.heart = new Heart(this.design.heart);
    this.baro = new Baroreflex(this.design.map, spec.baroreflex ?? true);
    this.u0Venous = Float64Array.from(VENOUS.map((i) => this.net.U[i]!));
    this.hrBase = this.targets.hr;
    this.svrFactor = spec.svrFactor ?? 1;
    this.pvrFactor = spec.pvrFactor ?? 1;
    this.contractilityFactor = spec.contractilityFactor ?? 1;
    this.net.open[X.PDA] = spec.pdaOpenFraction ?? 0;
    this.urineBase = this.targets.urineMlPerMin / 60;
    this.chem = new Chemistry(this, this.targets, spec);
    this.circuit = circuit
      ? new CircuitModel(this, circuit, this.design.comps.length, this.design.conns.length)
      : null;
    this.applyFactors();
    this.heart.step(this.net.E, 0);
    computePressures(this.net);
    this.monitor.prime(this.targets);
  }

  get timeS(): number {
    return this.steps * DT;
  }

  /** Fast step (s) and slow-loop period (in fast steps), for the fast-forward scheme. */
  readonly dt = DT;
  readonly slowEvery = SLOW_EVERY;
  /** The fast-forward scheme while it is on (docs/models/engine.md), else null. */
  private ff: FastForward | null = null;

  get fastForward(): boolean {
    return this.ff !== null;
  }
  /** Switch fast-forward on or off; switching on starts with a window of the full model. */
  set fastForward(on: boolean) {
    if (on && this.ff === null) this.ff = new FastForward(this);
    else if (!on) this.ff = null;
  }
  /** The fast-forward state (null when off): windows run, time coasted. */
  get fastForwardState(): FastForward | null {
    return this.ff;
  }
  /** Something changed (an action): in fast-forward, the next stretch is a window of the full model. */
  invalidateFastForward(): void {
    this.ff?.invalidate();
  }

  /** Run n fast steps, with the slow loop every SLOW_EVERY steps (in fast-forward, see fast-forward.ts). */
  run(n: number): void {
    if (this.ff !== null) {
      this.ff.run(n);
      return;
    }
    while (n > 0) {
      const left = SLOW_EVERY - this.slowCounter;
      const k = Math.min(n, left);
      this.fast(k);
      n -= k;
      this.slowCounter += k;
      if (this.slowCounter === SLOW_EVERY) {
        this.slowCounter = 0;
        this.slowStep(DT_SLOW);
      }
    }
  }

  /** One fast step, and the slow loop when it is due; true when the slow loop ran (fast-forward windows). */
  stepOne(): boolean {
    this.fast(1);
    if (++this.slowCounter === SLOW_EVERY) {
      this.slowCounter = 0;
      this.slowStep(DT_SLOW);
      return true;
    }
    return false;
  }

  /** True when no fast step has run since the last slow step. */
  atSlowBoundary(): boolean {
    return this.slowCounter === 0;
  }

  /** Run the slow loop now for the fast steps since the last one (aligns the slow loop for a coast). */
  flushSlowStep(): void {
    if (this.slowCounter === 0) return;
    const dt = this.slowCounter * DT;
    this.slowCounter = 0;
    this.slowStep(dt);
  }

  /** A fast-forward coast: k fast steps' worth of time in one slow step (the network's moved is already set). */
  coastSlowStep(k: number): void {
    this.steps += k;
    this.slowStep(k * DT);
  }

  /**
   * The hot loop: k fast steps of heart, network and beat monitor. No allocation, no lookups. Kept to
   * at most SLOW_EVERY steps per call so V8 optimises it as a normal hot function (one long on-stack-
   * replaced loop was measured to box numbers).
   */
  private fast(k: number): void {
    const net = this.net;
    const heart = this.heart;
    const m = this.monitor;
    const P = net.P;
    const Q = net.Q;
    const E = net.E;
    const acc = m.acc;
    for (let s = 0; s < k; s++) {
      heart.step(E, F_DT);
      if (heart.beatEnded || acc[F_A_T]! >= F_MAX_WINDOW_S) {
        // BeatMonitor.close written out: a call taken once a beat is too rare for V8 to inline here, and the separate
        // function would run unoptimised for a long time, boxing every intermediate (docs/models/engine.md).
        const isBeat = heart.beatEnded;
        const t = acc[F_A_T]!;
        if (t > 0) {
          const o = m.out;
          o[F_M_SBP] = acc[F_A_PMAX]!;
          o[F_M_DBP] = acc[F_A_PMIN]!;
          o[F_M_MAP] = acc[F_A_ART]! / t;
          o[F_M_CVP] = acc[F_A_RA]! / t;
          o[F_M_PAP] = acc[F_A_PA]! / t;
          o[F_M_LAP] = acc[F_A_LA]! / t;
          o[F_M_SV] = isBeat ? acc[F_A_EJECTED]! : 0;
          o[F_M_CO] = acc[F_A_EJECTED]! / t;
          o[F_M_HR] = isBeat ? 60 / t : 0;
          o[F_M_CORONARY] = acc[F_A_CORONARY]! / t;
          o[F_M_UPPER] = acc[F_A_UPPER]! / t;
          if (isBeat) o[F_M_BEATS] = o[F_M_BEATS]! + 1;
          for (let j = 0; j < F_A_N; j++) acc[j] = 0; // BeatMonitor.reset
          acc[F_A_PMAX] = -1e9;
          acc[F_A_PMIN] = 1e9;
        }
      }
      net.step(); // stepNetwork: the network's specialised kernel (engine/specialise.ts)
      const pa = P[F_AAO]!;
      if (pa > acc[F_A_PMAX]!) acc[F_A_PMAX] = pa;
      if (pa < acc[F_A_PMIN]!) acc[F_A_PMIN] = pa;
      acc[F_A_ART] = acc[F_A_ART]! + pa * F_DT;
      acc[F_A_RA] = acc[F_A_RA]! + P[F_RA]! * F_DT;
      acc[F_A_PA] = acc[F_A_PA]! + P[F_PA]! * F_DT;
      acc[F_A_LA] = acc[F_A_LA]! + P[F_LA]! * F_DT;
      acc[F_A_EJECTED] = acc[F_A_EJECTED]! + Q[F_AORTIC_VALVE]! * F_DT;
      acc[F_A_CORONARY] = acc[F_A_CORONARY]! + Q[F_ROOT_COR]! * F_DT;
      acc[F_A_UPPER] = acc[F_A_UPPER]! + Q[F_ASC_UB]! * F_DT;
      acc[F_A_T] = acc[F_A_T]! + F_DT;
    }
    this.steps += k;
  }

  /** The slow loop over the last dt seconds (DT_SLOW, except around fast-forward coasts). */
  private slowStep(dt: number): void {
    const net = this.net;
    this.chem.transport();
    // Kidneys: urine flow proportional to (MAP − 50 mmHg), zero below 50 mmHg: the "renal function
    // curve" of pressure diuresis (Guyton AC, Textbook of Medical Physiology, ch. 19), linearised.
    const mapNow = this.baro.pFiltered;
    const u = (this.urineBase * (mapNow - 50)) / (this.design.map - 50);
    net.flowSet[X.URINE] = Math.max(u, 0);
    net.flowSet[X.BLEED] = this.bleedRate;
    // Fluid: the infusion runs at its rate until the volume asked for has gone in.
    const moved = this.chem.lastMoved;
    const tot = this.totals;
    tot[0] = tot[0]! + moved[X.FLUID]!;
    tot[1] = tot[1]! + moved[X.URINE]!;
    tot[2] = tot[2]! + moved[X.BLEED]!;
    const fluidLeft = this.fluidTarget - tot[0]!;
    net.flowSet[X.FLUID] = fluidLeft > 1e-12 ? Math.min(this.fluidRate, fluidLeft / dt) : 0;
    if (this.circuit) this.circuit.slowStep(dt);
    this.baro.updateAt(net.P, X.UBA, dt);
    if (this.heart.rhythm === RHYTHM_VF) this.heart.updateFibrillation(this.rng);
    this.chem.slowStep(dt);
    this.applyFactors();
  }

  /**
   * PEEP raises the pressure around the heart and the intrathoracic vessels: the pleural pressure rises by the
   * fraction of airway pressure that the chest wall passes on, E_cw/(E_lung + E_cw), about one half when lung and
   * chest-wall elastances are equal (normal lungs; stiff ARDS lungs pass on less). It is added as the external
   * pressure of the intrathoracic compartments, so venous return from the extrathoracic veins falls and CVP
   * rises. Recruitment of shunt by PEEP is not modelled (docs/models/lungs.md).
   */
  setPeep(peepCmH2O: number, positivePressure: boolean): void {
    const pleuralMmHg = positivePressure ? PEEP_PLEURAL_TRANSMISSION * peepCmH2O * MMHG_PER_CMH2O : 0;
    for (let j = 0; j < INTRATHORACIC.length; j++) this.net.Pext[INTRATHORACIC[j]!] = pleuralMmHg;
  }

  /** Combine patient, reflex and drug factors into the network's parameters. */
  applyFactors(): void {
    const net = this.net;
    const d = this.chem.effects;
    // With a circuit, systemic resistance follows blood viscosity (Poiseuille: R ∝ μ; haemodilution lowers it,
    // cooling raises it); without one the patient keeps its design behaviour (docs/models/cpb.md).
    const visc = this.circuit ? this.circuit.viscosityFactor : 1;
    const rSys = this.svrFactor * this.baro.resistanceFactor * d.svr * visc;
    net.rFactor[X.UB_BED] = rSys;
    net.rFactor[X.LB_BED] = rSys;
    const rPul = this.pvrFactor * d.pvr;
    net.rFactor[X.PA_CAP] = rPul;
    net.rFactor[X.CAP_PV] = rPul;
    refreshConnectors(net);
    const vf = this.baro.venousUnstressedFactor * d.venousTone;
    for (let j = 0; j < VENOUS.length; j++) net.U[VENOUS[j]!] = this.u0Venous[j]! * vf;
    const c = this.contractilityFactor * this.baro.contractilityFactor * d.contractility;
    this.heart.contractility = c;
    this.heart.hrCommand = this.hrBase * this.baro.hrFactor * d.hr;
  }
}
