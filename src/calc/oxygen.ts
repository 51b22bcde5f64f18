/**
 * Oxygen content, delivery, consumption and extraction (shared/reference/reference-data.md §4.1–4.2).
 *
 * Content:     C O2 (mL/dL) = k · Hb (g/dL) · SO2 (fraction) + s · PO2 (mmHg)
 *              k = 1.34 mL O2/g Hb (Hüfner, measured; 1.36–1.39 in other sources), s = 0.003 mL/dL/mmHg.
 * Delivery:    DO2i (mL/min/m²) = 10 · Q (L/min) / BSA (m²) · CaO2; the 10 turns mL/dL into mL/L.
 * Fick:        VO2 (mL/min) = 10 · Q · (CaO2 − CvO2)
 * Extraction:  O2ER = (CaO2 − CvO2) / CaO2
 */

import { InputError } from "../common/errors.ts";
import { HUFNER_ML_PER_G, O2_SOLUBILITY_ML_PER_DL_PER_MMHG } from "../sim/blood/odc.ts";
import type { CalcResult, CalculatorSpec, ParamSpec } from "./types.ts";
import { optionalInRange, RANGES, requireInRange, requirePresent } from "./validate.ts";

export const DEFAULT_HUFNER_ML_PER_G = HUFNER_ML_PER_G;
export const DEFAULT_O2_SOLUBILITY = O2_SOLUBILITY_ML_PER_DL_PER_MMHG;

const CONTENT_SOURCE =
  "k 1.34 mL/g (Hüfner; anaesthesiauk.com), s 0.003 mL/dL/mmHg (anaesthesiauk.com; Bartlett, J Intensive Care Med 2016), reference §4.1";

/** O2 content in mL/dL; inputs already checked. */
export function contentMlPerDl(hbGPerDl: number, so2: number, po2MmHg: number, k: number, s: number): number {
  return k * hbGPerDl * so2 + s * po2MmHg;
}

/** The constants k and s, checked, with their defaults. */
export function o2Constants(input: { hufnerMlPerG?: number; solubility?: number }): { k: number; s: number } {
  return {
    k: requireInRange("hufnerMlPerG", input.hufnerMlPerG ?? DEFAULT_HUFNER_ML_PER_G, RANGES.hufnerMlPerG),
    s: requireInRange(
      "solubility",
      input.solubility ?? DEFAULT_O2_SOLUBILITY,
      RANGES.o2SolubilityMlPerDlPerMmHg,
    ),
  };
}

const DO2I_RANGE = { min: 0, minExclusive: true, max: 2000, unit: "mL/min/m²" } as const;

interface O2ConstantsInput {
  /** k, mL O2 per g Hb; default 1.34. */
  hufnerMlPerG?: number;
  /** s, mL O2 per dL per mmHg; default 0.003. */
  solubility?: number;
}

export function o2Content(
  input: { hbGPerDl: number; so2: number; po2MmHg: number } & O2ConstantsInput,
): CalcResult {
  const hbGPerDl = requireInRange("hbGPerDl", input.hbGPerDl, RANGES.hbGPerDl);
  const so2 = requireInRange("so2", input.so2, RANGES.fraction);
  const po2MmHg = requireInRange("po2MmHg", input.po2MmHg, RANGES.po2MmHg);
  const { k, s } = o2Constants(input);
  const bound = k * hbGPerDl * so2;
  const dissolved = s * po2MmHg;
  return {
    calculator: "o2-content",
    value: bound + dissolved,
    unit: "mL/dL",
    method: "o2-content",
    formula: "CO2 = k · Hb · SO2 + s · PO2",
    constants: { k, s },
    inputs: { hbGPerDl, so2, po2MmHg, hufnerMlPerG: k, solubility: s },
    source: CONTENT_SOURCE,
    extra: {
      boundMlPerDl: { value: bound, unit: "mL/dL" },
      dissolvedMlPerDl: { value: dissolved, unit: "mL/dL" },
    },
  };
}

