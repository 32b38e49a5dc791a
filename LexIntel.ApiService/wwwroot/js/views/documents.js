import { api } from '../api.js';
import { appSettings } from '../auth.js';
import { announce, formatBytes, h, plural, show } from '../dom.js';
import { showError } from '../errors.js';
import { CaseProgressFeed } from '../progress.js';

const canEdit = access => access === 'owner' || access === 'editor';

export async function renderDocuments(content, { caseItem, signal }) {
  const rows = new Map();
  const list = h('ul', { class: 'documents', 'aria-label': 'Documents', 'aria-live': 'off' });
  const uploads = h('ul', { class: 'upload-results', 'aria-label': 'Upload results' });
  const connection = h('p', { class: 'connection muted', 'data-testid': 'feed-state' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more documents');

  const rowOf = document => {
    let row = rows.get(document.id);
    if (!row) {
      row = new DocumentRow(document, caseItem);
      rows.set(document.id, row);
      list.prepend(row.element);
      list.querySelector('.empty')?.remove();
    }
    return row;
  };

  show(content,
    canEdit(caseItem.access) ? uploadArea(caseItem, uploads, rowOf) : null,
    uploads,
    h('h2', {}, 'Documents'),
    connection,
    list,
    more);

  let cursor = null;
  let listedAll = false;
  const unlisted = new Set();
  const load = async () => {
    const page = await api(`/api/cases/${caseItem.id}/documents?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });
    for (const document of page.items) {
      // Followed already: new since the first page was read, or in progress when the feed connected.
      if (rows.has(document.id)) continue;
      unlisted.delete(document.id);
      const row = new DocumentRow(document, caseItem);
      rows.set(document.id, row);
      list.append(row.element);
    }
    if (!rows.size) list.append(h('li', { class: 'empty muted' }, 'No documents yet.'));
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  await load();
  listedAll = !cursor;

  // The feed's first connection starts with the state of every document of the case. Finished
  // ones beyond the listed page are followed only if the user lists them, so their replayed
  // events are not fetched; any other is new since the list was read (an upload answered after
  // it, a colleague's) and is shown.
  let connections = 0;
  const pending = new Map();
  const known = async documentId => {
    if (rows.has(documentId)) return rows.get(documentId);
    if (unlisted.has(documentId)) return null;
    // A document someone else uploaded, or one whose upload answer has not arrived yet; one
    // deleted since has nothing to show.
    if (!pending.has(documentId)) {
      pending.set(documentId, api(`/api/documents/${documentId}`, { signal }).then(rowOf, error => {
        if (error.status === 404) return null;
        throw error;
      }));
    }
    return pending.get(documentId);
  };
  const feed = new CaseProgressFeed(caseItem.id, {
    onState: async state => {
      if (connections === 1 && !listedAll && state.final && !rows.has(state.documentId)) unlisted.add(state.documentId);
      else (await known(state.documentId))?.state(state);
    },
    onProgress: async (progress, id) => (await known(progress.documentId))?.progress(progress, id),
    onConnection: open => {
      if (open) connections++;
      show(connection, open ? 'Live progress connected.' : 'Live progress interrupted; reconnecting…');
    },
  }, signal);
  await feed.open();
}

function uploadArea(caseItem, uploads, rowOf) {
  const input = h('input', { type: 'file', id: 'upload-files', multiple: true, class: 'file-input' });
  const zone = h('div', { class: 'dropzone', 'data-testid': 'dropzone' },
    h('p', {}, 'Drop files here, or '),
    h('label', { for: 'upload-files', class: 'button' }, 'choose files'),
    input,
    h('p', { class: 'muted' }, 'PDF, Word, RTF, HTML, text, e-mail and scanned images; up to 100 MB each.'));

  const upload = async files => {
    for (const batch of batches([...files], appSettings())) {
      await uploadBatch(caseItem, batch, uploads, rowOf);
    }
  };
  input.addEventListener('change', () => upload(input.files).catch(showError).finally(() => { input.value = ''; }));
  zone.addEventListener('dragover', event => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('over');
    upload(event.dataTransfer.files).catch(showError);
  });
  return h('section', { 'aria-labelledby': 'upload-title' }, h('h2', { id: 'upload-title' }, 'Upload'), zone);
}

/** The files in requests within the API's limits: so many files, so many bytes (a file alone over them is the API's to refuse). */
function* batches(files, { maxFilesPerUpload, maxUploadBytes }) {
  let batch = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length && (batch.length === maxFilesPerUpload || bytes + file.size > maxUploadBytes)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.size;
  }
  if (batch.length) yield batch;
}

async function uploadBatch(caseItem, files, uploads, rowOf) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  announce(`Uploading ${plural(files.length, 'file')}…`);
  let answer;
  try {
    answer = await api(`/api/cases/${caseItem.id}/documents`, { method: 'POST', body: form });
  } catch (error) {
    // When no file was accepted, the problem lists every file with its own reason.
    if (!error.problem?.files) throw error;
    answer = error.problem;
  }
  for (const file of answer.files) {
    if (file.document) rowOf(file.document).uploaded(file.outcome);
    if (file.outcome !== 'created') {
      uploads.append(h('li', { class: file.outcome === 'rejected' ? 'problem' : 'muted' },
        h('strong', {}, file.fileName), ': ',
        file.outcome === 'duplicate' ? 'already in this case.' : `${file.error.title}. ${file.error.detail}`));
    }
  }
  announce(`${plural(answer.files.filter(f => f.outcome === 'created').length, 'file')} uploaded.`);
}

const stageLabels = {
  queued: 'Queued', extracting: 'Extracting text', chunking: 'Splitting into passages', citations: 'Finding citations',
  embedding: 'Embedding', indexing: 'Indexing', ready: 'Ready', failed: 'Failed',
};

/** One document: its live progress bar, what it holds once ready, or why it failed. */
class DocumentRow {
  constructor(document, caseItem) {
    this.document = document;
    this.caseItem = caseItem;
    this.final = document.status === 'ready' || document.status === 'failed';
    this.bar = h('progress', { max: 100, value: document.status === 'ready' ? 100 : 0, 'aria-label': `${document.fileName} progress` });
    this.stage = h('span', { class: 'stage', 'data-testid': 'stage' });
    this.message = h('span', { class: 'message muted' });
    // Editors may stop a document still being processed (the wrong file, one clogging the queue).
    this.stop = canEdit(caseItem.access)
      ? h('button', { type: 'button', class: 'link', hidden: this.final, 'aria-label': `Stop processing ${document.fileName}`, onclick: () => this.#cancel().catch(showError) }, 'Stop')
      : null;
    this.details = h('div', { class: 'details' });
    this.history = h('ol', { class: 'history', 'aria-label': `${document.fileName} events` });
    this.element = h('li', { class: 'document', dataset: { documentId: document.id } },
      h('div', { class: 'document-title' },
        h('a', { href: `#/documents/${document.id}` }, document.fileName),
        h('span', { class: 'muted' }, ` ${formatBytes(document.sizeBytes)}`)),
      h('div', { class: 'progress-line' }, this.bar, this.stage, this.message, this.stop),
      this.details,
      h('details', {}, h('summary', {}, 'Progress history'), this.history));
    this.#render(document.status, document.status === 'ready' ? 100 : 0);
    this.#summary();
    if (document.status === 'failed') this.#failed(document.failureCode, document.failureReason);
  }

  uploaded(outcome) {
    if (outcome === 'duplicate') this.message.textContent = 'Already in this case.';
  }

  /**
   * The document's state when the feed connects, read from the database: it shows documents the
   * page has not followed yet. Once events arrive they are the truth: after a reconnect the feed
   * replays every event since the last one seen.
   */
  state(snapshot) {
    if (!this.history.children.length) this.#apply(snapshot);
  }

  progress(event, id) {
    this.history.append(h('li', { dataset: { eventId: id } }, `${stageLabels[event.stage] ?? event.stage} ${event.percent} %: ${event.message}`));

    // Opened after a document finished, the feed replays its run from the start: the bar stays at
    // its end; a new run (reprocess) starts at queued.
    if (this.final && !event.final && event.stage !== 'queued') return;
    this.#apply(event);
  }

  async #apply(event) {
    this.final = event.final;
    this.#render(event.stage, event.percent, event.message);
    if (event.stage === 'failed') this.#failed(event.failureCode, event.failureReason);
    if (event.final) {
      this.document = await api(`/api/documents/${this.document.id}`);
      this.#summary();
      announce(`${this.document.fileName}: ${stageLabels[event.stage]}.`);
    }
  }

  #render(stage, percent, message) {
    this.element.dataset.stage = stage;
    if (this.stop) this.stop.hidden = stage === 'ready' || stage === 'failed';
    this.bar.value = percent;
    this.bar.setAttribute('aria-valuetext', `${stageLabels[stage] ?? stage}, ${percent} %`);
    show(this.stage, `${stageLabels[stage] ?? stage} · ${percent} %`);
    show(this.message, message ?? '');
    if (stage !== 'failed') show(this.details);
  }

  #summary() {
    const d = this.document;
    if (d.status !== 'ready') return;
    show(this.details, h('span', { class: 'muted', 'data-testid': 'summary' },
      [d.pageCount !== null ? plural(d.pageCount, 'page') : null, plural(d.chunkCount, 'passage'), plural(d.citationCount, 'citation')].filter(Boolean).join(' · ')),
    d.extractedByOcr ? h('span', { class: 'badge', 'data-testid': 'ocr', title: 'Some text was read from images; it may hold recognition errors.' }, `OCR: ${plural(d.ocrPages, 'page')}`) : null);
  }

  #failed(code, reason) {
    if (!code) return;
    show(this.details,
      h('p', { class: 'problem', 'data-testid': 'failure' }, h('code', {}, code), ': ', reason ?? ''),
      canEdit(this.caseItem.access) ? h('button', { type: 'button', onclick: () => this.#reprocess() }, 'Retry') : null);
  }

  async #cancel() {
    const document = await api(`/api/documents/${this.document.id}/cancel`, { method: 'POST' });
    this.#apply({ stage: 'failed', percent: 100, message: document.failureReason, final: true, failureCode: document.failureCode, failureReason: document.failureReason });
  }

  async #reprocess() {
    await api(`/api/documents/${this.document.id}/reprocess`, { method: 'POST' });
    this.final = false;
    this.#render('queued', 0, 'Queued again.');
    announce(`${this.document.fileName} queued again.`);
  }
}
