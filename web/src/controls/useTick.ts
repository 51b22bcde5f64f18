import { useEffect, useState } from "preact/hooks";
import type { SimClient } from "../client.ts";

/** Re-renders the calling component at most every `ms` of wall time while frames arrive. */
export function useTick(client: SimClient, ms: number): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    let last = 0;
    return client.onFrame(() => {
      const now = performance.now();
      if (now - last >= ms) {
        last = now;
        setN((x) => x + 1);
      }
    });
  }, [client, ms]);
  return n;
}
