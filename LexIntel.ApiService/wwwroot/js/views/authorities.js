import { api } from '../api.js';
import { h, plural, show } from '../dom.js';
import { pageLink } from './document.js';

// The table's sections in the order briefs list them; short forms resolve to their full citation.
const sections = [
  { kinds: ['Case', 'ShortCase', 'Id', 'Supra'], title: 'Cases' },
  { kinds: ['Statute'], title: 'Statutes' },
  { kinds: ['Regulation'], title: 'Regulations' },
  { kinds: ['CourtRule'], title: 'Rules' },
  { kinds: ['Journal'], title: 'Journals and secondary sources' },
];

export async function renderAuthorities(content, { caseItem, signal }) {
  const table = await api(`/api/cases/${caseItem.id}/citations`, { signal });
  if (!table.authorities.length) {
    show(content, h('h2', {}, 'Table of authorities'), h('p', { class: 'muted' }, 'No citations yet: they appear here as documents become ready.'));
    return;
  }
  show(content,
    h('h2', {}, 'Table of authorities'),
    h('p', { class: 'muted' }, `${plural(table.total, 'authority', 'authorities')} cited in this case.`),
    sections.map(section => {
      const authorities = table.authorities.filter(a => section.kinds.includes(a.kind));
      return authorities.length ? h('section', { class: 'authorities', 'aria-label': section.title },
        h('h3', {}, `${section.title} (${authorities.length})`),
        h('ul', { class: 'rows' }, authorities.map(authority))) : null;
    }));
}

function authority(a) {
  const title = [a.caseName ? h('em', {}, a.caseName) : null, a.caseName ? ', ' : null, a.normalized,
    a.court || a.year ? ` (${[a.court, a.year].filter(Boolean).join(' ')})` : null];
  return h('li', { class: 'row authority' },
    h('details', {},
      h('summary', {}, h('span', { class: 'row-title' }, title), ' ',
        h('span', { class: 'muted' }, `${plural(a.citations, 'citation')} in ${plural(a.documents, 'document')}`)),
      h('ul', { class: 'cited-in' }, a.citedIn.map(d => h('li', {},
        h('a', { href: `#/documents/${d.documentId}` }, d.documentName), ` (${plural(d.count, 'time')}): `,
        d.pages.map((p, i) => [i ? ', ' : null, pageLink(d.documentId, p)]))))));
}
