/**
 * Blood composition carried with the flow, and the slow-loop physiology that changes it: lungs,
 * metabolism, temperature and drugs (docs/models/engine.md, lungs.md, fluids.md).
 *
 * Composition is stored as amounts per compartment, species-major: mass[s·N_COMP + i]. Transport is
 * upwind: what a connector moved since the last slow step carries the donor's concentration, so
 * every species is conserved exactly in mass. All calls into the blood-chemistry, exchange and drug
 * functions (src/sim/blood, src/sim/exchange, src/sim/drugs) are in this file.
 */
import * as AB from "../blood/acid-base.ts";
import * as BLOOD from "../blood/index.ts";
import * as ODC from "../blood/odc.ts";
import * as DRUGS_M from "../drugs/index.ts";
import { specialise } from "../engine/specialise.ts";
import { FLUID_COMPOSITION, type Fluid } from "./fluids.ts";
import * as LAYOUT from "./layout.ts";
import type { PatientModel } from "./model.ts";
import type { PatientSpec } from "./spec.ts";
import type { RestingTargets } from "./targets.ts";

// Imported bindings copied to module-local constants once: under the module transform tsx applies, each use
// of an imported binding is a getter call, measurable in the slow loop (docs/models/engine.md, performance).
const { o2ContentFromPo2, tco2FromPco2 } = BLOOD;
const { AB_IO, solveAcidBaseIo, tco2FromPco2Io } = AB;
const { ODC_IO, o2ContentFromPo2Io, po2FromO2ContentIo, so2FromPo2Io } = ODC;
const {
  ACT,
  actSecondsIo,
  CLEARANCE_FALL_PER_C_BELOW_37,
  DRUG_COUNT,
  DRUG_IO,
  DRUG_HEPARIN,
  DRUG_PROTAMINE,
  DRUGS,
  drugEffects,
  EFFECT_CONTRACTILITY,
  EFFECT_COUNT,
  EFFECT_HEART_RATE,
  EFFECT_PVR,
  EFFECT_SVR,
  EFFECT_UNSTRESSED_VOLUME,
  eliminationFractionsIo,
  heparinEliminationIo,
  neutralise,
  PROTAMINE_U_PER_MG,
  updateEffectSites,
} = DRUGS_M;
const X = { ...LAYOUT };

export const SP_O2 = 0; // mL O2
export const SP_CO2 = 1; // mmol total CO2
export const SP_BE = 2; // mmol base excess
export const SP_HB = 3; // g haemoglobin
export const SP_LACTATE = 4; // mmol
export const SP_HEAT = 5; // °C·mL (temperature × volume: heat / volumetric heat capacity of blood)
/** mmol K+ in the compartment's plasma (concentration = amount / (V·(1 − Hct)), docs/models/metabolism.md). */
export const SP_POTASSIUM = 6;
/** mmol glucose (concentration = amount / V: whole blood, as lactate). */
export const SP_GLUCOSE = 7;
export const SP_DRUG0 = 8;
export const N_SPECIES = SP_DRUG0 + DRUG_COUNT;
export const DRUG_NAMES = DRUGS.map((d) => d.name) as unknown as readonly [string, ...string[]];

/** Volumetric heat capacity of blood ≈ 3.8 J/(mL·°C) (ρ 1.05 g/mL × c 3.6 J/(g·°C)). */
const BLOOD_HEAT_J_PER_ML_C = 3.8;
/** Tissue specific heat 3.47 J/(g·°C) (average human body). */
const TISSUE_HEAT_J_PER_G_C = 3.47;
/** Energy per mL O2 consumed ≈ 20.1 J (4.8 kcal/L, mixed diet). */
const J_PER_ML_O2 = 20.1;
/** Whole-body Q10 for VO2 (reference-data §8: default 2.0–2.5 whole body). */
export const VO2_Q10 = 2.3;
/** ln(VO2_Q10), for vo2Factor (src/sim/exchange/metabolism.ts) written out in the slow step. */
const LN_VO2_Q10 = Math.log(VO2_Q10);
export const RQ = 0.8;
/** Share of each systemic bed's flow that perfuses the periphery (limbs, skin) rather than the core. */
const PERIPHERAL_FLOW_SHARE = 0.2;
/** Ambient temperature at which the resting patient is in heat balance (°C). */
const NEUTRAL_AMBIENT_C = 24;
const BAROMETRIC_MMHG = 760;
/** Gas volumes in blood are STPD, alveolar gas BTPS: 1 mL STPD = (310.15/273.15)·(760/713) = 1.21 mL BTPS. */
const STPD_TO_BTPS = (310.15 / 273.15) * (760 / 713);
/** Time constant of the displayed VO2/VCO2 averages (s). */
const GAS_AVERAGE_S = 10;
const WATER_VAPOUR_MMHG = 47;
/** Lung equilibration rate of pulmonary capillary blood with alveolar gas (1/s). */
const LUNG_EQUILIBRATION_PER_S = 50;

// --- Potassium and glucose (docs/models/metabolism.md, "Potassium" and "Glucose").
/**
 * Transcellular K+ shift: plasma K+ rises ≈ 0.6 mmol/L per 0.1 fall in pH (Adrogué & Madias, Am J Med
 * 1981;71:456: mean for mineral-acid metabolic acidosis, range 0.2–1.7; organic acidoses and respiratory changes
 * shift less — one slope is used for all, a simplification). Applied to the arterial pH at 37 °C (alpha-stat).
 */
export const K_SHIFT_MMOL_PER_L_PER_PH = 6;
/** Time constant of cellular K+ uptake/release toward the pH-set level (s) [U: steady state within 1–2 h]. */
export const K_CELL_TAU_S = 1800;
/** Time constant of plasma–interstitium exchange of small solutes (s) [U: minutes]. */
export const ISF_EXCHANGE_TAU_S = 300;
const GLUCOSE_MG_PER_MMOL = 180.16;
/** K+ and glucose physiology runs every KG_EVERY slow steps (100 ms): their time constants are minutes. */
const KG_EVERY = 5;
/** Haematocrit per g/mL of Hb (MCHC 33.3 g/dL, as the Hb/Hct signals). */
const HCT_PER_HB_G_PER_ML = 100 / 33.3;
/** Weight anchors (kg) of the log-weight interpolation of the K+/glucose constants: term neonate → adult. */
const KG_ANCHOR_W = [3.5, 80];
/** Resting plasma K+ (mmol/L): adult 4.0 (reference interval 3.5–5.1); term neonate 4.5 (interval 3.7–5.9 [U: paediatric reference tables]). */
const K_REST_ANCHOR = [4.5, 4.0];
/** Resting glucose (mmol/L): adult fasting 5.0; neonate after the first day 4.0 (interval ≈ 2.8–5.0 [U: paediatric reference tables]). */
const GLUCOSE_REST_ANCHOR = [4.0, 5.0];
/** Extracellular fluid (L/kg): ≈ 0.45 at term birth, 0.20 in adults (Friis-Hansen, Pediatrics 1961;28:169). */
const ECF_L_PER_KG_ANCHOR = [0.45, 0.2];
/** Maintenance K+ intake (mmol/kg/day): 2 in infants, 1 in adults [U: usual maintenance prescriptions]. */
const K_INTAKE_ANCHOR = [2, 1];
/**
 * Hepatic glucose production (mg/kg/min) by weight: term neonate 6.07, young child 7.1, late childhood 5.4, adult
 * 2.28 (Bier et al., Diabetes 1977;26:1016, 6,6-dideuteroglucose); the weights given to the child groups are [U].
 */
