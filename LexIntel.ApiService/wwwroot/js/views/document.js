import { api, download } from '../api.js';
import { formatBytes, formatDate, h, plural, show } from '../dom.js';

/** A link that opens the original at a page: this screen with ?page=N. */
export const pageLink = (documentId, page, label = `p. ${page}`) =>
  h('a', { href: `#/documents/${documentId}?page=${page}`, class: 'page-link' }, label);

export async function renderDocument(main, { path: [documentId], query, signal }) {
  const [document, pages, citations] = await Promise.all([
    api(`/api/documents/${documentId}`, { signal }),
    api(`/api/documents/${documentId}/pages`, { signal }),
    api(`/api/documents/${documentId}/citations`, { signal }),
  ]);
  const viewer = h('div', { class: 'viewer', id: 'viewer' });
  const fact = (term, value) => value === null || value === undefined || value === '' ? null : [h('dt', {}, term), h('dd', {}, value)];
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: `#/cases/${document.caseId}` }, 'Back to the case')),
    h('h1', {}, document.fileName),
    h('dl', { class: 'facts' },
      fact('Status', h('span', { 'data-testid': 'status' }, document.status)),
      fact('Failure', document.failureCode ? `${document.failureCode}: ${document.failureReason}` : null),
      fact('Pages', document.pageCount),
      fact('Read by OCR', document.extractedByOcr ? `${plural(document.ocrPages, 'page')} (the text may hold recognition errors)` : 'no'),
      fact('Passages', document.chunkCount),
      fact('Citations', document.citationCount),
      fact('Docket number', document.docketNumber),
      fact('Filed on', document.filedOn),
      fact('Type', document.contentType),
      fact('Size', formatBytes(document.sizeBytes)),
      fact('Uploaded', formatDate(document.createdAt))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => openOriginal(document, 1, viewer, signal) }, 'Open the original')),
    viewer,
    h('h2', {}, 'Pages'),
    pages.pages.length
      ? h('ul', { class: 'pages' }, pages.pages.map(p => h('li', {},
        isPdf(document) ? pageLink(document.id, p.number, `Page ${p.number}`) : `Page ${p.number}`,
        p.extractedByOcr ? h('span', { class: 'badge' }, 'OCR') : null,
        p.furniture.length ? h('span', { class: 'muted' }, ` ${plural(p.furniture.length, 'line')} of stamps and headers removed`) : null)))
      : h('p', { class: 'muted' }, 'No pages yet.'),
    h('h2', {}, 'Citations'),
    citationList(document, citations));

  const page = Number(query.get('page'));
  if (page > 0) await openOriginal(document, page, viewer, signal);
}

const isPdf = document => document.contentType === 'application/pdf';

function citationList(document, citations) {
  const authorities = citations.authorities;
  if (!authorities.length) return h('p', { class: 'muted' }, 'No citations found.');
  return h('ul', { class: 'rows' }, authorities.map(a => h('li', { class: 'row' },
    h('span', { class: 'row-title' }, a.caseName ? [h('em', {}, a.caseName), ', '] : null, a.normalized),
    h('span', { class: 'muted' }, `${a.kind} · ${plural(a.count, 'time')} · `),
    a.pages.map(p => isPdf(document) ? pageLink(document.id, p) : `p. ${p} `))));
}

/** The original at a page: PDF viewers honour #page=N, on a blob URL as on any other. */
async function openOriginal(document, page, viewer, signal) {
  const blob = await download(document.id, signal);
  const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: document.contentType }));
  signal.addEventListener('abort', () => URL.revokeObjectURL(url));
  show(viewer,
    isPdf(document)
      ? h('iframe', { src: `${url}#page=${page}`, title: `${document.fileName}, page ${page}`, 'data-testid': 'original', 'data-page': page })
      : null,
    h('p', {}, h('a', { href: url, download: document.fileName }, `Download ${document.fileName}`),
      isPdf(document) ? ` (opened at page ${page})` : null));
  viewer.scrollIntoView({ block: 'start' });
}
