/**
 * Drug table: units, elimination, effect-site equilibration and haemodynamic effects (Emax model).
 * Concentrations are amounts per mL of PLASMA (see `plasmaConcentrationPerMl`). Every number carries its
 * source; EC50 and Emax values are [estimate]s calibrated so that a typical adult infusion (stated) gives
 * the half-maximal effect at steady state in a 70 kg adult with 4.9 L blood, Hct 0.42 (plasma 2.84 L), using
 * this model's own kinetics (C_ss = R·t½/(ln2·V_plasma)). docs/models/drugs.md lists them.
 */

export const DRUG_HEPARIN = 0;
export const DRUG_PROTAMINE = 1;
export const DRUG_PHENYLEPHRINE = 2;
export const DRUG_NOREPINEPHRINE = 3;
export const DRUG_EPINEPHRINE = 4;
export const DRUG_VASOPRESSIN = 5;
export const DRUG_NITROGLYCERIN = 6;
export const DRUG_COUNT = 7;

/** Multiplicative effects (1 = none). */
export const EFFECT_SVR = 0;
export const EFFECT_PVR = 1;
export const EFFECT_CONTRACTILITY = 2;
export const EFFECT_HEART_RATE = 3;
/** Venous unstressed volume: < 1 = venoconstriction (volume recruited), > 1 = venodilation (pooling). */
export const EFFECT_UNSTRESSED_VOLUME = 4;
export const EFFECT_COUNT = 5;

export type DrugName =
  | "heparin"
  | "protamine"
  | "phenylephrine"
  | "norepinephrine"
  | "epinephrine"
  | "vasopressin"
  | "nitroglycerin";

export interface DrugEffect {
  effect: number;
  /** Maximal fractional change (+1 = doubling, −0.3 = 30 % fall). */
  emax: number;
  /** Effect-site concentration for half the maximal change, amount unit per mL plasma. */
  ec50PerMl: number;
}

export interface DrugSpec {
  name: DrugName;
  index: number;
  /** Amount unit the engine carries: "U", "mg" or "µg". */
  unit: "U" | "mg" | "µg";
  halfLifeS: number;
  halfLifeSource: string;
  /** Effect-site equilibration rate constant, 1/s (t½ke0 = ln2/ke0). */
  ke0PerS: number;
  ke0Source: string;
  effects: readonly DrugEffect[];
  effectSource: string;
}

const ln2 = Math.LN2;
const PLASMA_ML = 2842; // 70 kg × 70 mL/kg × (1 − 0.42)
/** Steady-state plasma concentration (per mL) of an infusion (per min) under this model's kinetics. */
const css = (ratePerMin: number, halfLifeS: number) => ((ratePerMin / 60) * halfLifeS) / (ln2 * PLASMA_ML);

