// A text field for one number with its inline error message. Valid input is passed on as
// it is typed; invalid input is reported after a pause (half-typed "-" or "1e" is normal) or
// at once on Enter or leaving the field, and the last good value stays in force.
import { parseNumber } from './number_input.js';

const ERROR_DELAY_MS = 700;

/**
 * @param {{field: HTMLInputElement, errorBox: HTMLElement, spec?: object,
 *          parse?: (text: string) => ({ok: true, value: any} | {ok: false, message: string}),
 *          onValue: (value: any) => void}} options  `parse` (default: one number per `spec`)
 */
export function bindNumberField({ field, errorBox, spec, parse, onValue }) {
  const read = parse ?? ((text) => parseNumber(text, spec));
  let errorTimer = 0;
  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
    field.setAttribute('aria-invalid', 'true');
  };
  // Writes only what changes: a write of the same value still makes the page's style stale,
  // and every input clears the errors.
  const clearError = () => {
    clearTimeout(errorTimer);
    if (!errorBox.hidden) errorBox.hidden = true;
    if (errorBox.textContent !== '') errorBox.textContent = '';
    if (field.hasAttribute('aria-invalid')) field.removeAttribute('aria-invalid');
  };
  const attempt = (immediate) => {
    clearTimeout(errorTimer);
    const parsed = read(field.value);
    if (parsed.ok === true) {
      clearError();
      onValue(parsed.value);
    } else if (immediate) {
      showError(parsed.message);
    } else {
      errorTimer = setTimeout(() => showError(parsed.message), ERROR_DELAY_MS);
    }
  };
  field.addEventListener('input', () => attempt(false));
  field.addEventListener('change', () => attempt(true));
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') attempt(true);
  });
  return { clearError, showError };
}
