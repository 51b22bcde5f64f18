/**
 * Published cannula pressure–flow points (reference-data §7.5). Each entry: points [flow L/min, ΔP mmHg], the
 * fluid they were measured with, its viscosity, the evidence tag and the source. Ids follow the planner's
 * catalogue (`catalogue/cannulae.yaml`) where the device is the same.
 *
 * Evidence tags: S = read at the source; S2 = secondary (digitised manufacturer curves); U = stand-in, never a
 * test oracle. `upperBound`: the measured drop includes tubing as well, so it over-states the cannula's.
 */
import { WATER_DENSITY_G_PER_ML, WATER_VISCOSITY_CP_20C } from "./units.ts";

export const CANNULA_TYPES = [
  "arterial",
  "venousSingleStage",
  "venousTwoStage",
  "bicaval",
  "femoralArterial",
  "femoralVenous",
  "ecmo",
] as const;
export type CannulaType = (typeof CANNULA_TYPES)[number];

export interface CannulaData {
  type: CannulaType;
  fr: number;
  points: readonly (readonly [number, number])[];
  fluid: "water" | "blood";
  /** Viscosity of the test fluid, cP. */
  dataViscosityCp: number;
  /** Density of the test fluid, g/mL. */
  dataDensityGPerMl: number;
  evidence: "S" | "S2" | "U";
  upperBound?: boolean;
  source: string;
}

const MDT =
  "Medtronic Cannula Catalog 2020 (water), digitised by perfusion-tools (github IMhongkeun/perfusion-tools, data/cannula-pressure-drop.json); reference-data §7.5(a)";
const LIVA = "LivaNova brochures (water), digitised by perfusion-tools; reference-data §7.5(b)";
/**
 * Chart-read single points (the flow at a 40 mmHg drop; MC2: the drop at 6 L/min), traced from photographs of
 * manufacturers' charts in a hospital perfusion manual by a third-party web app [S2]; medium not stated, taken as
 * water (the catalogue, catalogue/cannulae.yaml, carries the full source per device).
 */
const TRACE =
  "manufacturer chart, chart-read: third-party perfusion web app tracing the CHNOLA Perfusion Team P&P Manual 2021 photo charts (first pass); see catalogue/cannulae.yaml";
const NOE = "Noe et al., JECT 1989;21(S):67 (bovine blood, Hct 40 %, 30 °C); reference-data §7.5(c)";
/** bloodViscosityCp(0.40, 30 °C) with the `blood` branch's formula: 10^(1.138·0.40 + 0.03699)·0.97^(30−37). */
const NOE_VISCOSITY_CP = 3.85;
const WANG =
  'Wang S, Rosenthal T, Kunselman AR, Ündar A. Artif Organs 2015;39:43-52 (abstract): arterial line drop with 150 cm of 1/4" (12 Fr: 3/16") tubing, human blood Hct 30 %, 35 °C; upper bound for the cannula';
/** bloodViscosityCp(0.30, 35 °C): 10^(1.138·0.30 + 0.03699)·0.97^(35−37). */
const WANG_VISCOSITY_CP = 2.54;

function wang(fr: number, points: [number, number][]): CannulaData {
  return {
    type: "arterial",
    fr,
    points,
    fluid: "blood",
    dataViscosityCp: WANG_VISCOSITY_CP,
    dataDensityGPerMl: 1.05,
    evidence: "S",
    upperBound: true,
    source: WANG,
  };
}

function water(type: CannulaType, fr: number, points: [number, number][], source = MDT): CannulaData {
  return {
    type,
    fr,
    points,
    fluid: "water",
    dataViscosityCp: WATER_VISCOSITY_CP_20C,
    dataDensityGPerMl: WATER_DENSITY_G_PER_ML,
    evidence: "S2",
    source,
  };
}

function noe(type: CannulaType, fr: number, points: [number, number][], upperBound = false): CannulaData {
  return {
    type,
    fr,
    points,
    fluid: "blood",
    dataViscosityCp: NOE_VISCOSITY_CP,
    dataDensityGPerMl: 1.05,
    evidence: "S",
    upperBound,
    source: NOE,
  };
}

/**
 * One source of truth: every single-lumen cannula of the device catalogue (`catalogue/cannulae.yaml`) is here under
 * its catalogue id with the catalogue's points, and a test (cannula-catalogue.test.ts) fails if the two diverge.
 * Circuits reference cannulae by catalogue id (`params.model`). Entries not in the catalogue are listed in
 * NOT_IN_CATALOGUE with the reason (literature series and stand-ins rather than catalogue devices).
 */
