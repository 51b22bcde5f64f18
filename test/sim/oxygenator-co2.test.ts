/**
 * The counter-current CO2 gas side in the running engine (docs/models/oxygenator.md): on the adult VV ECMO fixture the
 * CO2 the blood loses (ecmo.co2Removal: flow × tCO2 drop) equals the CO2 the exhaust carries (FeCO2 × sweep, reference
 * §9, the sweep-flow method) within 2 %, at low, usual and high sweep.
 */
import { describe, expect, it } from "vitest";
import vvCircuit from "../../src/sim/circuit/fixtures/adult-vv-ecmo.json" with { type: "json" };
import { OX_FECO2 } from "../../src/sim/circuit/oxygenator.ts";
import { ventilatedOnEcmo } from "../../src/validation/ecmo.ts";
import { read } from "./cpb-helpers.ts";

describe("oxygenator CO2 in the engine (adult VV ECMO, ARDS)", () => {
  it("blood-side CO2 removal = exhaust FeCO2 × sweep within 2 % at sweep 1, 4.5 and 9 L/min", () => {
    const sim = ventilatedOnEcmo(vvCircuit);
    sim.schedule({ t: 1, type: "arterialPump.setRpm", rpm: 4000 });
    let prev = 0;
    for (const sweep of [1, 4.5, 9]) {
      sim.schedule({ t: sim.timeS, type: "gas.set", fio2: 1, sweepGasFlowLPerMin: sweep });
      sim.advance(60);
      const blood = read(sim, "ecmo.co2Removal");
      const exhaust = sim.model.circuit!.oxOut[OX_FECO2]! * sweep * 1000;
      expect(blood).toBeGreaterThan(prev);
      expect(Math.abs(exhaust / blood - 1)).toBeLessThan(0.02);
      prev = blood;
    }
  });
});
