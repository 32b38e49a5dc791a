import { loadSettings, signInForDevelopment, signInWithProvider } from '../auth.js';
import { h, show } from '../dom.js';

export async function renderSignIn(main, { query }) {
  const settings = await loadSettings();
  const go = sign => async () => {
    await sign();
    location.hash = '#/';
  };
  const choices = {
    development: () => [
      h('p', {}, 'Development: sign in to the Development tenant with the local credentials.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: go(() => signInForDevelopment('admin')) }, 'Sign in as tenant admin'),
        h('button', { type: 'button', onclick: go(() => signInForDevelopment('member')) }, 'Sign in as member')),
    ],
    oidc: () => [h('button', { type: 'button', class: 'primary', onclick: () => signInWithProvider() }, 'Sign in')],
    unconfigured: () => [h('p', { class: 'problem' }, settings.detail)],
  };
  show(main,
    h('section', { class: 'card narrow' },
      h('h1', {}, 'Sign in to LexIntel'),
      query.has('expired') ? h('p', { class: 'problem' }, 'Your session has ended; sign in again.') : null,
      choices[settings.signIn]()));
  main.querySelector('button')?.focus();
}
