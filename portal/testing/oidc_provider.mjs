// A real OpenID Connect provider on loopback for the tests: `oidc-provider` from the npm registry
// (package.json devDependencies), driven by portal/testing/oidc_provider.py.
//
//   node portal/testing/oidc_provider.mjs CONFIG.json
//
// CONFIG.json (every key optional):
//   {"host": "127.0.0.1", "port": 0, "admin_token": "...", "node_modules": "/abs/node_modules",
//    "clients": [{"client_id", "client_secret", "redirect_uris": [], "post_logout_redirect_uris": [],
//                 "token_endpoint_auth_method": "client_secret_post" | "client_secret_basic"}],
//    "accounts": [{"username", "password", "acr", "claims": {"sub", "email", ...}}],
//    "require_pkce": false, "auto_confirm_logout": false}
//
// It listens on host:port (port 0: the OS picks a free one), so the issuer is http://host:port, and
// prints one JSON line {"ready": true, "issuer": ..., "port": ...} on stdout when it answers.
// Plain http on loopback: oidc-provider's cookies are then not `Secure`, which is what a browser
// accepts over http. The cookie names carry the port, so two providers on 127.0.0.1 (two
// organisations) do not overwrite each other's session (cookies are per host, not per port).
//
// The login page is our own (devInteractions off): Danish, labelled fields, no JavaScript. Consent
// is granted automatically (loadExistingGrant): every client here is the portal, a first party.
//
// Admin endpoint (JSON, `Authorization: Bearer <admin_token>`) to change it while it runs:
//   POST /__admin/clients   a client as above          POST /__admin/accounts   an account as above
//   POST /__admin/settings  {"forge": null | "wrong_key" | "wrong_iss" | "wrong_aud" | "expired",
//                            "auto_confirm_logout": bool}
//   GET  /__admin/log       the token requests seen: [{client_id, auth_method, pkce, forged}]
// A forgery rewrites the id_token in the token endpoint's answer (after oidc-provider issued it):
// wrong_key signs it with an RSA key that is not in the JWKS (the header still names the JWKS kid,
// so only the signature betrays it); wrong_iss/wrong_aud/expired change that claim and sign it
// properly with the provider's own key, so exactly one check is broken at a time.

import { createPrivateKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const here = path.dirname(fileURLToPath(import.meta.url));
const nodeModules = config.node_modules || path.resolve(here, '..', '..', 'node_modules');
const oidcLib = path.join(nodeModules, 'oidc-provider', 'lib');
const { default: Provider } = await import(pathToFileURL(path.join(oidcLib, 'index.js')));
const { default: MemoryAdapter } = await import(
  pathToFileURL(path.join(oidcLib, 'adapters', 'memory_adapter.js'))
);

// The Danish NSIS levels of assurance (MitID Erhverv), the values an `acr` claim carries.
const NSIS = 'https://data.gov.dk/concept/core/nsis/loa/';
const ACR_VALUES = [`${NSIS}Low`, `${NSIS}Substantial`, `${NSIS}High`];
const PROFILE_CLAIMS = [
  'name', 'given_name', 'family_name', 'preferred_username', 'groups', 'roles', 'organisation',
];
const FORGERIES = new Set(['wrong_key', 'wrong_iss', 'wrong_aud', 'expired']);

const state = {
  forge: null,
  autoConfirmLogout: Boolean(config.auto_confirm_logout),
  log: [],
};
const clients = new Map(); // client_id -> metadata (snake_case, as oidc-provider reads it)
const accounts = new Map(); // username -> {password, acr, claims}
const accountsBySub = new Map();

function addClient(input) {
  if (!input.client_id || !input.client_secret) throw new Error('client_id and client_secret');
  const metadata = {
    client_id: String(input.client_id),
    client_secret: String(input.client_secret),
    client_name: input.client_name || String(input.client_id),
    redirect_uris: input.redirect_uris || [],
    post_logout_redirect_uris: input.post_logout_redirect_uris || [],
    token_endpoint_auth_method: input.token_endpoint_auth_method || 'client_secret_post',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    id_token_signed_response_alg: 'RS256',
  };
  clients.set(metadata.client_id, metadata);
  return metadata;
}

function addAccount(input) {
  const claims = { ...(input.claims || {}) };
  if (!input.username || !input.password || !claims.sub) {
    throw new Error('username, password and claims.sub');
  }
  const account = { password: String(input.password), acr: input.acr || ACR_VALUES[1], claims };
  accounts.set(String(input.username), account);
  accountsBySub.set(String(claims.sub), account);
  return { username: input.username, acr: account.acr, claims };
}

(config.clients || []).forEach(addClient);
(config.accounts || []).forEach(addAccount);

// Clients come from the map above (so tests can add them while it runs); everything else
// (sessions, interactions, codes, tokens, grants) lives in oidc-provider's own memory adapter.
const clientAdapter = {
  async find(id) { return clients.get(id); },
  async upsert() {}, async destroy() {}, async consume() {},
  async findByUid() { return undefined; }, async findByUserCode() { return undefined; },
  async revokeByGrantId() {},
};
class Adapter {
  constructor(name) {
    // A constructor may hand back another object: clients get the map, the rest memory.
    return name === 'Client' ? clientAdapter : new MemoryAdapter(name);
  }
}

// RS256 keys made at start: the provider's (published in the JWKS) and a rogue one (never published).
function rsaKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}
const signingJwk = rsaKey(`idp-${randomBytes(6).toString('hex')}`);
const rogueJwk = rsaKey(signingJwk.kid); // same kid: the verifier finds the real key, then fails

