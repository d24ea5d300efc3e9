// The web app end to end in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/server/app.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = new URL('..', import.meta.url).pathname;
const webRoot = `${root}web/dist`;
const ready = existsSync(CHROMIUM) && existsSync(`${webRoot}/index.html`);
if (!ready) console.warn(`web tests skipped: need ${CHROMIUM} (apt-get install chromium) and a built web app (npm run build)`);
const founding = `${root}../shared/eval/dev/seed-tehran-2021-05-26.json`;
const shots = `${root}docs/screenshots`;

describe.skipIf(!ready)('web app', () => {
  let server: ServerType;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const app = createApp({ webRoot });
    server = await new Promise<ServerType>((res) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => res(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function extractIn(text: string, width = 1280): Promise<Page> {
    page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(base + '/');
    await page.fill('#article-text', text);
    await page.click('#extract-button');
    await page.waitForSelector('#result:not([hidden])');
    expect(errors).toEqual([]);
    return page;
  }

  it('shows a Wikinews article with its statements highlighted and opens a record on click', async () => {
    const text = readFileSync(`${root}examples/wikinews-asylum.txt`, 'utf8');
    const p = await extractIn(text);
    const statements = await p.locator('#record-list li').count();
    expect(statements).toBeGreaterThan(2);
    expect(await p.locator('#article .hl-statement').count()).toBeGreaterThan(2);
    // The article pane holds the text exactly.
    expect(await p.locator('#article').textContent()).toBe(text);
    await p.locator('#article .hl-statement').first().click();
    await expect.poll(() => p.locator('#details h2').textContent()).toMatch(/^Statement by /);
    await p.screenshot({ path: `${shots}/article-view.png`, fullPage: false });
    // Keyboard: a record in the list opens with Enter.
    await p.locator('#tabs button', { hasText: 'Places' }).click();
    await p.locator('#record-list li').first().focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('#details h2').textContent()).toMatch(/^Place /);
    await p.close();
  });

  it('renders markup in an article as text: no script runs, no element is created', async () => {
    const text = 'Officials said the page showed <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> in the comments.';
    const p = await extractIn(text);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await p.locator('#article img, #article script').count()).toBe(0);
    expect(await p.locator('#article').textContent()).toBe(text);
    await p.close();
  });

  it('fits a phone screen', async () => {
    const p = await extractIn(readFileSync(`${root}examples/wikinews-asylum.txt`, 'utf8'), 390);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await p.screenshot({ path: `${shots}/article-view-phone.png` });
    await p.close();
  });

  it.skipIf(!existsSync(founding))('shows the founding article (from ../shared) with al-Qaddoumi as a resolved speaker', async () => {
    const text = JSON.parse(readFileSync(founding, 'utf8')).text as string;
    const p = await extractIn(text);
    const n = await p.locator('#record-list li').count();
    console.log(`founding article: ${n} statements listed`);
    expect(n).toBeGreaterThanOrEqual(20);
    await p.locator('#record-list li', { hasText: 'Yes, we were the victors' }).click();
    await expect.poll(() => p.locator('#details').textContent()).toContain('Khaled al-Qaddoumi');
    await p.screenshot({ path: `${shots}/founding-article.png` });
    await p.close();
  });
});
