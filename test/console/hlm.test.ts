/**
 * The heart–lung machine console against the engine: every name a module binds exists in the engine
 * (signals, action types, numeric fields with ranges, enum fields), the tracker's derived states and
 * timers, and a session on the adult-cpb-cabg circuit operated by console actions only (no scenario
 * timeline): initiation, flows and pressures, arterial clamp → high-pressure alarm through the alarm manager.
 */
import { describe, expect, it } from "vitest";
import { AlarmManager, CIRCUIT_ALARM_SIGNAL, circuitAlarms } from "../../src/console/alarms.ts";
import { actionFieldRange, engineActionChoices, engineActionRange } from "../../src/console/fields.ts";
import { HlmTracker } from "../../src/console/hlm.ts";
import { GLUCOSE_SIGNAL, POTASSIUM_SIGNAL } from "../../src/console/labs.ts";
import { describeAction, SessionCore } from "../../src/console/session.ts";
import { ALARM_ARTERIAL_PRESSURE_HIGH, ALARMS } from "../../src/sim/circuit/alarms.ts";
import { ECMO_SIGNALS } from "../../src/sim/cpb/signals.ts";
import { ACTION_TYPES, CIRCUIT_SIGNALS, planCircuit, SIGNALS } from "../../src/sim/index.ts";
import { ALL_ECMO_MODULES } from "../../web/src/ecmo/modules.ts";
import { MODULES } from "../../web/src/hlm/modules.ts";

const MODES = { cpb: MODULES, ecmo: ALL_ECMO_MODULES };

import { SCENARIOS } from "../../web/src/scenarios.ts";

const cabg = SCENARIOS.find((s) => s.file === "adult-cpb-cabg")!;

