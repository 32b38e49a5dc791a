import { completeProviderSignIn, loadSettings, session, signOut } from './auth.js';
import { h, show } from './dom.js';
import { showError, clearError } from './errors.js';
import { renderSignIn } from './views/sign-in.js';
import { renderCases } from './views/cases.js';
import { renderCase } from './views/case.js';
import { renderDocument } from './views/document.js';

// Hash routes keep every screen a link the user can bookmark, and every unknown path on the
// server a plain 404: the API serves only files and /api.
const routes = [
  { pattern: /^\/sign-in$/, render: renderSignIn, public: true },
  { pattern: /^\/$/, render: renderCases },
  { pattern: /^\/cases\/([0-9a-f-]{36})(?:\/(documents|search|ask|authorities|team))?(?:\/([0-9a-f-]{36}))?$/, render: renderCase },
  { pattern: /^\/documents\/([0-9a-f-]{36})$/, render: renderDocument },
];

let current;

async function route() {
  current?.abort();
  current = new AbortController();
  clearError();
  const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
  const match = routes.map(r => ({ r, m: r.pattern.exec(path) })).find(x => x.m);
  const main = document.getElementById('main');
  renderSession();
  if (!match) {
    show(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Go to your cases.')));
    return;
  }
  if (!match.r.public && !session()) {
    // Back to the bookmarked screen once signed in.
    location.hash = `#/sign-in?return=${encodeURIComponent(location.hash)}`;
    return;
  }
  try {
    await match.r.render(main, { path: match.m.slice(1), query: new URLSearchParams(query), signal: current.signal });
  } catch (error) {
    if (error.name !== 'AbortError') showError(error);
  }
}

function renderSession() {
  const current = session();
  const element = document.getElementById('session');
  if (!current) {
    show(element);
    return;
  }
  const tenant = current.tenantName ?? current.tenant ?? 'no tenant';
  show(element,
    h('span', { class: 'who' }, 'Signed in as ', h('strong', { 'data-testid': 'user' }, current.user),
      ' (', current.roles.join(', ') || 'no role', ') in ', h('strong', { 'data-testid': 'tenant', title: current.tenant ?? '' }, tenant)),
    h('button', { type: 'button', class: 'link', onclick: () => signOut() }, 'Sign out'));
}

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', event => showError(event.reason));

try {
  await loadSettings();
  await completeProviderSignIn();
  await route();
} catch (error) {
  showError(error);
}
