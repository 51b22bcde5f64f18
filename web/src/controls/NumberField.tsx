/**
 * A numeric input that refuses bad input at the field: empty, not a number, out of range or (when
 * asked) not whole. The allowed range is always shown next to the field, and the error replaces it
 * in red with the reason. Ranges come from the engine's schemas (src/console/fields.ts).
 */
import { useId } from "preact/hooks";
import { describeRange, type FieldParse, type FieldRange, parseField } from "../../../src/console/fields.ts";

export interface FieldState {
  text: string;
  touched: boolean;
}

export function fieldState(text: string): FieldState {
  return { text, touched: false };
}

export function NumberField(props: {
  label: string;
  range: FieldRange;
  state: FieldState;
  onChange: (s: FieldState) => void;
  testId?: string;
  /** Optional fields may be empty. */
  optional?: boolean;
}) {
  const id = useId();
  const { range, state } = props;
  const parsed = check(state.text, range, props.optional);
  const showError = state.touched && !parsed.ok;
  return (
    <div class={`field ${showError ? "invalid" : ""}`}>
      <label for={id}>{props.label}</label>
      <div class="field-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={state.text}
          aria-invalid={showError}
          aria-describedby={`${id}-hint`}
          data-testid={props.testId}
          onInput={(e) => props.onChange({ text: (e.target as HTMLInputElement).value, touched: true })}
          onBlur={() => props.onChange({ ...state, touched: true })}
        />
        <span class="unit">{range.unit}</span>
      </div>
      <div
        class="hint"
        id={`${id}-hint`}
        role={showError ? "alert" : undefined}
        data-testid={props.testId ? `${props.testId}-hint` : undefined}
      >
        {showError
          ? (parsed as { message: string }).message
          : `${props.optional ? "optional, " : ""}${describeRange(range)}`}
      </div>
    </div>
  );
}

export function check(
  text: string,
  range: FieldRange,
  optional = false,
): FieldParse | { ok: true; value: undefined } {
  if (optional && text.trim() === "") return { ok: true, value: undefined };
  return parseField(text, range);
}