const GLUCOSE_PROD_W = [3.5, 15, 35, 80];
const GLUCOSE_PROD_MG_PER_KG_MIN = [6.07, 7.1, 5.4, 2.28];

/** Piecewise-linear interpolation in log(weight), clamped at the end anchors (construction only). */
function logWeightInterp(w: number, ws: readonly number[], vs: readonly number[]): number {
  const x = Math.log(w);
  if (x <= Math.log(ws[0]!)) return vs[0]!;
  for (let i = 1; i < ws.length; i++) {
    const x1 = Math.log(ws[i]!);
    if (x <= x1) {
      const x0 = Math.log(ws[i - 1]!);
      return vs[i - 1]! + ((vs[i]! - vs[i - 1]!) * (x - x0)) / (x1 - x0);
    }
  }
  return vs[vs.length - 1]!;
}

// Outputs (signals) refreshed every SIGNAL_EVERY slow steps.
export const C_SAO2 = 0;
export const C_SVO2 = 1;
export const C_PAO2 = 2;
export const C_PACO2 = 3;
export const C_PH = 4;
export const C_HB = 5;
export const C_HCT = 6;
export const C_LACTATE = 7;
export const C_TCORE = 8;
export const C_VO2 = 9;
export const C_VCO2 = 10;
export const C_ACT = 11;
export const C_ETCO2 = 12;
export const C_TPERIPH = 13;
export const C_HEPARIN = 14;
export const C_CAO2 = 15;
export const C_POTASSIUM = 16;
export const C_GLUCOSE = 17;
const C_N = 18;
/** Blood gases for the signals are recomputed every 10 slow steps (0.2 s). */
const SIGNAL_EVERY = 10;
/** The lung's equilibrium contents (costly inversions) are recomputed every 3 slow steps (60 ms). */
const LUNG_EVERY = 3;

export interface DrugEffectFactors {
  svr: number;
  pvr: number;
  contractility: number;
  hr: number;
  venousTone: number;
}

export type VentilatorMode = "off" | "spontaneous" | "controlled";

export class Chemistry {
  readonly model: PatientModel;
  /** Number of compartments (patient + circuit): the stride of `mass`. */
  readonly n: number;
  readonly mass: Float64Array;
  /** Volume each compartment's amounts belong to (mL), moved along with them by transport. */
  readonly vTrack: Float64Array;
  /** Per-connector: 1 if the connector carries composition (urine carries water only). */
  readonly carries: Uint8Array;
  /** Composition per mL of what enters from outside, per connector (connector-major, N_SPECIES each). */
  readonly sourceByConn: Float64Array;
  /** The fluid infusion's slice of `sourceByConn` (what the fluid being given carries per mL). */
  readonly sourceConc: Float64Array;
  readonly effects: DrugEffectFactors = { svr: 1, pvr: 1, contractility: 1, hr: 1, venousTone: 1 };
  readonly out = new Float64Array(C_N);
  /** Volume each connector moved during the last slow step (mL). */
  readonly lastMoved: Float64Array;
  /** The upwind transport kernel (`transportKernel`), specialised for this network (engine/specialise.ts). */
  private readonly transportStep: () => void;
  // Lungs
  fio2 = 0.21;
  ventMode: VentilatorMode = "spontaneous";
  rateBpm: number;
  tidalVolumeMl: number;
  peepCmH2O = 0;
  shuntFraction: number;
  deadSpaceFraction: number;
  /** ACT without heparin (s): 120 by default; raised in a critically ill patient (PatientSpec.baselineActS). */
  readonly baselineActS: number;
  /**
   * Multiplier on resting VO2 at 37 °C (patient.set): e.g. general anaesthesia, which lowers VO2 — on
   * normothermic CPB VO2i is about 80–100 mL/min/m² against ~125 awake [U: teaching range] (docs/models/cpb.md).
   */
  metabolicRateFactor = 1;
  /** Alveolar gas and tissue/metabolic state (Float64Array: updated every slow step, no boxing). */
  readonly st = new Float64Array(ST_SIZE);
  // Drugs
  readonly infusionPerS = new Float64Array(DRUG_COUNT);
  readonly effectSite = new Float64Array(DRUG_COUNT);
  readonly arterialConc = new Float64Array(DRUG_COUNT);
  readonly effectOut = new Float64Array(EFFECT_COUNT);
  /** Acid–base output: [pH, PCO2] at blood temperature, then pH, PCO2 and HCO3 at 37 °C. */
  private readonly tmp2 = new Float64Array(5);
  // Per-patient constants
  readonly frcMl: number;
  readonly vo2RestMlPerS: number;
  readonly coreHeatCapJ: number;
  readonly periphHeatCapJ: number;
  readonly roomConductanceWPerC: number;
  readonly blanketConductanceWPerC: number;
  blanketWaterC: number | null = null;
  ambientC = NEUTRAL_AMBIENT_C;
  readonly lactateClearancePerS: number;
  private readonly lactateBaselineMmolPerS: number;
  // Potassium and glucose (docs/models/metabolism.md)
  readonly kRestMmolPerL: number;
  readonly glucoseRestMmolPerL: number;
  /** Interstitial fluid volume (mL): ECF − plasma. K+ and glucose in it are the pools ST_K_ISF, ST_GLUCOSE_ISF. */
  readonly isfVolumeMl: number;
  private readonly isfExchangeMlPerS: number;
  private readonly kCellClearanceMlPerS: number;
  readonly kIntakeMmolPerS: number;
  readonly glucoseProductionMmolPerS: number;
  private readonly urineRestMlPerS: number;
  private readonly upperBodyShare: number;
  private signalCounter = 0;
  private lungCounter = 0;
  private elimCounter = 0;
  /** The step the cached elimination fractions are for (the slow step is longer in a fast-forward coast). */
  private elimDt = 0;
  private kgCounter = 0;
  private readonly kgTimeS = new Float64Array(1);
  /**
   * Argument registers of the private slow-step helpers: a number passed as an argument to a call V8 does not inline
   * is boxed (docs/models/engine.md, what allocates). [0] consume's O2 (mL); [1..3] isfExchange's clearance (mL),
   * interstitial K+ and glucose (mmol/mL).
   */
  private readonly io = new Float64Array(4);
  private readonly elimFraction = new Float64Array(DRUG_COUNT);
  /** [0] clearance temperature factor (refreshed with elimFraction); heparin elimination (docs/models/drugs.md). */
  private readonly heparinTempFactor = new Float64Array(1);
  /** Plasma volume of each patient compartment this slow step (mL), for the saturable heparin elimination. */
  private readonly plasmaMl = new Float64Array(X.N_COMP);

