import { loadScenario } from "./src/io/scenario-files.ts";
import { createSimulation } from "./src/sim/index.ts";
const sc = loadScenario("neonate-cpb");
const sim: any = createSimulation({ patient: sc.patient, seed: 1, circuit: sc.circuit });
for (const a of sc.actions) sim.schedule(a);
sim.advance(4280);
const r = (n: string) => sim.read(sim.signalIndex(n));
for (let i = 0; i < 40; i++) { sim.advance(10); console.log(sim.timeS.toFixed(0), ["patient.map","patient.cvp","patient.co","circuit.arterialPump.flow","circuit.arterialPump.rpm","circuit.venousReservoir.level","circuit.alarmBits","circuit.arterialLine.pressure","patient.bloodVolume","circuit.venousLine.pressure"].map(n=>`${n.split(".").pop()}=${r(n).toFixed(2)}`).join(" "), sim.model.heart.rhythm); }