export const CANNULA_DATA: Readonly<Record<string, CannulaData>> = {
  "medtronic-eopa-18": water("arterial", 18, [
    [3, 40],
    [4, 70],
    [5, 110],
    [6, 156],
  ]),
  "medtronic-eopa-20": water("arterial", 20, [
    [3, 28],
    [4, 50],
    [5, 76],
    [6, 110],
  ]),
  "medtronic-eopa-22": water("arterial", 22, [
    [3, 16],
    [4, 30],
    [5, 46],
    [6, 64],
  ]),
  "medtronic-eopa-24": water("arterial", 24, [
    [3, 10],
    [4, 16],
    [5, 26],
    [6, 36],
  ]),
  "medtronic-eopa-3d-20": water("arterial", 20, [[5, 65]]),
  "medtronic-eopa-3d-22": water("arterial", 22, [[5, 39]]),
  "medtronic-dlp-venous-22": water("venousSingleStage", 22, [
    [4, 64],
    [5, 100],
  ]),
  "medtronic-dlp-venous-28": water("venousSingleStage", 28, [[5, 36]]),
  "medtronic-dlp-venous-32": water("venousSingleStage", 32, [[5, 22]]),
  "medtronic-dlp-venous-36": water("venousSingleStage", 36, [[5, 11]]),
  "medtronic-biomedicus-nextgen-fa-15": water("femoralArterial", 15, [[4, 185]]),
  "medtronic-biomedicus-nextgen-fa-17": water("femoralArterial", 17, [[4, 96]]),
  "medtronic-biomedicus-nextgen-fa-19": water("femoralArterial", 19, [[4, 55]]),
  "medtronic-biomedicus-nextgen-fa-21": water("femoralArterial", 21, [[4, 35]]),
  "medtronic-biomedicus-nextgen-fa-23": water("femoralArterial", 23, [[4, 23]]),
  "medtronic-biomedicus-nextgen-fa-25": water("femoralArterial", 25, [[4, 15]]),
  "livanova-optiflow-24": water("arterial", 24, [[5.04, 15.5]], LIVA),
  "livanova-optiflow-21-curved": water("arterial", 21, [[5.03, 46.8]], LIVA),
  "livanova-femoral-arterial-19": water(
    "femoralArterial",
    19,
    [
      [3.99, 59.6],
      [5.04, 99.6],
    ],
    LIVA,
  ),
  "livanova-femoral-arterial-21": water("femoralArterial", 21, [[3.99, 30.8]], LIVA),
  // Paediatric arterial, blood (Wang 2015): drop of cannula + arterial line (upper bounds).
  "medtronic-biomedicus-arterial-8": wang(8, [[0.5, 62.1]]),
  "medtronic-biomedicus-arterial-10": wang(10, [[1.0, 74.0]]),
  "medtronic-biomedicus-arterial-12": wang(12, [[1.5, 154.0]]),
  // Femoral venous, blood (Noe 1989, flow at −300 mmHg pump inlet; upper bounds), catalogue ids.
  "medtronic-biomedicus-fv-18": noe("femoralVenous", 18, [[3.0, 300]], true),
  "medtronic-biomedicus-fv-24": noe("femoralVenous", 24, [[7.5, 300]], true),
  "dlp-femoral-venous-21": noe("femoralVenous", 21, [[6.5, 300]], true),
  // Noe 1989, arterial: flow at a 200 mmHg drop.
  "noe-biomedicus-arterial-16": noe("femoralArterial", 16, [[3.5, 200]]),
  "noe-canyon-arterial-20": noe("arterial", 20, [[4.0, 200]]),
  "noe-biomedicus-arterial-19": noe("femoralArterial", 19, [[5.0, 200]]),
  "noe-cook-arterial-20": noe("arterial", 20, [[6.0, 200]]),
  "noe-bard-arterial-17": noe("arterial", 17, [[6.0, 200]]),
  // Noe 1989, venous: flow at −300 mmHg pump inlet (drop includes the venous line: upper bound).
  "noe-biomedicus-venous-18": noe("femoralVenous", 18, [[3.0, 300]], true),
  "noe-canyon-venous-20": noe("venousSingleStage", 20, [[4.0, 300]], true),
  "noe-bard-venous-18": noe("venousSingleStage", 18, [[4.5, 300]], true),
  "noe-bard-venous-20": noe("venousSingleStage", 20, [[6.5, 300]], true),
  "noe-dlp-venous-21": noe("femoralVenous", 21, [[6.5, 300]], true),
  // Venous, chart-read (catalogue ids): paediatric single-stage, right-angle, NextGen paediatric, MC2 two-stage.
  "medtronic-dlp-venous-12": water("venousSingleStage", 12, [[0.65, 40]], TRACE),
  "medtronic-dlp-venous-14": water("venousSingleStage", 14, [[1.0, 40]], TRACE),
  "medtronic-dlp-venous-16": water("venousSingleStage", 16, [[1.6, 40]], TRACE),
  "medtronic-dlp-venous-18": water("venousSingleStage", 18, [[2.25, 40]], TRACE),
  "medtronic-dlp-venous-20": water("venousSingleStage", 20, [[3.1, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-12": water("venousSingleStage", 12, [[0.65, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-14": water("venousSingleStage", 14, [[1.05, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-16": water("venousSingleStage", 16, [[1.65, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-18": water("venousSingleStage", 18, [[2.35, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-20": water("venousSingleStage", 20, [[3.15, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-22": water("venousSingleStage", 22, [[4.15, 40]], TRACE),
  "medtronic-dlp-right-angle-venous-24": water("venousSingleStage", 24, [[4.95, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-12": water("venousSingleStage", 12, [[0.75, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-14": water("venousSingleStage", 14, [[1.2, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-16": water("venousSingleStage", 16, [[1.6, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-18": water("venousSingleStage", 18, [[2.1, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-20": water("venousSingleStage", 20, [[3.0, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-22": water("venousSingleStage", 22, [[4.0, 40]], TRACE),
  "medtronic-dlp-metal-tip-venous-24": water("venousSingleStage", 24, [[5.0, 40]], TRACE),
  "livanova-right-angle-venous-14": water("venousSingleStage", 14, [[1.3, 40]], TRACE),
  "livanova-right-angle-venous-16": water("venousSingleStage", 16, [[1.8, 40]], TRACE),
  "livanova-right-angle-venous-18": water("venousSingleStage", 18, [[2.6, 40]], TRACE),
  "livanova-right-angle-venous-20": water("venousSingleStage", 20, [[3.6, 40]], TRACE),
  "livanova-right-angle-venous-22": water("venousSingleStage", 22, [[5.0, 40]], TRACE),
  "medtronic-biomedicus-nextgen-pediatric-venous-8": water("femoralVenous", 8, [[0.6, 40]], TRACE),
  "medtronic-biomedicus-nextgen-pediatric-venous-10": water("femoralVenous", 10, [[1.0, 40]], TRACE),
  "medtronic-biomedicus-nextgen-pediatric-venous-12": water("femoralVenous", 12, [[1.55, 40]], TRACE),
  "medtronic-biomedicus-nextgen-pediatric-venous-14": water("femoralVenous", 14, [[1.9, 40]], TRACE),
  "medtronic-mc2-two-stage-28-36": water("venousTwoStage", 28, [[6, 19]], TRACE),
  "medtronic-mc2-two-stage-32-40": water("venousTwoStage", 32, [[6, 12]], TRACE),
  // Stand-in: no public two-stage (cavo-atrial) curve was retrieved (reference-data §10). The DLP 36 Fr
  // single-stage point is used for a 36/46 Fr two-stage cannula until a manufacturer curve is found.
  "standin-two-stage-36-46": {
    ...water("venousTwoStage", 36, [[5, 11]]),
    evidence: "U",
    source:
      "stand-in [U]: DLP single-stage 36 Fr point (reference-data §7.5(a)); no two-stage curve retrieved",
  },
};

/** CANNULA_DATA ids that are not catalogue devices, and why (checked by cannula-catalogue.test.ts). */
export const NOT_IN_CATALOGUE: Readonly<Record<string, string>> = {
  "medtronic-eopa-3d-20": "single digitised point; not yet in the planner catalogue",
  "medtronic-eopa-3d-22": "single digitised point; not yet in the planner catalogue",
  "livanova-optiflow-21-curved": "single digitised point; not yet in the planner catalogue",
  "noe-biomedicus-arterial-16":
    "Noe 1989 literature series (blood), a reference point rather than a device entry",
  "noe-canyon-arterial-20": "Noe 1989 literature series",
  "noe-biomedicus-arterial-19": "Noe 1989 literature series",
  "noe-cook-arterial-20": "Noe 1989 literature series",
  "noe-bard-arterial-17": "Noe 1989 literature series",
  "noe-biomedicus-venous-18":
    "Noe 1989 literature series (same point as catalogue medtronic-biomedicus-fv-18)",
  "noe-canyon-venous-20": "Noe 1989 literature series",
  "noe-bard-venous-18": "Noe 1989 literature series",
  "noe-bard-venous-20": "Noe 1989 literature series",
  "noe-dlp-venous-21": "Noe 1989 literature series (same point as catalogue dlp-femoral-venous-21)",
  "standin-two-stage-36-46": "stand-in [U]: no two-stage curve retrieved (reference-data §10)",
};
