/**
 * Cardiopulmonary bypass validation: the adult circuit (src/sim/circuit/fixtures/adult-cpb.json: FX25, 1/2" venous,
 * 3/8" arterial, roller pump) on the 80 kg adult-male preset with Hct 0.30, taken onto full bypass at
 * 2.4 L/min/m² under anaesthesia (VO2 × 0.75), heparin 300 U/kg; seed 1. Each row names its reference.
 */
import { dilutionHct } from "../calc/haemodilution.ts";
import adultCircuit from "../sim/circuit/fixtures/adult-cpb.json" with { type: "json" };
import { createSimulation, type PatientSpec, patientFromPreset, type Simulation } from "../sim/index.ts";
import { VO2_Q10 } from "../sim/patient/chemistry.ts";
import { meanOver, measurement, reader } from "./measure.ts";
import type { Experiment, Measurements } from "./types.ts";

const PATIENT: PatientSpec = { ...patientFromPreset("adult-male"), hct: 0.3 };
/** BSA of the preset (Mosteller: √(180·80/3600) = 2.0 m²) × 2.4 L/min/m². */
const FULL_FLOW = 2.4 * 2.0;

/** Settled patient with the circuit primed; returns the simulation after `settleS` on full bypass. */
function onBypass(settleS: number, fio2 = 0.45, sweepRatio = 0.55): Simulation {
  const sim = createSimulation({ patient: PATIENT, seed: 1, circuit: adultCircuit });
  sim.advance(20);
  const t = sim.timeS;
  sim.schedule({ t, type: "drug.bolus", drug: "heparin", amount: 300 * PATIENT.weightKg });
  sim.schedule({ t, type: "patient.set", metabolicRateFactor: 0.75 });
  sim.schedule({ t, type: "gas.set", fio2, sweepGasFlowLPerMin: sweepRatio * FULL_FLOW });
  sim.schedule({ t, type: "heaterCooler.set", waterTempC: 37 });
  sim.schedule({ t: t + 1, type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
  sim.schedule({ t: t + 1, type: "clamp.set", clamp: "venousLine", occlusion: 0 });
  for (let k = 1; k <= 6; k++) {
    sim.schedule({ t: t + 1 + 10 * k, type: "arterialPump.setFlow", flowLPerMin: (FULL_FLOW * k) / 6 });
  }
  sim.schedule({ t: t + 90, type: "ventilator.set", mode: "off" });
  sim.advance(90 + settleS);
  return sim;
}

function fullFlow(): Measurements {
  const sim = onBypass(600);
  const read = reader(sim);
  const level0 = read("circuit.venousReservoir.level");
  const map = meanOver(sim, "patient.map", 30);
  sim.advance(570);
  return {
    map,
    svo2: read("circuit.venousSo2"),
    hct: read("patient.hct"),
    pao2: read("patient.pao2"),
    paco2: read("patient.paco2"),
    cvp: read("patient.cvp"),
    levelDrift: Math.abs(read("circuit.venousReservoir.level") - level0),
  };
}

function haemodilution(): Measurements {
  const sim = createSimulation({ patient: PATIENT, seed: 1, circuit: adultCircuit });
  sim.advance(20);
  const read = reader(sim);
  const ebv = read("patient.bloodVolume");
  const prime = read("circuit.volume");
  const formula = dilutionHct({
    weightKg: PATIENT.weightKg,
    hct: PATIENT.hct!,
    ebvMlPerKg: ebv / PATIENT.weightKg,
    primeMl: prime,
  }).value;
  const s2 = onBypass(180);
  return { formula, model: reader(s2)("patient.hct") };
}

function cooling(): Measurements {
  const sim = onBypass(120);
  const read = reader(sim);
  const vo2At37 = meanOver(sim, "patient.vo2", 10);
  const t37 = read("patient.tempCore");
  sim.schedule({ t: sim.timeS, type: "heaterCooler.set", waterTempC: 28 });
  for (let i = 0; i < 60 && read("patient.tempCore") > 32.2; i++) sim.advance(30);
  sim.schedule({ t: sim.timeS, type: "heaterCooler.set", waterTempC: 31.5 });
  sim.advance(120);
  const vo2 = meanOver(sim, "patient.vo2", 10);
  const t = read("patient.tempCore");
  return { ratio: vo2 / vo2At37, q10Ratio: VO2_Q10 ** ((t - t37) / 10), tempC: t };
}

function gases(): Measurements {
  const run = (sweepFactor: number, fio2: number) => {
    const sim = onBypass(300);
    sim.schedule({
      t: sim.timeS,
      type: "gas.set",
      fio2,
      sweepGasFlowLPerMin: 0.55 * FULL_FLOW * sweepFactor,
    });
    sim.advance(300);
    return { paco2: meanOver(sim, "patient.paco2", 10), pao2: meanOver(sim, "patient.pao2", 10) };
  };
  const control = run(1, 0.4);
  const halved = run(0.5, 0.4);
  const doubled = run(2, 0.4);
  const richer = run(1, 0.6);
  return {
    halvedChange: halved.paco2 - control.paco2,
    doubledChange: doubled.paco2 - control.paco2,
    fio2Change: richer.pao2 - control.pao2,
  };
}

function cardioplegia(): Measurements {
  const sim = onBypass(60);
  sim.schedule({ t: sim.timeS, type: "aorticCrossClamp.set", on: true });
  sim.schedule({ t: sim.timeS, type: "cardioplegia.deliver", volumeMl: 1000, solution: "buckbergInduction" });
  const hr = sim.signalIndex("patient.hr");
  const k = sim.signalIndex("circuit.myocardialPotassium");
  let arrest = Number.POSITIVE_INFINITY;
  for (let i = 1; i <= 240; i++) {
    sim.advance(0.5);
    if (sim.read(k) >= 14) {
      arrest = i * 0.5;
      break;
    }
  }
  sim.advance(30);
  return { arrestS: arrest, hr: sim.read(hr) };
}

export function cpbExperiments(): Experiment[] {
  const m = measurement;
  return [
    {
      group: "adult CPB: full flow 2.4 L/min/m² at 37 °C",
      description:
        "adult-male (Hct 0.30, anaesthetised) on the adult circuit, 10 min on full bypass, FiO2 0.45, sweep:flow 0.55",
      run: fullFlow,
      checks: [
        {
          quantity: "MAP on bypass",
          unit: "mmHg",
          reference: { kind: "range", low: 50, high: 80 },
          source: "target MAP 50–80 mmHg on bypass (primer §6; issue 4)",
          value: m("map"),
        },
        {
          quantity: "venous SO2 (in-line)",
          unit: "fraction",
          reference: { kind: "atLeast", low: 0.65 },
          source: "SvO2 > 65–70 % on bypass (primer §6)",
          value: m("svo2"),
        },
        {
          quantity: "haematocrit on bypass",
          unit: "fraction",
          reference: { kind: "atLeast", low: 0.21 },
          source: "Hct ≥ ~21–24 % on bypass (primer §6)",
          value: m("hct"),
        },
        {
          quantity: "PaO2 on bypass",
          unit: "mmHg",
          reference: { kind: "range", low: 150, high: 250 },
          source: "PaO2 150–250 mmHg on bypass (primer §6)",
          value: m("pao2"),
        },
        {
          quantity: "PaCO2 on bypass",
          unit: "mmHg",
          reference: { kind: "range", low: 35, high: 45 },
          source: "PaCO2 35–45 mmHg on bypass (primer §6)",
          value: m("paco2"),
        },
        {
          quantity: "CVP on full bypass (heart drained)",
          unit: "mmHg",
          reference: { kind: "atMost", high: 5 },
          source: "on full bypass the venous cannula empties the right heart: CVP near 0–5 mmHg (primer §3)",
          value: m("cvp"),
        },
        {
          quantity: "reservoir level drift over 10 min, balanced drainage",
          unit: "mL",
          reference: { kind: "atMost", high: 50 },
          source: "issue 4 acceptance: level within ±50 mL over 10 min",
          value: m("levelDrift"),
        },
      ],
    },
    {
      group: "adult CPB: haemodilution on initiation",
      description:
        "arterial Hct 3 min after initiation with a 1.39 L crystalloid prime, against the mass balance",
      run: haemodilution,
      checks: [
        {
          quantity: "Hct after initiation",
          unit: "fraction",
          reference: { kind: "value", value: 0.24 },
          source: "dilutionHct (Terumo mass balance, src/calc): 0.30 × 5597 / (5597 + 1393) = 0.240",
          value: m("model"),
        },
      ],
    },
    {
      group: "adult CPB: cooling 37 → 32 °C on bypass",
      description: "heater–cooler water 28 °C until the core reaches 32.2 °C, then 31.5 °C for 2 min",
      run: cooling,
      checks: [
        {
          quantity: "VO2 at ~32 °C / VO2 at 37 °C",
          unit: "ratio",
          reference: { kind: "value", value: Number((VO2_Q10 ** -0.5).toFixed(3)) },
          source: `Q10 rule with the model's whole-body Q10 ${VO2_Q10}: ${VO2_Q10}^(−0.5) (reference-data.md §8)`,
          value: m("ratio"),
        },
      ],
    },
    {
      group: "adult CPB: sweep gas and FiO2",
      description:
        "5 min after changing the blender from sweep:flow 0.55 and FiO2 0.5, against an unchanged control",
      run: gases,
      checks: [
        {
          quantity: "PaCO2 change, sweep halved",
          unit: "mmHg",
          reference: { kind: "atLeast", low: 3 },
          source:
            "sweep gas flow is the main determinant of CO2 removal (Intensive Care Med Exp 2018, reference §9)",
          value: m("halvedChange"),
        },
        {
          quantity: "PaCO2 change, sweep doubled",
          unit: "mmHg",
          reference: { kind: "atMost", high: -3 },
          source: "same source: more sweep, more CO2 removed",
          value: m("doubledChange"),
        },
        {
          quantity: "PaO2 change, FiO2 0.5 → 0.7",
          unit: "mmHg",
          reference: { kind: "atLeast", low: 50 },
          source:
            "oxygenator O2 transfer rises with FiO2 (Inspire 6F: VO2 = 284·FiO2 mL/min; reference §7.1)",
          value: m("fio2Change"),
        },
      ],
    },
    {
      group: "adult CPB: cardioplegic arrest",
      description: "cross-clamp, 1000 mL Buckberg 4:1 induction cardioplegia antegrade at 300 mL/min",
      run: cardioplegia,
      checks: [
        {
          quantity: "time to arrest (myocardial K+ ≥ 14 mmol/L)",
          unit: "s",
          reference: { kind: "atMost", high: 60 },
          source:
            "potassium arrests the heart within about a minute of a full dose (issue 4; Buckberg induction 20 mmol/L, PMC6986803)",
          value: m("arrestS"),
        },
        {
          quantity: "heart rate 30 s after arrest",
          unit: "1/min",
          reference: { kind: "atMost", high: 0 },
          source: "arrested heart: no organised beats",
          value: m("hr"),
        },
      ],
    },
  ];
}
