import { h } from './dom.js';

/**
 * A modal <dialog> (focus kept inside, Escape cancels): resolves to the entered value (or '' when
 * there is no field) on confirm, null on cancel.
 */
export function confirmDialog({ title, message, label, value = '', confirm, danger = false }) {
  return new Promise(resolve => {
    const field = label ? h('input', { id: 'dialog-field', value, required: true, maxlength: 300 }) : null;
    const form = h('form', { method: 'dialog' },
      h('h2', { id: 'dialog-title' }, title),
      message ? h('p', {}, message) : null,
      field ? [h('label', { for: 'dialog-field' }, label), field] : null,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', value: 'confirm', class: danger ? 'danger' : 'primary' }, confirm),
        h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel')));
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' }, form);
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm' ? (field?.value.trim() ?? '') : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    (field ?? form.querySelector('button')).focus();
  });
}
