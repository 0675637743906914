// The workbench on a phone (414x800, touch): the map takes the width and most
// of the height, nothing scrolls sideways, the top bar is at most two rows, a
// tap on a claim selects it and opens its explanation in a sheet wide enough
// to read, the selected claim stays in sight (neither the sheet nor the legend
// covers it), a what-if and a comparison fit the width, and a finger pans the map.
// Usage: node phone.test.js AGON GRAPH [SHOTS_DIR]
'use strict';
const assert = require('assert');
const H = require('./harness');

const [agon, graph, shotsDir] = process.argv.slice(2);
const W = 414, HGT = 800;

// Boxes of what a user sees on the page, in window pixels.
function layout(page) {
  return page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
    // The rows of the top bar: the distinct lines its visible controls sit on.
    const rows = [];
    for (const e of document.querySelectorAll('#top strong, #top select, #top input, #top button, #top .button, #top #status')) {
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;
      const mid = r.top + r.height / 2;
      if (!rows.some((y) => Math.abs(y - mid) < 8)) rows.push(mid);
    }
    // Controls cut at the right: beyond the window, or beyond a box that clips them.
    const cut = [];
    for (const e of document.querySelectorAll('button, input, select, .button, .chip')) {
      const r = e.getBoundingClientRect();
      if (!r.width || e.closest('dialog')) continue;
      let right = window.innerWidth;
      for (let a = e.parentElement; a; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') { right = Math.min(right, a.getBoundingClientRect().right); break; }
      if (r.right > right + 0.5) cut.push(e.id || e.textContent.trim().slice(0, 20));
    }
    return { map: box(document.getElementById('map')), rows: rows.length, cut,
             scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth };
  });
}
// Whether claim `id` is in sight: what the window shows at its centre is the
// claim itself (not the legend, the sheet or the strip), and the legend's box
// does not overlap it.
function inSight(page, id) {
  return page.evaluate((id) => {
    const g = document.querySelector(`#map g.node[data-claim="${CSS.escape(id)}"]`), r = g.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const l = document.getElementById('legend').getBoundingClientRect();
    const underLegend = r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
    return { shown: !!at && g.contains(at), underLegend, what: at ? at.id || at.tagName : 'nothing' };
  }, id);
}
// The claims the legend covers, even in part.
function covered(page) {
  return page.evaluate(() => {
    const l = document.getElementById('legend').getBoundingClientRect();
    return [...document.querySelectorAll('#map svg g.node[data-claim]')].filter((g) => {
      const r = g.getBoundingClientRect();
      return r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
    }).map((g) => g.dataset.claim);
  });
}
async function centreOf(page, id) {
  const b = await (await page.$(`#map g.node[data-claim="${id}"]`)).boundingBox();
  return [b.x + b.width / 2, b.y + b.height / 2];
}
async function shot(page, name) { if (shotsDir) await H.shot(page, shotsDir, 'phone-' + name); }