export function do2i(
  input: {
    flowLPerMin: number;
    bsaM2: number;
    hbGPerDl: number;
    so2: number;
    po2MmHg: number;
    /** When given, the flow needed to reach this DO2i is added to `extra`. */
    targetDo2iMlPerMinPerM2?: number;
  } & O2ConstantsInput,
): CalcResult {
  const flowLPerMin = requireInRange("flowLPerMin", input.flowLPerMin, RANGES.flowLPerMin);
  const bsaM2 = requireInRange("bsaM2", input.bsaM2, RANGES.bsaM2);
  const hbGPerDl = requireInRange("hbGPerDl", input.hbGPerDl, RANGES.hbGPerDl);
  const so2 = requireInRange("so2", input.so2, RANGES.fraction);
  const po2MmHg = requireInRange("po2MmHg", input.po2MmHg, RANGES.po2MmHg);
  const target = optionalInRange("targetDo2iMlPerMinPerM2", input.targetDo2iMlPerMinPerM2, DO2I_RANGE);
  const { k, s } = o2Constants(input);
  const cao2 = contentMlPerDl(hbGPerDl, so2, po2MmHg, k, s);
  const flowIndex = flowLPerMin / bsaM2;
  const inputs: Record<string, number | string> = { flowLPerMin, bsaM2, hbGPerDl, so2, po2MmHg };
  const extra: NonNullable<CalcResult["extra"]> = {
    cao2MlPerDl: { value: cao2, unit: "mL/dL" },
    flowIndexLPerMinPerM2: { value: flowIndex, unit: "L/min/m²" },
    do2MlPerMin: { value: 10 * flowLPerMin * cao2, unit: "mL/min" },
  };
  if (target !== undefined) {
    inputs.targetDo2iMlPerMinPerM2 = target;
    if (cao2 <= 0) {
      throw new InputError({
        field: "so2",
        allowed: "> 0 (or PO2 > 0) when a target DO2i is given: with no O2 in the blood no flow reaches it",
        received: String(so2),
      });
    }
    const indexForTarget = target / (10 * cao2);
    extra.flowIndexForTargetLPerMinPerM2 = { value: indexForTarget, unit: "L/min/m²" };
    extra.flowForTargetLPerMin = { value: indexForTarget * bsaM2, unit: "L/min" };
  }
  return {
    calculator: "do2i",
    value: 10 * flowIndex * cao2,
    unit: "mL/min/m²",
    method: "do2i",
    formula: "DO2i = 10 · (Q / BSA) · (k · Hb · SaO2 + s · PaO2)",
    constants: { k, s },
    inputs,
    source: `${CONTENT_SOURCE}; DO2i on CPB: PMC7792239; nadir thresholds 272 (Ranucci 2005), 262 (de Somer 2011), 280 (goal-directed perfusion), reference §4.2`,
    extra,
  };
}

