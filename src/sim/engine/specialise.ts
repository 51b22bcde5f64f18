/**
 * Per-instance specialisation of a hot kernel (docs/models/engine.md, "Specialised kernels").
 *
 * A kernel is written as a factory `(state) => () => void`: the returned closure does the work on `state` (typed
 * arrays, read inside the closure). V8's optimising compiler treats a closure's captured values as constants when
 * that function literal has produced exactly one closure so far ("function context specialisation"): each typed
 * array's map check, data pointer and length then fold into constants instead of being loaded and checked at every
 * element access in the loops. Measured: `stepNetwork` on the VA ECMO network 420 → 180 ns per step in isolation.
 * A factory in a module produces one closure per simulation, so from the second simulation on that no longer holds.
 * `specialise` therefore compiles the factory again from its own source text for each instance (a new function
 * literal each time), so every instance's kernel is the only closure of its literal.
 *
 * Valid because nothing changes but where V8 finds the arrays: the source is the factory's own text (never input),
 * run with the same argument, so the arithmetic, its order and the results are the same bits. The factory must be
 * self-contained: it may use only its parameter, literals and globals (`Math`, …), no module-level names (they do
 * not exist in the recompiled copy). A trial run of the recompiled copy on a scratch copy of the state checks that;
 * if the recompiled copy cannot be built or run (a Content-Security-Policy without 'unsafe-eval', a code transform
 * that referenced an outer name), the factory's own closure is used instead: the same results, without the
 * specialisation.
 */

/** A kernel factory: returns the closure that does the work on `state`. Self-contained (see above). */
export type KernelFactory<S> = (state: S) => () => void;

let serial = 0;

/** How many kernels were specialised, and how many fell back to the factory's own closure (diagnostics, tests). */
export const SPECIALISE_COUNTS = { specialised: 0, fellBack: 0 };

/** Identity stand-in for esbuild's `__name` helper, which `keepNames` (tsx, Vite dev) writes into function bodies. */
const keepName = <F>(f: F): F => f;

function recompile<S>(factory: KernelFactory<S>, label: string): KernelFactory<S> {
  // The serial number makes every source text distinct: V8 caches compiled `Function` sources by their text, and a
  // cache hit would share one function literal (and its closure count) between instances again.
  const source = `"use strict";\nreturn (${factory.toString()});\n//# sourceURL=perfuse-kernel-${label}-${++serial}.js`;
  return new Function("__name", source)(keepName) as KernelFactory<S>;
}

/**
 * The kernel of `factory` for `state`, specialised for it when the platform allows (see above); `scratch` is a
 * disposable copy of `state` (same shapes) for the trial run, which may change it.
 */
export function specialise<S>(factory: KernelFactory<S>, state: S, scratch: S, label: string): () => void {
  let kernel: () => void;
  try {
    recompile(factory, label)(scratch)();
    kernel = recompile(factory, label)(state);
  } catch {
    SPECIALISE_COUNTS.fellBack++;
    return factory(state);
  }
  SPECIALISE_COUNTS.specialised++;
  return kernel;
}