describe("HLM modules bind to the engine by name", () => {
  const signalNames = new Set([...SIGNALS, ...CIRCUIT_SIGNALS, ...ECMO_SIGNALS].map((s) => s.name));
  const modules = [...MODULES, ...ALL_ECMO_MODULES];

  it("every readout signal is an engine signal (optional ones: signals an engine branch adds)", () => {
    const missing = modules.flatMap((m) =>
      m.readouts.filter((r) => r.signal && !r.optional && !signalNames.has(r.signal)).map((r) => r.signal),
    );
    expect(missing).toEqual([]);
    const optional = modules.flatMap((m) => m.readouts.filter((r) => r.optional).map((r) => r.signal));
    expect(optional.length).toBeGreaterThan(0);
    for (const s of optional) expect([POTASSIUM_SIGNAL, GLUCOSE_SIGNAL]).toContain(s);
    expect(signalNames.has(CIRCUIT_ALARM_SIGNAL)).toBe(true);
  });

  it("every readout has a signal or a derivation, and a unit unless dimensionless", () => {
    for (const m of modules)
      for (const r of m.readouts)
        expect(Boolean(r.signal) !== Boolean(r.derived), `${m.id}.${r.id}`).toBe(true);
    const withUnit = new Set(["pump-flow", "p-arterial", "level", "t-arterial", "svo2", "cp-flow"]);
    for (const m of modules) for (const r of m.readouts) if (withUnit.has(r.id)) expect(r.unit).not.toBe("");
  });

  it("every control's action type, numeric fields (with a range) and enum fields exist in the engine's schema", () => {
    for (const m of modules)
      for (const c of m.controls) {
        expect(ACTION_TYPES as readonly string[], c.action).toContain(c.action);
        for (const f of c.fields ?? [])
          expect(engineActionRange(c.action, f.field), `${c.action}.${f.field}`).not.toBeNull();
        for (const ch of c.choices ?? [])
          if (!ch.boolean)
            expect(
              engineActionChoices(c.action, ch.field)?.length ?? 0,
              `${c.action}.${ch.field}`,
            ).toBeGreaterThan(0);
      }
  });

  it("gives every readout and control a distinct test id within a mode", () => {
    for (const mode of ["cpb", "ecmo"] as const) {
      const ids = new Set<string>();
      for (const m of MODES[mode]) {
        for (const r of m.readouts) {
          expect(ids.has(`hlm-${r.id}`), `${mode}: hlm-${r.id}`).toBe(false);
          ids.add(`hlm-${r.id}`);
        }
        for (const c of m.controls) {
          expect(ids.has(`hlm-${c.id}`), `${mode}: hlm-${c.id}`).toBe(false);
          ids.add(`hlm-${c.id}`);
        }
      }
    }
  });

  it("reads the engine's enum choices: clamps, interlocks, faults", () => {
    expect(engineActionChoices("clamp.set", "clamp")).toEqual([
      "venousLine",
      "arterialLine",
      "returnLimb",
      "distalPerfusionLine",
    ]);
    expect(engineActionChoices("interlock.set", "interlock")).toEqual(["level", "bubble", "pressure"]);
    expect(engineActionChoices("fault.inject", "fault")).toContain("arterialLineKink");
    expect(engineActionChoices("cardioplegia.deliver", "route")).toEqual(["antegrade", "retrograde"]);
    expect(engineActionChoices("clamp.set", "occlusion")).toBeNull();
    expect(engineActionChoices("no.such", "x")).toBeNull();
  });

  it("partial venous occlusion is a 0–100 % field", () => {
    const c = MODULES.flatMap((m) => m.controls).find((x) => x.id === "clamp-venousLine")!;
    expect(c.extra).toEqual({ clamp: "venousLine" });
    expect(c.fields![0]!.scale).toBe(100);
    expect(engineActionRange("clamp.set", "occlusion")).toEqual({ min: 0, max: 1 });
  });

  it("narrows roller flow to stroke volume × maximum speed where that is below the schema's 10 L/min", () => {
    const plan = planCircuit(cabg.circuit);
    const c = MODULES.flatMap((m) => m.controls).find((x) => x.id === "set-flow")!;
    expect(plan.pump.kind).toBe("roller");
    // 1/2" boot: the pump could deliver 11.25 L/min; the schema's 10 L/min is the tighter bound here.
    expect(c.fields![0]!.max!(plan)).toBeCloseTo(11.25, 6);
    const small = { ...plan, pump: { ...plan.pump, params: { ...plan.pump.params, maxRpm: 100 } } };
    const smallMax = c.fields![0]!.max!(small as typeof plan)!;
    expect(smallMax).toBeCloseTo(11.25 * (100 / plan.pump.params.maxRpm), 6);
    expect(actionFieldRange("arterialPump.setFlow", "flowLPerMin", "L/min", { max: smallMax }).max).toBe(
      smallMax,
    );
    const s = new SessionCore({ patient: cabg.patient!, seed: 1, actions: [], circuit: cabg.circuit });
    expect(s.act({ type: "arterialPump.setFlow", flowLPerMin: 10.01 })).toBe(false);
    expect(s.act({ type: "arterialPump.setFlow", flowLPerMin: 10 })).toBe(true);
  });
});

describe("circuit actions in the event log", () => {
  it("reads like a perfusion record", () => {
    expect(describeAction({ t: 0, type: "clamp.set", clamp: "venousLine", occlusion: 0.3 })).toBe(
      "venous line clamp 30 % closed",
    );
    expect(describeAction({ t: 0, type: "arterialPump.setFlow", flowLPerMin: 4.5 })).toBe(
      "arterial pump 4.5 L/min",
    );
    expect(describeAction({ t: 0, type: "gas.set", fio2: 0.45, sweepGasFlowLPerMin: 2.6 })).toBe(
      "gas FiO₂ 45 % sweep 2.6 L/min",
    );
    expect(describeAction({ t: 0, type: "aorticCrossClamp.set", on: true })).toBe("aortic cross-clamp on");
    expect(describeAction({ t: 0, type: "vent.set", rateMlPerMin: 150 })).toBe("vent.set rateMlPerMin=150");
  });
});

