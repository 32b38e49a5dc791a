import { session, signOut } from './auth.js';

/** A refused or failed call, carrying the API's problem details (RFC 9457). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

// The detail says what was wrong; validation problems name each field instead.
function describe(status, problem) {
  const fields = problem?.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return problem?.detail || fields || problem?.title || `The server answered ${status}.`;
}

/** Calls the API with the signed-in user's token; JSON in and out, problem details as ProblemError. */
export async function api(path, { method = 'GET', json, body, signal, headers = {} } = {}) {
  const current = session();
  const request = { method, signal, headers: { Accept: 'application/json', ...headers } };
  if (current) request.headers.Authorization = `Bearer ${current.token}`;
  if (json !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(json);
  } else if (body !== undefined) {
    request.body = body;
  }

  let response;
  try {
    response = await fetch(path, request);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ProblemError(0, { detail: 'The server could not be reached; check the connection and try again.' });
  }

  if (response.status === 401 && current) {
    await signOut({ expired: true });
  }
  return response.ok ? parse(response) : Promise.reject(new ProblemError(response.status, await problemOf(response)));
}

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response;
}

export async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}

/** The original file as a Blob (a plain link cannot carry the token). */
export async function download(documentId, signal) {
  const response = await api(`/api/documents/${documentId}/content`, { signal, headers: { Accept: '*/*' } });
  return response.blob();
}
