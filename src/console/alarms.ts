/**
 * The console's alarm manager: limit alarms on signals with priority, latching, acknowledge, audio
 * silence for a set time, and a chronological log. Pure (no clock, no DOM): the caller passes the
 * simulated time, so the same behaviour runs in Node tests and in the browser.
 *
 * Behaviour follows the alarm-system vocabulary of IEC 60601-1-8 (medical electrical equipment, alarm
 * systems): three priorities (high = immediate response, medium = prompt, low = awareness), colours
 * red / yellow / cyan, a latching alarm stays shown after its condition ends until acknowledged, and
 * "audio paused" silences the sound for a limited time while the visual indication continues.
 * A new high-priority condition ends an audio pause (so a silence cannot hide a new emergency).
 */

export type AlarmPriority = "high" | "medium" | "low";
export const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 3, medium: 2, low: 1 };

export interface AlarmDef {
  id: string;
  /** Shown text, e.g. "MAP low". */
  label: string;
  priority: AlarmPriority;
  /** Signal name (e.g. `patient.map`). */
  signal: string;
  /** Alarm when the value is below `low` or above `high` (either may be absent). */
  low?: number;
  high?: number;
  /** Instead of limits: alarm while this bit is set in the signal (an alarm word, e.g. the circuit's). */
  bit?: number;
  /**
   * Armed only while this signal is above `above` (e.g. a low-flow alarm while the pump is commanded to turn):
   * disarmed, the condition counts as false.
   */
  armed?: { signal: string; above: number };
  /** Condition must persist this long (s) before the alarm starts (filters single-beat artefacts). */
  delayS?: number;
  /** Latching alarms stay shown after the condition ends until acknowledged. */
  latching?: boolean;
  /** Not raised while this other alarm (by id, listed earlier) is shown, e.g. "HR low" under "no pulse". */
  suppressedBy?: string;
  /** Multiplier from the internal value to the shown one (e.g. 100 for fractions shown as %). */
  displayScale?: number;
  unit?: string;
}

export type AlarmStatus = "active" | "latched";

export interface AlarmState {
  id: string;
  label: string;
  priority: AlarmPriority;
  status: AlarmStatus;
  acknowledged: boolean;
  /** Simulated time the alarm started (s). */
  sinceS: number;
  /** Last value that triggered or was seen while active (display units). */
  value: number;
  message: string;
}

export type AlarmLogKind = "start" | "end" | "acknowledge" | "silence" | "silence-end" | "limits";

export interface AlarmLogEntry {
  tS: number;
  kind: AlarmLogKind;
  id?: string;
  priority?: AlarmPriority;
  text: string;
}

interface Track {
  def: AlarmDef;
  /** Time the condition was first seen in its current run, or NaN when the condition is false. */
  conditionSinceS: number;
  state: AlarmState | null;
}

export class AlarmManager {
  private readonly tracks: Track[];
  readonly log: AlarmLogEntry[] = [];
  /** End of the current audio pause (s), or -Infinity. */
  private silencedUntilS = Number.NEGATIVE_INFINITY;
  private lastTimeS = 0;

  constructor(defs: readonly AlarmDef[]) {
    this.tracks = defs.map((def) => ({ def, conditionSinceS: Number.NaN, state: null }));
  }

  get defs(): AlarmDef[] {
    return this.tracks.map((t) => t.def);
  }

  /** Changes one alarm's limits (logged). */
  setLimits(id: string, low: number | undefined, high: number | undefined, timeS: number): void {
    const t = this.tracks.find((x) => x.def.id === id);
    if (!t) return;
    t.def = { ...t.def, low, high };
    this.log.push({ tS: timeS, kind: "limits", id, text: `${t.def.label} limits ${fmtLimits(t.def)}` });
  }

