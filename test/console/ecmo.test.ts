/**
 * The ECMO console's logic against the engine: configuration from the circuit (VA/VV), the ECMO alarm set (names
 * bound to the engine's ECMO signals, reservoir alarms left out), the knob step, and sessions on the shipped
 * adult-va-ecmo / adult-vv-ecmo circuits operated by console actions only (the scenario's t = 0 setup): flow,
 * inlet pressure and ΔP follow the pump speed; a drainage-line kink and a drainage clamp raise the inlet-pressure
 * alarms through the alarm manager; a stopped pump on VA with the return line open flows backwards.
 */
import { describe, expect, it } from "vitest";
import { AlarmManager, LIMIT_RANGES } from "../../src/console/alarms.ts";
import {
  consoleAlarms,
  ECMO_EXCLUDED_CIRCUIT_ALARMS,
  ecmoAlarms,
  ecmoConfiguration,
  ecmoLowFlowLPerMin,
  RPM_STEP,
  stepRpm,
} from "../../src/console/ecmo.ts";
import { HlmTracker } from "../../src/console/hlm.ts";
import { describeAction, SessionCore } from "../../src/console/session.ts";
import { ALARMS } from "../../src/sim/circuit/alarms.ts";
import { ECMO_SIGNALS } from "../../src/sim/cpb/signals.ts";
import type { Action } from "../../src/sim/index.ts";
import { CIRCUIT_SIGNALS, planCircuit, SIGNALS } from "../../src/sim/index.ts";
import { SCENARIOS } from "../../web/src/scenarios.ts";

const scenario = (file: string) => SCENARIOS.find((s) => s.file === file)!;

/** A session on a scenario's circuit with only its t = 0 setup (the user operates the rest). */
function session(file: string) {
  const s = scenario(file);
  const core = new SessionCore({
    patient: s.patient!,
    seed: 1,
    actions: s.actions.filter((a) => a.t === 0),
    circuit: s.circuit,
  });
  const alarms = new AlarmManager(
    consoleAlarms(s.patient!.ageYears, ecmoConfiguration(planCircuit(s.circuit)), ALARMS),
  );
  const act = (a: Record<string, unknown>) => expect(core.act(a as Omit<Action, "t">)).toBe(true);
  const run = (seconds: number) => {
    for (let i = 0; i < seconds * 4; i++) {
      core.advance(0.25, false);
      alarms.evaluate(core.timeS, (n) => core.read(n));
    }
  };
  const ids = () => alarms.active().map((a) => a.id);
  return { core, alarms, act, run, ids, r: (n: string) => core.read(n) };
}

describe("ECMO configuration and alarm set", () => {
  it("tells VA from VV by where the return cannula sits; CPB is not ECMO", () => {
    expect(ecmoConfiguration(planCircuit(scenario("adult-va-ecmo").circuit))).toBe("VA");
    expect(ecmoConfiguration(planCircuit(scenario("adult-vv-ecmo").circuit))).toBe("VV");
    expect(ecmoConfiguration(planCircuit(scenario("adult-cpb-cabg").circuit))).toBeNull();
    expect(ecmoConfiguration(null)).toBeNull();
  });

  it("binds every ECMO alarm to an engine signal, with a settable limit range", () => {
    const names = new Set([...SIGNALS, ...CIRCUIT_SIGNALS, ...ECMO_SIGNALS].map((s) => s.name));
    for (const a of ecmoAlarms(50)) {
      expect(names.has(a.signal), a.signal).toBe(true);
      if (a.armed) expect(names.has(a.armed.signal), a.armed.signal).toBe(true);
      const range = LIMIT_RANGES[a.signal]!;
      expect(range, a.signal).toBeDefined();
      const limit = a.low ?? a.high!;
      expect(limit).toBeGreaterThanOrEqual(range.min);
      expect(limit).toBeLessThanOrEqual(range.max);
    }
    const prios = Object.fromEntries(ecmoAlarms(50).map((a) => [a.id, a.priority]));
    expect(prios).toMatchObject({
      "ecmo-suction": "high",
      "ecmo-inlet-low": "medium",
      "ecmo-backflow": "high",
      "ecmo-flow-low": "medium",
      "ecmo-deltap-high": "medium",
      "spo2-rr-low": "high",
    });
  });

  it("on ECMO leaves out the reservoir and CPB-threshold circuit alarms and the single SpO₂ alarm", () => {
    const ecmo = consoleAlarms(50, "VA", ALARMS).map((a) => a.id);
    const cpb = consoleAlarms(50, null, ALARMS).map((a) => a.id);
    for (const key of ECMO_EXCLUDED_CIRCUIT_ALARMS) {
      expect(
        ALARMS.some((a) => a.key === key),
        key,
      ).toBe(true);
      expect(ecmo).not.toContain(`circuit-${key}`);
      expect(cpb).toContain(`circuit-${key}`);
    }
    expect(ecmo).toContain("circuit-bubble");
    expect(ecmo).toContain("circuit-gasSupplyLow");
    expect(ecmo).not.toContain("spo2-low");
    expect(cpb).toContain("spo2-low");
    expect(cpb).not.toContain("ecmo-suction");
    expect(new Set(ecmo).size).toBe(ecmo.length);
  });

  it("low-flow limit by age band", () => {
    expect(ecmoLowFlowLPerMin(0.01)).toBe(0.2);
    expect(ecmoLowFlowLPerMin(0.5)).toBe(0.3);
    expect(ecmoLowFlowLPerMin(6)).toBe(0.6);
    expect(ecmoLowFlowLPerMin(40)).toBe(1.5);
  });

  it("steps the pump speed by 100 rpm within 0 and the pump's maximum", () => {
    expect(RPM_STEP).toBe(100);
    expect(stepRpm(3800, RPM_STEP, 4500)).toBe(3900);
    expect(stepRpm(3850, -RPM_STEP, 4500)).toBe(3800);
    expect(stepRpm(4450, RPM_STEP, 4500)).toBe(4500);
    expect(stepRpm(50, -RPM_STEP, 4500)).toBe(0);
    expect(stepRpm(Number.NaN, RPM_STEP, 4500)).toBe(100);
  });
});

