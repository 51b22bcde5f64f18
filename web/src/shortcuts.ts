/** Keyboard shortcuts for common console actions; ignored while typing in a field. */
import type { Speed } from "./worker/protocol.ts";

export const SHORTCUTS: [string, string][] = [
  ["Space or P", "pause / resume (Enter activates a focused button)"],
  ["1  2  5", "speed 1×, 2×, 5×"],
  ["N", "fast-forward to the next event (scenario action or lab result)"],
  ["A", "acknowledge all alarms"],
  ["S", "silence alarm sound for 2 minutes"],
  ["G", "draw a blood gas"],
  ["T", "draw an ACT"],
  ["+  −", "ECMO console: pump speed up / down 100 rpm"],
  ["D  L  V  K  E", "panels: drugs & fluids, labs, ventilator & defib, alarms (log, limits), events"],
  ["?", "this help; Esc closes"],
  ["Esc (in a field)", "leave the field (shortcuts are ignored while typing)"],
];

export interface ShortcutHandlers {
  togglePause(): void;
  speed(s: Speed): void;
  nextEvent(): void;
  acknowledge(): void;
  silence(): void;
  bloodGas(): void;
  act(): void;
  tab(key: string): void;
  help(): void;
  /** ECMO console only: pump speed one step up (true) or down. */
  pumpSpeed?(up: boolean): void;
}

export function installShortcuts(h: ShortcutHandlers): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    const tag = target?.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target?.isContentEditable) {
      // Esc leaves the field, so the shortcuts work again.
      if (e.key === "Escape") target?.blur();
      return;
    }
    const k = e.key;
    let handled = true;
    // Space pauses even when a button has focus (Enter still activates buttons).
    if (k === " " || k === "p" || k === "P") h.togglePause();
    else if (k === "1" || k === "2" || k === "5") h.speed(Number(k) as Speed);
    else if (k === "n" || k === "N") h.nextEvent();
    else if (k === "a" || k === "A") h.acknowledge();
    else if (k === "s" || k === "S") h.silence();
    else if (k === "g" || k === "G") h.bloodGas();
    else if (k === "t" || k === "T") h.act();
    else if ("dlvkeDLVKE".includes(k) && k.length === 1) h.tab(k.toUpperCase());
    else if ((k === "+" || k === "=") && h.pumpSpeed) h.pumpSpeed(true);
    else if ((k === "-" || k === "_") && h.pumpSpeed) h.pumpSpeed(false);
    else if (k === "?") h.help();
    else if (k === "Escape") h.help();
    else handled = false;
    if (handled) e.preventDefault();
  };
  window.addEventListener("keydown", onKey);
  return () => window.removeEventListener("keydown", onKey);
}