  constructor(model: PatientModel, t: RestingTargets, spec: PatientSpec) {
    this.model = model;
    const net = model.net;
    this.n = net.nComp;
    const N = this.n;
    this.mass = new Float64Array(N_SPECIES * N);
    this.vTrack = Float64Array.from(net.V);
    this.carries = new Uint8Array(net.nConn).fill(1);
    this.carries[X.URINE] = 0;
    this.sourceByConn = new Float64Array(N_SPECIES * net.nConn);
    this.sourceConc = this.sourceByConn.subarray(X.FLUID * N_SPECIES, (X.FLUID + 1) * N_SPECIES);
    this.lastMoved = new Float64Array(net.nConn);
    const ts: TransportState = {
      nConn: net.nConn,
      nComp: N,
      nSpecies: N_SPECIES,
      from: net.from,
      to: net.to,
      moved: net.moved,
      last: this.lastMoved,
      mass: this.mass,
      vTrack: this.vTrack,
      carries: this.carries,
      sourceByConn: this.sourceByConn,
    };
    this.transportStep = specialise(transportKernel, ts, structuredClone(ts), "transport");
    this.shuntFraction = spec.shuntFraction ?? 0.02;
    this.baselineActS = spec.baselineActS ?? ACT.baselineS;
    this.deadSpaceFraction = spec.deadSpaceFraction ?? 0.3;
    const w = t.weightKg;
    // Spontaneous rate by size (neonate 40 → adult 12 /min); tidal volume chosen so that PaCO2 ≈ 40 mmHg
    // at rest: alveolar ventilation VA (L/min BTPS) = 0.863·VCO2 (mL/min STPD)/PaCO2 (alveolar ventilation equation).
    this.rateBpm = w < 5 ? 40 : w < 12 ? 30 : w < 30 ? 20 : 12;
    const vaMlPerMin = ((0.863 * RQ * t.vo2MlPerMin) / 40) * 1000;
    this.tidalVolumeMl = vaMlPerMin / (this.rateBpm * (1 - this.deadSpaceFraction));
    this.frcMl = 30 * w; // functional residual capacity ≈ 30 mL/kg
    this.vo2RestMlPerS = t.vo2MlPerMin / 60;
    this.coreHeatCapJ = 0.65 * w * 1000 * TISSUE_HEAT_J_PER_G_C;
    this.periphHeatCapJ = 0.35 * w * 1000 * TISSUE_HEAT_J_PER_G_C;
    // Design temperatures: core 37 °C; heat flows core → blood → periphery → room at rest.
    const heatW = this.vo2RestMlPerS * J_PER_ML_O2;
    const qSys = (t.coMlPerMin / 60) * (1 - t.coronaryFlowFraction);
    const tArt = 37 - heatW / (BLOOD_HEAT_J_PER_ML_C * (1 - PERIPHERAL_FLOW_SHARE) * qSys);
    const tPer = tArt - heatW / (BLOOD_HEAT_J_PER_ML_C * PERIPHERAL_FLOW_SHARE * qSys);
    this.roomConductanceWPerC = heatW / (tPer - NEUTRAL_AMBIENT_C);
    this.blanketConductanceWPerC = 15 * t.bsaM2;
    // Lactate: first-order clearance (t½ ≈ 20 min) balanced by a baseline production at 1 mmol/L.
    this.lactateClearancePerS = Math.LN2 / (20 * 60);
    this.lactateBaselineMmolPerS = this.lactateClearancePerS * 1.0 * (t.bloodVolumeMl / 1000);
    // K+ and glucose: resting levels, interstitial pool, exchange and turnover rates by weight.
    this.kRestMmolPerL = logWeightInterp(w, KG_ANCHOR_W, K_REST_ANCHOR);
    this.glucoseRestMmolPerL = logWeightInterp(w, KG_ANCHOR_W, GLUCOSE_REST_ANCHOR);
    const ecfMl = logWeightInterp(w, KG_ANCHOR_W, ECF_L_PER_KG_ANCHOR) * w * 1000;
    this.isfVolumeMl = Math.max(ecfMl - t.bloodVolumeMl * (1 - t.hct), 0.5 * ecfMl);
    this.isfExchangeMlPerS = this.isfVolumeMl / ISF_EXCHANGE_TAU_S;
    this.kCellClearanceMlPerS = this.isfVolumeMl / K_CELL_TAU_S;
    this.kIntakeMmolPerS = (logWeightInterp(w, KG_ANCHOR_W, K_INTAKE_ANCHOR) * w) / 86400;
    this.glucoseProductionMmolPerS =
      (logWeightInterp(w, GLUCOSE_PROD_W, GLUCOSE_PROD_MG_PER_KG_MIN) * w) / GLUCOSE_MG_PER_MMOL / 60;
    this.urineRestMlPerS = t.urineMlPerMin / 60;
    this.upperBodyShare = t.upperBodyFlowFraction;
    const s = this.st;
    s[ST_TCORE] = 37;
    s[ST_TPER] = tPer;
    s[ST_VO2] = this.vo2RestMlPerS;
    s[ST_VCO2] = RQ * this.vo2RestMlPerS;
    this.initComposition(t, tArt);
  }

