/**
 * Fixed layout of the patient's circulation: compartment and connector ids are constants, so the
 * hot loops and the physiology modules index arrays directly (no name lookups). Names are the
 * field's words, used for cannulation sites and signals.
 */

// Compartments
export const RA = 0;
export const RV = 1;
export const PA = 2;
export const PCAP = 3;
export const PV = 4;
export const LA = 5;
export const LV = 6;
export const AOR = 7;
export const AAO = 8;
export const DAO = 9;
export const UBA = 10;
export const UBV = 11;
export const SVC = 12;
export const LBA = 13;
export const LBV = 14;
export const IVC = 15;
export const CORA = 16;
export const CORV = 17;
export const N_COMP = 18;

export const COMPARTMENT_NAMES = [
  "rightAtrium",
  "rightVentricle",
  "pulmonaryArtery",
  "pulmonaryCapillaries",
  "pulmonaryVeins",
  "leftAtrium",
  "leftVentricle",
  "aorticRoot",
  "ascendingAorta",
  "descendingAorta",
  "upperBodyArteries",
  "upperBodyVeins",
  "svc",
  "lowerBodyArteries",
  "lowerBodyVeins",
  "ivc",
  "coronaryArteries",
  "coronaryVeins",
] as const;

// Connectors
export const TRICUSPID = 0;
export const PULMONARY_VALVE = 1;
export const PA_CAP = 2;
export const CAP_PV = 3;
export const PV_LA = 4;
export const MITRAL = 5;
export const AORTIC_VALVE = 6;
export const ROOT_ASC = 7;
export const ASC_DESC = 8;
export const ASC_UB = 9;
export const DESC_LB = 10;
export const UB_BED = 11;
export const UBV_SVC = 12;
export const SVC_RA = 13;
export const LB_BED = 14;
export const LBV_IVC = 15;
export const IVC_RA = 16;
export const ROOT_COR = 17;
export const COR_BED = 18;
export const COR_RA = 19;
export const PDA = 20;
export const BLEED = 21;
export const FLUID = 22;
export const URINE = 23;
export const N_CONN = 24;

export const CONNECTOR_NAMES = [
  "tricuspidValve",
  "pulmonaryValve",
  "pulmonaryArterioles",
  "pulmonaryCapillaryOutflow",
  "pulmonaryVeinInflow",
  "mitralValve",
  "aorticValve",
  "aorticRootToAscending",
  "aorticArchToDescending",
  "archVessels",
  "descendingToLowerBody",
  "upperBodyMicrocirculation",
  "upperBodyVenousReturn",
  "svcInflow",
  "lowerBodyMicrocirculation",
  "lowerBodyVenousReturn",
  "ivcInflow",
  "coronaryOstia",
  "coronaryMicrocirculation",
  "coronarySinus",
  "ductusArteriosus",
  "bleeding",
  "fluidInfusion",
  "urine",
] as const;
