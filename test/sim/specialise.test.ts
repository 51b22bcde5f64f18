/**
 * Specialised kernels (src/sim/engine/specialise.ts, docs/models/engine.md): the recompiled kernel gives the same bits
 * as the factory's own closure, each instance is specialised (not the fallback) under the test transform, and a kernel
 * that cannot be recompiled falls back to the factory's closure with the same behaviour.
 */
import { describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Network,
  type NetworkState,
  networkKernel,
} from "../../src/sim/engine/network.ts";
import { SPECIALISE_COUNTS, specialise } from "../../src/sim/engine/specialise.ts";
import { patientFromPreset } from "../../src/sim/index.ts";
import { PatientModel } from "../../src/sim/patient/model.ts";

/** A small network with every connector kind, a valve, a pump head and flows to and from outside. */
function smallNetwork(): Network {
  return buildNetwork(
    [
      { name: "a", unstressedVolumeMl: 50, elastanceMmHgPerMl: 0.5, volumeMl: 120 },
      { name: "b", unstressedVolumeMl: 40, elastanceMmHgPerMl: 2, volumeMl: 45 },
      { name: "c", unstressedVolumeMl: 100, elastanceMmHgPerMl: 0.05, volumeMl: 90 },
    ],
    [
      { name: "ab", from: "a", to: "b", kind: "inertial", resistance: 0.01, inertance: 0.005, valve: true },
      { name: "bc", from: "b", to: "c", kind: "resistor", resistance: 0.8 },
      { name: "ca", from: "c", to: "a", kind: "resistor", resistance: 0.3, headMmHg: 20 },
      { name: "in", from: null, to: "a", kind: "flow", flowMlPerS: 0.5 },
      { name: "out", from: "b", to: null, kind: "flow", flowMlPerS: 0.2 },
    ],
    0.001,
  );
}

function stateArrays(net: NetworkState): number[] {
  return [...net.V, ...net.P, ...net.Q, ...net.moved, ...net.external];
}

describe("specialised kernels", () => {
  it("the network's kernel gives the same bits as the reference loop, step after step", () => {
    const a = smallNetwork();
    const b = smallNetwork();
    // a runs its specialised (recompiled) kernel, b the factory's own closure: the reference loop.
    const reference = networkKernel(b);
    for (let s = 0; s < 5000; s++) {
      a.step();
      reference();
      // Vary an elastance as the heart does, identically in both.
      a.E[1] = b.E[1] = 2 + Math.sin(s / 100);
    }
    expect(stateArrays(a)).toEqual(stateArrays(b));
    // Not a trivial state: blood moved through every connector that can move it.
    for (let k = 0; k < a.nConn; k++) expect(a.moved[k]).not.toBe(0);
  });

  it("each simulation's kernels are specialised (the trial run succeeds under this transform)", () => {
    const before = { ...SPECIALISE_COUNTS };
    new PatientModel(patientFromPreset("child"), 1);
    new PatientModel(patientFromPreset("child"), 2);
    // Two kernels per model (network step, composition transport), none fell back.
    expect(SPECIALISE_COUNTS.specialised - before.specialised).toBe(4);
    expect(SPECIALISE_COUNTS.fellBack - before.fellBack).toBe(0);
  });

  it("a factory that uses a module-level name falls back to its own closure, which works", () => {
    const outside = new Float64Array([3]);
    const factory = (st: { x: Float64Array }) => () => {
      st.x[0] = st.x[0]! * outside[0]!;
    };
    const before = SPECIALISE_COUNTS.fellBack;
    const state = { x: new Float64Array([2]) };
    const kernel = specialise(factory, state, { x: new Float64Array([2]) }, "test");
    expect(SPECIALISE_COUNTS.fellBack).toBe(before + 1);
    kernel();
    expect(state.x[0]).toBe(6);
  });

  it("a self-contained factory is specialised and acts on the state given, not on the scratch copy", () => {
    const factory = (st: { x: Float64Array }) => () => {
      st.x[0] = st.x[0]! + 1;
    };
    const state = { x: new Float64Array([10]) };
    const scratch = { x: new Float64Array([10]) };
    const before = SPECIALISE_COUNTS.specialised;
    const kernel = specialise(factory, state, scratch, "test");
    expect(SPECIALISE_COUNTS.specialised).toBe(before + 1);
    expect(scratch.x[0]).toBe(11); // the trial run
    expect(state.x[0]).toBe(10);
    kernel();
    kernel();
    expect(state.x[0]).toBe(12);
  });
});
