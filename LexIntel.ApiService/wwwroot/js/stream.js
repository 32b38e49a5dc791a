import { createParser } from '../lib/eventsource-parser/index.js';
import { session } from './auth.js';
import { ProblemError, problemOf } from './api.js';

/**
 * POSTs and reads the answer as Server-Sent Events (EventSource can only GET): calls
 * onEvent(name, data) for each event. A refusal before the stream starts is a ProblemError.
 */
export async function postEventStream(path, json, onEvent, signal) {
  const response = await fetch(path, {
    method: 'POST',
    signal,
    headers: { Authorization: `Bearer ${session()?.token}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new ProblemError(response.status, await problemOf(response));

  const parser = createParser({ onEvent: event => onEvent(event.event, parseData(event.data)) });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}

function parseData(data) {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
