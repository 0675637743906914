// The workbench as a user meets it at its edges: the legend names the colours
// readably, the map follows the window to a narrow size, a change of a strength
// reads as a change, long claim names are cut with "…", an error is read whole
// and stays, the page loads without console errors, a stopped server is
// named as such, and an empty map says how to start in the map area itself.
// Usage: node rough_edges.test.js AGON
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const H = require('./harness');

const agon = process.argv[2];
const map = {
  format: 'agon-graph', version: 1, title: 'Rough edges',
  claims: [
    { id: 'p', text: 'We should ban single-use plastics across the whole country by next year', base: 0.6 },
    { id: 'q', text: 'Plastic waste harms marine life, per the 2019 UN report on ocean pollution', base: 0.8 },
    { id: 'r', text: 'Alternatives cost more', base: 0.5 },
    { id: 's', text: "The UN report's sample is small", base: 0.4 },
    { id: 't', text: 'Costs fall at scale', base: 0.7 },
  ],
  edges: [
    { id: 'e1', from: 'q', to: 'p', kind: 'support' },
    { id: 'e2', from: 'r', to: 'p', kind: 'attack' },
    { id: 'e3', from: 's', to: 'e1', kind: 'undercut' },
    { id: 'e4', from: 't', to: 'r', kind: 'attack' },
  ],
};

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agon-rough-edges-'));
  const file = path.join(dir, 'plastics.json');
  fs.writeFileSync(file, JSON.stringify(map));
  const server = await H.serve(agon, [file, '--watch']);
  const browser = await H.browser();
  let emptyServer = null;
  try {
    const { page, errors } = await H.newPage(browser);
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(server.url);
    await page.waitForSelector('#map svg g.node[data-claim="p"]');
    await H.updated(page, 0);
    await page.waitForFunction(() => document.querySelector('#legend svg'));
    assert.deepStrictEqual(consoleErrors, [], 'the page loads without console errors (a missing icon was one)');

    // The legend says what the colours mean, in letters big enough to read.
    const legend = () => page.$eval('#legend svg', (s) => ({
      text: [...s.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
      smallest: Math.min(...[...s.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height)),
    }));
    let l = await legend();
    for (const word of ['stands (in)', 'falls (out)', 'undecided']) assert.ok(l.text.includes(word), 'the legend names ' + word + ': ' + l.text);
    assert.ok(l.smallest >= 8, 'legend letters are at least 8 px high: ' + l.smallest);
    let t = await H.stamp(page);
    await page.select('#semantics', 'dfquad');
    await H.updated(page, t);
    await page.waitForFunction(() => /strength/.test(document.querySelector('#legend svg').textContent));
    l = await legend();
    assert.ok(l.smallest >= 8, 'the strengths legend too: ' + l.smallest);
    await H.shot(page, path.join(dir, 'shots'), 'dfquad');

    // A small move of a base score: every strength the strip lists moved as written.
    await page.click('#map g.node[data-claim="t"]');
    await page.waitForSelector('#base-slider');
    t = await H.stamp(page);
    await page.$eval('#base-slider', (s) => { s.value = '0.69'; s.dispatchEvent(new Event('input', { bubbles: true })); });
    await H.updated(page, t);
    const chips = await page.$$eval('#diff .chip', (cs) => cs.map((c) => c.textContent));
    assert.ok(chips.length >= 2, 'the strip lists what moved: ' + chips);
    for (const c of chips) {
      const [before, after] = c.slice(c.lastIndexOf(': ') + 2).split(' → ');
      assert.notStrictEqual(before, after, 'a claim listed as moved shows two values: ' + c);
    }
    // The zoom buttons sit below the what-if strip, not under it.
    const below = () => document.querySelector('#zoom').getBoundingClientRect().top >= document.querySelector('#overlays').getBoundingClientRect().bottom;
    await page.waitForFunction(below, { timeout: 2000 }).catch(() => {});
    assert.ok(await page.evaluate(below), 'the zoom buttons sit below the what-if strip');

    // The weight slider of a long claim's support names it cut with "…".
    await page.click('#map g.node[data-claim="p"]');
    await page.waitForSelector('#whatif-box input[type=range]:not(#base-slider)');
    const labels = await page.$$eval('#whatif-box .row.small', (rs) => rs.map((r) => r.firstChild.textContent));
    assert.ok(labels.includes('support from Plastic waste harms marin…'), 'a cut name ends in …: ' + labels);

    // A narrow window: the fitted map is fitted again, every claim in sight.
    await page.setViewport({ width: 700, height: 900 });
    await page.waitForFunction(() => {
      const v = document.getElementById('map').getBoundingClientRect();
      return [...document.querySelectorAll('#map svg g.node[data-claim]')].every((g) => {
        const r = g.getBoundingClientRect();
        return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
      });
    }, { timeout: 2000 }).catch(() => assert.fail('a claim is out of sight in a narrow window'));

    // An error is read whole, however narrow the status line.
    await page.$eval('#params', (e) => { e.value = 'a_parameter_that_no_semantics_of_agon_has_at_all=1'; e.dispatchEvent(new Event('change')); });
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    const status = await page.$eval('#status', (s) => ({ text: s.textContent, cut: s.scrollWidth > s.clientWidth }));
    assert.match(status.text, /a_parameter_that_no_semantics_of_agon_has_at_all/);
    assert.ok(!status.cut, 'the error is not cut off: ' + status.text);
    await H.shot(page, path.join(dir, 'shots'), 'narrow');

    // The file --watch follows stops reading (an editor half-way through a save): the page
    // says so until the next action, not for the moment before its own "ready".
    await page.$eval('#params', (e) => { e.value = ''; e.dispatchEvent(new Event('change')); });
    await page.waitForFunction(() => !document.getElementById('status').classList.contains('error'));
    fs.writeFileSync(file, '{"format": "agon-graph", "claims": [');
    await page.waitForFunction(() => /does not read/.test(document.getElementById('status').textContent), { timeout: 5000 })
      .catch(() => assert.fail('the page says that the file does not read'));
    await new Promise((done) => setTimeout(done, 1500));
    assert.match(await page.$eval('#status', (s) => s.textContent), /The file on disk does not read: .*plastics\.json/, 'the error stays');

    // The server stops: the page says so, in words, and asks no more.
    server.proc.kill('SIGTERM');
    await new Promise((done) => server.proc.on('exit', done));
    await page.waitForFunction(() => /does not answer/.test(document.getElementById('status').textContent), { timeout: 3000 })
      .catch(() => assert.fail('the version check names the stopped server'));
    await page.click('#map g.node[data-claim="q"]');
    await page.waitForFunction(() => document.getElementById('why').textContent !== 'asking agon…', { timeout: 3000 })
      .catch(() => assert.fail('the panel is left "asking agon…"'));
    assert.match(await page.$eval('#status', (s) => s.textContent), /agon serve does not answer: was it stopped\?/);
    assert.deepStrictEqual(errors, [], 'no script errors on the page');

    // A map with no claims: a hint centred in the map area (it was blank there),
    // gone once there is a claim.
    const emptyFile = path.join(dir, 'empty.json');
    fs.writeFileSync(emptyFile, JSON.stringify({ format: 'agon-graph', version: 1, title: 'Empty', claims: [], edges: [] }));
    emptyServer = await H.serve(agon, [emptyFile]);
    const fresh = await H.newPage(browser);
    await fresh.page.goto(emptyServer.url);
    await H.updated(fresh.page, 0);
    const hint = () => fresh.page.$eval('#empty-hint', (e) => {
      const r = e.getBoundingClientRect(), m = document.getElementById('map').getBoundingClientRect();
      return { text: e.textContent, shown: e.offsetParent !== null && r.width > 0,
               dx: Math.abs(r.left + r.width / 2 - (m.left + m.width / 2)), dy: Math.abs(r.top + r.height / 2 - (m.top + m.height / 2)) };
    });
    const before = await hint();
    assert.ok(before.shown, 'an empty map shows a hint in the map area');
    assert.strictEqual(before.text, 'No claims yet: Add claim to start');
    assert.ok(before.dx < 2 && before.dy < 2, 'the hint is centred in the map area: ' + JSON.stringify(before));
    await H.shot(fresh.page, path.join(dir, 'shots'), 'empty');
    t = await H.stamp(fresh.page);
    await fresh.page.click('#add-claim');
    await fresh.page.type('#new-text', 'A first claim');
    await fresh.page.click('#dialog-ok');
    await H.updated(fresh.page, t);
    await fresh.page.waitForSelector('#map svg g.node[data-claim]');
    assert.ok(!(await hint()).shown, 'the hint goes once there is a claim');
    assert.deepStrictEqual(fresh.errors, [], 'no script errors on the empty map');
    console.log('workbench rough edges: ok (legend letters ' + l.smallest.toFixed(1) + ' px)');
  } finally {
    await browser.close();
    server.proc.kill();
    if (emptyServer) emptyServer.proc.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