describe("ECMO actions in the event log", () => {
  it("read in ECMO words on a closed circuit", () => {
    const o = { ecmo: true };
    expect(describeAction({ t: 0, type: "arterialPump.setRpm", rpm: 3800 }, o)).toBe("ECMO pump 3800 rpm");
    expect(describeAction({ t: 0, type: "arterialPump.setFlow", flowLPerMin: 4 }, o)).toBe(
      "ECMO pump flow held at 4 L/min",
    );
    expect(describeAction({ t: 0, type: "clamp.set", clamp: "venousLine", occlusion: 1 }, o)).toBe(
      "drainage line clamp 100 % closed",
    );
    expect(describeAction({ t: 0, type: "clamp.set", clamp: "arterialLine", occlusion: 0 }, o)).toBe(
      "return line clamp 0 % closed",
    );
    expect(describeAction({ t: 0, type: "gas.set", fio2: 1, sweepGasFlowLPerMin: 3 }, o)).toBe(
      "gas FdO₂ 100 % sweep 3 L/min",
    );
    expect(describeAction({ t: 0, type: "fault.inject", fault: "venousLineKink", severity: 0.8 })).toBe(
      "fault: venousLineKink 80 %",
    );
    // A session on a closed circuit uses them; on CPB the heart–lung machine's words stay.
    const va = session("adult-va-ecmo");
    va.act({ type: "arterialPump.setRpm", rpm: 1000 });
    expect(va.core.takeFrame().events.at(-1)?.text).toBe("ECMO pump 1000 rpm");
    expect(describeAction({ t: 0, type: "arterialPump.setRpm", rpm: 1000 })).toBe("arterial pump 1000 rpm");
  });
});

