// The Map and Timeline views end to end in headless Chromium: a store filled from the multi-outlet fixture and the
// Wikinews fixtures (CC BY 2.5), served in process. Screenshots go to docs/screenshots/map.png and timeline.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/server/app.js';
import { extract, documentFromBytes, documentFromRecord } from '../src/index.js';
import { openStore } from '../src/store/index.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = new URL('..', import.meta.url).pathname;
const webRoot = `${root}web/dist`;
const ready = existsSync(CHROMIUM) && existsSync(`${webRoot}/index.html`);
if (!ready) console.warn(`web map tests skipped: need ${CHROMIUM} (apt-get install chromium) and a built web app (npm run build)`);
const shots = `${root}docs/screenshots`;

/** A report whose text holds markup: it must show as text in the map's mention context. */
const HOSTILE = { outlet: 'Test Wire', published: '2024-03-12', text: 'ZANZIBAR - A banner reading <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> hung in Stone Town, officials said on Tuesday.' };

describe.skipIf(!ready)('web app: map and timeline', () => {
  const servers: ServerType[] = [];
  let base: string;
  let browser: Browser;
  let dir: string;
  let store: Awaited<ReturnType<typeof openStore>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-web-map-'));
    store = await openStore(join(dir, 'corpus.db'));
    const lines = readFileSync(`${root}test/fixtures/multi-outlet/reports.jsonl`, 'utf8').trim().split('\n');
    for (const l of lines) await store.put(extract(documentFromRecord(JSON.parse(l))));
    await store.put(extract(documentFromRecord(HOSTILE)));
    const wikinews = `${root}test/fixtures/wikinews/`;
    for (const f of readdirSync(wikinews).filter((f) => f.endsWith('.txt'))) await store.put(extract(documentFromBytes(readFileSync(wikinews + f), `wikinews/${f}`)));
    const s = await new Promise<ServerType>((res) => { const x = serve({ fetch: createApp({ webRoot, store }).fetch, port: 0, hostname: '127.0.0.1' }, () => res(x)); });
    servers.push(s);
    base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(shots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records script errors and every request that leaves the server under test. */
  const open = async (path: string, viewport = { width: 1280, height: 900 }) => {
    const p = await browser.newPage({ viewport });
    const problems: string[] = [];
    p.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    p.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`); });
    await p.goto(base + path);
    return { p, problems };
  };

  const zanzibar = (p: Page) => p.locator('svg.world circle.dot[data-name="Zanzibar"]');

  it('draws the bundled world map with a dot per place, sized by mentions, and lists a place’s mentions as evidence', async () => {
    const { p, problems } = await open('/#map');
    await p.waitForSelector('svg.world circle.dot');
    expect(await p.locator('svg.world path.land').getAttribute('d')).toMatch(/^M-?\d/);
    const names = await p.locator('svg.world circle.dot').evaluateAll((ds) => ds.map((d) => (d as SVGElement).dataset['name']));
    expect(names).toEqual(expect.arrayContaining(['Zanzibar', 'Stone Town, Zanzibar', 'Dar es Salaam']));
    expect(names.length).toBeGreaterThan(5);
    // The most mentioned place has the largest dot; it sits near its coordinates (x = lon, y = -lat).
    const dot = zanzibar(p);
    expect(await dot.getAttribute('aria-label')).toMatch(/^Zanzibar \(TZ, city\): 1\d mentions in [67] documents$/);
    expect(Number(await dot.getAttribute('cx'))).toBeCloseTo(39.2, 1);
    expect(Number(await dot.getAttribute('cy'))).toBeCloseTo(6.16, 1);
    const radii = await p.locator('svg.world circle.dot').evaluateAll((ds) => ds.map((d) => Number(d.getAttribute('r'))));
    expect(Number(await dot.getAttribute('r'))).toBe(Math.max(...radii));

    // Keyboard: the dot takes focus and opens with Enter.
    await dot.focus();
    await p.keyboard.press('Enter');
    const details = p.locator('#place-details');
    await expect.poll(() => details.locator('h3').textContent()).toBe('Zanzibar');
    await expect.poll(() => details.locator('li.mention').count()).toBeGreaterThanOrEqual(10);
    const outlets = await details.locator('li.mention .mention-link').allTextContents();
    for (const o of ['Coast Wire', 'Island Daily', 'Mainland Herald', 'Ocean Times', 'Harbour News']) expect(outlets.join('\n')).toContain(o);
    expect(await details.locator('li.mention mark').first().textContent()).toMatch(/^(ZANZIBAR|Zanzibar)$/i);
    // Markup in a document is shown as text, never run.
    const hostile = details.locator('li.mention', { hasText: 'Test Wire' }).first();
    expect(await hostile.textContent()).toContain('<img src=x');
    expect(await details.locator('img, script').count()).toBe(0);
    expect(await p.title()).not.toBe('pwned');
    await p.screenshot({ path: `${shots}/map.png`, fullPage: true });

    // A mention opens its document in the article view at the place.
    await details.locator('li.mention', { hasText: 'Mainland Herald' }).locator('a').first().click();
    await expect.poll(() => p.locator('#article-view').isVisible()).toBe(true);
    await expect.poll(() => p.locator('#details h2').textContent()).toBe('Place Zanzibar');
    expect(await p.locator('#article').textContent()).toContain('DAR ES SALAAM - The regional government said 25 people were killed');
    expect(await p.locator('#article .flash').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await p.close();
  });

  it('opens a place from the list below the map, and fits a phone screen', async () => {
    const { p, problems } = await open('/#map', { width: 390, height: 844 });
    await p.waitForSelector('.place-list button');
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    const box = await p.locator('svg.world').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await p.locator('.place-list button', { hasText: 'Dar es Salaam' }).click();
    await expect.poll(() => p.locator('#place-details li.mention').count()).toBe(1);
    expect(await p.locator('#place-details li.mention').textContent()).toContain('Mainland Herald');
    // One outlet's places only, and only its mentions.
    await p.locator('.map-filters input[name="outlet"]').fill('Mainland Herald');
    await p.locator('.map-filters button[type="submit"]').click();
    await expect.poll(() => p.locator('svg.world circle.dot').count()).toBe(2);
    await p.locator('.place-list button', { hasText: 'Zanzibar' }).click();
    await expect.poll(() => p.locator('#place-details li.mention').count()).toBe(1);
    expect(await p.locator('#place-details h3').textContent()).toBe('Zanzibar');
    expect(problems).toEqual([]);
    await p.close();
  });

  it('lays statements, times and figures on a time axis in order, statements coloured by speaker, each opening its evidence', async () => {
    const { p, problems } = await open('/#timeline', { width: 1280, height: 1000 });
    await p.waitForSelector('.tl-item');
    const all = await p.locator('.tl-item').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset['time']!));
    expect(all).toEqual([...all].sort());
    // Oldest first: the Wikinews articles (2010–2015) come before the 2024 ferry reports.
    expect(all[0]!.slice(0, 4) < '2016').toBe(true);

    // Narrow to the ferry reports with the filters.
    await p.locator('.tl-filters input[name="from"]').fill('2024-03-01');
    await p.locator('.tl-filters button[type="submit"]').click();
    await expect.poll(async () => (await p.locator('.tl-item').first().getAttribute('data-time'))!.slice(0, 4)).toBe('2024');
    const days = await p.locator('.tl-date time').allTextContents();
    expect(days).toEqual(['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12']);
    for (const kind of ['statement', 'time', 'quantity']) expect(await p.locator(`.tl-item.kind-${kind}`).count()).toBeGreaterThan(0);
    expect(await p.locator('.tl-bar').count()).toBe(4);
    // Juma Hamad's two statements share one speaker colour, another speaker's differs.
    const colour = (who: string) => p.locator('.tl-item.kind-statement', { hasText: who }).evaluateAll((xs) => xs.map((x) => (x as HTMLElement).style.getPropertyValue('--speaker')));
    const juma = await colour('Juma Hamad');
    expect(juma.length).toBe(2);
    expect(juma[0]).toBe(juma[1]);
    expect((await colour('Red Cross'))[0]).not.toBe(juma[0]);
    // "officials said on Monday": the statement sits at the day it names.
    expect(await p.locator('.tl-day', { hasText: '2024-03-11' }).locator('.tl-item.kind-statement', { hasText: 'officials' }).count()).toBe(1);
    await p.screenshot({ path: `${shots}/timeline.png`, fullPage: true });

    // Keyboard: an item is a link; Enter opens its document at the evidence.
    const figure = p.locator('.tl-item.kind-quantity', { hasText: 'At least 40 people' }).locator('a');
    await figure.focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('#details h2').textContent()).toBe('Quantity 40');
    expect(await p.locator('#article .flash').first().textContent()).toContain('At least 40 people');
    expect(problems).toEqual([]);
    await p.close();
  });

  it('pages with "Load more" using the API’s next offset', async () => {
    const { p, problems } = await open('/#timeline');
    await p.waitForSelector('.tl-item');
    const total = await p.locator('.tl-item').count();
    expect(total).toBeGreaterThan(50);
    expect(await p.locator('button.more').count()).toBe(0);
    const everything = await p.locator('.tl-item a').evaluateAll((xs) => xs.map((x) => (x as HTMLAnchorElement).hash));
    await p.locator('.tl-filters select[name="limit"]').selectOption('50');
    await p.locator('.tl-filters button[type="submit"]').click();
    await expect.poll(() => p.locator('.tl-item').count()).toBe(50);
    while (await p.locator('button.more').count()) {
      const before = await p.locator('.tl-item').count();
      await p.locator('button.more').click();
      await expect.poll(() => p.locator('.tl-item').count()).toBeGreaterThan(before);
    }
    // Page by page gives the same items in the same order as one big page.
    expect(await p.locator('.tl-item a').evaluateAll((xs) => xs.map((x) => (x as HTMLAnchorElement).hash))).toEqual(everything);
    expect(problems).toEqual([]);
    await p.close();
  });
});