export function vo2(
  input: {
    flowLPerMin: number;
    hbGPerDl: number;
    /** Arterial saturation and PO2. */
    so2: number;
    po2MmHg: number;
    /** Mixed venous saturation and PO2. */
    svo2: number;
    pvo2MmHg: number;
    /** When given, VO2 indexed to BSA is added to `extra`. */
    bsaM2?: number;
  } & O2ConstantsInput,
): CalcResult {
  const flowLPerMin = requireInRange("flowLPerMin", input.flowLPerMin, RANGES.flowLPerMin);
  const hbGPerDl = requireInRange("hbGPerDl", input.hbGPerDl, RANGES.hbGPerDl);
  const so2 = requireInRange("so2", input.so2, RANGES.fraction);
  const po2MmHg = requireInRange("po2MmHg", input.po2MmHg, RANGES.po2MmHg);
  const svo2 = requireInRange("svo2", input.svo2, RANGES.fraction);
  const pvo2MmHg = requireInRange("pvo2MmHg", input.pvo2MmHg, RANGES.po2MmHg);
  const bsaM2 = optionalInRange("bsaM2", input.bsaM2, RANGES.bsaM2);
  const { k, s } = o2Constants(input);
  const cao2 = contentMlPerDl(hbGPerDl, so2, po2MmHg, k, s);
  const cvo2 = contentMlPerDl(hbGPerDl, svo2, pvo2MmHg, k, s);
  if (cvo2 > cao2) {
    throw new InputError({
      field: "svo2",
      allowed:
        "such that the venous O2 content is not above the arterial (blood does not gain O2 in the tissues)",
      received: `SvO2 ${svo2}, PvO2 ${pvo2MmHg} mmHg → CvO2 ${cvo2.toFixed(2)} > CaO2 ${cao2.toFixed(2)} mL/dL`,
    });
  }
  const value = 10 * flowLPerMin * (cao2 - cvo2);
  const inputs: Record<string, number | string> = { flowLPerMin, hbGPerDl, so2, po2MmHg, svo2, pvo2MmHg };
  const extra: NonNullable<CalcResult["extra"]> = {
    cao2MlPerDl: { value: cao2, unit: "mL/dL" },
    cvo2MlPerDl: { value: cvo2, unit: "mL/dL" },
    avDifferenceMlPerDl: { value: cao2 - cvo2, unit: "mL/dL" },
  };
  if (cao2 > 0) extra.o2er = { value: (cao2 - cvo2) / cao2, unit: "fraction" };
  if (bsaM2 !== undefined) {
    inputs.bsaM2 = bsaM2;
    extra.vo2iMlPerMinPerM2 = { value: value / bsaM2, unit: "mL/min/m²" };
  }
  return {
    calculator: "vo2",
    value,
    unit: "mL/min",
    method: "fick",
    formula: "VO2 = 10 · Q · (CaO2 − CvO2), C = k · Hb · SO2 + s · PO2",
    constants: { k, s },
    inputs,
    source: `Fick principle; ${CONTENT_SOURCE}`,
    extra,
  };
}

export function o2er(input: {
  cao2MlPerDl?: number;
  cvo2MlPerDl?: number;
  hbGPerDl?: number;
  so2?: number;
  po2MmHg?: number;
  svo2?: number;
  pvo2MmHg?: number;
  hufnerMlPerG?: number;
  solubility?: number;
}): CalcResult {
  let cao2: number;
  let cvo2: number;
  let method: string;
  const inputs: Record<string, number | string> = {};
  const { k, s } = o2Constants(input);
  const constants: Record<string, number> = {};
  if (input.cao2MlPerDl !== undefined || input.cvo2MlPerDl !== undefined) {
    method = "contents";
    cao2 = requireInRange(
      "cao2MlPerDl",
      requirePresent("cao2MlPerDl", input.cao2MlPerDl, "the arterial O2 content with the venous one"),
      RANGES.o2ContentMlPerDl,
    );
    cvo2 = requireInRange(
      "cvo2MlPerDl",
      requirePresent("cvo2MlPerDl", input.cvo2MlPerDl, "the venous O2 content with the arterial one"),
      RANGES.o2ContentMlPerDl,
    );
    Object.assign(inputs, { cao2MlPerDl: cao2, cvo2MlPerDl: cvo2 });
  } else {
    method = "blood-gases";
    const need = "with --so2, --po2-mmhg, --svo2, --pvo2-mmhg (or give --cao2-ml-dl and --cvo2-ml-dl)";
    const hb = requireInRange("hbGPerDl", requirePresent("hbGPerDl", input.hbGPerDl, need), RANGES.hbGPerDl);
    const so2 = requireInRange("so2", requirePresent("so2", input.so2, need), RANGES.fraction);
    const po2 = requireInRange("po2MmHg", requirePresent("po2MmHg", input.po2MmHg, need), RANGES.po2MmHg);
    const svo2 = requireInRange("svo2", requirePresent("svo2", input.svo2, need), RANGES.fraction);
    const pvo2 = requireInRange("pvo2MmHg", requirePresent("pvo2MmHg", input.pvo2MmHg, need), RANGES.po2MmHg);
    cao2 = contentMlPerDl(hb, so2, po2, k, s);
    cvo2 = contentMlPerDl(hb, svo2, pvo2, k, s);
    Object.assign(inputs, { hbGPerDl: hb, so2, po2MmHg: po2, svo2, pvo2MmHg: pvo2 });
    Object.assign(constants, { k, s });
  }
  if (cao2 <= 0) {
    throw new InputError({
      field: method === "contents" ? "cao2MlPerDl" : "so2",
      allowed: "an arterial O2 content > 0 (it is the divisor of O2ER)",
      received: String(cao2),
    });
  }
  if (cvo2 > cao2) {
    throw new InputError({
      field: method === "contents" ? "cvo2MlPerDl" : "svo2",
      allowed: "a venous O2 content not above the arterial one",
      received: `CvO2 ${cvo2.toFixed(2)} > CaO2 ${cao2.toFixed(2)} mL/dL`,
    });
  }
  return {
    calculator: "o2er",
    value: (cao2 - cvo2) / cao2,
    unit: "fraction",
    method,
    formula: "O2ER = (CaO2 − CvO2) / CaO2",
    constants,
    inputs,
    source: `O2 extraction ratio; normal ~0.24 (alpfmedical.info), reference §4.1${method === "contents" ? "" : `; ${CONTENT_SOURCE}`}`,
    extra: {
      cao2MlPerDl: { value: cao2, unit: "mL/dL" },
      cvo2MlPerDl: { value: cvo2, unit: "mL/dL" },
    },
  };
}

