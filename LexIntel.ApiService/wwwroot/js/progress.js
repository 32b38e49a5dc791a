import { api } from './api.js';

/**
 * Follows a case's progress feed (Server-Sent Events). EventSource cannot send a token, so each
 * connection opens with a short-lived ticket; when a connection drops, the feed asks for a new
 * ticket and resumes after the last event id it saw (?lastEventId=), so nothing is missed, and an
 * event that still arrives twice is passed on once.
 */
export class CaseProgressFeed {
  #caseId;
  #handlers;
  #signal;
  #source = null;
  #lastEventId = null;
  #seen = new Set();
  #retryDelay = 500;

  constructor(caseId, { onState, onProgress, onConnection }, signal) {
    this.#caseId = caseId;
    this.#handlers = { onState, onProgress, onConnection: onConnection ?? (() => {}) };
    this.#signal = signal;
    signal.addEventListener('abort', () => this.#source?.close());
  }

  async open() {
    if (this.#signal.aborted) return;
    try {
      const { url } = await api('/api/progress/tickets', { method: 'POST', json: { caseId: this.#caseId }, signal: this.#signal });
      this.#connect(this.#lastEventId ? `${url}&lastEventId=${encodeURIComponent(this.#lastEventId)}` : url);
    } catch (error) {
      if (error.name === 'AbortError' || error.status === 404 || error.status === 401) return;
      this.#retry();
    }
  }

  #connect(url) {
    const source = new EventSource(url);
    this.#source = source;
    source.addEventListener('open', () => {
      this.#retryDelay = 500;
      this.#handlers.onConnection(true);
    });
    source.addEventListener('state', event => this.#handlers.onState(JSON.parse(event.data)));
    source.addEventListener('progress', event => {
      if (this.#seen.has(event.lastEventId)) return;
      this.#seen.add(event.lastEventId);
      this.#lastEventId = event.lastEventId;
      this.#handlers.onProgress(JSON.parse(event.data), event.lastEventId);
    });
    // Any drop (network, the API's restart, the stream's lifetime) ends this connection: the
    // browser's own retry would reuse an expired ticket.
    source.addEventListener('error', () => {
      source.close();
      this.#handlers.onConnection(false);
      this.#retry();
    });
  }

  #retry() {
    if (this.#signal.aborted) return;
    setTimeout(() => this.open(), this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, 10_000);
  }
}
