import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const base = 'http://localhost:5291';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const problems: string[] = [];
async function newPage() {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()} ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}
async function axe(page: any, label: string) {
  await page.addScriptTag({ content: axeSource }).catch(() => {});
  const res = await page.evaluate(async () => { const r = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }); return r.violations.map((v: any) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`); }).catch((e: any) => ['axe failed: ' + e.message]);
  console.log('axe', label, res);
}
const admin = await newPage();
await admin.goto(`${base}/login`);
await admin.waitForLoadState('networkidle');
await admin.fill('#login-email', 'admin@atlas.test');
await admin.fill('#login-password', 'wrong password!!');
await admin.click('button[type=submit]');
await admin.waitForSelector('.auth-error');
console.log('wrong pw msg:', await admin.locator('.auth-error').innerText());
await axe(admin, 'login-with-error');
await admin.fill('#login-password', 'admin password 123');
await admin.click('button[type=submit]');
await admin.waitForURL(`${base}/account`);
console.log('account h1:', await admin.locator('h1').innerText());
await admin.fill('#token-name', 'my script');
await admin.check('input[value=WRITE]');
await admin.click('form[action="?/createToken"] button[type=submit]');
await admin.waitForSelector('.auth-secret');
const secret = await admin.locator('.auth-secret').innerText();
console.log('secret shown:', secret.slice(0, 14));
await axe(admin, 'account');
const api = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: '{ me { user { email } tokenScopes } }' }) });
console.log('api with token:', api.status, await api.text(), api.headers.get('ratelimit-remaining'));

const member = await newPage();
await member.goto(`${base}/login?next=/account`);
await member.waitForLoadState('networkidle');
await member.fill('#login-email', 'member@atlas.test');
await member.fill('#login-password', 'member password 123');
await member.click('button[type=submit]');
await member.waitForURL(`${base}/account`);
await member.fill('#membership-organization', 'nope');
await member.click('form[action="?/requestMembership"] button[type=submit]');
await member.waitForSelector('#membership-organization-error');
console.log('org error:', await member.locator('#membership-organization-error').innerText(), await member.getAttribute('#membership-organization', 'aria-describedby'));
await member.fill('#membership-organization', 'harbour-collective');
await member.click('form[action="?/requestMembership"] button[type=submit]');
await member.waitForSelector('text=waiting for an administrator');
console.log('member requested ok');

await admin.goto(`${base}/admin`);
await admin.waitForLoadState('networkidle');
await axe(admin, 'admin');
await admin.click('form[action="?/approve"] button');
await admin.waitForSelector('.auth-notice');
console.log('approve notice:', await admin.locator('.auth-notice').first().innerText());
await admin.fill('#invite-email', 'newbie@atlas.test');
await admin.fill('#invite-organization', 'harbour-collective');
await admin.click('form[action="?/invite"] button[type=submit]');
await admin.waitForSelector('text=An invitation was sent');
console.log('audit rows:', await admin.locator('table.auth-table').last().locator('tbody tr').count());
await member.reload();
console.log('member sees approved:', await member.locator('text=approved').count());
const memberForbidden = await member.goto(`${base}/admin`);
console.log('member /admin status:', memberForbidden?.status());
// logout via button
await member.goto(`${base}/account`);
await member.click('form[action="/logout"] button');
await member.waitForURL(`${base}/`);
const after = await member.goto(`${base}/account`);
console.log('after logout goes to:', member.url());

// reset password without JS
const nojs = await browser.newContext({ javaScriptEnabled: false });
const p = await nojs.newPage();
await p.goto(`${base}/reset-password`);
await p.fill('#reset-email', 'member@atlas.test');
await p.click('button[type=submit]');
console.log('reset requested:', await p.locator('.auth-notice').innerText());
await axe(p, 'reset-nojs').catch(() => {});
console.log('problems', problems);
await browser.close();