  /**
   * Checks every alarm against the current values. `read(signal)` returns the internal value or NaN
   * when the signal does not exist (such an alarm never fires).
   */
  evaluate(timeS: number, read: (signal: string) => number): void {
    this.lastTimeS = timeS;
    if (this.silencedUntilS > Number.NEGATIVE_INFINITY && timeS >= this.silencedUntilS) {
      this.silencedUntilS = Number.NEGATIVE_INFINITY;
      this.log.push({ tS: timeS, kind: "silence-end", text: "Audio pause ended" });
    }
    for (const t of this.tracks) {
      const def = t.def;
      const raw = read(def.signal);
      const shown = raw * (def.displayScale ?? 1);
      const lowHit = def.low !== undefined && shown < def.low;
      const highHit = def.high !== undefined && shown > def.high;
      const bitHit = def.bit !== undefined && (raw & def.bit) !== 0;
      const suppressed =
        def.suppressedBy !== undefined &&
        this.tracks.some((o) => o.def.id === def.suppressedBy && o.state !== null);
      const disarmed = def.armed !== undefined && !(read(def.armed.signal) > def.armed.above);
      const condition = Number.isFinite(raw) && (lowHit || highHit || bitHit) && !suppressed && !disarmed;
      if (condition) {
        if (Number.isNaN(t.conditionSinceS)) t.conditionSinceS = timeS;
        const due = timeS - t.conditionSinceS >= (def.delayS ?? 0);
        const message =
          def.bit !== undefined
            ? def.label
            : `${def.label}: ${fmtValue(shown)}${def.unit ? ` ${def.unit}` : ""} (limits ${fmtLimits(def)})`;
        if (t.state === null || (t.state.status === "latched" && due)) {
          if (due) this.start(t, timeS, shown, message);
        } else if (t.state.status === "active") {
          t.state.value = shown;
          t.state.message = message;
        }
      } else {
        t.conditionSinceS = Number.NaN;
        if (t.state?.status === "active") {
          if (def.latching && !t.state.acknowledged) {
            t.state.status = "latched";
          } else {
            t.state = null;
          }
          this.log.push({
            tS: timeS,
            kind: "end",
            id: def.id,
            priority: def.priority,
            text: `${def.label} condition ended${def.latching ? " (latched until acknowledged)" : ""}`,
          });
        }
      }
    }
  }

  private start(t: Track, timeS: number, value: number, message: string): void {
    const def = t.def;
    const restarted = t.state !== null;
    t.state = {
      id: def.id,
      label: def.label,
      priority: def.priority,
      status: "active",
      acknowledged: false,
      sinceS: restarted ? t.state!.sinceS : timeS,
      value,
      message,
    };
    if (def.priority === "high" && this.silencedUntilS > timeS) {
      this.silencedUntilS = Number.NEGATIVE_INFINITY;
      this.log.push({ tS: timeS, kind: "silence-end", text: "Audio pause ended by a high-priority alarm" });
    }
    this.log.push({ tS: timeS, kind: "start", id: def.id, priority: def.priority, text: message });
  }

  /** Acknowledges one alarm (by id) or all: stops its sound; a latched alarm whose condition ended clears. */
  acknowledge(timeS: number, id?: string): number {
    let n = 0;
    for (const t of this.tracks) {
      const s = t.state;
      if (!s || (id !== undefined && s.id !== id) || s.acknowledged) continue;
      n++;
      this.log.push({
        tS: timeS,
        kind: "acknowledge",
        id: s.id,
        priority: s.priority,
        text: `${s.label} acknowledged`,
      });
      if (s.status === "latched") t.state = null;
      else s.acknowledged = true;
    }
    return n;
  }

  /** Pauses all alarm sound for `durationS` (visual indication continues). */
  silence(timeS: number, durationS: number): void {
    this.silencedUntilS = timeS + durationS;
    this.log.push({ tS: timeS, kind: "silence", text: `Audio paused for ${fmtValue(durationS)} s` });
  }

  /** Seconds of audio pause left at `timeS` (0 when not silenced). */
  silenceRemainingS(timeS = this.lastTimeS): number {
    return Math.max(0, this.silencedUntilS - timeS);
  }

  /** Shown alarms, highest priority first, then oldest first. */
  active(): AlarmState[] {
    const list: AlarmState[] = [];
    for (const t of this.tracks) if (t.state) list.push(t.state);
    list.sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.sinceS - b.sinceS);
    return list;
  }

  /** The priority whose sound should play now: the highest unacknowledged alarm, unless paused. */
  audible(timeS = this.lastTimeS): AlarmPriority | null {
    if (this.silencedUntilS > timeS) return null;
    let best: AlarmPriority | null = null;
    for (const t of this.tracks) {
      const s = t.state;
      if (!s || s.acknowledged) continue;
      if (best === null || PRIORITY_RANK[s.priority] > PRIORITY_RANK[best]) best = s.priority;
    }
    return best;
  }
}

function fmtValue(v: number): string {
  return Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(1);
}

function fmtLimits(def: AlarmDef): string {
  const lo = def.low === undefined ? "" : `< ${def.low}`;
  const hi = def.high === undefined ? "" : `> ${def.high}`;
  return [lo, hi].filter((s) => s !== "").join(" or ");
}