const b64url = (input) => Buffer.from(input).toString('base64url');
function signJwt(header, payload, jwk) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(createPrivateKey({ key: jwk, format: 'jwk' }));
  return `${input}.${signature.toString('base64url')}`;
}
function forgeIdToken(idToken, forgery) {
  const [headerPart, payloadPart] = idToken.split('.');
  const header = JSON.parse(Buffer.from(headerPart, 'base64url'));
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url'));
  let key = signingJwk;
  if (forgery === 'wrong_key') key = rogueJwk;
  if (forgery === 'wrong_iss') payload.iss = 'http://127.0.0.1:1/forged-issuer';
  if (forgery === 'wrong_aud') payload.aud = 'forged-audience';
  if (forgery === 'expired') {
    const now = Math.floor(Date.now() / 1000);
    payload.iat = now - 7200;
    payload.auth_time = now - 7200;
    payload.exp = now - 3600;
  }
  return signJwt(header, payload, key);
}

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => (
  { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]
));
const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:28rem;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;margin-right:.5rem;padding:.6rem 1.2rem;font-size:1rem}p.fejl{color:#b00020;font-weight:600}`;
function page(title, body) {
  return `<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Test-IdP</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

function loginPage(uid, clientName, { username = '', error = '' } = {}) {
  const errorHtml = error ? `<p class="fejl" role="alert" id="login-fejl">${escapeHtml(error)}</p>` : '';
  const described = error ? ' aria-describedby="login-fejl" aria-invalid="true"' : '';
  return page('Log ind', `<p>Log ind for at fortsætte til ${escapeHtml(clientName)}.</p>
${errorHtml}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" novalidate>
  <label for="username">Brugernavn</label>
  <input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(username)}"${described}>
  <label for="password">Adgangskode</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
  <button type="submit">Log ind</button>
  <button type="submit" formaction="/interaction/${escapeHtml(uid)}/abort" formnovalidate>Afbryd</button>
</form>`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

const server = http.createServer();
await new Promise((resolve) => server.listen(config.port || 0, config.host || '127.0.0.1', resolve));
const { address, port } = server.address();
const issuer = `http://${address}:${port}`;

const provider = new Provider(issuer, {
  adapter: Adapter,
  clients: [],
  jwks: { keys: [signingJwk] },
  findAccount: async (ctx, sub) => {
    const account = accountsBySub.get(sub);
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ ...account.claims, acr: account.acr, sub }) };
  },
  claims: {
    // acr with the openid scope: always in the id_token (the login's level of assurance).
    openid: ['sub', 'acr'],
    email: ['email', 'email_verified'],
    profile: PROFILE_CLAIMS,
  },
  // The id_token carries the scope's claims too (not only sub), as most enterprise IdPs do.
  conformIdTokenClaims: false,
  acrValues: ACR_VALUES,
  cookies: {
    names: {
      session: `op${port}_session`,
      interaction: `op${port}_interaction`,
      resume: `op${port}_resume`,
    },
    keys: [randomBytes(32).toString('hex')],
  },
  pkce: { required: () => Boolean(config.require_pkce) },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        const auto = state.autoConfirmLogout
          ? `<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<script>document.getElementById('op.logoutForm').submit();</script>`
          : '';
        ctx.body = page('Log ud', `<p>Vil du logge ud af Test-IdP (${escapeHtml(ctx.host)})?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, log mig ud</button>
<button type="submit" form="op.logoutForm">Nej, forbliv logget ind</button>
${auto}`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Du er logget ud', '<p>Du er logget ud af Test-IdP.</p>');
      },
    },
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // Consent is implicit: a grant for what the client asked is made when there is none.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    if (!ctx.oidc.session.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Der opstod en fejl', `<p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description || '')}</p>`);
  },
});

