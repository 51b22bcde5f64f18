/**
 * Response validation: the direction and size of the model's answer to an intervention, each against a
 * published figure. Every experiment starts from the settled adult-male preset (80 kg) with seed 1.
 */
import { createSimulation, patientFromPreset, type Simulation } from "../sim/index.ts";
import { VO2_Q10 } from "../sim/patient/chemistry.ts";
import { meanOver, measurement, reader } from "./measure.ts";
import { SETTLE_S } from "./rest.ts";
import type { Experiment, Measurements } from "./types.ts";

const ADULT = patientFromPreset("adult-male");

function settled(): Simulation {
  const sim = createSimulation({ patient: ADULT, seed: 1 });
  sim.advance(SETTLE_S);
  return sim;
}

/** 20 % of the blood volume lost over 10 min, then 2 min without bleeding. */
function haemorrhage(): Measurements {
  const sim = settled();
  const read = reader(sim);
  const hr0 = meanOver(sim, "patient.hr", 10);
  const map0 = meanOver(sim, "patient.map", 10);
  const bv0 = read("patient.bloodVolume");
  sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: (0.2 * bv0) / 10 });
  sim.advance(600);
  sim.schedule({ t: sim.timeS, type: "bleeding.set", rateMlPerMin: 0 });
  sim.advance(110);
  return {
    hrChange: meanOver(sim, "patient.hr", 10) - hr0,
    mapChange: meanOver(sim, "patient.map", 10) - map0,
    lossFraction: 1 - read("patient.bloodVolume") / bv0,
  };
}

/** Phenylephrine 2 µg/kg IV bolus: peak change in MAP and SVR over the next 3 min. */
function phenylephrine(): Measurements {
  const sim = settled();
  const read = reader(sim);
  const map0 = meanOver(sim, "patient.map", 10);
  const svr0 = read("patient.svr");
  sim.schedule({ t: sim.timeS, type: "drug.bolus", drug: "phenylephrine", amount: 2 * ADULT.weightKg });
  let mapPeak = map0;
  let svrPeak = svr0;
  for (let i = 0; i < 360; i++) {
    sim.advance(0.5);
    mapPeak = Math.max(mapPeak, read("patient.map"));
    svrPeak = Math.max(svrPeak, read("patient.svr"));
  }
  return { mapPeakChange: mapPeak - map0, svrPeakRatio: svrPeak / svr0 };
}

/** Core temperature held at 32 °C for 2 min: VO2 against the 37 °C value. */
function cooling(): Measurements {
  const sim = settled();
  const vo2At37 = meanOver(sim, "patient.vo2", 10);
  sim.schedule({ t: sim.timeS, type: "patient.setTemperature", tempC: 32 });
  sim.advance(110);
  return { vo2Ratio: meanOver(sim, "patient.vo2", 10) / vo2At37 };
}

/** Heparin 300 U/kg, ACT 5 min later; then protamine 1 mg per 100 U, ACT 5 min later. */
function anticoagulation(): Measurements {
  const sim = settled();
  const read = reader(sim);
  const act0 = read("patient.act");
  const heparinU = 300 * ADULT.weightKg;
  sim.schedule({ t: sim.timeS, type: "drug.bolus", drug: "heparin", amount: heparinU });
  sim.advance(300);
  const actHeparin = read("patient.act");
  sim.schedule({ t: sim.timeS, type: "drug.bolus", drug: "protamine", amount: heparinU / 100 });
  sim.advance(300);
  return { actBaseline: act0, actHeparin, actProtamine: read("patient.act") };
}

/** FiO2 1.0 for 5 min in healthy lungs. */
function oxygen(): Measurements {
  const sim = settled();
  sim.schedule({ t: sim.timeS, type: "ventilator.set", mode: "spontaneous", fio2: 1 });
  sim.advance(290);
  return { pao2: meanOver(sim, "patient.pao2", 10) };
}

const m = measurement;

