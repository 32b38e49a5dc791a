import { api } from '../api.js';
import { announce, h, marked, show } from '../dom.js';
import { pageLink } from './document.js';

const modes = [
  { id: 'hybrid', label: 'Hybrid', hint: 'words and meaning' },
  { id: 'keyword', label: 'Keyword', hint: 'the words as written' },
  { id: 'semantic', label: 'Semantic', hint: 'meaning only' },
];

const contentTypes = [
  ['', 'Any type'], ['application/pdf', 'PDF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word (.docx)'],
  ['text/html', 'HTML'], ['text/plain', 'Text'], ['message/rfc822', 'E-mail'],
];

// The API's grouping (SearchGrouping): one hit per page by default, so a long page's passages do not crowd out the rest.
const groupings = [
  ['page', 'Best passage of each page'], ['document', 'Best passage of each document'], ['passage', 'Every passage'],
];

export async function renderSearch(content, { caseItem, signal }) {
  const query = h('input', { type: 'search', id: 'search-query', name: 'query', required: true, maxlength: 1000, placeholder: '"qualified immunity" 42 U.S.C. § 1983' });
  const cites = h('input', { id: 'search-cites', name: 'cites', placeholder: '410 U.S. 113' });
  const type = h('select', { id: 'search-type', name: 'type' }, contentTypes.map(([value, label]) => h('option', { value }, label)));
  const from = h('input', { type: 'date', id: 'search-from', name: 'from' });
  const before = h('input', { type: 'date', id: 'search-before', name: 'before' });
  const group = h('select', { id: 'search-group', name: 'group' }, groupings.map(([value, label]) => h('option', { value }, label)));
  const results = h('ol', { class: 'hits', 'aria-label': 'Results' });
  const status = h('p', { class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', hidden: true }, 'More results');
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Search the case' },
    h('div', { class: 'search-box' },
      h('label', { for: 'search-query' }, 'Search'),
      query,
      h('button', { type: 'submit', class: 'primary' }, 'Search')),
    h('fieldset', { class: 'modes' },
      h('legend', {}, 'Mode'),
      modes.map(m => h('label', {}, h('input', { type: 'radio', name: 'mode', value: m.id, checked: m.id === 'hybrid' }), ` ${m.label} `, h('span', { class: 'muted' }, `(${m.hint})`)))),
    h('details', { class: 'filters' },
      h('summary', {}, 'Filters'),
      h('div', { class: 'filter-grid' },
        h('label', { for: 'search-cites' }, 'Cites'), cites,
        h('label', { for: 'search-type' }, 'Type'), type,
        h('label', { for: 'search-from' }, 'Uploaded from'), from,
        h('label', { for: 'search-before' }, 'Uploaded before'), before,
        h('label', { for: 'search-group' }, 'Show'), group)));
  show(content, form, status, results, more);

  let request = null;
  const run = async cursor => {
    const answer = await api(`/api/cases/${caseItem.id}/search`, { method: 'POST', json: { ...request, cursor }, signal });
    results.append(...answer.items.map(hit));
    const count = results.children.length;
    show(status, count ? `${count} passage${count === 1 ? '' : 's'} (${answer.mode})` : 'Nothing found. Try other words, or the hybrid or semantic mode.');
    announce(status.textContent);
    more.hidden = !answer.nextCursor;
    more.onclick = () => run(answer.nextCursor);
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const filters = {
      cites: cites.value.trim() || undefined,
      contentTypes: type.value ? [type.value] : undefined,
      uploadedFrom: from.value ? new Date(`${from.value}T00:00:00`).toISOString() : undefined,
      uploadedBefore: before.value ? new Date(`${before.value}T00:00:00`).toISOString() : undefined,
    };
    request = { query: query.value, mode: form.elements.mode.value, group: group.value, limit: 10, filters };
    results.replaceChildren();
    await run(null);
  });
  query.focus();
}

function hit(item) {
  const pages = item.pageStart === item.pageEnd ? `p. ${item.pageStart}` : `pp. ${item.pageStart}–${item.pageEnd}`;
  return h('li', { class: 'hit' },
    h('div', { class: 'hit-source' },
      h('a', { href: `#/documents/${item.documentId}` }, item.documentName), ' · ',
      pageLink(item.documentId, item.pageStart, pages)),
    h('p', { class: 'snippet' }, marked(item.highlight || item.text)),
    item.citations.length ? h('p', { class: 'muted' }, 'Cites ', item.citations.join('; ')) : null);
}
