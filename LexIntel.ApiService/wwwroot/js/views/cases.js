import { api } from '../api.js';
import { announce, formatDate, h, plural, show } from '../dom.js';

export async function renderCases(main, { signal }) {
  const list = h('ul', { class: 'rows', 'aria-label': 'Cases' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more cases');
  const name = h('input', { id: 'new-case-name', name: 'name', required: true, maxlength: 300, autocomplete: 'off' });
  const form = h('form', { class: 'inline-form', 'aria-label': 'Create a case' },
    h('label', { for: 'new-case-name' }, 'New case'),
    name,
    h('button', { type: 'submit', class: 'primary' }, 'Create case'));
  show(main, h('h1', {}, 'Cases'), form, list, more);

  let cursor = null;
  const load = async () => {
    const page = await api(`/api/cases?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });
    list.append(...page.items.map(caseRow));
    if (!list.children.length) list.append(h('li', { class: 'muted' }, 'No cases yet: create one above.'));
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const created = await api('/api/cases', { method: 'POST', json: { name: name.value } });
    announce(`Case ${created.name} created.`);
    location.hash = `#/cases/${created.id}`;
  });
  await load();
}

function caseRow(item) {
  return h('li', { class: 'row' },
    h('a', { href: `#/cases/${item.id}`, class: 'row-title' }, item.name),
    h('span', { class: 'muted' }, plural(item.documentCount, 'document'), ' · created ', formatDate(item.createdAt)),
    item.restricted ? h('span', { class: 'badge' }, 'Restricted') : null);
}