// --- CLI specs -------------------------------------------------------------------------------------------

const P = {
  flow: {
    key: "flowLPerMin",
    flag: "flow-l-min",
    description: "blood flow (pump flow or cardiac output)",
    kind: "number",
    range: RANGES.flowLPerMin,
  },
  bsa: {
    key: "bsaM2",
    flag: "bsa-m2",
    description: "body surface area",
    kind: "number",
    range: RANGES.bsaM2,
  },
  hb: {
    key: "hbGPerDl",
    flag: "hb-g-dl",
    description: "haemoglobin",
    kind: "number",
    range: RANGES.hbGPerDl,
  },
  so2: {
    key: "so2",
    flag: "so2",
    description: "arterial O2 saturation",
    kind: "number",
    range: RANGES.fraction,
  },
  po2: {
    key: "po2MmHg",
    flag: "po2-mmhg",
    description: "arterial PO2",
    kind: "number",
    range: RANGES.po2MmHg,
  },
  svo2: {
    key: "svo2",
    flag: "svo2",
    description: "mixed venous O2 saturation",
    kind: "number",
    range: RANGES.fraction,
  },
  pvo2: {
    key: "pvo2MmHg",
    flag: "pvo2-mmhg",
    description: "mixed venous PO2",
    kind: "number",
    range: RANGES.po2MmHg,
  },
  k: {
    key: "hufnerMlPerG",
    flag: "k-ml-per-g",
    description: "k, O2 bound per g Hb (Hüfner)",
    kind: "number",
    range: RANGES.hufnerMlPerG,
    default: DEFAULT_HUFNER_ML_PER_G,
  },
  s: {
    key: "solubility",
    flag: "s-ml-per-dl-per-mmhg",
    description: "s, O2 solubility in blood",
    kind: "number",
    range: RANGES.o2SolubilityMlPerDlPerMmHg,
    default: DEFAULT_O2_SOLUBILITY,
  },
} as const satisfies Record<string, ParamSpec>;

/** The k and s parameters, for other calculators that compute contents. */
export const O2_CONSTANT_PARAMS: readonly ParamSpec[] = [P.k, P.s];

const num = (v: unknown) => v as number;
const numOpt = (v: unknown) => v as number | undefined;

export const o2ContentSpec: CalculatorSpec = {
  name: "o2-content",
  summary: "Blood O2 content (mL/dL) from Hb, SO2 and PO2",
  source: "Hüfner k 1.34 (1.36–1.39 elsewhere), s 0.003; reference §4.1",
  params: [
    { ...P.hb },
    { ...P.so2, description: "O2 saturation" },
    { ...P.po2, description: "PO2" },
    P.k,
    P.s,
  ],
  run: (i) =>
    o2Content({
      hbGPerDl: num(i.hbGPerDl),
      so2: num(i.so2),
      po2MmHg: num(i.po2MmHg),
      hufnerMlPerG: num(i.hufnerMlPerG),
      solubility: num(i.solubility),
    }),
};

