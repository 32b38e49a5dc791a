import { show } from './dom.js';

/** Shows what went wrong (the problem details' detail) at the top of the page, never a blank page. */
export function showError(error) {
  const alert = document.getElementById('alert');
  show(alert, error?.message ?? String(error));
  alert.hidden = false;
}

export function clearError() {
  const alert = document.getElementById('alert');
  alert.hidden = true;
  show(alert);
}