describe("HlmTracker", () => {
  it("counts bypass while the pump flows with the venous line open, across two runs", () => {
    const h = new HlmTracker({ venousClamp: 1, arterialClamp: 1 });
    h.update(0, 0, 5);
    h.onAction({ t: 10, type: "clamp.set", clamp: "venousLine", occlusion: 0 }, 10);
    h.update(10, 0, 5);
    expect(h.timers().onBypass).toBe(false);
    h.update(12, 2, 3);
    expect(h.timers(20).bypassS).toBe(8);
    expect(h.timers(20).onBypass).toBe(true);
    // Partial occlusion while weaning is still bypass; full occlusion ends it.
    h.onAction({ t: 30, type: "clamp.set", clamp: "venousLine", occlusion: 0.7 }, 30);
    h.update(30, 2, 3);
    expect(h.timers().onBypass).toBe(true);
    h.onAction({ t: 40, type: "clamp.set", clamp: "venousLine", occlusion: 1 }, 40);
    h.update(40, 2, 3);
    expect(h.timers(50)).toMatchObject({ bypassS: 28, onBypass: false });
    h.onAction({ t: 60, type: "clamp.set", clamp: "venousLine", occlusion: 0 }, 60);
    h.update(60, 3, 0);
    expect(h.timers(70).bypassS).toBe(38);
    expect(h.clamps.venousLine).toBe(0);
  });

  it("times the cross-clamp, cardioplegia and circulatory arrest", () => {
    const h = new HlmTracker({ venousClamp: 0, arterialClamp: 0 });
    expect(h.timers(0)).toMatchObject({ crossClampS: null, sinceCardioplegiaS: null, arrestS: null });
    h.update(0, 4, 0);
    h.onAction({ t: 100, type: "aorticCrossClamp.set", on: true }, 100);
    h.onAction({ t: 100, type: "cardioplegia.deliver", volumeMl: 1000 }, 100);
    expect(h.timers(160)).toMatchObject({ crossClampS: 60, crossClampTotalS: 60, sinceCardioplegiaS: 60 });
    h.onAction({ t: 200, type: "aorticCrossClamp.set", on: false }, 200);
    expect(h.timers(250)).toMatchObject({ crossClampS: null, crossClampTotalS: 100 });
    // Pump stopped with no cardiac output after bypass: arrest; flow again ends it.
    h.update(300, 0, 0.02);
    h.update(330, 0, 0.02);
    expect(h.timers(330).arrestS).toBe(30);
    h.update(340, 1, 0);
    expect(h.timers(340).arrestS).toBeNull();
    expect(h.cardioplegiaDoses).toBe(1);
  });

  it("is not arrest before bypass, nor when the heart ejects", () => {
    const h = new HlmTracker({ venousClamp: 1, arterialClamp: 1 });
    h.update(0, 0, 0);
    expect(h.timers(10).arrestS).toBeNull();
    h.onAction({ t: 0, type: "clamp.set", clamp: "venousLine", occlusion: 0 }, 0);
    h.update(1, 4, 0);
    h.update(2, 0, 4.5);
    expect(h.timers(5).arrestS).toBeNull();
  });

  it("keeps the set state: interlocks, VAVD, suckers, vent", () => {
    const h = new HlmTracker({ venousClamp: 1, arterialClamp: 1 });
    h.onAction({ t: 0, type: "interlock.set", interlock: "level", enabled: false }, 0);
    h.onAction({ t: 0, type: "vavd.set", on: true, pressureMmHg: -30 }, 0);
    h.onAction({ t: 0, type: "suckers.set", rateMlPerMin: 200 }, 0);
    h.onAction({ t: 0, type: "vent.set", rateMlPerMin: 150 }, 0);
    expect(h.interlocks).toEqual({ level: false, bubble: true, pressure: true });
    expect([h.vavdOn, h.vavdSetMmHg, h.suckerMlPerMin, h.ventMlPerMin]).toEqual([true, -30, 200, 150]);
  });
});