export const do2iSpec: CalculatorSpec = {
  name: "do2i",
  summary: "Indexed O2 delivery (mL/min/m²) = 10 × flow / BSA × CaO2",
  source: "PMC7792239; thresholds Ranucci 2005 (272), de Somer 2011 (262); reference §4.2",
  params: [
    P.flow,
    P.bsa,
    P.hb,
    P.so2,
    P.po2,
    P.k,
    P.s,
    {
      key: "targetDo2iMlPerMinPerM2",
      flag: "target-do2i",
      description: "a DO2i target (mL/min/m², e.g. 280) to get the flow that reaches it",
      kind: "number",
      range: DO2I_RANGE,
      optional: true,
    },
  ],
  run: (i) =>
    do2i({
      flowLPerMin: num(i.flowLPerMin),
      bsaM2: num(i.bsaM2),
      hbGPerDl: num(i.hbGPerDl),
      so2: num(i.so2),
      po2MmHg: num(i.po2MmHg),
      hufnerMlPerG: num(i.hufnerMlPerG),
      solubility: num(i.solubility),
      targetDo2iMlPerMinPerM2: numOpt(i.targetDo2iMlPerMinPerM2),
    }),
};

export const vo2Spec: CalculatorSpec = {
  name: "vo2",
  summary: "O2 consumption (mL/min) by the Fick principle: 10 × flow × (CaO2 − CvO2)",
  source: "Fick principle; anaesthesiauk.com worked example (VO2 245 mL/min); reference §4.1",
  params: [
    P.flow,
    P.hb,
    P.so2,
    P.po2,
    P.svo2,
    P.pvo2,
    { ...P.bsa, description: "body surface area, to index VO2", optional: true },
    P.k,
    P.s,
  ],
  run: (i) =>
    vo2({
      flowLPerMin: num(i.flowLPerMin),
      hbGPerDl: num(i.hbGPerDl),
      so2: num(i.so2),
      po2MmHg: num(i.po2MmHg),
      svo2: num(i.svo2),
      pvo2MmHg: num(i.pvo2MmHg),
      bsaM2: numOpt(i.bsaM2),
      hufnerMlPerG: num(i.hufnerMlPerG),
      solubility: num(i.solubility),
    }),
};

export const o2erSpec: CalculatorSpec = {
  name: "o2er",
  summary: "O2 extraction ratio (fraction) from O2 contents, or from Hb and arterial/venous gases",
  source: "O2ER = (CaO2 − CvO2)/CaO2; alpfmedical.info normal values; reference §4.1",
  params: [
    {
      key: "cao2MlPerDl",
      flag: "cao2-ml-dl",
      description: "arterial O2 content",
      kind: "number",
      range: RANGES.o2ContentMlPerDl,
      optional: true,
    },
    {
      key: "cvo2MlPerDl",
      flag: "cvo2-ml-dl",
      description: "mixed venous O2 content",
      kind: "number",
      range: RANGES.o2ContentMlPerDl,
      optional: true,
    },
    { ...P.hb, optional: true },
    { ...P.so2, optional: true },
    { ...P.po2, optional: true },
    { ...P.svo2, optional: true },
    { ...P.pvo2, optional: true },
    P.k,
    P.s,
  ],
  run: (i) =>
    o2er({
      cao2MlPerDl: numOpt(i.cao2MlPerDl),
      cvo2MlPerDl: numOpt(i.cvo2MlPerDl),
      hbGPerDl: numOpt(i.hbGPerDl),
      so2: numOpt(i.so2),
      po2MmHg: numOpt(i.po2MmHg),
      svo2: numOpt(i.svo2),
      pvo2MmHg: numOpt(i.pvo2MmHg),
      hufnerMlPerG: num(i.hufnerMlPerG),
      solubility: num(i.solubility),
    }),
};
