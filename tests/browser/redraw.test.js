// After an edit the page puts the new drawing in place of the old one by
// keeping the groups of claims and edges drawn the same and parsing only the
// others. Checked here: the kept groups are the very elements that were there,
// claims that were there do not move on screen (not even by a common pan) when
// the drawing grows to the top left, and after each edit (a new claim, a
// link, a new text, a deletion, an undo) the drawing is the one a page opened
// afresh on that map shows.
// Usage: node redraw.test.js AGON MAP
'use strict';
const assert = require('assert');
const H = require('./harness');

const [agon, graph] = process.argv.slice(2);

// The drawing as the page has it: its size, its transform and every group in order.
function drawing(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#map svg'), g = svg.querySelector('g.graph');
    return { size: ['width', 'height', 'viewBox'].map((a) => svg.getAttribute(a)), transform: g.getAttribute('transform'),
             groups: [...g.children].map((e) => e.outerHTML) };
  });
}

// Run `ops` as the page's edit does, and wait for the page to show it.
async function edit(page, ops) {
  const t = await H.stamp(page);
  await page.evaluate((o) => edit(o), ops);
  await H.updated(page, t);
}

(async () => {
  const { server, browser, close } = await H.serveCopy(agon, graph, 'redraw');
  try {
    const { page, errors } = await H.newPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('#map svg g.node[data-claim]');
    await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'));
    // Zoomed out, so that a claim added beside the map is in sight (no pan to show it).
    for (let i = 0; i < 3; i++) await page.click('#zoom-out');
    // The claim furthest to the top left: a new claim linked to it goes above and left of it,
    // where the drawing grows (its origin moves on the canvas).
    const before = await H.centres(page);
    const corner = Object.keys(before).sort((a, b) => before[a][0] + before[a][1] - before[b][0] - before[b][1])[0];
    const sizeBefore = (await drawing(page)).size;
    await page.evaluate(() => document.querySelectorAll('#map svg g.node, #map svg g.edge').forEach((g) => { g.kept = true; }));

    await edit(page, [{ op: 'add_claim', claim: { id: 'fresh', text: 'A new claim at the corner' } },
                      { op: 'add_edge', edge: { from: 'fresh', to: corner, kind: 'support' } }]);
    const after = await H.centres(page);
    assert.ok(after.fresh, 'the new claim is drawn');
    assert.notDeepStrictEqual((await drawing(page)).size, sizeBefore, 'the drawing grew (the test needs it to)');
    let worst = 0;
    for (const id of Object.keys(before)) worst = Math.max(worst, Math.hypot(after[id][0] - before[id][0], after[id][1] - before[id][1]));
    assert.ok(worst < 0.5, 'claims that were there stay where they were on screen: moved ' + worst + ' px');
    const inSight = await page.evaluate(() => {
      const r = document.querySelector('#map g.node[data-claim="fresh"]').getBoundingClientRect(), v = document.getElementById('map').getBoundingClientRect();
      return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
    });
    assert.ok(inSight, 'the new claim is in sight');
    // Claims whose status stayed are kept elements; the new claim and its edge are new.
    const kept = await page.evaluate(() => {
      const gs = [...document.querySelectorAll('#map svg g.node[data-claim], #map svg g.edge')];
      return { kept: gs.filter((g) => g.kept).length, all: gs.length, fresh: !!document.querySelector('#map g.node[data-claim="fresh"]').kept };
    });
    assert.ok(!kept.fresh, 'the new claim is parsed');
    assert.ok(kept.kept >= Object.keys(before).length - 3, 'the groups drawn the same are kept, not parsed again: ' + JSON.stringify(kept));

    // The new claim answers clicks like the others.
    await page.evaluate(() => document.querySelector('#map g.node[data-claim="fresh"]').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await page.waitForFunction(() => /A new claim at the corner/.test(document.getElementById('panel').innerText));

    // After each edit, the drawing is the one a fresh page shows.
    const other = (await H.newPage(browser)).page;
    // (A tab in the background waits for nothing: each is brought to the front to be used.)
    const same = async (what) => {
      await page.evaluate(() => select(null));
      await other.bringToFront();
      await other.goto(server.url);
      await other.waitForSelector('#map svg g.node[data-claim]');
      await other.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'));
      assert.deepStrictEqual(await drawing(page), await drawing(other), 'after ' + what + ' the page draws the map as a fresh page does');
      await page.bringToFront();
    };
    await same('a new claim');
    const ids = Object.keys(before).filter((id) => id !== corner);
    await edit(page, [{ op: 'add_edge', edge: { from: 'fresh', to: ids[1], kind: 'attack' } }]);
    await same('a new link');
    await edit(page, [{ op: 'update_claim', claim: { id: ids[2], text: 'Another text, of a claim that stays in place' } }]);
    assert.match(await page.$eval(`#map g.node[data-claim="${ids[2]}"]`, (g) => g.textContent), /Another text/);
    await same('a new text');
    await edit(page, [{ op: 'delete_claim', id: ids[3] }]);
    assert.strictEqual(await page.$(`#map g.node[data-claim="${ids[3]}"]`), null, 'a deleted claim is gone');
    await same('a deletion');
    const t = await H.stamp(page);
    await page.click('#undo');
    await H.updated(page, t);
    assert.ok(await page.$(`#map g.node[data-claim="${ids[3]}"]`), 'undo brings the claim back');
    await same('an undo');
    assert.deepStrictEqual(errors, [], 'no script errors');
    console.log('redraw: kept ' + kept.kept + ' of ' + kept.all + ' groups after adding a claim; unchanged claims moved ' + worst.toFixed(2) + ' px');
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
