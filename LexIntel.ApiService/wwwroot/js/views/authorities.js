import { api } from '../api.js';
import { h, plural, show } from '../dom.js';
import { pageLink } from './document.js';

// The table's sections in the order briefs list them; short forms resolve to their full citation,
// and those whose full citation is in no document of the case come last, for a reviewer to check.
const sections = [
  { title: 'Cases', holds: a => !a.unresolved && ['Case', 'ShortCase', 'Id', 'Supra', 'Reference'].includes(a.kind) },
  { title: 'Statutes', holds: a => !a.unresolved && a.kind === 'Statute' },
  { title: 'Regulations', holds: a => !a.unresolved && a.kind === 'Regulation' },
  { title: 'Rules', holds: a => !a.unresolved && a.kind === 'CourtRule' },
  { title: 'Journals and secondary sources', holds: a => !a.unresolved && a.kind === 'Journal' },
  { title: 'Short forms without their full citation', holds: a => a.unresolved },
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
      const authorities = table.authorities.filter(section.holds);
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
