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
/** Medtronic Cannula Catalog 2020 and Getinge HLS venous charts (water), digitised by perfusion-tools [S2]. */
const PT_VENOUS =
  "manufacturer pressure-loss chart (water), digitised manually by perfusion-tools (github IMhongkeun/perfusion-tools, main.js); see catalogue/cannulae.yaml";
/** MC2 two-stage: a point from a first-pass trace of photographed charts [U]; see catalogue/cannulae.yaml. */
const TRACE =
  "stand-in [U]: MC2 chart point traced from photographs (CHNOLA Perfusion Team P&P Manual 2021) by a third-party web app; see catalogue/cannulae.yaml";

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
  // Venous (catalogue ids): DLP single-stage straight, right-angle and metal-tip; NextGen femoral; Getinge HLS.
  "medtronic-dlp-venous-12": water(
    "venousSingleStage",
    12,
    [
      [0.21, 10],
      [0.33, 20],
      [0.49, 36],
      [0.58, 50],
      [0.66, 61],
      [0.72, 70],
      [0.77, 80],
      [0.82, 90],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-14": water(
    "venousSingleStage",
    14,
    [
      [0.38, 11],
      [0.48, 15],
      [0.58, 20],
      [0.75, 31],
      [0.87, 40],
      [1.0, 51],
      [1.09, 61],
      [1.2, 70],
      [1.29, 80],
      [1.39, 91],
      [1.46, 100],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-16": water(
    "venousSingleStage",
    16,
    [
      [0.63, 10],
      [1.0, 22],
      [1.19, 31],
      [1.4, 40],
      [1.49, 45],
      [1.58, 50],
      [1.75, 61],
      [1.9, 70],
      [2.0, 77],
      [2.18, 91],
      [2.31, 100],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-18": water(
    "venousSingleStage",
    18,
    [
      [1.0, 13],
      [1.5, 26],
      [2.0, 44],
      [2.5, 67],
      [3.0, 92],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-20": water(
    "venousSingleStage",
    20,
    [
      [1.5, 17],
      [2.0, 29],
      [2.5, 43],
      [3.0, 61],
      [3.5, 80],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-24": water(
    "venousSingleStage",
    24,
    [
      [2.0, 15],
      [2.5, 22],
      [3.0, 31],
      [3.5, 41],
      [4.0, 52],
      [4.5, 65],
      [5.0, 79],
      [5.5, 95],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-26": water(
    "venousSingleStage",
    26,
    [
      [2.0, 10],
      [2.5, 14],
      [3.0, 20],
      [3.5, 27],
      [4.0, 34],
      [4.5, 42],
      [5.0, 51],
      [5.5, 61],
      [6.0, 72],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-30": water(
    "venousSingleStage",
    30,
    [
      [3.0, 10],
      [3.5, 14],
      [4.0, 18],
      [4.5, 22],
      [5.0, 27],
      [5.5, 32],
      [6.0, 38],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-34": water(
    "venousSingleStage",
    34,
    [
      [4.0, 11],
      [4.5, 14],
      [5.0, 17],
      [5.5, 21],
      [6.0, 25],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-venous-40": water("venousSingleStage", 40, [[6.0, 10]], PT_VENOUS),
  "medtronic-dlp-right-angle-venous-12": water(
    "venousSingleStage",
    12,
    [
      [0.2, 10],
      [0.34, 20],
      [0.46, 34],
      [0.51, 40],
      [0.58, 51],
      [0.66, 61],
      [0.72, 70],
      [0.77, 80],
      [0.81, 90],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-14": water(
    "venousSingleStage",
    14,
    [
      [0.39, 11],
      [0.47, 15],
      [0.58, 21],
      [0.73, 30],
      [0.86, 40],
      [1.0, 51],
      [1.09, 60],
      [1.19, 70],
      [1.29, 80],
      [1.38, 90],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-16": water(
    "venousSingleStage",
    16,
    [
      [0.99, 23],
      [1.17, 30],
      [1.5, 45],
      [1.74, 60],
      [1.89, 70],
      [1.99, 77],
      [2.18, 90],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-18": water(
    "venousSingleStage",
    18,
    [
      [0.99, 13],
      [1.49, 27],
      [2.0, 45],
      [2.35, 60],
      [2.51, 67],
      [2.78, 80],
      [3.0, 93],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-20": water(
    "venousSingleStage",
    20,
    [
      [1.49, 17],
      [2.0, 29],
      [2.51, 44],
      [3.0, 61],
      [3.51, 81],
      [3.73, 90],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-22": water(
    "venousSingleStage",
    22,
    [
      [1.49, 11],
      [2.0, 18],
      [2.5, 28],
      [2.99, 38],
      [3.5, 51],
      [4.0, 65],
      [4.5, 81],
      [5.0, 100],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-24": water(
    "venousSingleStage",
    24,
    [
      [2.0, 15],
      [2.51, 22],
      [3.01, 31],
      [3.5, 41],
      [4.0, 53],
      [4.5, 66],
      [5.01, 79],
      [5.52, 95],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-26": water(
    "venousSingleStage",
    26,
    [
      [2.0, 10],
      [2.5, 15],
      [3.0, 20],
      [3.5, 27],
      [4.0, 34],
      [4.5, 42],
      [5.0, 51],
      [5.51, 62],
      [6.01, 73],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-28": water(
    "venousSingleStage",
    28,
    [
      [2.51, 11],
      [2.99, 15],
      [3.5, 19],
      [4.01, 25],
      [4.5, 30],
      [5.01, 37],
      [5.52, 44],
      [6.01, 51],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-30": water(
    "venousSingleStage",
    30,
    [
      [3.02, 10],
      [3.51, 14],
      [4.01, 18],
      [4.5, 22],
      [5.0, 27],
      [5.5, 32],
      [5.99, 38],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-32": water(
    "venousSingleStage",
    32,
    [
      [3.52, 11],
      [4.01, 14],
      [4.5, 18],
      [5.0, 22],
      [5.51, 27],
      [5.99, 31],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-34": water(
    "venousSingleStage",
    34,
    [
      [4.01, 11],
      [4.5, 14],
      [5.0, 17],
      [5.51, 21],
      [5.97, 24],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-36": water(
    "venousSingleStage",
    36,
    [
      [5.0, 11],
      [5.51, 13],
      [5.99, 15],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-right-angle-venous-38": water("venousSingleStage", 38, [[6.0, 11]], PT_VENOUS),
  "medtronic-dlp-metal-tip-venous-12": water(
    "venousSingleStage",
    12,
    [
      [0.5, 12],
      [1.0, 45],
      [1.5, 92],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-14": water(
    "venousSingleStage",
    14,
    [
      [1.0, 17],
      [1.5, 34],
      [2.0, 58],
      [2.5, 88],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-16": water(
    "venousSingleStage",
    16,
    [
      [1.0, 12],
      [1.5, 24],
      [2.0, 41],
      [2.5, 62],
      [3.0, 86],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-18": water(
    "venousSingleStage",
    18,
    [
      [1.5, 13],
      [2.0, 22],
      [2.5, 33],
      [3.0, 45],
      [3.5, 60],
      [4.0, 76],
      [4.5, 94],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-20": water(
    "venousSingleStage",
    20,
    [
      [2.0, 15],
      [2.5, 23],
      [3.0, 32],
      [3.5, 42],
      [4.0, 54],
      [4.5, 67],
      [5.0, 82],
      [5.5, 98],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-22": water(
    "venousSingleStage",
    22,
    [
      [2.5, 13],
      [3.0, 18],
      [3.5, 24],
      [4.0, 31],
      [4.5, 39],
      [5.0, 47],
      [5.5, 57],
      [6.0, 67],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-24": water(
    "venousSingleStage",
    24,
    [
      [3.0, 13],
      [3.5, 17],
      [4.0, 21],
      [4.5, 27],
      [5.0, 33],
      [5.5, 40],
      [6.0, 47],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-28": water(
    "venousSingleStage",
    28,
    [
      [4.0, 12],
      [4.5, 15],
      [5.0, 18],
      [5.5, 22],
      [6.0, 26],
    ],
    PT_VENOUS,
  ),
  "medtronic-dlp-metal-tip-venous-31": water(
    "venousSingleStage",
    31,
    [
      [4.5, 12],
      [5.0, 15],
      [5.5, 18],
      [6.0, 21],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-15": water(
    "femoralVenous",
    15,
    [
      [1.0, 22],
      [1.5, 45],
      [2.0, 76],
      [2.5, 115],
      [3.0, 159],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-17": water(
    "femoralVenous",
    17,
    [
      [1.5, 27],
      [2.0, 43],
      [2.5, 65],
      [3.0, 88],
      [3.5, 117],
      [4.0, 150],
      [4.5, 185],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-19": water(
    "femoralVenous",
    19,
    [
      [1.5, 16],
      [2.0, 26],
      [2.5, 38],
      [3.0, 51],
      [3.5, 67],
      [4.0, 86],
      [4.5, 106],
      [5.0, 128],
      [5.5, 153],
      [6.0, 179],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-21": water(
    "femoralVenous",
    21,
    [
      [2.0, 17],
      [2.5, 25],
      [3.0, 32],
      [3.5, 42],
      [4.0, 53],
      [4.5, 64],
      [5.0, 78],
      [5.5, 93],
      [6.0, 110],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-23": water(
    "femoralVenous",
    23,
    [
      [2.5, 18],
      [3.0, 24],
      [3.5, 31],
      [4.0, 38],
      [4.5, 47],
      [5.0, 57],
      [5.5, 68],
      [6.0, 80],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-25": water(
    "femoralVenous",
    25,
    [
      [3.0, 17],
      [3.5, 21],
      [4.0, 26],
      [4.5, 32],
      [5.0, 40],
      [5.5, 46],
      [6.0, 53],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-27": water(
    "femoralVenous",
    27,
    [
      [3.5, 18],
      [4.0, 21],
      [4.5, 26],
      [5.0, 31],
      [5.5, 35],
      [6.0, 42],
    ],
    PT_VENOUS,
  ),
  "medtronic-biomedicus-nextgen-fv-29": water(
    "femoralVenous",
    29,
    [
      [4.0, 15],
      [4.5, 18],
      [5.0, 23],
      [5.5, 27],
      [6.0, 31],
    ],
    PT_VENOUS,
  ),
  "getinge-hls-venous-21": water(
    "femoralVenous",
    21,
    [
      [1.5, 10],
      [2.0, 17],
      [2.5, 25],
      [3.0, 35],
      [3.5, 47],
      [4.0, 60],
      [4.5, 74],
      [5.0, 90],
      [5.5, 108],
      [6.0, 126],
      [6.5, 146],
      [7.0, 169],
    ],
    PT_VENOUS,
  ),
  "getinge-hls-venous-23": water(
    "femoralVenous",
    23,
    [
      [2.0, 12],
      [2.5, 18],
      [3.0, 24],
      [3.5, 32],
      [4.0, 41],
      [4.5, 50],
      [5.0, 60],
      [5.5, 72],
      [6.0, 84],
      [6.5, 90],
      [7.0, 113],
    ],
    PT_VENOUS,
  ),
  "getinge-hls-venous-25": water(
    "femoralVenous",
    25,
    [
      [2.5, 12],
      [3.0, 17],
      [3.5, 22],
      [4.0, 28],
      [4.5, 34],
      [5.0, 42],
      [5.5, 50],
      [6.0, 59],
      [6.5, 69],
      [7.0, 79],
    ],
    PT_VENOUS,
  ),
  "getinge-hls-venous-29": water(
    "femoralVenous",
    29,
    [
      [3.0, 10],
      [3.5, 13],
      [4.0, 16],
      [4.5, 21],
      [5.0, 26],
      [5.5, 31],
      [6.0, 36],
      [6.5, 41],
      [7.0, 47],
    ],
    PT_VENOUS,
  ),
  // MC2 two-stage [U] (catalogue ids).
  "medtronic-mc2-two-stage-28-36": { ...water("venousTwoStage", 28, [[6, 19]], TRACE), evidence: "U" },
  "medtronic-mc2-two-stage-32-40": { ...water("venousTwoStage", 32, [[6, 12]], TRACE), evidence: "U" },
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