export const DRUGS: readonly DrugSpec[] = Object.freeze([
  {
    name: "heparin",
    index: DRUG_HEPARIN,
    unit: "U",
    halfLifeS: 60 * 60,
    halfLifeSource:
      "Not first order: saturable (Michaelis–Menten) plus linear clearance, HEPARIN_KINETICS below; apparent t½ ≈ 30 min after 25 U/kg, 60 min after 100 U/kg, 150 min after 400 U/kg (label and guideline summaries, droracle.ai; Swiss label: 1 h at 100 IU/kg, 2.5 h at 400 IU/kg). 60 min is the 100 U/kg figure, for reference only.",
    ke0PerS: ln2 / 20,
    ke0Source:
      "Peak effect immediately after IV injection (FDA label via droracle.ai); maximal 1 min after atrial delivery (perfusion.com). t½ke0 20 s [estimate].",
    effects: [{ effect: EFFECT_SVR, emax: -0.15, ec50PerMl: 1 }],
    effectSource:
      "10–20 % fall in SVR without change in CO or HR after the bolus (perfusion.com Circuit Surfers); EC50 [estimate].",
  },
  {
    name: "protamine",
    index: DRUG_PROTAMINE,
    unit: "mg",
    halfLifeS: 4.5 * 60,
    halfLifeSource:
      "Median 4.5 min (1.9–18) after 250 mg in adults after CPB; clearance 1.4 L/min (Butterworth et al., Ann Thorac Surg 2002;74:1589).",
    ke0PerS: ln2 / 60,
    ke0Source: "Neutralisation within 5 min (FDA label); t½ke0 1 min for the haemodynamic effect [estimate].",
    effects: [
      { effect: EFFECT_SVR, emax: -0.2, ec50PerMl: 0.05 },
      { effect: EFFECT_PVR, emax: 0.3, ec50PerMl: 0.05 },
    ],
    effectSource:
      "Free protamine: systemic hypotension and pulmonary pressure rise (dogs: MAP −14.9 mmHg, PA systolic +5 mmHg; Chang et al., AAPS PharmSci 2001;3:19). Emax/EC50 [estimate].",
  },
  {
    name: "phenylephrine",
    index: DRUG_PHENYLEPHRINE,
    unit: "µg",
    halfLifeS: 7.5 * 60,
    halfLifeSource:
      "Effective half-life 5–10 min, effects resolve in 15–20 min (droracle.ai vasopressor summary).",
    ke0PerS: ln2 / 30,
    ke0Source:
      "Bolus: pressure starts rising at 15 ± 5 s and peaks at 37 ± 16 s (Okoshi et al., Braz J Med Biol Res 1993;26:605); t½ke0 30 s [fitted to that].",
    effects: [
      { effect: EFFECT_SVR, emax: 1.2, ec50PerMl: css(35, 450) / 6 },
      { effect: EFFECT_PVR, emax: 0.4, ec50PerMl: css(35, 450) / 6 },
      { effect: EFFECT_UNSTRESSED_VOLUME, emax: -0.2, ec50PerMl: css(35, 450) / 6 },
    ],
    effectSource:
      "Pure α1 agonist: arterial and venous constriction, no direct inotropy/chronotropy (baroreflex left to the engine). EC50 one sixth of the plasma level of a 35 µg/min infusion, calibrated so a 2 µg/kg bolus raises MAP by about 20 mmHg at its peak with the baroreflex intact (Kalmar et al., J Clin Monit Comput 2018;32:969: +34 ± 13 mmHg at 5 min after 2 µg/kg under anaesthesia, which blunts the reflex) [calibrated estimate].",
  },
  {
    name: "norepinephrine",
    index: DRUG_NOREPINEPHRINE,
    unit: "µg",
    halfLifeS: 2.5 * 60,
    halfLifeSource: "2–2.5 min, recovery within 5–10 min (droracle.ai vasopressor summary).",
    ke0PerS: ln2 / 60,
    ke0Source:
      "Onset < 5 min, offset within 20 min for catecholamines (epinephrine label, Pfizer); t½ke0 1 min [estimate].",
    effects: [
      { effect: EFFECT_SVR, emax: 1.5, ec50PerMl: css(7, 150) },
      { effect: EFFECT_PVR, emax: 0.5, ec50PerMl: css(7, 150) },
      { effect: EFFECT_CONTRACTILITY, emax: 0.5, ec50PerMl: css(7, 150) },
      { effect: EFFECT_HEART_RATE, emax: 0.1, ec50PerMl: css(7, 150) },
      { effect: EFFECT_UNSTRESSED_VOLUME, emax: -0.2, ec50PerMl: css(7, 150) },
    ],
    effectSource:
      "α and β1 agonist: vasoconstriction, inotropy, little chronotropy (pharmacology teaching, pharmacologymnemonics). EC50 at 0.1 µg/kg/min (7 µg/min) [estimate].",
  },
  {
    name: "epinephrine",
    index: DRUG_EPINEPHRINE,
    unit: "µg",
    halfLifeS: 2 * 60,
    halfLifeSource:
      "≈ 2 min; effective half-life < 5 min; steady state in 10–15 min (Pfizer label; dentalcare.com).",
    ke0PerS: ln2 / 60,
    ke0Source:
      "BP rise within 5 min, offset within 20 min (Pfizer epinephrine label); t½ke0 1 min [estimate].",
    effects: [
      { effect: EFFECT_SVR, emax: 1.0, ec50PerMl: css(3.5, 120) },
      { effect: EFFECT_PVR, emax: 0.3, ec50PerMl: css(3.5, 120) },
      { effect: EFFECT_CONTRACTILITY, emax: 1.0, ec50PerMl: css(3.5, 120) },
      { effect: EFFECT_HEART_RATE, emax: 0.5, ec50PerMl: css(3.5, 120) },
      { effect: EFFECT_UNSTRESSED_VOLUME, emax: -0.2, ec50PerMl: css(3.5, 120) },
    ],
    effectSource:
      "Inotropy, chronotropy and α vasoconstriction (Pfizer label; low-dose β2 vasodilation not modelled). EC50 at 0.05 µg/kg/min (3.5 µg/min) [estimate].",
  },
  {
    name: "vasopressin",
    index: DRUG_VASOPRESSIN,
    unit: "U",
    halfLifeS: 15 * 60,
    halfLifeSource: "10–20 min; effects may persist 30–60 min (droracle.ai vasopressor summary).",
    ke0PerS: ln2 / 120,
    ke0Source: "t½ke0 2 min [estimate].",
    effects: [
      { effect: EFFECT_SVR, emax: 1.0, ec50PerMl: css(0.03, 900) },
      { effect: EFFECT_UNSTRESSED_VOLUME, emax: -0.1, ec50PerMl: css(0.03, 900) },
    ],
    effectSource: "V1 vasoconstriction, no inotropy. EC50 at 0.03 U/min [estimate]; PVR effect not modelled.",
  },
  {
    name: "nitroglycerin",
    index: DRUG_NITROGLYCERIN,
    unit: "µg",
    halfLifeS: 3 * 60,
    halfLifeSource:
      "Plasma half-life ≈ 3 min, clearance 0.3–1 L/min/kg, Vd ≈ 3 L/kg (McNiff et al., J Pharm Sci 1981;70:1054).",
    ke0PerS: ln2 / 60,
    ke0Source:
      "IV onset immediate; sublingual onset 1–3 min (drug guide, droracle.ai); t½ke0 1 min [estimate].",
    effects: [
      { effect: EFFECT_UNSTRESSED_VOLUME, emax: 0.5, ec50PerMl: css(50, 180) },
      { effect: EFFECT_SVR, emax: -0.3, ec50PerMl: css(50, 180) },
      { effect: EFFECT_PVR, emax: -0.3, ec50PerMl: css(50, 180) },
    ],
    effectSource:
      "Predominantly venodilation (pooling), some arterial and pulmonary dilation (biologyinsights summary of mechanism). EC50 at 50 µg/min [estimate].",
  },
]);

