// Builds elements from data without ever parsing it as HTML: document text is untrusted.

/** h('a', { href: '#', class: 'x', onclick: fn }, 'text', childElement, [more, children]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * Search highlights arrive as text with <mark>…</mark> around the matches (PostgreSQL's
 * ts_headline, which does not escape the document's own markup): only those two tags become
 * elements, everything else stays text.
 */
export function marked(highlight) {
  const fragment = document.createDocumentFragment();
  const parts = String(highlight ?? '').split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) fragment.append(inMark ? h('mark', {}, part) : document.createTextNode(part));
  }
  return fragment;
}

/** Tells screen-reader users what changed without moving their focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = message; });
}

export const formatDate = value => value ? new Date(value).toLocaleString() : '';

export const formatBytes = bytes => bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

export const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
