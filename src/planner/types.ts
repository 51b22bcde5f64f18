/** The plan: plain, JSON-serialisable, validated at the boundary; the simulator will be built from it. */
import type { Explained } from "./explain.ts";
import type { Evidence, Procedure, Surgery, TubingSize } from "./schema.ts";
import type { PlanWarning } from "./warnings.ts";

export interface PlanLine {
  sizeIn: TubingSize;
  lengthCm: number;
  volumeMl: number;
  inPrime: boolean;
  why: string;
}

export interface PlanCannula {
  role: "arterial" | "venous" | "drainage" | "return" | "dual-lumen";
  id?: string;
  /** French size, or null when no catalogue cannula has data at this flow (see warnings). */
  fr: number | null;
  model: string;
  manufacturer?: string;
  flowLPerMin: number;
  pressureDropMmHg: number | null;
  drainagePressureDropMmHg?: number | null;
  limitMmHg: number;
  withinLimit: boolean;
  dataFluid?: "water" | "blood";
  /** Blood viscosity (cP) the drop was computed with (Hct on bypass, governing temperature). */
  bloodViscosityCp?: number;
  /** Bicaval cannulation: the cava this venous cannula drains (its flow is that cava's share). */
  site?: "svc" | "ivc";
}

export interface Plan {
  schemaVersion: 1;
  disclaimer: string;
  patient: {
    weightKg: number;
    heightCm: number;
    ageYears: number;
    sex?: "male" | "female";
    hct: number;
    hctAssumed: boolean;
    hbGPerDl?: number;
    procedure: Procedure;
    lowestTempC: number;
    /** CPB: what the operation does to the right heart (decides bicaval cannulation by protocol). */
    surgery?: Surgery;
  };
  protocol: string;
  bsaM2: number;
  bsaMethod: string;
  bloodVolumeMl: number;
  flowMethod: "cardiac-index" | "weight-band" | "ecmo-weight-band";
  cardiacIndex: number | null;
  /** Flow at the planned lowest temperature. */
  targetFlowLPerMin: number;
  /** Full flow at normothermia. */
  fullFlowLPerMin: number;
  maxFlowLPerMin: number;
  pump: {
    type: "roller" | "centrifugal";
    bootSizeIn?: TubingSize;
    strokeVolumeMlPerRev?: number;
    maxRpm?: number;
    model?: string;
    manufacturer?: string;
    primeMl?: number;
    why: string;
  };
  oxygenator: {
    id: string;
    model: string;
    manufacturer: string;
    minFlowLPerMin: number;
    maxFlowLPerMin: number;
    primeMl: number;
    integratedArterialFilter: boolean;
    ratedRangeSource: string;
    evidence: { minFlow: Evidence; maxFlow: Evidence; prime: Evidence };
  };
  reservoir: {
    id: string;
    model: string;
    manufacturer: string;
    capacityMl: number;
    minOperatingLevelMl: number;
  } | null;
  arterialFilter: { id: string; model: string; manufacturer: string; primeMl: number } | null;
  tubing: {
    arterial: PlanLine;
    venous: PlanLine;
    pump?: PlanLine;
    sucker?: PlanLine;
    vent?: PlanLine;
    cardioplegia?: PlanLine;
  };
  tableLayout: string;
  /** Height of the patient's right atrium above the venous reservoir inlet (the siphon), cm, of the layout. */
  drainageHeightCm: number;
  cannulae: PlanCannula[];
  /** CPB: one venous cannula ("single") or an SVC and an IVC cannula joined by a Y ("bicaval"); null for ECMO. */
  venousCannulation: "single" | "bicaval" | null;
  /** Bicaval: SVC share of the venous return used to size the SVC cannula (fraction). */
  svcFlowFraction?: number;
  /** CPB: pressure drop along the venous line at the governing flow (Poiseuille at the Hct on bypass), mmHg. */
  venousLineDropMmHg: number | null;
  /** VAVD the venous cannula needs (mmHg below atmosphere), 0 when gravity suffices. */
  vavdMmHg: number;
  primeVolumeMl: number;
  primeComponents: { name: string; volumeMl: number }[];
  /** Predicted Hct on bypass with a clear prime (fraction). */
  predictedHct: number;
  targetHct: number;
  hctTrigger: number;
  rbcToAddMl: number;
  /** Haematocrit of the packed red cells the prime takes (protocol rbcHct, fraction). */
  rbcHct: number;
  /** Haematocrit of the whole prime with the planned red cells: rbcToAddMl·rbcHct / primeVolumeMl (fraction). */
  primeHct: number;
  /** Predicted Hct on bypass after the planned red cells (fraction). */
  predictedHctWithRbc: number;
  primeRecipe: { name: string; amount: number; unit: string; source: string }[];
  heparinUnits: number;
  protamineMg: number | null;
  cardioplegia: {
    solution: string;
    doseMl: number;
    bloodMl: number;
    crystalloidMl: number;
    ratio: string;
  } | null;
  hbOnBypassGPerDl: number;
  do2iAtTarget: number;
  do2iAtFullFlow: number;
  warnings: PlanWarning[];
  /** Each number's formula, inputs, constants and source, keyed by the plan field. */
  explanations: Record<string, Explained>;
}
