import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { linkViews } from '../../server/store/share-links';
import { setOrgSettings } from '../../server/store/orgs';
import { contentItem } from './support/content-items';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * Share links against a real server and database (SQLite here, PostgreSQL in server-pg):
 * who may create and revoke them, where /s/<slug> sends a prospect, which requests count as
 * a view, and what a view records. The server runs in this process, so moving the clock
 * (fake Date, still ticking) moves it for the server too: "later" is past the quiet seconds.
 */

const ASSET_URL = 'https://cdn.example.com/northwind.pdf?v=3';
const ITEMS = [
  contentItem('northwind-case', { url: ASSET_URL, title: 'How Northwind cut idle time' }),
  contentItem('fleet-guide', {
    type: 'guide',
    title: 'Fleet <guide> & checklist',
    body: 'Hi {{first_name | there}},\n\n**Step one.** Read [the docs](https://docs.example.com) and [this](javascript:alert(1)).\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n![tracker](https://evil.example/pixel.gif)\n',
  }),
  contentItem('roi-email', { type: 'email_template', title: 'ROI email' }),
  contentItem('battlecard', { type: 'battlecard', title: 'Versus Acme', url: 'https://wiki.example.com/acme' }),
  contentItem('private-deck', { type: 'deck', title: 'Pricing deck', url: 'https://cdn.example.com/pricing.pdf', shareable: false }),
  contentItem('old-ebook', { type: 'ebook', title: 'Old ebook', url: 'https://cdn.example.com/old.pdf', expires: '2020-01-01' }),
];