(async () => {
  const { server, browser, close } = await H.serveCopy(agon, graph, 'phone');
  try {
    const { page, errors } = await H.newPage(browser);
    await page.setViewport({ width: W, height: HGT, isMobile: true, hasTouch: true });
    await page.goto(server.url);
    await page.waitForSelector('#map svg g.node[data-claim="designation"]');
    await H.updated(page, 0);
    await page.waitForFunction(() => document.querySelector('#legend svg'));

    const l = await layout(page);
    assert.ok(l.map.width >= 0.9 * W, 'the map takes the width of the window: ' + l.map.width + ' px');
    assert.ok(l.map.height >= 0.6 * HGT, 'the map takes most of the height: ' + l.map.height + ' px');
    assert.ok(l.scrollWidth <= l.innerWidth, 'the page does not scroll sideways: ' + l.scrollWidth + ' px wide');
    assert.ok(l.rows <= 2, 'the top bar is at most two rows: ' + l.rows);
    assert.deepStrictEqual(l.cut, [], 'no control is cut at the right');
    assert.deepStrictEqual(await covered(page), [], 'the legend covers no claim');
    await shot(page, 'map');

    // A tap selects the claim and opens its explanation, readably wide.
    let [x, y] = await centreOf(page, 'designation');
    await page.touchscreen.tap(x, y);
    await page.waitForFunction(() => document.getElementById('panel').dataset.claim === 'designation', { timeout: 5000 })
      .catch(() => assert.fail('a tap on a claim selects it'));
    await page.waitForFunction(() => { const w = document.getElementById('why'); return w && w.textContent !== 'asking agon…'; }, { timeout: 20000 });
    const why = await page.$eval('#why', (e) => ({ width: e.getBoundingClientRect().width, text: e.textContent }));
    assert.match(why.text, /attacked by hinders_aid/);
    assert.ok(why.width >= 300, 'the explanation is at least 300 px wide: ' + why.width);
    const seen = await inSight(page, 'designation');
    assert.ok(seen.shown, 'the selected claim is in sight, not under the ' + seen.what);
    assert.ok(!seen.underLegend, 'the legend does not cover the selected claim');
    assert.ok((await layout(page)).scrollWidth <= W, 'the open panel does not scroll the page sideways');
    await shot(page, 'panel');

    // A what-if from the panel: the strip fits the width.
    let t = await H.stamp(page);
    await page.$eval('#switch-off', (b) => b.scrollIntoView());
    await page.tap('#switch-off');
    await H.updated(page, t);
    assert.ok((await page.$eval('#strip', (e) => e.innerText)).includes('switched off'));
    const w = await layout(page);
    assert.ok(w.scrollWidth <= W, 'the what-if strip does not scroll the page sideways');
    assert.deepStrictEqual(w.cut, [], 'no control of the strip is cut at the right');
    await shot(page, 'whatif');

    // Keep it and compare: the two maps share the window, each as wide as it.
    await page.type('#scenario-name', 'no designation');
    await page.tap('#keep-scenario');
    t = await H.stamp(page);
    await page.tap('#reset-whatif');
    await H.updated(page, t);
    await (await page.$$('xpath/.//div[@id="scenarios"]//button[contains(., "compare")]'))[0].tap();
    await page.waitForSelector('#compare svg g.node[data-claim="designation"].off');
    const cmp = await page.$eval('#compare', (e) => e.getBoundingClientRect().width);
    assert.ok(cmp >= 0.9 * W, 'compared, each map is as wide as the window: ' + cmp);
    assert.ok((await layout(page)).scrollWidth <= W, 'the comparison does not scroll the page sideways');
    await shot(page, 'compare');
    await (await page.$$('xpath/.//div[@id="scenarios"]//button[contains(., "close")]'))[0].tap();

    // A finger drag pans the map (it scrolled nothing before).
    [x, y] = await centreOf(page, 'designation');
    await page.touchscreen.touchStart(x, y);
    for (let i = 1; i <= 5; i++) await page.touchscreen.touchMove(x + 8 * i, y + 12 * i);
    await page.touchscreen.touchEnd();
    const [x2, y2] = await centreOf(page, 'designation');
    assert.ok(Math.abs(x2 - x - 40) < 2 && Math.abs(y2 - y - 60) < 2, 'a drag moves the map with the finger: ' + [x2 - x, y2 - y]);

    // Two fingers moving apart to twice their distance zoom the map in twice, about their middle.
    const mid = [W / 2, HGT / 2];
    const size = async () => (await (await page.$('#map g.node[data-claim="designation"]')).boundingBox()).width;
    const before = await size();
    const cdp = await page.target().createCDPSession();
    const fingers = (type, d) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] :
      [{ x: mid[0] - d, y: mid[1], id: 1 }, { x: mid[0] + d, y: mid[1], id: 2 }] });
    await fingers('touchStart', 30);
    for (const d of [40, 50, 60]) await fingers('touchMove', d);
    await fingers('touchEnd', 0);
    const zoomed = (await size()) / before, [x3, y3] = await centreOf(page, 'designation');
    assert.ok(Math.abs(zoomed - 2) < 0.05, 'a pinch zooms the map: ' + zoomed);
    const off = [x3 - (mid[0] + 2 * (x2 - mid[0])), y3 - (mid[1] + 2 * (y2 - mid[1]))];
    assert.ok(Math.hypot(...off) < 2, 'about the fingers\' middle: ' + off);
    await shot(page, 'pinched');

    assert.deepStrictEqual(errors, [], 'no script errors');
    console.log('workbench on a phone: ok (map ' + Math.round(l.map.width) + 'x' + Math.round(l.map.height) + ' px, ' + l.rows +
                ' rows of top bar, explanation ' + Math.round(why.width) + ' px wide)');
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