  private initComposition(t: RestingTargets, tArt: number): void {
    const N = this.n;
    const net = this.model.net;
    const hb = t.hct * 33.3; // g/dL, MCHC ≈ 33 g/dL
    const co = t.coMlPerMin / 60;
    const cao2 = o2ContentFromPo2(95, hb, 37, 7.4, 40); // mL/dL
    const cvo2 = cao2 - (t.vo2MlPerMin / 60 / co) * 100;
    const tco2a = tco2FromPco2(40, 0, hb, 0.97, 37);
    const tco2v = tco2a + ((RQ * t.vo2MlPerMin) / 60 / 22.4 / co) * 1000; // mmol/L
    const venous = new Set<number>([X.RA, X.RV, X.PA, X.UBV, X.LBV, X.SVC, X.IVC, X.CORV]);
    for (let i = 0; i < N; i++) {
      const vL = net.V[i]! / 1000;
      const ven = venous.has(i);
      this.mass[SP_O2 * N + i] = (ven ? cvo2 : cao2) * 10 * vL;
      this.mass[SP_CO2 * N + i] = (ven ? tco2v : tco2a) * vL;
      this.mass[SP_BE * N + i] = 0;
      this.mass[SP_HB * N + i] = hb * 10 * vL;
      this.mass[SP_LACTATE * N + i] = 1.0 * vL;
      this.mass[SP_HEAT * N + i] = tArt * net.V[i]!;
      this.mass[SP_POTASSIUM * N + i] = this.kRestMmolPerL * (1 - t.hct) * vL;
      this.mass[SP_GLUCOSE * N + i] = this.glucoseRestMmolPerL * vL;
    }
    const s = this.st;
    s[ST_K_ISF] = (this.kRestMmolPerL / 1000) * this.isfVolumeMl;
    s[ST_GLUCOSE_ISF] = (this.glucoseRestMmolPerL / 1000) * this.isfVolumeMl;
    s[ST_PH37] = 7.4;
    s[ST_ALV_O2] = ((0.21 * 713 - 40 / 0.8) / 713) * this.frcMl; // alveolar gas equation, PAO2 ≈ 100
    s[ST_ALV_CO2] = (40 / 713) * this.frcMl;
    this.refreshSignals();
  }

  /** Upwind transport of every species with the volume each connector moved since the last call. */
  transport(): void {
    this.transportStep();
    if (this.coastBack !== null) this.transportBack(this.coastBack);
  }

  /**
   * Fast-forward coast: besides the net volume in `moved`, some connectors carried blood both ways within the
   * window (the aortic arch against retrograde VA ECMO flow, pulsatile flow in the great vessels): that to-and-fro
   * volume x_k (mL, ≥ 0) mixes the two ends without moving volume, Δm = x·(c_from − c_to) for every species
   * (fast-forward.ts). Explicit and stable for x ≤ V_from·V_to/(V_from + V_to). Not used by the full model.
   */
  coastBack: Float64Array | null = null;

  private transportBack(back: Float64Array): void {
    const N = this.n;
    const net = this.model.net;
    const mass = this.mass;
    const vt = this.vTrack;
    for (let k = 0; k < back.length; k++) {
      let x = back[k]!;
      if (x === 0) continue;
      const a = net.from[k]!;
      const b = net.to[k]!;
      if (a < 0 || b < 0 || this.carries[k] !== 1) continue;
      const va = vt[a]!;
      const vb = vt[b]!;
      if (!(va > 0 && vb > 0)) continue;
      const xMax = (va * vb) / (va + vb);
      if (x > xMax) x = xMax;
      const fa = x / va;
      const fb = x / vb;
      for (let s = 0; s < N_SPECIES; s++) {
        const j = s * N;
        const d = mass[j + a]! * fa - mass[j + b]! * fb;
        mass[j + a] = mass[j + a]! - d;
        mass[j + b] = mass[j + b]! + d;
      }
    }
  }

  /** Set what the fluid infusion connector carries per mL. */
  setFluid(fluid: Fluid, tempC: number): void {
    const f = FLUID_COMPOSITION[fluid];
    const c = this.sourceConc;
    c.fill(0);
    const so2 = f.so2;
    c[SP_O2] = (1.34 * f.hbGPerDl * so2 + 0.003 * f.po2MmHg) / 100;
    c[SP_CO2] = f.tco2MmolPerL / 1000;
    c[SP_BE] = f.baseExcessMmolPerL / 1000;
    c[SP_HB] = f.hbGPerDl / 100;
    c[SP_LACTATE] = f.lactateMmolPerL / 1000;
    c[SP_HEAT] = tempC;
    // K+ and glucose are given for the fluid's plasma (supernatant): per mL of fluid, times its plasma fraction.
    const plasma = 1 - f.hbGPerDl / 33.3;
    c[SP_POTASSIUM] = (f.potassiumMmolPerL * plasma) / 1000;
    c[SP_GLUCOSE] = (f.glucoseMmolPerL * plasma) / 1000;
  }

  addDrug(drug: number, amount: number, compartment = X.SVC): void {
    const N = this.n;
    const j = (SP_DRUG0 + drug) * N + compartment;
    this.mass[j] = this.mass[j]! + amount;
  }

  setTemperature(tempC: number): void {
    const N = this.n;
    for (let i = 0; i < N; i++) this.mass[SP_HEAT * N + i] = tempC * this.vTrack[i]!;
    this.st[ST_TCORE] = tempC;
    this.st[ST_TPER] = tempC;
  }