export function responseExperiments(): Experiment[] {
  return [
    {
      group: "adult-male: 20 % haemorrhage over 10 min",
      description: "bleeding at 2 %/min of blood volume for 10 min, measured 2 min after it stops",
      run: haemorrhage,
      checks: [
        {
          quantity: "blood lost (fraction of blood volume)",
          unit: "fraction",
          reference: { kind: "range", low: 0.19, high: 0.21 },
          source: "the experiment's own target (20 %), a check of the bleeding bookkeeping",
          value: m("lossFraction"),
        },
        {
          quantity: "heart rate change",
          unit: "1/min",
          reference: { kind: "range", low: 5, high: 50 },
          source:
            "ATLS class II haemorrhage (15–30 % loss): HR rises, to 100–120 /min (ATLS 9th ed.); the classification overstates HR in trauma data (Mutschler et al., Resuscitation 2013), so any rise of 5–50 /min",
          value: m("hrChange"),
        },
        {
          quantity: "mean arterial pressure change",
          unit: "mmHg",
          reference: { kind: "range", low: -30, high: -3 },
          source:
            "ATLS class II: systolic pressure normal or slightly reduced, pulse pressure narrowed; MAP must fall, by less than in class III (ATLS 9th ed.)",
          value: m("mapChange"),
        },
      ],
    },
    {
      group: "adult-male: phenylephrine 2 µg/kg IV bolus",
      description: "peak over 3 min after the bolus, baroreflex intact",
      run: phenylephrine,
      checks: [
        {
          quantity: "peak rise of mean arterial pressure",
          unit: "mmHg",
          reference: { kind: "range", low: 21, high: 47 },
          source:
            "Kalmar et al., J Clin Monit Comput 2018;32:969: +34 ± 13 mmHg (mean ± SD) after 2 µg/kg in 24 anaesthetised patients",
          value: m("mapPeakChange"),
        },
        {
          quantity: "peak SVR / baseline",
          unit: "ratio",
          reference: { kind: "atLeast", low: 1.1 },
          source:
            "Kalmar 2018: the MAP rise is aligned with the SVR rise over the first 150 s (pure α1 agonist)",
          value: m("svrPeakRatio"),
        },
      ],
    },
    {
      group: "adult-male: core temperature 37 → 32 °C",
      description: "core temperature set to 32 °C, VO2 after 2 min against VO2 at 37 °C",
      run: cooling,
      checks: [
        {
          quantity: "VO2 at 32 °C / VO2 at 37 °C",
          unit: "ratio",
          reference: { kind: "value", value: Number((VO2_Q10 ** ((32 - 37) / 10)).toFixed(3)) },
          source: `Q10 rule with the model's whole-body Q10 ${VO2_Q10} (reference-data.md §8: 2.0–2.5 whole body): ${VO2_Q10}^((32 − 37)/10)`,
          value: m("vo2Ratio"),
        },
      ],
    },
    {
      group: "adult-male: heparin 300 U/kg, then protamine 1 mg/100 U",
      description: "ACT 5 min after heparin, and 5 min after protamine",
      run: anticoagulation,
      checks: [
        {
          quantity: "ACT before heparin",
          unit: "s",
          reference: { kind: "range", low: 100, high: 140 },
          source: "typical ACT off heparin 100–140 s (alpfmedical.info, reference-data.md §6.1)",
          value: m("actBaseline"),
        },
        {
          quantity: "ACT 5 min after 300 U/kg",
          unit: "s",
          reference: { kind: "atLeast", low: 400 },
          source:
            "300 U/kg to reach ACT > 400 s before bypass (BJA study; Haas 2016; reference-data.md §6.1)",
          value: m("actHeparin"),
        },
        {
          quantity: "ACT 5 min after protamine",
          unit: "s",
          reference: { kind: "range", low: 100, high: 140 },
          source:
            "back to the off-heparin range 100–140 s (alpfmedical.info; protamine 1 mg per 100 U, FDA label)",
          value: m("actProtamine"),
        },
      ],
    },
    {
      group: "adult-male: FiO2 1.0 for 5 min",
      description: "spontaneous breathing of 100 % O2, healthy lungs",
      run: oxygen,
      checks: [
        {
          quantity: "arterial PO2",
          unit: "mmHg",
          reference: { kind: "atLeast", low: 400 },
          source:
            "alveolar gas equation: PAO2 = 1.0·(760 − 47) − 40/0.8 = 663 mmHg, so healthy lungs give PaO2 > 400 mmHg (issue 3; reference-data.md §4)",
          value: m("pao2"),
        },
      ],
    },
  ];
}