// The token endpoint: record how the client authenticated, and forge the id_token if asked.
provider.use(async (ctx, next) => {
  const isToken = ctx.method === 'POST' && ctx.path === '/token';
  const basic = (ctx.get('authorization') || '').startsWith('Basic ');
  await next();
  if (!isToken || ctx.status !== 200 || !ctx.body?.id_token) return;
  const forgery = state.forge;
  state.log.push({
    client_id: ctx.oidc?.client?.clientId,
    auth_method: basic ? 'client_secret_basic' : 'client_secret_post',
    pkce: Boolean(ctx.oidc?.params?.code_verifier),
    forged: forgery,
  });
  if (forgery) ctx.body = { ...ctx.body, id_token: forgeIdToken(ctx.body.id_token, forgery) };
});

async function interactions(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page('Der opstod en fejl', '<p>Ukendt login.</p>'));
  const client = clients.get(details.params.client_id);
  const clientName = client?.client_name || details.params.client_id;
  if (req.method === 'GET' && !action) {
    return send(res, 200, loginPage(uid, clientName));
  }
  if (req.method === 'POST' && action === 'abort') {
    await readBody(req);
    return provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'Brugeren afbrød login',
    }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username') || '';
    const account = accounts.get(username);
    if (!account || account.password !== form.get('password')) {
      return send(res, 401, loginPage(uid, clientName, {
        username, error: 'Forkert brugernavn eller adgangskode.',
      }));
    }
    return provider.interactionFinished(req, res, {
      login: { accountId: String(account.claims.sub), acr: account.acr, amr: ['pwd'] },
    }, { mergeWithLastSubmission: false });
  }
  return send(res, 405, page('Der opstod en fejl', '<p>Metoden er ikke tilladt.</p>'));
}

async function admin(req, res, url) {
  if (req.headers.authorization !== `Bearer ${config.admin_token}`) {
    return send(res, 403, '{"error": "forbidden"}', 'application/json');
  }
  const json = (status, body) => send(res, status, JSON.stringify(body), 'application/json');
  if (req.method === 'GET' && url.pathname === '/__admin/log') return json(200, state.log);
  if (req.method !== 'POST') return json(405, { error: 'method' });
  const body = JSON.parse((await readBody(req)) || '{}');
  if (url.pathname === '/__admin/clients') return json(201, addClient(body));
  if (url.pathname === '/__admin/accounts') return json(201, addAccount(body));
  if (url.pathname === '/__admin/settings') {
    if ('forge' in body) {
      if (body.forge !== null && !FORGERIES.has(body.forge)) return json(400, { error: 'forge' });
      state.forge = body.forge;
    }
    if ('auto_confirm_logout' in body) state.autoConfirmLogout = Boolean(body.auto_confirm_logout);
    return json(200, { forge: state.forge, auto_confirm_logout: state.autoConfirmLogout });
  }
  return json(404, { error: 'not found' });
}

const providerCallback = provider.callback();
server.on('request', (req, res) => {
  const url = new URL(req.url, issuer);
  let handler = null;
  if (url.pathname.startsWith('/interaction/')) handler = interactions;
  else if (url.pathname.startsWith('/__admin/')) handler = admin;
  if (!handler) return providerCallback(req, res);
  return handler(req, res, url).catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    if (!res.headersSent) send(res, 400, page('Der opstod en fejl', `<p>${escapeHtml(error.message)}</p>`));
  });
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ ready: true, issuer, port })}\n`);