/** Reduction of drug clearance per °C of cooling below 37 °C: 11.1 % (midazolam, CYP3A probe; Hostler et al.,
 * Drug Metab Dispos 2010). Used for all drugs as a documented parameter; rewarming above 37 °C is not extrapolated. */
export const CLEARANCE_FALL_PER_C_BELOW_37 = 0.111;

/** Heparin units neutralised per mg of protamine: "not less than 100 USP units" (FDA label, reference §6.2). */
export const PROTAMINE_U_PER_MG = 100;

/**
 * Heparin elimination (docs/models/drugs.md, "Heparin kinetics"): a saturable pathway (binding to endothelial cells
 * and macrophages of the reticuloendothelial system, internalisation and depolymerisation; zero order at high levels)
 * plus a linear, mainly renal one, on the plasma concentration C (U/mL):
 *   dC/dt = −Vmax·C/(Km + C) − k_renal·C
 * (de Swart et al., Blood 1982;60:1251: the disappearance fits neither first- nor zero-order clearance, but a
 * saturable plus a linear mechanism; mechanism: droracle.ai summaries of the label and the ACCP guideline).
 * The three parameters are the exact solution of the three published apparent half-lives (time for C to fall from
 * C0 to C0/2 after a bolus, closed form in `heparinApparentHalfLifeS`), with C0 = dose / plasma volume 40.6 mL/kg
 * (70 mL/kg blood at Hct 0.42, the model's adult):
 *   25 U/kg → 30 min, 100 U/kg → 60 min, 400 U/kg → 150 min (droracle.ai label/guideline summaries; Swiss label 1 h
 *   at 100 IU/kg and 2.5 h at 400 IU/kg).
 * Checks, not fitted: 70 U/kg → 48 min (Hirsh et al., Circulation 1976;53:691: 63 ± 15 min after 70 U/kg in venous
 * thromboembolism); 300 U/kg → 124 min (CPB); an infusion of 18 U/kg/h settles at 0.27 U/mL and 15 U/kg/h at 0.22
 * (adult ECMO: 800 [600–1000] U/h with anti-Xa 0.28 [0.21–0.41] U/mL, Nguyen et al., Crit Care Res Pract
 * 2021:5579936; a mean 15.3 U/kg/h, Am J Ther 2022;29:e385).
 */
export const HEPARIN_KINETICS = Object.freeze({
  /** Maximal rate of the saturable pathway, U/mL plasma per s (0.02559 U/mL/min). */
  vmaxUPerMlPerS: 0.02559 / 60,
  /** Concentration at half the maximal saturable rate, U/mL plasma. */
  kmUPerMl: 0.7311,
  /** Linear (renal) rate constant, 1/s (0.001325/min: t½ 8.7 h on its own). */
  renalPerS: 0.001325 / 60,
  /** Plasma volume per kg used to turn the published bolus doses into concentrations (mL/kg). */
  plasmaMlPerKg: 70 * (1 - 0.42),
});
