/** Clinical calculators: pure functions, each returning a self-explaining CalcResult. */

import { heparinDoseResponseSpec, heparinSpec, protamineSpec } from "./anticoagulation.ts";
import { bloodVolumeSpec } from "./blood-volume.ts";
import { pco2AtTempSpec, phAtTempSpec, phStatPco2Spec, po2AtTempSpec } from "./bloodgas-temperature.ts";
import { bsaSpec } from "./bsa.ts";
import { cardioplegiaSpec } from "./cardioplegia.ts";
import { co2RemovalSpec, oxygenatorO2TransferSpec, recirculationSpec } from "./ecmo.ts";
import { cpbFlowSpec } from "./flow.ts";
import { dilutionHctSpec, rbcPrimeSpec } from "./haemodilution.ts";
import { q10FromRatesSpec, q10Spec } from "./metabolism.ts";
import { odcInverseSpec, odcSpec } from "./odc.ts";
import { do2iSpec, o2ContentSpec, o2erSpec, vo2Spec } from "./oxygen.ts";
import { rollerFlowSpec, tubingVolumeSpec } from "./tubing.ts";
import type { CalculatorSpec } from "./types.ts";

export { heparin, heparinDoseResponse, protamine } from "./anticoagulation.ts";
export {
  BLOOD_VOLUME_METHODS,
  type BloodVolumeInput,
  type BloodVolumeMethod,
  bloodVolume,
  DEFAULT_EBV_TABLE,
  type EbvBand,
  type EbvEstimate,
  estimateBloodVolumeFromTable,
  SEXES,
  type Sex,
} from "./blood-volume.ts";
export {
  PH_TEMP_METHODS,
  type PhTempMethod,
  pco2AtTemp,
  phAtTemp,
  phStatPco2,
  po2AtTemp,
  po2TempCoefficient,
} from "./bloodgas-temperature.ts";
export { BSA_METHODS, type BsaMethod, bsa } from "./bsa.ts";
export {
  CARDIOPLEGIA_METHODS,
  type CardioplegiaMethod,
  cardioplegia,
  DEL_NIDO_UNVERIFIED_DOSE,
} from "./cardioplegia.ts";
export { co2Removal, oxygenatorO2Transfer, recirculation } from "./ecmo.ts";
export { CPB_FLOW_METHODS, type CpbFlowMethod, cpbFlow, PAEDIATRIC_FLOW_BANDS } from "./flow.ts";
export { dilutionHct, rbcPrime } from "./haemodilution.ts";
export { Q10_METHODS, type Q10Method, q10, q10FromRates } from "./metabolism.ts";
export {
  ellisPo2,
  kelmanSo2,
  kelmanVirtualPo2,
  ODC_INVERSE_METHODS,
  ODC_METHODS,
  type OdcInverseMethod,
  type OdcMethod,
  odc,
  odcInverse,
  severinghausPo2,
  severinghausSo2,
} from "./odc.ts";
export {
  contentMlPerDl,
  DEFAULT_HUFNER_ML_PER_G,
  DEFAULT_O2_SOLUBILITY,
  do2i,
  o2Content,
  o2er,
  vo2,
} from "./oxygen.ts";
export {
  NAMED_TUBING_SIZES,
  parseInches,
  ROLLER_STROKE_VOLUME_ML,
  rollerFlow,
  tubingVolume,
} from "./tubing.ts";
export type { CalcInputs, CalcResult, CalculatorSpec, ParamSpec } from "./types.ts";
export {
  describeRange,
  isInRange,
  type NumericRange,
  optionalInRange,
  RANGES,
  requireChoice,
  requireInRange,
  requirePresent,
} from "./validate.ts";

/** Every calculator the CLI offers, in the order `perfuse calc --help` lists them. */
export const calculators: readonly CalculatorSpec[] = [
  bsaSpec,
  bloodVolumeSpec,
  cpbFlowSpec,
  o2ContentSpec,
  do2iSpec,
  vo2Spec,
  o2erSpec,
  odcSpec,
  odcInverseSpec,
  phAtTempSpec,
  pco2AtTempSpec,
  po2AtTempSpec,
  phStatPco2Spec,
  q10Spec,
  q10FromRatesSpec,
  dilutionHctSpec,
  rbcPrimeSpec,
  tubingVolumeSpec,
  rollerFlowSpec,
  heparinSpec,
  heparinDoseResponseSpec,
  protamineSpec,
  cardioplegiaSpec,
  recirculationSpec,
  oxygenatorO2TransferSpec,
  co2RemovalSpec,
];

export function findCalculator(name: string): CalculatorSpec | undefined {
  return calculators.find((c) => c.name === name);
}
