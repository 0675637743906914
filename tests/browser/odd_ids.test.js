// The workbench with claim ids that are also words of JavaScript or of the
// map's own drawing: "__proto__" (a property every object inherits) and
// "edge:…" (how the map names the middle point of an undercut edge). Each must
// be an ordinary claim on the page: drawn, clickable, its base slider applied.
// Usage: node odd_ids.test.js AGON
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const H = require('./harness');

const agon = process.argv[2];
const map = {
  format: 'agon-graph', version: 1, title: 'Odd ids',
  claims: [
    { id: '__proto__', text: 'A claim named like a hidden property', base: 0.5 },
    { id: 'edge:zz', text: 'A claim named like a point of the drawing', base: 0.5 },
    { id: 'c', text: 'The claim both attack', base: 0.5 },
    { id: 'd', text: 'An undercutter', base: 0.5 },
  ],
  edges: [
    { id: 'e1', from: '__proto__', to: 'c', kind: 'attack' },
    { id: 'e2', from: 'edge:zz', to: 'c', kind: 'attack' },
    { id: 'u', from: 'd', to: 'e1', kind: 'undercut' },
  ],
};

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agon-odd-ids-'));
  const file = path.join(dir, 'odd.json');
  fs.writeFileSync(file, JSON.stringify(map));
  const server = await H.serve(agon, [file]);
  const browser = await H.browser();
  try {
    const { page, errors } = await H.newPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('#map svg g.node[data-claim="c"]');
    await H.updated(page, 0);
    const drawn = await page.$$eval('#map svg g.node[data-claim]', (gs) => gs.map((g) => g.dataset.claim).sort());
    assert.deepStrictEqual(drawn, ['__proto__', 'c', 'd', 'edge:zz'], 'every claim is a claim on the page');
    assert.deepStrictEqual(await page.$$eval('#map svg g.node[data-point]', (gs) => gs.map((g) => g.dataset.point)), ['edge:e1'],
      'the undercut edge has its point');

    // Select "__proto__" and move its base slider: the what-if carries the new base.
    await page.click('#map g.node[data-claim="__proto__"]');
    await page.waitForSelector('#base-slider');
    const t = await H.stamp(page);
    const asked = page.waitForRequest((r) => r.url().endsWith('/api/evaluate') && JSON.parse(r.postData() || '{}').whatif);
    await page.$eval('#base-slider', (s) => { s.value = '0.2'; s.dispatchEvent(new Event('input', { bubbles: true })); });
    const body = JSON.parse((await asked).postData());
    assert.strictEqual(Object.getOwnPropertyDescriptor(body.whatif.base, '__proto__').value, 0.2, 'the slider sets the base of "__proto__"');
    await H.updated(page, t);
    assert.ok(!(await page.$eval('#status', (s) => s.classList.contains('error'))), 'no error: ' + await page.$eval('#status', (s) => s.textContent));

    // Switching off "edge:zz" fades that claim, not the undercut's point.
    await page.click('#map g.node[data-claim="edge:zz"]');
    await page.waitForSelector('#switch-off');
    const t2 = await H.stamp(page);
    await page.click('#switch-off');
    await H.updated(page, t2);
    assert.ok(await page.$eval('#map g.node[data-claim="edge:zz"]', (g) => g.classList.contains('off')));
    assert.ok(!(await page.$eval('#map g.node[data-point="edge:e1"]', (g) => g.classList.contains('off'))));
    assert.deepStrictEqual(errors, [], 'no script errors on the page');
    console.log('workbench odd ids: ok');
  } finally {
    await browser.close();
    server.proc.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
