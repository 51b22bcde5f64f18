/**
 * Alarm table shared by the interlocks and the console: numeric ids, bits, names, priorities. Priorities follow
 * the three levels of IEC 60601-1-8 (high / medium / low); the assignment per alarm is ours (documented in
 * docs/models/circuit.md): anything that can deliver air or stop oxygen delivery is high.
 */
export type AlarmPriority = "high" | "medium" | "low";

export interface AlarmDef {
  /** Stable numeric id (1–31). */
  readonly id: number;
  /** Bit in the alarm word: 1 << (id − 1). */
  readonly bit: number;
  readonly key: string;
  readonly name: string;
  readonly priority: AlarmPriority;
}

function def(id: number, key: string, name: string, priority: AlarmPriority): AlarmDef {
  return { id, bit: 2 ** (id - 1), key, name, priority };
}

export const ALARM_LEVEL_LOW = def(1, "levelLow", "Reservoir level low", "medium");
export const ALARM_LEVEL_STOP = def(
  2,
  "levelStop",
  "Reservoir level critical: arterial pump stopped",
  "high",
);
export const ALARM_BUBBLE = def(3, "bubble", "Air detected in the arterial line", "high");
export const ALARM_ARTERIAL_PRESSURE_HIGH = def(
  4,
  "arterialPressureHigh",
  "Arterial line pressure high",
  "high",
);
export const ALARM_OXYGENATOR_DELTA_P_HIGH = def(
  5,
  "oxygenatorDeltaPHigh",
  "Oxygenator pressure drop high",
  "medium",
);
export const ALARM_VENOUS_PRESSURE_LOW = def(
  6,
  "venousPressureLow",
  "Venous line pressure low (excess suction)",
  "medium",
);
export const ALARM_GAS_SUPPLY_LOW = def(7, "gasSupplyLow", "Sweep gas low or gas supply lost", "high");
export const ALARM_TEMPERATURE_HIGH = def(8, "temperatureHigh", "Arterial blood temperature high", "medium");
export const ALARM_TEMPERATURE_LOW = def(9, "temperatureLow", "Arterial blood temperature low", "low");
export const ALARM_PRESSURE_SERVO = def(10, "pressureServo", "Arterial pump slowed by pressure servo", "low");

/** Every alarm, ordered by id. */
export const ALARMS: readonly AlarmDef[] = [
  ALARM_LEVEL_LOW,
  ALARM_LEVEL_STOP,
  ALARM_BUBBLE,
  ALARM_ARTERIAL_PRESSURE_HIGH,
  ALARM_OXYGENATOR_DELTA_P_HIGH,
  ALARM_VENOUS_PRESSURE_LOW,
  ALARM_GAS_SUPPLY_LOW,
  ALARM_TEMPERATURE_HIGH,
  ALARM_TEMPERATURE_LOW,
  ALARM_PRESSURE_SERVO,
];

const RANK: Record<AlarmPriority, number> = { high: 3, medium: 2, low: 1 };

/** Alarms active in an alarm word, highest priority first, then by id. (Allocates: for the UI, not the loop.) */
export function activeAlarms(word: number): AlarmDef[] {
  return ALARMS.filter((a) => (word & a.bit) !== 0).sort(
    (x, y) => RANK[y.priority] - RANK[x.priority] || x.id - y.id,
  );
}

/** Highest priority present in an alarm word (3 high, 2 medium, 1 low, 0 none). No allocation. */
export function highestPriority(word: number): number {
  let best = 0;
  for (let i = 0; i < ALARMS.length; i++) {
    const a = ALARMS[i]!;
    if ((word & a.bit) !== 0 && RANK[a.priority] > best) best = RANK[a.priority];
  }
  return best;
}