describe("the shipped CPB scenarios in the console", () => {
  it.each(["adult-cpb-cabg", "neonate-cpb"])(
    "%s carries its circuit into the session and the modules' plan",
    (file) => {
      const sc = SCENARIOS.find((x) => x.file === file)!;
      expect(sc.error).toBeUndefined();
      expect(sc.circuit).toBeDefined();
      const plan = planCircuit(sc.circuit);
      expect([plan.venousClamp, plan.arterialClamp]).toEqual([1, 1]);
      const s = new SessionCore({
        patient: sc.patient!,
        seed: sc.seed,
        actions: sc.actions,
        circuit: sc.circuit,
      });
      s.advance(2, false);
      expect(s.read("circuit.venousReservoir.level")).toBeGreaterThan(0);
      expect(s.read(CIRCUIT_ALARM_SIGNAL)).toBe(0);
    },
  );
});

describe("a CPB session operated by console actions (adult-cpb-cabg circuit, no timeline)", () => {
  it("goes on bypass, flow and line pressures follow the pump, clamping the arterial line raises the alarm", () => {
    const setup = cabg.actions.filter((a) => a.t === 0);
    const s = new SessionCore({
      patient: cabg.patient!,
      seed: cabg.seed,
      actions: setup,
      circuit: cabg.circuit,
    });
    const alarms = new AlarmManager(circuitAlarms(ALARMS));
    const read = (n: string) => s.read(n);
    s.advance(5, false);
    // Stopped roller: only the occlusion slip (< 1 mL/min backward).
    expect(Math.abs(read("circuit.arterialPump.flow"))).toBeLessThan(0.001);
    const level0 = read("circuit.venousReservoir.level");
    for (const a of [
      { type: "drug.bolus", drug: "heparin", amount: 32000 },
      { type: "clamp.set", clamp: "arterialLine", occlusion: 0 },
      { type: "clamp.set", clamp: "venousLine", occlusion: 0 },
      { type: "arterialPump.setFlow", flowLPerMin: 2 },
    ])
      expect(s.act(a)).toBe(true);
    s.advance(30, false);
    const p2 = read("circuit.arterialLine.pressure");
    expect(read("circuit.arterialPump.flow")).toBeCloseTo(2, 1);
    expect(s.act({ type: "arterialPump.setFlow", flowLPerMin: 4.5 })).toBe(true);
    s.advance(60, false);
    const flow = read("circuit.arterialPump.flow");
    const p45 = read("circuit.arterialLine.pressure");
    // Roller: delivered flow = set flow minus the occlusion slip (a few %).
    expect(flow).toBeGreaterThan(4.3);
    expect(flow).toBeLessThan(4.6);
    expect(p2).toBeGreaterThan(0);
    expect(p45).toBeGreaterThan(p2 + 20);
    expect(p45).toBeLessThan(250);
    // Drainage filled the reservoir with the patient's heart–lung blood.
    expect(read("circuit.venousReservoir.level")).toBeGreaterThan(level0 + 200);
    expect(read("circuit.venousLine.pressure")).toBeLessThan(read("patient.cvp") + 5);
    expect(read("circuit.bypassFraction")).toBeGreaterThan(0.8);
    alarms.evaluate(s.timeS, read);
    expect(alarms.active()).toEqual([]);
    // Clamp the arterial line: the high-pressure alarm (bit 4) within 2 s, through the alarm manager.
    expect(s.act({ type: "clamp.set", clamp: "arterialLine", occlusion: 1 })).toBe(true);
    const t0 = s.timeS;
    while (s.timeS < t0 + 2 && !alarms.active().some((a) => a.id === "circuit-arterialPressureHigh")) {
      s.advance(0.1, false);
      alarms.evaluate(s.timeS, read);
    }
    expect(s.timeS - t0).toBeLessThanOrEqual(2);
    expect(read(CIRCUIT_ALARM_SIGNAL) & ALARM_ARTERIAL_PRESSURE_HIGH.bit).toBe(
      ALARM_ARTERIAL_PRESSURE_HIGH.bit,
    );
    const a = alarms.active().find((x) => x.id === "circuit-arterialPressureHigh")!;
    expect(a.priority).toBe("high");
    expect(a.label).toBe("Arterial line pressure high");
  });
});