  /** Composition-dependent physiology, once per slow step (dt s). */
  slowStep(dt: number): void {
    const N = this.n;
    const mass = this.mass;
    const V = this.vTrack;
    const s = this.st;
    const tCore = s[ST_TCORE]!;

    // --- Drugs: infusions into the SVC, protamine–heparin binding, elimination, effects.
    for (let d = 0; d < DRUG_COUNT; d++) {
      const r = this.infusionPerS[d]!;
      if (r > 0) {
        const j = (SP_DRUG0 + d) * N + X.SVC; // addDrug, written out (no number argument)
        mass[j] = mass[j]! + r * dt;
      }
    }
    const jh = (SP_DRUG0 + DRUG_HEPARIN) * N;
    const jp = (SP_DRUG0 + DRUG_PROTAMINE) * N;
    for (let i = 0; i < N; i++) {
      if (mass[jp + i]! > 0 && mass[jh + i]! > 0) {
        const bound = neutralise(mass[jh + i]!, mass[jp + i]!);
        mass[jh + i] = mass[jh + i]! - bound;
        mass[jp + i] = mass[jp + i]! - bound / PROTAMINE_U_PER_MG;
      }
    }
    // Elimination fractions depend on temperature only: refreshed once a second.
    if (this.elimCounter-- <= 0 || dt !== this.elimDt) {
      this.elimDt = dt;
      this.elimCounter = 49;
      DRUG_IO[0] = dt;
      DRUG_IO[1] = tCore;
      eliminationFractionsIo(this.elimFraction);
      // clearanceTemperatureFactor, written out.
      this.heparinTempFactor[0] = tCore < 37 ? (1 - CLEARANCE_FALL_PER_C_BELOW_37) ** (37 - tCore) : 1;
    }
    for (let d = 0; d < DRUG_COUNT; d++) {
      if (d === DRUG_HEPARIN) continue; // saturable, below
      const remaining = this.elimFraction[d]!; // fraction remaining after dt
      const j = (SP_DRUG0 + d) * N;
      for (let i = 0; i < N; i++) mass[j + i] = mass[j + i]! * remaining;
    }
    // Heparin: saturable plus linear elimination on each patient compartment's plasma concentration; the circuit's
    // compartments (index ≥ N_COMP) clear nothing themselves (docs/models/drugs.md, "Heparin kinetics").
    const pm = this.plasmaMl;
    for (let i = 0; i < X.N_COMP; i++) {
      const v = V[i]!;
      const hct = v > 0 ? (mass[SP_HB * N + i]! / v) * HCT_PER_HB_G_PER_ML : 0;
      // biome-ignore lint/complexity/useMathMinMax: the ternary maps NaN to the bound (Math.min would propagate it)
      pm[i] = v * (1 - (hct < 0.95 ? hct : 0.95));
    }
    DRUG_IO[5] = dt;
    DRUG_IO[6] = this.heparinTempFactor[0]!;
    heparinEliminationIo(mass, jh, pm, X.N_COMP);
    const hbArt = mass[SP_HB * N + X.AAO]! / V[X.AAO]!; // g/mL
    const plasmaFrac = 1 - hbArt * 3;
    for (let d = 0; d < DRUG_COUNT; d++) {
      this.arterialConc[d] = mass[(SP_DRUG0 + d) * N + X.AAO]! / (V[X.AAO]! * plasmaFrac);
    }
    updateEffectSites(this.effectSite, this.arterialConc, dt);
    drugEffects(this.effectSite, this.effectOut);
    const e = this.effects;
    e.svr = this.effectOut[EFFECT_SVR]!;
    e.pvr = this.effectOut[EFFECT_PVR]!;
    e.contractility = this.effectOut[EFFECT_CONTRACTILITY]!;
    e.hr = this.effectOut[EFFECT_HEART_RATE]!;
    e.venousTone = this.effectOut[EFFECT_UNSTRESSED_VOLUME]!;

    // --- Metabolism: O2 consumed and CO2 produced where each systemic bed drains (docs/models/lungs.md).
    // vo2Factor(tCore, VO2_Q10) written out: its argument and result were boxed (two numbers per slow step) in VA ECMO
    // processes under load, where V8 left the call out of line (found with a sampling heap profiler).
    const q10Factor = Math.exp(LN_VO2_Q10 * ((tCore - 37) / 10));
    const demand = this.vo2RestMlPerS * this.metabolicRateFactor * q10Factor * dt; // mL O2 this step
    s[ST_VO2_NOW] = 0;
    const io = this.io;
    io[0] = 0.3 * demand;
    this.consume(X.UBV);
    io[0] = 0.6 * demand;
    this.consume(X.LBV);
    io[0] = 0.1 * demand;
    this.consume(X.CORV);
    const consumed = s[ST_VO2_NOW]!;
    s[ST_VO2_NOW] = consumed / dt;
    s[ST_VO2] = s[ST_VO2]! + (dt / GAS_AVERAGE_S) * (consumed / dt - s[ST_VO2]!);
    // Lactate clearance (liver, first order) balanced at rest by baseline production; both shift BE.
    const jl = SP_LACTATE * N;
    const clear = 1 - Math.exp(-this.lactateClearancePerS * dt);
    let totalV = 0;
    for (let i = 0; i < N; i++) totalV += V[i]!;
    for (let i = 0; i < N; i++) {
      const removed = mass[jl + i]! * clear;
      const produced = (this.lactateBaselineMmolPerS * dt * V[i]!) / totalV;
      mass[jl + i] = mass[jl + i]! - removed + produced;
      mass[SP_BE * N + i] = mass[SP_BE * N + i]! + removed - produced;
    }
    // K+ and glucose: interstitium, cells, kidneys, liver; glucose uptake follows the O2 demand.
    // They change over minutes: stepped every KG_EVERY slow steps (100 ms) with the accumulated time.
    s[ST_DEMAND_FACTOR] = demand / (this.vo2RestMlPerS * dt);
    s[ST_URINE_ML] = s[ST_URINE_ML]! + this.lastMoved[X.URINE]!;
    // The time is accumulated: slow steps are longer during a fast-forward coast.
    this.kgTimeS[0] = this.kgTimeS[0]! + dt;
    if (++this.kgCounter >= KG_EVERY) {
      this.kgCounter = 0;
      this.potassiumGlucose();
      this.kgTimeS[0] = 0;
    }

    // --- Temperature: blood leaving each systemic bed takes the tissue's temperature.
    this.bedHeat(X.UB_BED, X.UBA, X.UBV, PERIPHERAL_FLOW_SHARE);
    this.bedHeat(X.LB_BED, X.LBA, X.LBV, PERIPHERAL_FLOW_SHARE);
    this.bedHeat(X.COR_BED, X.CORA, X.CORV, 0);
    const metabolicW = s[ST_VO2_NOW]! * J_PER_ML_O2;
    s[ST_TCORE] = s[ST_TCORE]! + (metabolicW * dt) / this.coreHeatCapJ;
    let lossW = this.roomConductanceWPerC * (s[ST_TPER]! - this.ambientC);
    if (this.blanketWaterC !== null)
      lossW += this.blanketConductanceWPerC * (s[ST_TPER]! - this.blanketWaterC);
    s[ST_TPER] = s[ST_TPER]! - (lossW * dt) / this.periphHeatCapJ;

    // --- Lungs: alveolar gas (well-mixed FRC) and pulmonary capillary equilibration.
    this.lungs(dt);

    if (++this.signalCounter >= SIGNAL_EVERY) {
      this.signalCounter = 0;
      this.refreshSignals();
    }
  }