/** Ranges within which a user may set each signal's alarm limit (shown units). */
export const LIMIT_RANGES: Record<string, { min: number; max: number; unit: string }> = {
  "patient.hr": { min: 0, max: 300, unit: "/min" },
  "patient.map": { min: 10, max: 250, unit: "mmHg" },
  "patient.sao2": { min: 50, max: 100, unit: "%" },
  "patient.cvp": { min: 0, max: 40, unit: "mmHg" },
  "patient.tempCore": { min: 15, max: 42, unit: "°C" },
  "patient.etco2": { min: 10, max: 120, unit: "mmHg" },
  // ECMO (src/console/ecmo.ts)
  "ecmo.inletPressure": { min: -500, max: 0, unit: "mmHg" },
  "ecmo.flow": { min: -2, max: 10, unit: "L/min" },
  "ecmo.deltaP": { min: 5, max: 300, unit: "mmHg" },
  "ecmo.postSo2": { min: 50, max: 100, unit: "%" },
  "patient.sao2RightRadial": { min: 50, max: 100, unit: "%" },
  "patient.sao2Femoral": { min: 50, max: 100, unit: "%" },
};

/**
 * The extracorporeal circuit's alarms (src/sim/circuit/alarms.ts: id, bit, name, IEC priority) read from
 * its alarm word, the engine's signal `circuit.alarmBits` (bit id − 1 per alarm; `circuit.alarms` is the count).
 */
export const CIRCUIT_ALARM_SIGNAL = "circuit.alarmBits";

export function circuitAlarms(
  table: readonly { key: string; bit: number; name: string; priority: AlarmPriority }[],
): AlarmDef[] {
  return table.map((a) => ({
    id: `circuit-${a.key}`,
    label: a.name,
    priority: a.priority,
    signal: CIRCUIT_ALARM_SIGNAL,
    bit: a.bit,
    // Air, level stop and pressure alarms matter even if they clear by themselves: latch the high ones.
    latching: a.priority === "high",
  }));
}

/** Audio pause lengths a user may choose (s); IEC 60601-1-8 leaves the duration to the manufacturer. */
export const SILENCE_RANGE = { min: 30, max: 300, unit: "s" } as const;

/**
 * Default patient-monitor alarm limits by age band. The bands follow common teaching values for
 * normal vital signs (PALS / Fleming et al., Lancet 2011;377:1011, centiles of HR by age); they are
 * settings, not clinical recommendations, and the console lets the user change them.
 */
export function defaultAlarms(ageYears: number): AlarmDef[] {
  const neonate = ageYears < 1 / 12;
  const infant = ageYears < 1;
  const child = ageYears < 12;
  const hr = neonate ? [90, 190] : infant ? [80, 180] : child ? [60, 150] : [40, 140];
  const map = neonate ? [30, 70] : infant ? [40, 85] : child ? [45, 100] : [50, 110];
  return [
    {
      id: "no-pulse",
      label: "No pulse (HR 0)",
      priority: "high",
      signal: "patient.hr",
      low: 1,
      delayS: 4,
      latching: true,
      unit: "/min",
    },
    {
      id: "map-low",
      label: "MAP low",
      priority: "high",
      signal: "patient.map",
      low: map[0],
      delayS: 5,
      latching: true,
      unit: "mmHg",
      suppressedBy: "no-pulse",
    },
    {
      id: "map-high",
      label: "MAP high",
      priority: "medium",
      signal: "patient.map",
      high: map[1],
      delayS: 5,
      unit: "mmHg",
    },
    {
      id: "hr-low",
      label: "HR low",
      priority: "medium",
      signal: "patient.hr",
      low: hr[0],
      delayS: 5,
      unit: "/min",
      suppressedBy: "no-pulse",
    },
    {
      id: "hr-high",
      label: "HR high",
      priority: "medium",
      signal: "patient.hr",
      high: hr[1],
      delayS: 5,
      unit: "/min",
    },
    {
      id: "spo2-low",
      label: "SpO₂ low",
      priority: "high",
      signal: "patient.sao2",
      low: 90,
      delayS: 10,
      displayScale: 100,
      unit: "%",
    },
    {
      id: "cvp-high",
      label: "CVP high",
      priority: "low",
      signal: "patient.cvp",
      high: 18,
      delayS: 10,
      unit: "mmHg",
    },
    {
      id: "temp-low",
      label: "Core temperature low",
      priority: "low",
      signal: "patient.tempCore",
      low: 35,
      delayS: 10,
      unit: "°C",
    },
    {
      id: "temp-high",
      label: "Core temperature high",
      priority: "medium",
      signal: "patient.tempCore",
      high: 38.5,
      delayS: 10,
      unit: "°C",
    },
    {
      id: "etco2-high",
      label: "EtCO₂ high",
      priority: "low",
      signal: "patient.etco2",
      high: 55,
      delayS: 15,
      unit: "mmHg",
    },
  ];
}