/** Real browsers: each one opening a link is a view. */
const BROWSERS: [string, string, 'desktop' | 'mobile'][] = [
  ['Chrome on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'desktop'],
  [
    'Edge on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'desktop',
  ],
  ['Safari on macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'desktop'],
  ['Firefox on Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'desktop'],
  [
    'Safari on iPhone',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'mobile',
  ],
  ['Chrome on Android', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'mobile'],
  [
    'Gmail app in-app browser on iOS',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/325.0.650918472 Mobile/15E148 Safari/604.1',
    'mobile',
  ],
];

/** Scanners and previewers, as they introduce themselves: none of them is a view. */
const SCANNERS: [string, string][] = [
  ['Gmail image proxy', 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'],
  ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  [
    'Google Inspection Tool',
    'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Google-InspectionTool/1.0;)',
  ],
  ['BingPreview (Outlook.com link previews)', 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b'],
  ['Outlook desktop link check', 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)'],
  ['Office existence discovery', 'Microsoft Office Existence Discovery'],
  ['Microsoft WebDAV', 'Microsoft-WebDAV-MiniRedir/10.0.19045'],
  [
    'Teams and Skype previews',
    'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.143 Safari/537.36 SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
  ],
  ['Slack unfurler', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
  ['Slack image proxy', 'Slack-ImgProxy (+https://api.slack.com/robots)'],
  ['LinkedIn', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
  ['Facebook', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
  [
    'iMessage previews',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
  ],
  ['Twitter', 'Twitterbot/1.0'],
  ['Discord', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
  ['Telegram', 'TelegramBot (like TwitterBot)'],
  ['WhatsApp', 'WhatsApp/2.23.20.0 A'],
  [
    'Applebot',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
  ],
  ['Barracuda gateway', 'Barracuda Sentinel (EE)'],
  ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'],
  ['curl', 'curl/8.5.0'],
  ['Python requests', 'python-requests/2.32.3'],
  ['Go', 'Go-http-client/1.1'],
  ['Java', 'Java/17.0.2'],
  ['no user agent at all', ''],
];

let server: TestServer;
let tokens: Record<'rep' | 'rep2' | 'manager' | 'admin' | 'other', string>;
let clock = Date.now();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  server = await startTestServer({ shareLinks: { perMinute: 100_000 } });
  await server.setLibrary('acme', ITEMS);
  await server.setLibrary('globex', [contentItem('globex-case', { url: 'https://globex.example.com/case.pdf' })]);
  tokens = {
    rep: await server.tokenFor('acme', 'dana@acme.test', 'rep'),
    rep2: await server.tokenFor('acme', 'erik@acme.test', 'rep'),
    manager: await server.tokenFor('acme', 'lead@acme.test', 'manager'),
    admin: await server.tokenFor('acme', 'admin@acme.test', 'admin'),
    other: await server.tokenFor('globex', 'rep@globex.test', 'rep'),
  };
});
afterAll(async () => {
  await server.dispose();
  vi.useRealTimers();
});
afterEach(async () => {
  // Each test may move the clock; never backwards, so links made earlier stay in the past.
  clock = Date.now();
});

/** Moves the server's clock past the quiet seconds after a link's creation. */
function later(seconds = 11): void {
  clock = Date.now() + seconds * 1000;
  vi.setSystemTime(clock);
}

async function share(itemId = 'northwind-case', token = tokens.rep, extra: Record<string, unknown> = {}) {
  return call(`${server.url}/api/v1/links`, { token, body: { itemId, ...extra } });
}

/** Opens a link as a browser would, without following the redirect. */
async function open(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(url, { method, headers: { 'User-Agent': BROWSERS[0]![1], ...headers }, redirect: 'manual' });
  return {
    status: response.status,
    location: response.headers.get('Location'),
    cookie: response.headers.get('Set-Cookie'),
    text: await response.text(),
    headers: response.headers,
  };
}

async function viewsOf(slug: string, token = tokens.rep): Promise<number> {
  const res = await call(`${server.url}/api/v1/links`, { token });
  return res.json.links.find((l: { slug: string }) => l.slug === slug).views;
}

describe('creating a share link', () => {
  it.each(['rep', 'manager', 'admin'] as const)('a %s gets an unguessable link on the server for an item of their org', async (role) => {
    const res = await share('northwind-case', tokens[role], { stage: 'interest', site: 'gmail' });
    expect(res.status).toBe(201);
    // 22 base64url characters: 132 bits of text for 128 random bits.
    expect(res.json.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.json.url).toBe(`${server.url}/s/${res.json.slug}`);
    expect(res.json).toMatchObject({ itemId: 'northwind-case', title: 'How Northwind cut idle time', views: 0, status: 'active' });
  });

  it('never hands out the same slug twice', async () => {
    const slugs = new Set<string>();
    for (let i = 0; i < 20; i++) slugs.add((await share()).json.slug);
    expect(slugs.size).toBe(20);
  });

  it('refuses an item of another org as if it did not exist', async () => {
    const res = await share('globex-case');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('no_such_item');
    expect((await share('northwind-case', tokens.other)).status).toBe(404);
  });

  it('refuses templates, snippets and battlecards, items an admin switched off, and expired items', async () => {
    expect((await share('roi-email')).json.error.code).toBe('not_shareable');
    expect((await share('battlecard')).json.error.code).toBe('not_shareable');
    expect((await share('private-deck')).status).toBe(403);
    expect((await share('old-ebook')).json.error.code).toBe('item_expired');
  });

  it('needs a token, and never takes a URL from the client', async () => {
    expect((await call(`${server.url}/api/v1/links`, { body: { itemId: 'northwind-case' } })).status).toBe(401);
    const res = await share('northwind-case', tokens.rep, { url: 'https://evil.example.com' });
    expect(res.status).toBe(400);
  });

  it("lists only the caller's own links", async () => {
    const mine = (await share()).json.slug as string;
    const theirs = (await share('northwind-case', tokens.rep2)).json.slug as string;
    const list = (await call(`${server.url}/api/v1/links`, { token: tokens.rep })).json.links.map((l: { slug: string }) => l.slug);
    expect(list).toContain(mine);
    expect(list).not.toContain(theirs);
    expect((await call(`${server.url}/api/v1/links`, { token: tokens.other })).json.links).toEqual([]);
  });
});

describe('opening a share link', () => {
  it("redirects (302) to the item's own URL, whatever the request carries", async () => {
    const { url } = (await share()).json;
    later();
    for (const suffix of ['', '?url=https://evil.example.com', '?next=//evil.example.com']) {
      const res = await open(url + suffix, { Referer: 'https://evil.example.com/' });
      expect(res.status).toBe(302);
      expect(res.location).toBe(ASSET_URL);
    }
  });

  it('renders a body as a clean read-only page: title, body, org; no script, no unsafe link, no tracker', async () => {
    const { url } = (await share('fleet-guide')).json;
    const res = await open(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.text).toContain('<h1>Fleet &#60;guide&#62; &#38; checklist</h1>');
    expect(res.text).toContain('Hi there,');
    expect(res.text).toContain('<strong>Step one.</strong>');
    expect(res.text).toContain('<a href="https://docs.example.com"');
    expect(res.text).toContain('acme');
    // Raw HTML in the body is shown as text, never as markup.
    expect(res.text).toContain('&#60;script&#62;alert(1)');
    expect(res.text).not.toMatch(/<script|<img|<[^>]*onerror|javascript:|evil\.example/i);
    // Nothing else from the library.
    expect(res.text).not.toContain('Northwind');
  });

  it('answers 404 alike for unknown and malformed slugs', async () => {
    const a = await open(`${server.url}/s/AAAAAAAAAAAAAAAAAAAAAA`);
    const b = await open(`${server.url}/s/nope`);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.text).toBe(b.text);
  });

  it('answers a polite 410 for a revoked link, a removed item, an expired item, an expired link, and sharing turned off', async () => {
    const revoked = (await share()).json;
    expect((await call(`${server.url}/api/v1/links/${revoked.slug}`, { token: tokens.rep, method: 'DELETE' })).status).toBe(204);
    const gone = await open(revoked.url);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('no longer available');

    const removed = (await share('fleet-guide')).json;
    const expiring = (await share('northwind-case')).json;
    await server.setLibrary('acme', [...ITEMS.filter((i) => i.id !== 'fleet-guide' && i.id !== 'northwind-case'), { ...ITEMS[0]!, expires: '2021-06-30' }]);
    expect((await open(removed.url)).status).toBe(410);
    expect((await open(expiring.url)).status).toBe(410);
    const listed = (await call(`${server.url}/api/v1/links`, { token: tokens.rep })).json.links;
    expect(listed.find((l: { slug: string }) => l.slug === removed.slug)).toMatchObject({ status: 'gone', title: null });
    expect(listed.find((l: { slug: string }) => l.slug === revoked.slug)).toMatchObject({ status: 'revoked' });
    await server.setLibrary('acme', ITEMS);
    expect((await open(removed.url)).status).not.toBe(410);

    const org = await server.db.selectFrom('orgs').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    await setOrgSettings(server.db, org.id, { shareLinks: false });
    expect((await open(removed.url)).status).toBe(410);
    expect((await share('fleet-guide')).json.error.code).toBe('share_links_disabled');
    await setOrgSettings(server.db, org.id, {});

    const old = (await share()).json;
    later(181 * 86_400);
    expect((await open(old.url)).status).toBe(410);
  });
});

describe('revoking', () => {
  it("is for the link's rep or an admin of its org", async () => {
    const a = (await share()).json.slug;
    expect((await call(`${server.url}/api/v1/links/${a}`, { token: tokens.rep2, method: 'DELETE' })).status).toBe(403);
    expect((await call(`${server.url}/api/v1/links/${a}`, { token: tokens.manager, method: 'DELETE' })).status).toBe(403);
    expect((await call(`${server.url}/api/v1/links/${a}`, { token: tokens.other, method: 'DELETE' })).status).toBe(404);
    expect((await call(`${server.url}/api/v1/links/${a}`, { token: tokens.admin, method: 'DELETE' })).status).toBe(204);
    const b = (await share()).json.slug;
    expect((await call(`${server.url}/api/v1/links/${b}`, { token: tokens.rep, method: 'DELETE' })).status).toBe(204);
  });
});

describe('honest view counting', () => {
  it.each(BROWSERS)('counts %s opening it, as a %s view', async (_name, ua, device) => {
    const { url, slug } = (await share()).json;
    later();
    await open(url, { 'User-Agent': ua });
    expect(await viewsOf(slug)).toBe(1);
    expect(await linkViews(server.db, slug)).toEqual([expect.objectContaining({ device, counted: 1, reason: '' })]);
  });

  it.each(SCANNERS)('does not count %s', async (_name, ua) => {
    const { url, slug } = (await share()).json;
    later();
    const res = await open(url, { 'User-Agent': ua });
    // The scanner still gets where the link goes: a scanner refused would flag the email.
    expect(res.status).toBe(302);
    expect(await viewsOf(slug)).toBe(0);
    expect(await linkViews(server.db, slug)).toEqual([expect.objectContaining({ counted: 0, reason: 'scanner' })]);
  });

  it.each([
    ['HEAD', {}, 'HEAD', 'head'],
    ['Sec-Purpose: prefetch (Chrome)', { 'Sec-Purpose': 'prefetch' }, 'GET', 'prefetch'],
    ['Sec-Purpose: prefetch;prerender', { 'Sec-Purpose': 'prefetch;prerender' }, 'GET', 'prefetch'],
    ['Purpose: prefetch (Safari, older Chrome)', { Purpose: 'prefetch' }, 'GET', 'prefetch'],
    ['X-Moz: prefetch (Firefox)', { 'X-Moz': 'prefetch' }, 'GET', 'prefetch'],
  ] as const)('does not count %s', async (_name, headers, method, reason) => {
    const { url, slug } = (await share()).json;
    later();
    await open(url, headers, method);
    expect(await viewsOf(slug)).toBe(0);
    expect(await linkViews(server.db, slug)).toEqual([expect.objectContaining({ counted: 0, reason })]);
  });

  it("does not count a request within 10 s of the link's creation, but counts one after", async () => {
    const { url, slug } = (await share()).json;
    await open(url);
    expect(await viewsOf(slug)).toBe(0);
    later();
    await open(url);
    expect(await viewsOf(slug)).toBe(1);
    expect((await linkViews(server.db, slug)).map((v) => v.reason)).toEqual(['too_soon', '']);
  });

  it('counts repeat opens from one browser within 30 minutes once, and another browser again', async () => {
    const { url, slug } = (await share()).json;
    later();
    const first = await open(url);
    expect(first.cookie).toMatch(new RegExp(`^qv_seen=1; Max-Age=1800; Path=/s/${slug}; HttpOnly; SameSite=Lax`));
    const cookie = first.cookie!.split(';')[0]!;
    await open(url, { Cookie: cookie });
    await open(url, { Cookie: `other=1; ${cookie}` });
    expect(await viewsOf(slug)).toBe(1);
    await open(url); // another browser: no cookie
    expect(await viewsOf(slug)).toBe(2);
    // Requests in one millisecond have no order: compare them as a set.
    expect((await linkViews(server.db, slug)).map((v) => v.reason).sort()).toEqual(['', '', 'repeat', 'repeat']);
  });

  it('records per view only the time, desktop or mobile, and counted or why not', async () => {
    const columns = await server.db.selectFrom('share_link_views').selectAll().limit(1).execute();
    expect(Object.keys(columns[0]!).sort()).toEqual(['at', 'counted', 'device', 'id', 'reason', 'slug']);
    const link = await server.db.selectFrom('share_links').selectAll().limit(1).executeTakeFirstOrThrow();
    expect(Object.keys(link).sort()).toEqual(
      [
        'content_id',
        'content_type',
        'created_at',
        'expires_at',
        'first_opened_at',
        'last_opened_at',
        'org_id',
        'revoked_at',
        'site',
        'slug',
        'stage',
        'user_id',
        'views',
      ].sort(),
    );
  });

  it('lists views with the first and last counted open', async () => {
    const { url, slug } = (await share()).json;
    later();
    await open(url);
    const listed = (await call(`${server.url}/api/v1/links`, { token: tokens.rep })).json.links.find((l: { slug: string }) => l.slug === slug);
    expect(listed.views).toBe(1);
    expect(listed.firstOpenedAt).toBe(listed.lastOpenedAt);
    expect(Date.parse(listed.firstOpenedAt)).toBeGreaterThan(Date.parse(listed.createdAt));
  });
});

describe("the public link's rate limit", () => {
  it('answers 429 past the limit in a minute, keeping no address', async () => {
    const limited = await startTestServer({ shareLinks: { perMinute: 5 } });
    try {
      // The start of a minute, so the burst below stays within one.
      const minute = Math.ceil(Date.now() / 60_000) * 60_000;
      vi.setSystemTime(minute);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await open(`${limited.url}/s/AAAAAAAAAAAAAAAAAAAAAA`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
      const rows = await limited.db.selectFrom('share_link_hits').selectAll().execute();
      expect(rows).toEqual([{ bucket: expect.stringMatching(/^[0-9a-f]{4}$/), minute: new Date(minute).toISOString().slice(0, 16), hits: 7 }]);
      expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
      // The next minute starts afresh, and sweeps the last one away.
      vi.setSystemTime(minute + 60_000);
      expect((await open(`${limited.url}/s/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
      expect(await limited.db.selectFrom('share_link_hits').select('hits').execute()).toEqual([{ hits: 1 }]);
    } finally {
      await limited.dispose();
    }
  });

  it('behind a load balancer (--trust-proxy) limits each client, not the balancer', async () => {
    const limited = await startTestServer({ shareLinks: { perMinute: 2, trustProxy: true } });
    try {
      vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000);
      const from = async (client: string) => (await open(`${limited.url}/s/AAAAAAAAAAAAAAAAAAAAAA`, { 'X-Forwarded-For': `198.51.100.7, ${client}` })).status;
      expect([await from('203.0.113.10'), await from('203.0.113.10'), await from('203.0.113.10')]).toEqual([404, 404, 429]);
      expect(await from('203.0.113.99')).toBe(404);
    } finally {
      await limited.dispose();
    }
  });
});