  /** Take up to `o2Ml` (io[0]) of O2 from compartment i (less when its blood is nearly desaturated); adds to ST_VO2_NOW. */
  private consume(i: number): void {
    const o2Ml = this.io[0]!;
    const N = this.n;
    const mass = this.mass;
    const V = this.vTrack[i]!;
    const hb = (mass[SP_HB * N + i]! / V) * 100; // g/dL
    const content = (mass[SP_O2 * N + i]! / V) * 100; // mL/dL
    const so2 = hb > 0 ? content / (1.34 * hb) : 0;
    // Supply-limited below SvO2 0.3: consumption falls linearly to zero at 0.1; the O2 deficit becomes
    // lactate (2 mmol per mmol O2 missing: anaerobic glycolysis, modelling choice; docs/models/lungs.md).
    const f = so2 >= 0.3 ? 1 : so2 <= 0.1 ? 0 : (so2 - 0.1) / 0.2;
    const got = o2Ml * f;
    mass[SP_O2 * N + i] = mass[SP_O2 * N + i]! - got;
    mass[SP_CO2 * N + i] = mass[SP_CO2 * N + i]! + (RQ * got) / 22.4;
    const deficitMmol = (o2Ml - got) / 22.4;
    if (deficitMmol > 0) {
      mass[SP_LACTATE * N + i] = mass[SP_LACTATE * N + i]! + 2 * deficitMmol;
      mass[SP_BE * N + i] = mass[SP_BE * N + i]! - 2 * deficitMmol;
    }
    this.st[ST_VO2_NOW] = this.st[ST_VO2_NOW]! + got;
  }

  /**
   * K+ and glucose exchange between the plasma of the systemic veins (UBV, LBV: where the beds drain, by the
   * upper-body flow share) and one well-mixed interstitial pool; cellular K+ uptake/release toward the pH-set level;
   * maintenance K+ intake into the interstitium balanced at rest by renal excretion (∝ plasma K+ × urine flow);
   * hepatic glucose output into the lower-body veins; tissue glucose uptake at the bed outlets ∝ glucose × O2
   * demand (so hypothermia and a lowered metabolic rate slow it). Cumulative fluxes are kept for the mass balance.
   */
  private potassiumGlucose(): void {
    const dt = this.kgTimeS[0]!; // the time since the last K+/glucose step
    const N = this.n;
    const mass = this.mass;
    const V = this.vTrack;
    const s = this.st;
    const jk = SP_POTASSIUM * N;
    const jg = SP_GLUCOSE * N;
    const visf = this.isfVolumeMl;
    const kIsf = s[ST_K_ISF]! / visf; // mmol/mL
    const gIsf = s[ST_GLUCOSE_ISF]! / visf;
    // Plasma ↔ interstitium at the upper- and lower-body veins (by the upper-body flow share).
    const cl = this.isfExchangeMlPerS * dt;
    const io = this.io;
    io[2] = kIsf;
    io[3] = gIsf;
    io[1] = cl * this.upperBodyShare;
    this.isfExchange(X.UBV);
    io[1] = cl * (1 - this.upperBodyShare);
    this.isfExchange(X.LBV);
    // Cells take K+ up above the pH-set level and release it below (transcellular shift, Adrogué & Madias 1981).
    const kSet = (this.kRestMmolPerL + K_SHIFT_MMOL_PER_L_PER_PH * (7.4 - s[ST_PH37]!)) / 1000;
    // biome-ignore lint/complexity/useMathMinMax: the ternary maps NaN to the bound (Math.max would propagate it)
    const toCells = this.kCellClearanceMlPerS * dt * (kIsf - (kSet > 0 ? kSet : 0));
    const intake = this.kIntakeMmolPerS * dt;
    s[ST_K_ISF] = s[ST_K_ISF]! - toCells + intake;
    s[ST_K_TO_CELLS] = s[ST_K_TO_CELLS]! + toCells;
    s[ST_K_INTAKE] = s[ST_K_INTAKE]! + intake;
    // Kidneys (in the lower body): excretion = intake × (plasma K+/resting) × (urine flow/resting urine flow).
    const l = X.LBV;
    const vl = V[l]!;
    if (vl > 1) {
      let pfl = 1 - (mass[SP_HB * N + l]! / vl) * HCT_PER_HB_G_PER_ML;
      if (!(pfl > 0.05)) pfl = 0.05;
      const kPl = mass[jk + l]! / (vl * pfl);
      const urine = s[ST_URINE_ML]! / (this.urineRestMlPerS * dt);
      // biome-ignore lint/complexity/useMathMinMax: the ternary maps NaN to the bound (Math.max would propagate it)
      let ex = intake * ((kPl * 1000) / this.kRestMmolPerL) * (urine > 0 ? urine : 0);
      if (ex > 0.5 * mass[jk + l]!) ex = 0.5 * mass[jk + l]!;
      mass[jk + l] = mass[jk + l]! - ex;
      s[ST_K_RENAL] = s[ST_K_RENAL]! + ex;
      // Liver: glucose output into the hepatic veins (lower-body veins here).
      const prod = this.glucoseProductionMmolPerS * dt;
      mass[jg + l] = mass[jg + l]! + prod;
      s[ST_GLUCOSE_PRODUCED] = s[ST_GLUCOSE_PRODUCED]! + prod;
    }
    s[ST_URINE_ML] = 0;
    // Tissue glucose uptake where each bed drains (the O2 consumption shares), ∝ local glucose × O2 demand: it
    // balances hepatic output at rest; the interstitium only widens the distribution volume.
    const perMmolPerL =
      (this.glucoseProductionMmolPerS * dt * s[ST_DEMAND_FACTOR]!) / this.glucoseRestMmolPerL;
    for (let b = 0; b < 3; b++) {
      const i = b === 0 ? X.UBV : b === 1 ? X.LBV : X.CORV;
      const v = V[i]!;
      if (!(v > 1)) continue;
      const g = mass[jg + i]!;
      let u = perMmolPerL * (b === 0 ? 0.3 : b === 1 ? 0.6 : 0.1) * ((g / v) * 1000);
      if (u > 0.5 * g) u = g > 0 ? 0.5 * g : 0;
      mass[jg + i] = g - u;
      s[ST_GLUCOSE_USED] = s[ST_GLUCOSE_USED]! + u;
    }
  }

  /**
   * Moves K+ and glucose between compartment i's plasma and the interstitium: clearance `clMl` (io[1], mL this step),
   * interstitial K+ and glucose io[2], io[3] (mmol/mL).
   */
  private isfExchange(i: number): void {
    const clMl = this.io[1]!;
    const kIsf = this.io[2]!;
    const gIsf = this.io[3]!;
    const N = this.n;
    const mass = this.mass;
    const s = this.st;
    const v = this.vTrack[i]!;
    if (!(v > 1)) return;
    let pf = 1 - (mass[SP_HB * N + i]! / v) * HCT_PER_HB_G_PER_ML; // plasma fraction
    if (!(pf > 0.05)) pf = 0.05;
    const jk = SP_POTASSIUM * N + i;
    const jg = SP_GLUCOSE * N + i;
    const fk = clMl * (mass[jk]! / (v * pf) - kIsf);
    const fg = clMl * (mass[jg]! / v - gIsf);
    mass[jk] = mass[jk]! - fk;
    mass[jg] = mass[jg]! - fg;
    s[ST_K_ISF] = s[ST_K_ISF]! + fk;
    s[ST_GLUCOSE_ISF] = s[ST_GLUCOSE_ISF]! + fg;
  }

