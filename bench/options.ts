/** Command-line options shared by the bench scripts (benchmarks, not timed tests). */

/**
 * Removes `name <value>` from `args` and returns the value, or `fallback` when the option is absent; the value must be
 * a number > 0 (an error naming the option otherwise).
 */
export function takePositiveOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  if (!(v > 0)) throw new Error(`${name} must be a number > 0`);
  return v;
}
