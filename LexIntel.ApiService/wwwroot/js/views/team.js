import { api } from '../api.js';
import { announce, formatDate, h, show } from '../dom.js';
import { confirmDialog } from '../confirm.js';

const accesses = ['owner', 'editor', 'viewer', 'screened'];

/** Owners only (the case screen shows this tab to them alone): who may do what, and whether others see the case. */
export async function renderTeam(content, { caseItem, signal }) {
  const members = await api(`/api/cases/${caseItem.id}/members`, { signal });
  const user = h('input', { id: 'member-user', name: 'user', required: true, autocomplete: 'off' });
  const access = h('select', { id: 'member-access', name: 'access' }, accesses.map(a => h('option', { value: a }, a)));
  const form = h('form', { class: 'inline-form', 'aria-label': 'Add or change a member' },
    h('label', { for: 'member-user' }, 'User'), user,
    h('label', { for: 'member-access' }, 'Access'), access,
    h('button', { type: 'submit', class: 'primary' }, 'Set access'));
  const restricted = h('input', { type: 'checkbox', id: 'restricted', checked: caseItem.restricted });
  show(content,
    h('h2', {}, 'Team'),
    h('p', { class: 'muted' }, 'Screened users see nothing of this case (an ethical wall). A restricted case is seen by its members only.'),
    h('table', { class: 'members' },
      h('caption', { class: 'visually-hidden' }, 'Members'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Access'), h('th', { scope: 'col' }, 'Since'), h('td', {}))),
      h('tbody', {}, members.map(m => h('tr', {},
        h('td', {}, m.userId), h('td', {}, m.access), h('td', {}, formatDate(m.updatedAt)),
        h('td', {}, h('button', { type: 'button', onclick: async () => { if (await removeMember(caseItem, m.userId)) await renderTeam(content, { caseItem, signal }); } }, `Remove ${m.userId}`)))))),
    form,
    h('p', {}, h('label', {}, restricted, ' Restricted: only members see this case')));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    await api(`/api/cases/${caseItem.id}/members/${encodeURIComponent(user.value.trim())}`, { method: 'PUT', json: { access: access.value } });
    announce(`${user.value} is now ${access.value}.`);
    await renderTeam(content, { caseItem, signal });
  });
  restricted.addEventListener('change', async () => {
    try {
      await api(`/api/cases/${caseItem.id}/restriction`, { method: 'PUT', json: { restricted: restricted.checked } });
      caseItem.restricted = restricted.checked;
      announce(restricted.checked ? 'The case is restricted to its members.' : 'The case is open to the tenant.');
    } catch (error) {
      restricted.checked = !restricted.checked;
      throw error;
    }
  });
}

async function removeMember(caseItem, userId) {
  if (await confirmDialog({ title: `Remove ${userId}?`, message: 'They keep the access their tenant role gives them, unless the case is restricted.', confirm: 'Remove', danger: true }) === null) return false;
  await api(`/api/cases/${caseItem.id}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
  announce(`${userId} removed.`);
  return true;
}
