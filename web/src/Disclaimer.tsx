export const DISCLAIMER =
  "For education and research only — not a medical device. Do not use for patient care.";

export function Disclaimer({ compact = false }: { compact?: boolean }) {
  return (
    <p class={`disclaimer ${compact ? "compact" : ""}`} role="note" data-testid="disclaimer">
      {DISCLAIMER}
    </p>
  );
}
