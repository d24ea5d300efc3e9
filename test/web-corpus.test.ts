// The Corpus view end to end in headless Chromium: a store filled from the multi-outlet fixture, served in process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../src/server/app.js';
import { extract, documentFromRecord } from '../src/index.js';
import { openStore } from '../src/store/index.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = new URL('..', import.meta.url).pathname;
const webRoot = `${root}web/dist`;
const ready = existsSync(CHROMIUM) && existsSync(`${webRoot}/index.html`);
if (!ready) console.warn(`web corpus tests skipped: need ${CHROMIUM} (apt-get install chromium) and a built web app (npm run build)`);
const shots = `${root}docs/screenshots`;
const OUTLETS = ['Coast Wire', 'Island Daily', 'Mainland Herald', 'Harbour News', 'Ocean Times'];

describe.skipIf(!ready)('web app: corpus view', () => {
  let servers: ServerType[] = [];
  let base: string;
  let bare: string;
  let browser: Browser;
  let dir: string;
  let store: Awaited<ReturnType<typeof openStore>>;

  const listen = async (app: ReturnType<typeof createApp>) => {
    const s = await new Promise<ServerType>((res) => { const x = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => res(x)); });
    servers.push(s);
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-web-corpus-'));
    store = await openStore(join(dir, 'corpus.db'));
    const lines = readFileSync(`${root}test/fixtures/multi-outlet/reports.jsonl`, 'utf8').trim().split('\n');
    for (const l of lines) await store.put(extract(documentFromRecord(JSON.parse(l))));
    base = await listen(createApp({ webRoot, store }));
    bare = await listen(createApp({ webRoot }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.close();
    await (store as unknown as { close?: () => unknown })?.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the three disagreements, the claims of five outlets side by side, and the speakers', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(base + '/#corpus');
    await p.waitForSelector('#corpus-disagreements');
    expect(await p.locator('#article-view').isHidden()).toBe(true);
    const groups = p.locator('#corpus-disagreements li.disagreement');
    // The README's three conflicts: 25 vs 40+ and 25 vs 42 killed (one group), about 30 vs more than 60 injured.
    expect(await groups.count()).toBe(2);
    // 25 killed (Mainland Herald) conflicts with 40+ and 42; about 30 injured with more than 60.
    const killed = p.locator('li.disagreement', { hasText: /killed/i });
    expect(await killed.locator('.side.conflict', { hasText: 'Mainland Herald' }).filter({ hasText: '25' }).count()).toBeGreaterThan(0);
    expect(await killed.locator('.side.conflict', { hasText: /Island Daily|Coast Wire/ }).count()).toBeGreaterThan(0);
    const injured = p.locator('li.disagreement', { hasText: /injured/i });
    expect(await injured.locator('.side.conflict').count()).toBeGreaterThanOrEqual(2);
    // Later higher toll (55, Harbour News) is not marked as conflicting.
    expect(await p.locator('.side.conflict', { hasText: 'Harbour News' }).count()).toBe(0);
    const header = await p.locator('#corpus-claims thead th.outlet-col').allTextContents();
    for (const o of OUTLETS) expect(header).toContain(o);
    expect(await p.locator('#corpus-claims .cell.conflict').count()).toBeGreaterThan(0);
    expect(await p.locator('#corpus-speakers li.speaker').count()).toBeGreaterThan(0);
    expect(await p.locator('#corpus-framing').count()).toBe(1);
    expect(errors).toEqual([]);
    await p.screenshot({ path: `${shots}/corpus-view.png`, fullPage: true });
    await p.close();
  });

  it('navigates between the views with the keyboard-focusable links', async () => {
    const p = await browser.newPage();
    await p.goto(base + '/');
    expect(await p.locator('#corpus-view').isHidden()).toBe(true);
    await p.locator('#view-nav a', { hasText: 'Corpus' }).focus();
    await p.keyboard.press('Enter');
    await p.waitForSelector('#corpus-disagreements');
    await p.locator('#view-nav a', { hasText: 'Article' }).click();
    await expect.poll(() => p.locator('#article-view').isVisible()).toBe(true);
    await p.close();
  });

  it('pages each section with "Load more", following the API’s next offset', async () => {
    const p = await browser.newPage();
    // Small pages, so the fixture's dozen speakers take several.
    await p.route('**/api/speakers?*', (r) => r.continue({ url: r.request().url().replace(/limit=\d+/, 'limit=4') }));
    await p.goto(base + '/#corpus');
    await p.waitForSelector('#corpus-speakers li.speaker');
    const all = await (await fetch(`${base}/api/speakers?limit=500`)).json() as { items: Array<{ name: string }> };
    expect(all.items.length).toBeGreaterThan(4);
    expect(await p.locator('#corpus-speakers li.speaker').count()).toBe(4);
    while (await p.locator('#corpus-speakers button.more').count()) {
      const before = await p.locator('#corpus-speakers li.speaker').count();
      await p.locator('#corpus-speakers button.more').click();
      await expect.poll(() => p.locator('#corpus-speakers li.speaker').count()).toBeGreaterThan(before);
    }
    expect(await p.locator('#corpus-speakers li.speaker .name').allTextContents()).toEqual(all.items.map((s) => s.name));
    expect(await p.locator('#corpus-disagreements button.more').count()).toBe(0);
    await p.close();
  });

  it('fits a phone screen', async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await p.goto(base + '/#corpus');
    await p.waitForSelector('#corpus-speakers');
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await p.close();
  });

  it('says how to get a corpus when the server has no store', async () => {
    const p = await browser.newPage();
    await p.goto(bare + '/#corpus');
    await expect.poll(() => p.locator('#corpus-content').textContent()).toContain('start dateline serve --db FILE to see a corpus');
    for (const view of ['map', 'timeline']) {
      await p.goto(`${bare}/#${view}`);
      await expect.poll(() => p.locator(`#${view}-content`).textContent()).toContain('start dateline serve --db FILE to see a corpus');
    }
    await p.close();
  });
});
