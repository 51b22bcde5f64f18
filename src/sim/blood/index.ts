/** Public surface of the blood chemistry models (docs/models/blood-gases.md). */
export {
  CO2_SOLUBILITY_MMOL_PER_L_PER_MMHG,
  HCO3_STANDARD_MMOL_PER_L,
  PK_CO2,
  pco2At37FromTemperature,
  pco2AtTemperature,
  ph37FromTemperature,
  phAtTemperature,
  solveAcidBase,
  tco2FromPco2,
} from "./acid-base.ts";
export {
  HUFNER_ML_PER_G,
  kelmanSaturation,
  kelmanSaturationSlope,
  O2_SOLUBILITY_ML_PER_DL_PER_MMHG,
  o2ContentFromPo2,
  po2FromO2Content,
  so2FromPo2,
  virtualPo2Factor,
} from "./odc.ts";
export {
  type BloodGasComposition,
  type CarriedComposition,
  carriedFromBloodGas,
  NORMAL_ARTERIAL,
  NORMAL_VENOUS,
  validateBloodGasComposition,
} from "./reference.ts";
export { bloodViscosityCp } from "./viscosity.ts";