  /** Heat exchange of the blood that crossed bed k (art → ven) with core and (a share) periphery tissue. */
  private bedHeat(k: number, art: number, ven: number, share: number): void {
    const N = this.n;
    const dv = this.lastMoved[k]!;
    if (dv <= 0) return;
    const mass = this.mass;
    const tArt = mass[SP_HEAT * N + art]! / this.vTrack[art]!;
    const s = this.st;
    const dCore = dv * (1 - share) * (s[ST_TCORE]! - tArt); // °C·mL gained by blood from core
    const dPer = dv * share * (s[ST_TPER]! - tArt);
    mass[SP_HEAT * N + ven] = mass[SP_HEAT * N + ven]! + dCore + dPer;
    s[ST_TCORE] = s[ST_TCORE]! - (dCore * BLOOD_HEAT_J_PER_ML_C) / this.coreHeatCapJ;
    s[ST_TPER] = s[ST_TPER]! - (dPer * BLOOD_HEAT_J_PER_ML_C) / this.periphHeatCapJ;
  }

  private lungs(dt: number): void {
    const N = this.n;
    const mass = this.mass;
    const V = this.vTrack;
    const s = this.st;
    const i = X.PCAP;
    const vol = V[i]!;
    const vL = vol / 1000;
    const hb = (mass[SP_HB * N + i]! / vol) * 100;
    const tBlood = mass[SP_HEAT * N + i]! / vol;
    const be = mass[SP_BE * N + i]! / vL;
    const pio2 = this.fio2 * (BAROMETRIC_MMHG - WATER_VAPOUR_MMHG);
    const dry = BAROMETRIC_MMHG - WATER_VAPOUR_MMHG;
    const pao2 = (s[ST_ALV_O2]! / this.frcMl) * dry;
    const paco2 = (s[ST_ALV_CO2]! / this.frcMl) * dry;
    // Equilibrium contents at alveolar gas (alveolar gas changes over seconds: refreshed every 50 ms).
    if (this.lungCounter-- <= 0) {
      this.lungCounter = LUNG_EVERY - 1;
      // o2ContentFromPo2(pao2, hb, tBlood, 7.4, paco2) and tco2FromPco2(paco2, be, hb, 0.97, tBlood) through registers.
      ODC_IO[0] = pao2;
      ODC_IO[1] = tBlood;
      ODC_IO[2] = 7.4;
      ODC_IO[3] = paco2;
      ODC_IO[4] = hb;
      o2ContentFromPo2Io();
      s[ST_CEQ] = ODC_IO[5]! * 10; // mL O2 per L
      AB_IO[0] = paco2;
      AB_IO[1] = be;
      AB_IO[2] = hb;
      AB_IO[3] = 0.97;
      AB_IO[4] = tBlood;
      tco2FromPco2Io();
      s[ST_TEQ] = AB_IO[5]!; // mmol/L
    }
    const ceq = s[ST_CEQ]!;
    const teq = s[ST_TEQ]!;
    const sh = this.shuntFraction;
    const vPa = V[X.PA]!;
    const cv = (mass[SP_O2 * N + X.PA]! / vPa) * 1000;
    const tv = (mass[SP_CO2 * N + X.PA]! / vPa) * 1000;
    const targetO2 = ((1 - sh) * ceq + sh * cv) * vL;
    const targetCo2 = ((1 - sh) * teq + sh * tv) * vL;
    const f = 1 - Math.exp(-LUNG_EQUILIBRATION_PER_S * dt);
    const upO2 = (targetO2 - mass[SP_O2 * N + i]!) * f; // mL O2 into blood
    const outCo2 = -(targetCo2 - mass[SP_CO2 * N + i]!) * f; // mmol CO2 out of blood
    mass[SP_O2 * N + i] = mass[SP_O2 * N + i]! + upO2;
    mass[SP_CO2 * N + i] = mass[SP_CO2 * N + i]! - outCo2;
    // Alveolar gas: ventilation exchanges FRC gas with inspired gas; uptake and excretion from the blood.
    let va = 0; // alveolar ventilation mL/s
    if (this.ventMode !== "off")
      va = ((this.rateBpm * this.tidalVolumeMl) / 60) * (1 - this.deadSpaceFraction);
    const turnover = (va * dt) / this.frcMl;
    s[ST_ALV_O2] =
      s[ST_ALV_O2]! + turnover * ((pio2 / dry) * this.frcMl - s[ST_ALV_O2]!) - upO2 * STPD_TO_BTPS;
    s[ST_ALV_CO2] = s[ST_ALV_CO2]! - turnover * s[ST_ALV_CO2]! + outCo2 * 22.4 * STPD_TO_BTPS;
    if (s[ST_ALV_O2]! < 0) s[ST_ALV_O2] = 0;
    const a = dt / GAS_AVERAGE_S;
    s[ST_VCO2] = s[ST_VCO2]! + a * ((outCo2 * 22.4) / dt - s[ST_VCO2]!);
  }

