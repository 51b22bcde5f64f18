/**
 * ECMO and oxygenator gas exchange (shared/reference/reference-data.md §9). Saturations are fractions.
 *
 * Recirculation (VV ECMO):  R = (SdO2 − SvO2) / (SmO2 − SvO2)
 *   SdO2 drainage (pre-oxygenator), SmO2 post-oxygenator, SvO2 true mixed venous (Messai et al.;
 *   medicalalgorithms.com; PMC2943384 Fig. 1) [S]. Effective flow EF = (1 − R) · pump flow.
 *   Messai estimate of arterial saturation: SaO2 ≈ (EF/CO)·SmO2 + (1 − EF/CO)·SvO2 + 0.01·PmO2, written in %;
 *   in fractions the last term is 0.0001·PmO2.
 * Oxygenator O2 transfer (Fick across the membrane): VO2 (mL/min) = 10 · Q · (CpostO2 − CpreO2),
 *   C = k·Hb·SO2 + s·PO2 (reference §4.1).
 * CO2 removal (sweep method): VCO2 (mL/min) = sweep (L/min) × 1000 × FeCO2, before STPD correction
 *   (Bioengineering 2021;8:33) [S].
 */
import { InputError } from "../common/errors.ts";
import { contentMlPerDl, O2_CONSTANT_PARAMS, o2Constants } from "./oxygen.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { optionalInRange, RANGES, requireInRange } from "./validate.ts";

const FECO2_RANGE = { min: 0, max: 0.2, unit: "(fraction)" } as const;
const CO_RANGE = { min: 0, minExclusive: true, max: 20, unit: "L/min" } as const;

