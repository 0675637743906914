// node workbench_click.js URL N: open the workbench page, then N times select a
// claim and click "Switch this claim off", timing each click to the recoloured
// map; then three edits (add a claim through the form) to the redrawn map.
// Prints "open_ms median_click_ms median_server_ms median_edit_ms". Run by workbench.sh.
'use strict';
const H = require(require('path').join(process.cwd(), 'harness.js'));

(async () => {
  const [url, n] = [process.argv[2], Number(process.argv[3] || 10)];
  const browser = await H.browser();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 760 });
  // The page's own fetches report the server's share (the "ms" of /api/evaluate).
  const shares = [];
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/evaluate')) return;
    try { const j = await r.json(); if (j.ms) shares.push(j.ms.total); } catch (e) { /* page closed */ }
  });
  let t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('#map svg g.node[data-claim]', { timeout: 180000 });
  const open = Date.now() - t0;
  const clicks = [], clickShares = [];
  const ids = await page.$$eval('#map svg g.node[data-claim]', (gs) => gs.map((g) => g.dataset.claim));
  for (let i = 0; i < n; i++) {
    const id = ids[(i * 37 + 5) % ids.length];
    await page.evaluate((c) => document.querySelector(`#map g.node[data-claim="${c}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true })), id);
    await page.waitForSelector('#switch-off', { timeout: 60000 });
    await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'), { timeout: 60000 });
    const before = await H.stamp(page);
    t0 = await page.evaluate(() => performance.now());
    await page.click('#switch-off');
    // Wait for the new map and take the page's own clock at that moment.
    await page.waitForFunction((t) => Number(document.body.dataset.updated || 0) > t, { timeout: 60000 }, before);
    clicks.push(await page.evaluate((s) => window.__agonUpdatedAt - s, t0));
    await new Promise((r) => setTimeout(r, 50));  // the response handler reads the body
    clickShares.push(shares[shares.length - 1]);
    await page.click('#reset-whatif');
    await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'), { timeout: 60000 });
  }
  const edits = [];
  for (let i = 0; i < 3; i++) {
    await page.click('#add-claim');
    await page.type('#new-text', 'A claim added by the benchmark, number ' + i);
    const before = await H.stamp(page);
    t0 = await page.evaluate(() => performance.now());
    await page.click('#dialog-ok');
    await page.waitForFunction((t) => Number(document.body.dataset.updated || 0) > t, { timeout: 120000 }, before);
    edits.push(await page.evaluate((s) => window.__agonUpdatedAt - s, t0));
    await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'), { timeout: 60000 });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(open, median(clicks).toFixed(1), median(clickShares).toFixed(1), median(edits).toFixed(0));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