  /** Blood gases and the rest, from the composition (every SIGNAL_EVERY slow steps). */
  refreshSignals(): void {
    const N = this.n;
    const mass = this.mass;
    const V = this.vTrack;
    const o = this.out;
    const s = this.st;
    const art = X.AAO;
    const va = V[art]!;
    const hb = (mass[SP_HB * N + art]! / va) * 100;
    const tArt = mass[SP_HEAT * N + art]! / va;
    const ab = this.tmp2;
    // The blood functions through their registers (AB_IO, ODC_IO): no number crosses a call.
    AB_IO[0] = (mass[SP_CO2 * N + art]! / va) * 1000;
    AB_IO[1] = (mass[SP_BE * N + art]! / va) * 1000;
    AB_IO[2] = hb;
    AB_IO[3] = o[C_SAO2]! || 0.97;
    AB_IO[4] = tArt;
    solveAcidBaseIo(ab);
    const ph = ab[0]!;
    const pco2 = ab[1]!;
    s[ST_PH37] = ab[2]!;
    const cao2 = (mass[SP_O2 * N + art]! / va) * 100;
    ODC_IO[0] = cao2;
    ODC_IO[1] = tArt;
    ODC_IO[2] = ph;
    ODC_IO[3] = pco2;
    ODC_IO[4] = hb;
    po2FromO2ContentIo();
    const po2 = ODC_IO[5]!;
    o[C_PH] = ph;
    o[C_PACO2] = pco2;
    o[C_PAO2] = po2;
    ODC_IO[0] = po2; // [1..3] unchanged: tArt, ph, pco2
    so2FromPo2Io();
    o[C_SAO2] = ODC_IO[5]!;
    o[C_CAO2] = cao2;
    o[C_HB] = hb;
    o[C_HCT] = hb / 33.3;
    o[C_LACTATE] = (mass[SP_LACTATE * N + art]! / va) * 1000;
    // Mixed venous: pulmonary artery blood.
    const vp = V[X.PA]!;
    const hbv = (mass[SP_HB * N + X.PA]! / vp) * 100;
    const tv = mass[SP_HEAT * N + X.PA]! / vp;
    AB_IO[0] = (mass[SP_CO2 * N + X.PA]! / vp) * 1000;
    AB_IO[1] = (mass[SP_BE * N + X.PA]! / vp) * 1000;
    AB_IO[2] = hbv;
    AB_IO[3] = 0.7;
    AB_IO[4] = tv;
    solveAcidBaseIo(ab);
    ODC_IO[0] = (mass[SP_O2 * N + X.PA]! / vp) * 100; // CvO2
    ODC_IO[1] = tv;
    ODC_IO[2] = ab[0]!;
    ODC_IO[3] = ab[1]!;
    ODC_IO[4] = hbv;
    po2FromO2ContentIo();
    ODC_IO[0] = ODC_IO[5]!; // PvO2
    so2FromPo2Io();
    o[C_SVO2] = ODC_IO[5]!;
    o[C_TCORE] = s[ST_TCORE]!;
    o[C_TPERIPH] = s[ST_TPER]!;
    o[C_VO2] = s[ST_VO2]! * 60;
    o[C_VCO2] = s[ST_VCO2]! * 60;
    o[C_ETCO2] = (s[ST_ALV_CO2]! / this.frcMl) * (BAROMETRIC_MMHG - WATER_VAPOUR_MMHG);
    const hep = mass[(SP_DRUG0 + DRUG_HEPARIN) * N + art]! / (va * (1 - o[C_HCT]!));
    o[C_HEPARIN] = hep;
    DRUG_IO[0] = hep;
    DRUG_IO[1] = this.baselineActS;
    DRUG_IO[2] = tArt;
    DRUG_IO[3] = o[C_HCT]!;
    actSecondsIo();
    o[C_ACT] = DRUG_IO[4]!;
    const pf = 1 - (hb / 100) * HCT_PER_HB_G_PER_ML; // plasmaFraction, written out
    // biome-ignore lint/complexity/useMathMinMax: the ternary maps NaN to the bound (Math.max would propagate it)
    o[C_POTASSIUM] = (mass[SP_POTASSIUM * N + art]! / (va * (pf > 0.05 ? pf : 0.05))) * 1000;
    o[C_GLUCOSE] = (mass[SP_GLUCOSE * N + art]! / va) * 1000;
  }
}

const ST_ALV_O2 = 0; // mL O2 in the alveolar gas (FRC)
const ST_ALV_CO2 = 1; // mL CO2
const ST_TCORE = 2;
const ST_TPER = 3;
const ST_VO2 = 4; // mL/s
const ST_VCO2 = 5; // mL/s
const ST_CEQ = 6; // end-capillary O2 content at alveolar gas, mL/L
const ST_TEQ = 7; // end-capillary total CO2 at alveolar gas, mmol/L
const ST_VO2_NOW = 8; // mL/s, this slow step
/** Interstitial K+ (mmol). */
export const ST_K_ISF = 9;
/** Interstitial glucose (mmol). */
export const ST_GLUCOSE_ISF = 10;
/** Arterial pH at 37 °C (refreshed with the signals). */
const ST_PH37 = 11;
/** Cumulative K+ taken up by cells (mmol; negative when released), excreted by the kidneys, and taken in. */
export const ST_K_TO_CELLS = 12;
export const ST_K_RENAL = 13;
export const ST_K_INTAKE = 14;
/** Cumulative glucose produced by the liver and used by the tissues (mmol). */
export const ST_GLUCOSE_PRODUCED = 15;
export const ST_GLUCOSE_USED = 16;
/** O2 demand this slow step relative to resting (metabolic rate factor × temperature). */
const ST_DEMAND_FACTOR = 17;
/** Urine volume since the last K+/glucose step (mL). */
const ST_URINE_ML = 18;
const ST_SIZE = 19;

/** What the transport kernel works on: the network's topology and moved volumes, the chemistry's amounts. */
interface TransportState {
  readonly nConn: number;
  /** Compartments: the stride of `mass` (species-major). */
  readonly nComp: number;
  readonly nSpecies: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly moved: Float64Array;
  readonly last: Float64Array;
  readonly mass: Float64Array;
  readonly vTrack: Float64Array;
  readonly carries: Uint8Array;
  readonly sourceByConn: Float64Array;
}

/**
 * Upwind transport (Chemistry.transport): each connector's volume moved since the last slow step carries the donor's
 * amounts in proportion (or, from outside, its inflow composition), then `moved` restarts at 0. Compiled per
 * simulation by `specialise`, so self-contained: no module-level names.
 */
function transportKernel(st: TransportState): () => void {
  return () => {
    const { nConn, nComp: N, nSpecies, from, to, moved, last, mass, vTrack: vt, carries, sourceByConn } = st;
    for (let k = 0; k < nConn; k++) {
      const dv = moved[k]!;
      last[k] = dv;
      if (dv === 0) continue;
      moved[k] = 0;
      const donor = dv > 0 ? from[k]! : to[k]!;
      const recv = dv > 0 ? to[k]! : from[k]!;
      const vol = dv > 0 ? dv : -dv;
      if (donor >= 0) {
        const vd = vt[donor]!;
        const f = vd > vol ? vol / vd : 1;
        vt[donor] = vd - vol;
        if (carries[k] === 1) {
          for (let s = 0; s < nSpecies; s++) {
            const j = s * N;
            const m = mass[j + donor]! * f;
            mass[j + donor] = mass[j + donor]! - m;
            if (recv >= 0) mass[j + recv] = mass[j + recv]! + m;
          }
        }
      } else if (recv >= 0) {
        const o = k * nSpecies;
        for (let s = 0; s < nSpecies; s++)
          mass[s * N + recv] = mass[s * N + recv]! + sourceByConn[o + s]! * vol;
      }
      if (recv >= 0) vt[recv] = vt[recv]! + vol;
    }
  };
}