export function recirculation(input: {
  sdo2: number;
  svo2: number;
  smo2: number;
  /** Pump flow; when given, the effective flow is added to `extra`. */
  flowLPerMin?: number;
  /** Cardiac output; with the flow and PmO2, the Messai SaO2 estimate is added. */
  cardiacOutputLPerMin?: number;
  pmo2MmHg?: number;
}): CalcResult {
  const sdo2 = requireInRange("sdo2", input.sdo2, RANGES.fraction);
  const svo2 = requireInRange("svo2", input.svo2, RANGES.fraction);
  const smo2 = requireInRange("smo2", input.smo2, RANGES.fraction);
  const flow = optionalInRange("flowLPerMin", input.flowLPerMin, RANGES.flowLPerMin);
  const co = optionalInRange("cardiacOutputLPerMin", input.cardiacOutputLPerMin, CO_RANGE);
  const pmo2 = optionalInRange("pmo2MmHg", input.pmo2MmHg, RANGES.po2MmHg);
  if (smo2 <= svo2) {
    throw new InputError({
      field: "smo2",
      allowed: `> SvO2 (${svo2}): R divides by SmO2 − SvO2, and an oxygenator raises the saturation`,
      received: String(smo2),
    });
  }
  if (sdo2 < svo2 || sdo2 > smo2) {
    throw new InputError({
      field: "sdo2",
      allowed: `between SvO2 (${svo2}) and SmO2 (${smo2}): drained blood is a mix of the two`,
      received: String(sdo2),
    });
  }
  if ((co === undefined) !== (pmo2 === undefined) || (co !== undefined && flow === undefined)) {
    throw new InputError({
      field: co === undefined ? "cardiacOutputLPerMin" : pmo2 === undefined ? "pmo2MmHg" : "flowLPerMin",
      allowed:
        "given: the Messai SaO2 estimate needs --flow-l-min, --cardiac-output-l-min and --pmo2-mmhg together",
      received: "nothing",
    });
  }
  const r = (sdo2 - svo2) / (smo2 - svo2);
  const inputs: Record<string, number | string> = { sdo2, svo2, smo2 };
  const extra: NonNullable<CalcResult["extra"]> = {};
  if (flow !== undefined) {
    inputs.flowLPerMin = flow;
    const ef = (1 - r) * flow;
    extra.effectiveFlowLPerMin = { value: ef, unit: "L/min" };
    extra.recirculatingFlowLPerMin = { value: r * flow, unit: "L/min" };
    if (co !== undefined && pmo2 !== undefined) {
      inputs.cardiacOutputLPerMin = co;
      inputs.pmo2MmHg = pmo2;
      if (ef > co) {
        throw new InputError({
          field: "cardiacOutputLPerMin",
          allowed: `≥ the effective ECMO flow (${ef.toFixed(3)} L/min) for the Messai estimate`,
          received: String(co),
        });
      }
      const share = ef / co;
      const sao2 = share * smo2 + (1 - share) * svo2 + 0.0001 * pmo2;
      extra.messaiSao2 = { value: Math.min(1, sao2), unit: "fraction" };
    }
  }
  return {
    calculator: "recirculation",
    value: r,
    unit: "fraction",
    method: "recirculation",
    formula: "R = (SdO2 − SvO2) / (SmO2 − SvO2); EF = (1 − R) · pump flow",
    constants: {},
    inputs,
    source: "Messai et al. recirculation formula (medicalalgorithms.com; PMC2943384), reference §9",
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

export function oxygenatorO2Transfer(input: {
  flowLPerMin: number;
  hbGPerDl: number;
  preSo2: number;
  prePo2MmHg: number;
  postSo2: number;
  postPo2MmHg: number;
  hufnerMlPerG?: number;
  solubility?: number;
}): CalcResult {
  const flowLPerMin = requireInRange("flowLPerMin", input.flowLPerMin, RANGES.flowLPerMin);
  const hbGPerDl = requireInRange("hbGPerDl", input.hbGPerDl, RANGES.hbGPerDl);
  const preSo2 = requireInRange("preSo2", input.preSo2, RANGES.fraction);
  const prePo2MmHg = requireInRange("prePo2MmHg", input.prePo2MmHg, RANGES.po2MmHg);
  const postSo2 = requireInRange("postSo2", input.postSo2, RANGES.fraction);
  const postPo2MmHg = requireInRange("postPo2MmHg", input.postPo2MmHg, RANGES.po2MmHg);
  const { k, s } = o2Constants(input);
  const pre = contentMlPerDl(hbGPerDl, preSo2, prePo2MmHg, k, s);
  const post = contentMlPerDl(hbGPerDl, postSo2, postPo2MmHg, k, s);
  if (post < pre) {
    throw new InputError({
      field: "postSo2",
      allowed:
        "such that the post-oxygenator O2 content is not below the pre-oxygenator one (check pre/post are not swapped)",
      received: `post ${postSo2}/${postPo2MmHg} mmHg → ${post.toFixed(2)} < pre ${pre.toFixed(2)} mL/dL`,
    });
  }
  return {
    calculator: "oxygenator-o2-transfer",
    value: 10 * flowLPerMin * (post - pre),
    unit: "mL/min",
    method: "fick-membrane",
    formula: "VO2 = 10 · Q · (CpostO2 − CpreO2), C = k · Hb · SO2 + s · PO2",
    constants: { k, s },
    inputs: {
      flowLPerMin,
      hbGPerDl,
      preSo2,
      prePo2MmHg,
      postSo2,
      postPo2MmHg,
      hufnerMlPerG: k,
      solubility: s,
    },
    source:
      "Fick principle across the membrane (Bartlett, J Intensive Care Med 2016); contents reference §4.1; §9",
    extra: {
      preContentMlPerDl: { value: pre, unit: "mL/dL" },
      postContentMlPerDl: { value: post, unit: "mL/dL" },
    },
  };
}

export function co2Removal(input: { sweepLPerMin: number; exhaustCo2Fraction: number }): CalcResult {
  const sweepLPerMin = requireInRange("sweepLPerMin", input.sweepLPerMin, RANGES.sweepLPerMin);
  const exhaustCo2Fraction = requireInRange("exhaustCo2Fraction", input.exhaustCo2Fraction, FECO2_RANGE);
  return {
    calculator: "co2-removal",
    value: sweepLPerMin * 1000 * exhaustCo2Fraction,
    unit: "mL/min",
    method: "sweep",
    formula: "VCO2 = sweep (L/min) × 1000 × FeCO2 (no STPD correction)",
    constants: { mlPerL: 1000 },
    inputs: { sweepLPerMin, exhaustCo2Fraction },
    source: "sweep-gas method (Bioengineering 2021;8:33, TU Wien), reference §9",
  };
}

export const recirculationSpec: CalculatorSpec = {
  name: "recirculation",
  summary: "VV ECMO recirculation fraction, with the effective flow when the pump flow is given",
  source: "Messai et al. (medicalalgorithms.com; PMC2943384); reference §9",
  params: [
    {
      key: "sdo2",
      flag: "sdo2",
      description: "saturation in the drainage line (pre-oxygenator)",
      kind: "number",
      range: RANGES.fraction,
    },
    {
      key: "svo2",
      flag: "svo2",
      description: "true mixed venous saturation",
      kind: "number",
      range: RANGES.fraction,
    },
    {
      key: "smo2",
      flag: "smo2",
      description: "post-oxygenator saturation",
      kind: "number",
      range: RANGES.fraction,
    },
    {
      key: "flowLPerMin",
      flag: "flow-l-min",
      description: "ECMO pump flow, for the effective flow",
      kind: "number",
      range: RANGES.flowLPerMin,
      optional: true,
    },
    {
      key: "cardiacOutputLPerMin",
      flag: "cardiac-output-l-min",
      description: "cardiac output, for the Messai SaO2 estimate",
      kind: "number",
      range: CO_RANGE,
      optional: true,
    },
    {
      key: "pmo2MmHg",
      flag: "pmo2-mmhg",
      description: "post-oxygenator PO2, for the Messai SaO2 estimate",
      kind: "number",
      range: RANGES.po2MmHg,
      optional: true,
    },
  ],
  run: (i) =>
    recirculation({
      sdo2: i.sdo2 as number,
      svo2: i.svo2 as number,
      smo2: i.smo2 as number,
      flowLPerMin: i.flowLPerMin as number | undefined,
      cardiacOutputLPerMin: i.cardiacOutputLPerMin as number | undefined,
      pmo2MmHg: i.pmo2MmHg as number | undefined,
    }),
};

export const oxygenatorO2TransferSpec: CalculatorSpec = {
  name: "oxygenator-o2-transfer",
  summary: "O2 transferred by the oxygenator (mL/min) from pre- and post-oxygenator blood gases",
  source: "Fick principle across the membrane; contents reference §4.1; §9",
  params: [
    {
      key: "flowLPerMin",
      flag: "flow-l-min",
      description: "blood flow",
      kind: "number",
      range: RANGES.flowLPerMin,
    },
    { key: "hbGPerDl", flag: "hb-g-dl", description: "haemoglobin", kind: "number", range: RANGES.hbGPerDl },
    {
      key: "preSo2",
      flag: "pre-so2",
      description: "pre-oxygenator saturation",
      kind: "number",
      range: RANGES.fraction,
    },
    {
      key: "prePo2MmHg",
      flag: "pre-po2-mmhg",
      description: "pre-oxygenator PO2",
      kind: "number",
      range: RANGES.po2MmHg,
    },
    {
      key: "postSo2",
      flag: "post-so2",
      description: "post-oxygenator saturation",
      kind: "number",
      range: RANGES.fraction,
    },
    {
      key: "postPo2MmHg",
      flag: "post-po2-mmhg",
      description: "post-oxygenator PO2",
      kind: "number",
      range: RANGES.po2MmHg,
    },
    ...O2_CONSTANT_PARAMS,
  ],
  run: (i) =>
    oxygenatorO2Transfer({
      flowLPerMin: i.flowLPerMin as number,
      hbGPerDl: i.hbGPerDl as number,
      preSo2: i.preSo2 as number,
      prePo2MmHg: i.prePo2MmHg as number,
      postSo2: i.postSo2 as number,
      postPo2MmHg: i.postPo2MmHg as number,
      hufnerMlPerG: i.hufnerMlPerG as number,
      solubility: i.solubility as number,
    }),
};

export const co2RemovalSpec: CalculatorSpec = {
  name: "co2-removal",
  summary: "CO2 removed by the membrane lung (mL/min) = sweep × exhaust CO2 fraction",
  source: "sweep-gas method, Bioengineering 2021;8:33; reference §9",
  params: [
    {
      key: "sweepLPerMin",
      flag: "sweep-l-min",
      description: "sweep gas flow",
      kind: "number",
      range: RANGES.sweepLPerMin,
    },
    {
      key: "exhaustCo2Fraction",
      flag: "exhaust-co2-fraction",
      description: "CO2 fraction in the exhaust gas (e.g. 0.04)",
      kind: "number",
      range: FECO2_RANGE,
    },
  ],
  run: (i) =>
    co2Removal({
      sweepLPerMin: i.sweepLPerMin as number,
      exhaustCo2Fraction: i.exhaustCo2Fraction as number,
    }),
};