describe("ECMO sessions operated from the console", () => {
  it("VA: flow, inlet pressure and ΔP follow the speed; a drainage kink and a drainage clamp raise the inlet alarms", () => {
    const { act, run, ids, alarms, r, core } = session("adult-va-ecmo");
    run(5);
    // Pump stopped: the flow-low alarm is disarmed (rpm 0), nothing else alarms.
    expect(r("ecmo.rpm")).toBe(0);
    expect(ids()).not.toContain("ecmo-flow-low");
    act({ type: "drug.bolus", drug: "heparin", amount: 8000 });
    act({ type: "gas.set", fio2: 1, sweepGasFlowLPerMin: 3 });
    act({ type: "arterialPump.setRpm", rpm: 2000 });
    act({ type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
    run(20);
    const low = { q: r("ecmo.flow"), pin: r("ecmo.inletPressure"), dp: r("ecmo.deltaP") };
    act({ type: "arterialPump.setRpm", rpm: 3800 });
    run(20);
    const high = { q: r("ecmo.flow"), pin: r("ecmo.inletPressure"), dp: r("ecmo.deltaP") };
    // Measured (seed 1): 2000 rpm 0.41 L/min, inlet +4 mmHg, ΔP 8; 3800 rpm 3.03 L/min, −61 mmHg, ΔP 47.
    expect(high.q).toBeGreaterThan(low.q + 2);
    expect(high.pin).toBeLessThan(low.pin - 40);
    expect(high.dp).toBeGreaterThan(low.dp + 20);
    expect(ids().filter((i) => i.startsWith("ecmo-"))).toEqual([]);
    // Differential hypoxaemia: the circuit's blood reaches the femoral artery first.
    expect(r("patient.sao2Femoral")).toBeGreaterThan(r("patient.sao2RightRadial"));

    // Drainage-line kink (instructor fault, 80 %): inlet ≈ −214 mmHg, flow ≈ 1.3 L/min.
    act({ type: "fault.inject", fault: "venousLineKink", severity: 0.8 });
    run(10);
    expect(r("ecmo.inletPressure")).toBeLessThan(-150);
    expect(r("ecmo.inletPressure")).toBeGreaterThan(-250);
    expect(ids()).toContain("ecmo-inlet-low");
    expect(ids()).toContain("ecmo-flow-low");
    expect(ids()).not.toContain("ecmo-suction");
    expect(alarms.active().find((a) => a.id === "ecmo-inlet-low")?.priority).toBe("medium");
    // This patient's own lungs shunt half the blood: the arch (right radial) stays desaturated on VA.
    expect(ids()).toContain("spo2-rr-low");
    // The CPB venous-pressure alarm of the circuit word is set, but not shown on ECMO.
    expect(r("circuit.alarmBits") & 32).toBe(32);
    expect(ids()).not.toContain("circuit-venousPressureLow");
    alarms.acknowledge(core.timeS);
    expect(alarms.audible()).toBeNull();

    // Drainage line clamped: suction (high, latching) replaces the medium inlet alarm.
    act({ type: "clamp.set", clamp: "venousLine", occlusion: 1 });
    run(5);
    expect(r("ecmo.inletPressure")).toBeLessThan(-250);
    const suction = alarms.active().find((a) => a.id === "ecmo-suction");
    expect(suction?.priority).toBe("high");
    expect(suction?.acknowledged).toBe(false);
    expect(ids()).not.toContain("ecmo-inlet-low");
    expect(alarms.audible()).toBe("high");
    act({ type: "clamp.set", clamp: "venousLine", occlusion: 0 });
    act({ type: "fault.clear", fault: "venousLineKink" });
    run(15);
    // Condition over, not acknowledged: the suction alarm stays latched until acknowledged.
    expect(alarms.active().find((a) => a.id === "ecmo-suction")?.status).toBe("latched");
    alarms.acknowledge(core.timeS);
    expect(ids()).not.toContain("ecmo-suction");
    expect(ids()).not.toContain("ecmo-flow-low");
    expect(r("ecmo.flow")).toBeGreaterThan(2.8);
  });

  it("VA: a stopped pump with the return line open flows backwards and raises the retrograde-flow alarm", () => {
    const { act, run, ids, r } = session("adult-va-ecmo");
    run(5);
    act({ type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
    run(10);
    expect(r("ecmo.flow")).toBeLessThan(-0.1);
    expect(ids()).toContain("ecmo-backflow");
    expect(ids()).not.toContain("ecmo-flow-low");
  });

  it("VV: recirculation is reported and rises with pump flow; no inlet alarm at the scenario's 4500 rpm", () => {
    const { act, run, ids, r } = session("adult-vv-ecmo");
    act({ type: "drug.bolus", drug: "heparin", amount: 8000 });
    act({ type: "gas.set", fio2: 1, sweepGasFlowLPerMin: 4 });
    act({ type: "arterialPump.setRpm", rpm: 2000 });
    run(30);
    const r2000 = r("ecmo.recirculationFraction");
    act({ type: "arterialPump.setRpm", rpm: 4500 });
    run(30);
    // Measured (seed 1): R 0.11 at 1.6 L/min, 0.24 at 4.5 L/min; inlet −126 mmHg.
    expect(r("ecmo.flow")).toBeGreaterThan(4);
    expect(r("ecmo.recirculationFraction")).toBeGreaterThan(r2000);
    expect(r("ecmo.inletPressure")).toBeGreaterThan(-150);
    expect(ids().filter((i) => i.startsWith("ecmo-"))).toEqual([]);
    expect(r("ecmo.postSo2")).toBeGreaterThan(0.95);
  });
});

describe("pump held: set to turn, not turning", () => {
  it("the tracker follows the pump commands; held only while commanded and the engine's speed is zero", () => {
    const h = new HlmTracker({ venousClamp: 1, arterialClamp: 1 });
    expect(h.pumpHeld(0)).toBe(false);
    h.onAction({ t: 1, type: "arterialPump.setRpm", rpm: 3000 }, 1);
    expect(h.pumpHeld(3000)).toBe(false);
    expect(h.pumpHeld(0)).toBe(true);
    expect(h.pumpHeld(Number.NaN)).toBe(false);
    h.onAction({ t: 2, type: "arterialPump.stop" }, 2);
    expect(h.pumpHeld(0)).toBe(false);
    h.onAction({ t: 3, type: "arterialPump.setFlow", flowLPerMin: 2 }, 3);
    expect(h.pumpHeld(0)).toBe(true);
    h.onAction({ t: 4, type: "arterialPump.setFlow", flowLPerMin: 0 }, 4);
    expect(h.pumpHeld(0)).toBe(false);
  });

  it("on the VA circuit a pump failure (instructor fault) shows as held", () => {
    const { act, run, r, core } = session("adult-va-ecmo");
    const h = new HlmTracker({ venousClamp: 0, arterialClamp: 1 });
    const feed = () => {
      for (const e of core.takeFrame().events) if (e.action) h.onAction(e.action, e.tS);
    };
    act({ type: "arterialPump.setRpm", rpm: 3000 });
    act({ type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
    run(5);
    feed();
    expect(h.pumpHeld(r("circuit.arterialPump.rpm"))).toBe(false);
    act({ type: "fault.inject", fault: "pumpFailure", severity: 1 });
    run(5);
    feed();
    expect(r("circuit.arterialPump.rpm")).toBeLessThan(1);
    expect(h.pumpHeld(r("circuit.arterialPump.rpm"))).toBe(true);
  });
});
