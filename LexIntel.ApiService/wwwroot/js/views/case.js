import { api } from '../api.js';
import { announce, h, show } from '../dom.js';
import { confirmDialog } from '../confirm.js';
import { renderDocuments } from './documents.js';
import { renderSearch } from './search.js';
import { renderAsk } from './ask.js';
import { renderAuthorities } from './authorities.js';
import { renderTeam } from './team.js';

const tabs = [
  { id: 'documents', label: 'Documents', render: renderDocuments },
  { id: 'search', label: 'Search', render: renderSearch },
  { id: 'ask', label: 'Ask', render: renderAsk },
  { id: 'authorities', label: 'Authorities', render: renderAuthorities },
  { id: 'team', label: 'Team', render: renderTeam, owners: true },
];

export async function renderCase(main, { path: [caseId, tabId = 'documents', itemId], query, signal }) {
  const item = await api(`/api/cases/${caseId}`, { signal });
  const owner = item.access === 'owner';
  const tab = tabs.find(t => t.id === tabId && (owner || !t.owners)) ?? tabs[0];
  const title = h('h1', { id: 'case-title' }, item.name);
  const content = h('section', { id: 'tab-content', 'aria-labelledby': 'case-title' });
  show(main,
    h('div', { class: 'case-header' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Cases')),
      title,
      item.restricted ? h('span', { class: 'badge' }, 'Restricted') : null,
      owner ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => rename(item, title) }, 'Rename'),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(item) }, 'Delete case')) : null),
    h('nav', { class: 'tabs', 'aria-label': 'Case' },
      tabs.filter(t => owner || !t.owners).map(t =>
        h('a', { href: `#/cases/${caseId}/${t.id}`, 'aria-current': t === tab ? 'page' : null }, t.label))),
    content);
  await tab.render(content, { caseItem: item, itemId, query, signal });
}

async function rename(item, title) {
  const name = await confirmDialog({ title: 'Rename case', label: 'Name', value: item.name, confirm: 'Rename' });
  if (name === null) return;
  const renamed = await api(`/api/cases/${item.id}`, { method: 'PUT', json: { name } });
  item.name = renamed.name;
  show(title, renamed.name);
  announce(`Case renamed to ${renamed.name}.`);
}

async function remove(item) {
  const confirmed = await confirmDialog({
    title: `Delete “${item.name}”?`,
    message: `Its ${item.documentCount} documents, their passages, citations and conversations are deleted for everyone. This cannot be undone.`,
    confirm: 'Delete case',
    danger: true,
  });
  if (confirmed === null) return;
  await api(`/api/cases/${item.id}`, { method: 'DELETE' });
  announce(`Case ${item.name} deleted.`);
  location.hash = '#/';
}
