import { appSettings, session, signInForDevelopment, signInWithProvider } from '../auth.js';
import { h, show } from '../dom.js';

export function renderSignIn(main, { query }) {
  // Back to the screen that asked for a sign-in (a bookmark, an expired session), never elsewhere.
  const target = query.get('return')?.startsWith('#/') ? query.get('return') : '#/';
  if (session()) {
    location.hash = target;
    return;
  }
  const settings = appSettings();
  const go = sign => async () => {
    await sign();
    location.hash = target;
  };
  const choices = {
    development: () => [
      h('p', {}, 'Development: sign in to the Development tenant with the local credentials.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: go(() => signInForDevelopment('admin')) }, 'Sign in as tenant admin'),
        h('button', { type: 'button', onclick: go(() => signInForDevelopment('member')) }, 'Sign in as member')),
    ],
    oidc: () => [h('button', { type: 'button', class: 'primary', onclick: () => signInWithProvider(target) }, 'Sign in')],
    unconfigured: () => [h('p', { class: 'problem' }, settings.detail)],
  };
  show(main,
    h('section', { class: 'card narrow' },
      h('h1', {}, 'Sign in to LexIntel'),
      query.has('expired') ? h('p', { class: 'problem' }, 'Your session has ended; sign in again.') : null,
      choices[settings.signIn]()));
  main.querySelector('button')?.focus();
}
