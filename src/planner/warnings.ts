/** Plan warnings: each says what is wrong, why it matters and what to change. */
export type WarningCode =
  | "OXYGENATOR_BELOW_MIN_FLOW"
  | "OXYGENATOR_RANGE_UNVERIFIED"
  | "CANNULA_HIGH_PRESSURE_DROP"
  | "CANNULA_NO_DATA"
  | "CANNULA_WATER_DATA"
  | "VENOUS_DRAINAGE_NEEDS_VAVD"
  | "VENOUS_DRAINAGE_INSUFFICIENT"
  | "TUBING_UPSIZED"
  | "TUBING_DRAINAGE_NEEDS_VAVD"
  | "HCT_BELOW_TRIGGER"
  | "HCT_TARGET_UNREACHABLE"
  | "HCT_ASSUMED"
  | "PRIME_EXCEEDS_BLOOD_VOLUME"
  | "DO2I_LOW"
  | "NO_ARTERIAL_FILTER"
  | "UNVERIFIED_VALUES";

export interface PlanWarning {
  code: WarningCode;
  severity: "warning" | "info";
  /** One line: what is wrong. */
  message: string;
  /** Why it matters. */
  why: string;
  /** What to change. */
  change: string;
}

export function warn(
  code: WarningCode,
  message: string,
  why: string,
  change: string,
  severity: PlanWarning["severity"] = "warning",
): PlanWarning {
  return { code, severity, message, why, change };
}
