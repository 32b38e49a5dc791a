// Who is signed in. Development: the API's development credentials. Production: the OIDC
// provider, authorization code with PKCE (oidc-client-ts). The token lives in this tab's
// sessionStorage only, and the page's CSP keeps other scripts from reading it.

const storageKey = 'lexintel.session';
let settings;
let userManager;

export async function loadSettings() {
  const response = await fetch('/web/settings', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The sign-in settings could not be read (${response.status}).`);
  settings = await response.json();
  if (settings.signIn === 'oidc') {
    userManager = new window.oidc.UserManager({
      authority: settings.authority,
      client_id: settings.clientId,
      scope: settings.scope,
      response_type: 'code',
      redirect_uri: `${location.origin}/`,
      post_logout_redirect_uri: `${location.origin}/`,
      userStore: new window.oidc.WebStorageStateStore({ store: window.sessionStorage }),
    });
  }
  return settings;
}

/** The signed-in user ({ token, user, tenant, roles, tenantName, expiresAt }) or null. */
export function session() {
  const stored = sessionStorage.getItem(storageKey);
  if (!stored) return null;
  const current = JSON.parse(stored);
  return Date.parse(current.expiresAt) > Date.now() ? current : null;
}

function remember(token, tenantName) {
  // Base64url JSON in UTF-8: atob alone would garble a name like "José".
  const payload = Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(payload));
  const roles = [claims[settings.roleClaim] ?? []].flat();
  const current = {
    token,
    user: claims[settings.userClaim],
    tenant: claims[settings.tenantClaim] ?? null,
    tenantName,
    roles,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
  sessionStorage.setItem(storageKey, JSON.stringify(current));
  return current;
}

/** Development only: a token for the Development tenant's admin or member. */
export async function signInForDevelopment(role) {
  const response = await fetch('/dev/credentials', { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Development sign-in is not available (${response.status}).`);
  const credentials = await response.json();
  return remember(role === 'admin' ? credentials.adminToken : credentials.memberToken, 'Development');
}

/** To the provider, which sends the user back to the page with a code; then to `returnTo`. */
export async function signInWithProvider(returnTo) {
  await userManager.signinRedirect({ state: returnTo });
}

/** Back from the provider (?code=…&state=…): keep the token, go where the sign-in meant to return to. */
export async function completeProviderSignIn() {
  const query = new URLSearchParams(location.search);
  if (!userManager || !query.has('code') || !query.has('state')) return false;
  const user = await userManager.signinRedirectCallback();
  remember(user.access_token, null);
  history.replaceState(null, '', `/${typeof user.state === 'string' ? user.state : ''}`);
  return true;
}

/**
 * Signing out ends the provider's session too, where it has an end-session endpoint (with the id
 * token as a hint, which providers want before honouring the return address); otherwise, and when
 * the session merely expired, the page forgets the user and shows the sign-in screen.
 */
export async function signOut({ expired = false } = {}) {
  sessionStorage.removeItem(storageKey);
  if (userManager && !expired && await userManager.metadataService.getEndSessionEndpoint()) {
    await userManager.signoutRedirect();
    return;
  }
  await userManager?.removeUser();
  location.hash = expired ? '#/sign-in?expired' : '#/sign-in';
}

/** The settings read at start (limits included), without asking the server again. */
export const appSettings = () => settings;
