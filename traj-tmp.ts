import { loadScenario } from "./src/io/scenario-files.ts";
import { createSimulation } from "./src/sim/index.ts";

const name = process.argv[2] ?? "adult-cpb-cabg";
const every = Number(process.argv[3] ?? 600);
const sc = loadScenario(name);
const sim = createSimulation({ patient: sc.patient, seed: sc.seed ?? 1, circuit: sc.circuit });
for (const a of sc.actions) sim.schedule(a);
const names = [
  "patient.map",
  "patient.hr",
  "patient.cvp",
  "patient.co",
  "circuit.arterialPump.flow",
  "circuit.venousReservoir.level",
  "circuit.arterialLine.pressure",
  "circuit.venousLine.pressure",
  "circuit.oxygenator.deltaP",
  "patient.pao2",
  "patient.paco2",
  "patient.ph",
  "circuit.venousSo2",
  "patient.hct",
  "patient.tempCore",
  "circuit.arterialTemp",
  "patient.vo2",
  "patient.act",
  "patient.lactate",
  "circuit.cardioplegia.totalVolume",
  "circuit.myocardialPotassium",
  "circuit.alarms",
  "patient.bloodVolume",
];
const short = (n: string) =>
  n
    .replace(/^(patient|circuit)\./, "")
    .replace("arterialPump.flow", "pumpQ")
    .replace("venousReservoir.level", "level")
    .replace("arterialLine.pressure", "Pline")
    .replace("venousLine.pressure", "Pven")
    .replace("oxygenator.deltaP", "dPox")
    .replace("cardioplegia.totalVolume", "cpVol")
    .replace("myocardialPotassium", "myoK")
    .replace("bloodVolume", "BV");
console.log(["t(min)", ...names.map(short)].join("\t"));
const t0 = performance.now();
for (let t = 0; t <= (sc.durationS ?? 600); t += every) {
  if (t > 0) sim.advance(every);
  const rhythm = (sim as any).model.heart.rhythm;
  console.log(
    [
      (t / 60).toFixed(0),
      ...names.map((n) => {
        const v = sim.read(sim.signalIndex(n));
        return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);
      }),
      ["sinus", "asys", "vf"][rhythm],
    ].join("\t"),
  );
}
console.error("wall", ((performance.now() - t0) / 1000).toFixed(2), "s");
