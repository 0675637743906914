// End-to-end test of the workbench in headless Chromium:
//   node workbench.test.js AGON GRAPH ARTEFACT_DIR [DOCS_DIR]
// Opens the Mexico–US map, clicks a claim and reads the panel, switches claims
// off and checks the recolouring and the diff, keeps and compares a scenario,
// edits (form and drag), checks that unchanged claims did not move, saves and
// reloads, and opens the static export. Screenshots go to ARTEFACT_DIR (and
// small copies of the main views to DOCS_DIR when given).
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const H = require('./harness');

const [agon, graph, artefacts, docs] = process.argv.slice(2);
const IN = '#9ad8c1', OUT = '#f4b28f';

function fillOf(page, id) {
  return page.$eval(`#map g.node[data-claim="${id}"]`, (g) => (g.querySelector('path, polygon, ellipse').getAttribute('fill') || '').toLowerCase());
}
async function shots(page, name) {
  await H.shot(page, artefacts, name);
  if (docs) await H.shot(page, docs, 'workbench-' + name);
}
// Click and wait for the evaluation the click starts.
async function clickAndWait(page, selector) {
  const t = await H.stamp(page);
  await page.click(selector);
  await H.updated(page, t);
}
async function openClaim(page, id) {
  await page.click(`#map g.node[data-claim="${id}"]`);
  await page.waitForFunction(() => {
    const w = document.getElementById('why');
    return w && w.textContent !== 'asking agon…';
  }, { timeout: 20000 });
}
// The oracle: agon eval on the graph with `off` removed (claims and their edges),
// through the command line rather than the server.
function cliEval(graphFile, semantics, off) {
  const g = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
  g.claims = g.claims.filter((c) => !off.includes(c.id));
  g.edges = g.edges.filter((e) => !off.includes(e.from) && !off.includes(e.to));
  const tmp = path.join(os.tmpdir(), 'agon-oracle-' + process.pid + '.json');
  fs.writeFileSync(tmp, JSON.stringify(g));
  try { return JSON.parse(execFileSync(agon, ['eval', tmp, '--semantics', semantics, '--json'])); } finally { fs.rmSync(tmp); }
}
const two = (x) => x.toFixed(2);
// A claim's fill and status line as drawn.
function lookOf(page, id) {
  return page.$eval(`#map g.node[data-claim="${id}"]`, (g) => {
    const texts = g.querySelectorAll('text');
    return { fill: (g.querySelector('path, polygon, ellipse').getAttribute('fill') || '').toLowerCase(), status: texts[texts.length - 1].textContent };
  });
}
// The claims (of the map and of the compare view) that an overlay - the
// what-if strip, the scenarios, the legend - covers, even in part.
function covered(page) {
  return page.evaluate(() => {
    const boxes = ['strip', 'scenarios', 'legend'].map((id) => document.getElementById(id))
      .filter((e) => e.offsetParent !== null).map((e) => [e.id, e.getBoundingClientRect()]);
    const out = [];
    document.querySelectorAll('.view:not(.hidden) svg g.node[data-claim]').forEach((g) => {
      const r = g.getBoundingClientRect();
      for (const [name, b] of boxes)
        if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top)
          out.push(g.closest('.view').id + ': ' + g.dataset.claim + ' under the ' + name);
    });
    return out;
  });
}

// How far the claims on both maps moved against each other, in screen pixels:
// the largest displacement once the common shift (a pan) is taken out.
function moved(before, after) {
  const ids = Object.keys(before).filter((id) => after[id]);
  const mean = [0, 1].map((k) => ids.reduce((s, id) => s + after[id][k] - before[id][k], 0) / ids.length);
  let worst = 0;
  for (const id of ids)
    worst = Math.max(worst, Math.hypot(after[id][0] - before[id][0] - mean[0], after[id][1] - before[id][1] - mean[1]));
  return worst;
}

(async () => {
  const { dir, file, server, browser, close } = await H.serveCopy(agon, graph, 'workbench');
  try {
    const { page, errors } = await H.newPage(browser);
    page.on('dialog', (d) => d.accept());
    await page.goto(server.url);
    await page.waitForSelector('#map svg g.node[data-claim="designation"]');
    await page.waitForFunction(() => document.querySelector('#legend svg'));
    assert.strictEqual(await fillOf(page, 'designation'), OUT, 'designation falls under grounded');
    assert.deepStrictEqual(await covered(page), [], 'the legend covers no claim');
    await shots(page, 'map');

    // Click a claim: the panel says why it falls and what attacks it.
    await openClaim(page, 'designation');
    const panel = await page.$eval('#panel', (p) => p.innerText);
    assert.match(panel, /Designate Mexican cartels as foreign terrorist organisations/);
    assert.match(panel, /falls \(out\)/);
    assert.match(panel, /Mexico's Security Dilemma/, 'the source is shown');
    assert.match(await page.$eval('#why', (e) => e.textContent), /attacked by hinders_aid/);
    assert.match(panel, /attacked by 9 claims that stand/);
    assert.match(await page.$eval('#moves', (e) => e.innerText), /no attributions here/, 'grounded: the panel says what it offers instead');
    await shots(page, 'panel');

    // What would have to change: switch off every attacker that stands.
    const before = await H.centres(page);
    const tryIt = await page.$$('xpath/.//button[contains(., "switch off all 9 attackers")]');
    assert.ok(tryIt.length, 'the panel offers to try it');
    let t = await H.stamp(page);
    await tryIt[0].click();
    await H.updated(page, t);
    assert.strictEqual(await fillOf(page, 'designation'), IN, 'designation stands without its attackers');
    const strip = await page.$eval('#strip', (e) => e.innerText);
    assert.match(strip, /Designate Mexican cartels as foreign terrorist organisations: falls \(out\) → stands \(in\)/);
    const drifts = { 'what-if': moved(before, await H.centres(page)) };
    assert.ok(drifts['what-if'] < 1, 'a what-if moves no claim');
    assert.deepStrictEqual(await covered(page), [], 'the what-if strip covers no claim');
    await shots(page, 'whatif');

    // Keep it as a scenario, go back to the map, compare side by side.
    await page.type('#scenario-name', 'no attackers');
    await page.click('#keep-scenario');
    await clickAndWait(page, '#reset-whatif');
    assert.strictEqual(await fillOf(page, 'designation'), OUT);
    const compare = await page.$$('xpath/.//div[@id="scenarios"]//button[contains(., "compare")]');
    await compare[0].click();
    await page.waitForSelector('#compare svg g.node[data-claim="designation"]');
    const cmpFill = await page.$eval('#compare g.node[data-claim="designation"]', (g) => g.querySelector('path, polygon').getAttribute('fill').toLowerCase());
    assert.strictEqual(cmpFill, IN, 'the scenario side shows it standing');
    assert.deepStrictEqual(await covered(page), [], 'side by side, the legend and the scenarios cover no claim');
    await shots(page, 'compare');
    await (await page.$$('xpath/.//div[@id="scenarios"]//button[contains(., "close")]'))[0].click();

    // A single switch: treaty off changes designation's strength under dfquad.
    t = await H.stamp(page);
    await page.select('#semantics', 'dfquad');
    await H.updated(page, t);
    await openClaim(page, 'designation');
    const moves = await page.$eval('#moves', (e) => e.innerText);
    assert.match(moves, /-0\.032\s+A bilateral Mexico–U\.S\. security treaty/, 'dfquad: the treaty moves it most: ' + moves);
    await H.shot(page, artefacts, 'attributions');
    await openClaim(page, 'treaty');
    await clickAndWait(page, '#switch-off');
    const diff = await page.$eval('#diff', (e) => e.innerText);
    const was = cliEval(graph, 'dfquad', []).strength.designation, now = cliEval(graph, 'dfquad', ['treaty']).strength.designation;
    assert.ok(Math.abs(was - now) > 0.005, 'the oracle sees a change');
    assert.ok(diff.includes('Designate Mexican cartels as foreign terrorist organisations: ' + two(was) + ' → ' + two(now)), diff);
    await clickAndWait(page, '#reset-whatif');
    t = await H.stamp(page);
    await page.select('#semantics', 'grounded');
    await H.updated(page, t);

    // A counter-claim is a new box (a new drawing); going back removes it. A
    // switch-off is recoloured in place: the claim fades and stays clickable.
    await openClaim(page, 'treaty');
    await page.type('#counter-text', 'A treaty takes years to negotiate');
    await clickAndWait(page, 'xpath/.//div[@id="whatif-box"]//button[. = "Add"]');
    await page.waitForSelector('#map g.node[data-claim="counter1"]');
    assert.strictEqual(await fillOf(page, 'treaty'), OUT, 'the counter-claim defeats the treaty');
    await clickAndWait(page, '#reset-whatif');
    assert.strictEqual(await page.$('#map g.node[data-claim="counter1"]'), null, 'back to the map: the counter-claim is gone');
    await openClaim(page, 'treaty');
    const svgBefore = await page.$('#map svg');
    await clickAndWait(page, '#switch-off');
    assert.ok(await page.$eval('#map g.node[data-claim="treaty"]', (g) => g.classList.contains('off')), 'a switched-off claim fades');
    assert.ok(await page.evaluate((s) => s === document.querySelector('#map svg'), svgBefore), 'a switch-off keeps the drawing');
    // It looks switched off under any semantics: no colour or status left from the last one.
    const offLook = await lookOf(page, 'treaty');
    assert.strictEqual(offLook.status, '[switched off]');
    t = await H.stamp(page);
    await page.select('#semantics', 'dfquad');
    await H.updated(page, t);
    assert.deepStrictEqual(await lookOf(page, 'treaty'), offLook, 'a switched-off claim keeps the switched-off look under dfquad');
    t = await H.stamp(page);
    await page.select('#semantics', 'grounded');
    await H.updated(page, t);
    await clickAndWait(page, '#reset-whatif');
    assert.ok(!(await page.$eval('#map g.node[data-claim="treaty"]', (g) => g.classList.contains('off'))));

    // Edit: add a claim through the form; nothing that was there moves.
    const beforeEdit = await H.centres(page);
    await page.click('#add-claim');
    await page.type('#new-text', 'Designation would unite Mexican public opinion against cooperation');
    await page.type('#new-source', 'workbench test');
    await clickAndWait(page, '#dialog-ok');
    const afterEdit = await H.centres(page);
    assert.strictEqual(Object.keys(afterEdit).length, Object.keys(beforeEdit).length + 1);
    drifts['new claim'] = moved(beforeEdit, afterEdit);
    assert.ok(drifts['new claim'] < 1, 'unchanged claims keep their place after adding a claim');

    // Drag from the new claim to the designation: an attack.
    const newId = Object.keys(afterEdit).find((id) => !beforeEdit[id]);
    await page.click('#link-mode');
    const box = async (id) => (await page.$(`#map g.node[data-claim="${id}"]`)).boundingBox();
    const a = await box(newId), b = await box('treaty');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForSelector('#new-kind');
    await page.select('#new-kind', 'attack');
    await clickAndWait(page, '#dialog-ok');
    await page.click('#link-mode');
    const drift = moved(afterEdit, await H.centres(page));
    drifts['new link'] = drift;
    assert.ok(drift < 1, 'unchanged claims keep their place after adding an edge: moved ' + drift);
    console.log('largest move of an unchanged claim (px): ' + Object.entries(drifts).map(([k, v]) => k + ' ' + v.toFixed(2)).join(', '));
    assert.strictEqual(await fillOf(page, 'treaty'), OUT, 'the new attack defeats the treaty');
    await shots(page, 'edit');

    // Save, then a fresh page reads the saved map. With a claim selected, the
    // reload explains it again after the save: "saved to" stays.
    await openClaim(page, 'treaty');
    await page.click('#save');
    await page.waitForFunction(() => /saved to/.test(document.getElementById('status').textContent));
    await page.waitForFunction(() => {
      const w = document.getElementById('why');
      return w && w.textContent !== 'asking agon…';
    }, { timeout: 20000 });
    await new Promise((done) => setTimeout(done, 300));
    assert.match(await page.$eval('#status', (e) => e.textContent), /saved to .*debate\.json/, 'the save is confirmed after the panel is explained again');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.ok(saved.claims.some((c) => c.text.startsWith('Designation would unite') && c.attributes.source === 'workbench test'));
    assert.ok(saved.edges.some((e) => e.from === newId && e.to === 'treaty' && e.kind === 'attack'));
    await page.reload();
    await page.waitForSelector(`#map svg g.node[data-claim="${newId}"]`);
    assert.strictEqual(await fillOf(page, 'treaty'), OUT);

    // Undo restores the map without the edge.
    await clickAndWait(page, '#undo');
    assert.strictEqual(await fillOf(page, 'treaty'), IN, 'undo removes the attack');

    // The static export: no server, click for explanations, one-claim what-ifs.
    const html = path.join(dir, 'debate.html');
    execFileSync(agon, ['export', graph, '--html', html]);
    // One drawing recoloured per semantics and what-if: small enough to mail.
    assert.ok(fs.statSync(html).size < 400000, 'the static export is small: ' + fs.statSync(html).size + ' bytes');
    const page2 = await browser.newPage();
    await page2.setViewport({ width: 1280, height: 760 });
    page2.on('pageerror', (e) => errors.push('static: ' + e.message));
    await page2.goto('file://' + html);
    await page2.waitForSelector('#map svg g.node[data-claim="designation"]');
    await openClaim(page2, 'designation');
    assert.match(await page2.$eval('#why', (e) => e.textContent), /falls \(out\)/);
    // Under grounded the designation keeps 8 standing attackers without the treaty.
    await openClaim(page2, 'treaty');
    await clickAndWait(page2, '#switch-off');
    assert.match(await page2.$eval('#strip', (e) => e.innerText), /security treaty is the better path” switched off[^]*nothing else changes/);
    t = await H.stamp(page2);
    await page2.select('#semantics', 'dfquad');
    await H.updated(page2, t);
    assert.ok((await page2.$eval('#diff', (e) => e.innerText)).includes('Designate Mexican cartels as foreign terrorist organisations: ' + two(was) + ' → ' + two(now)));
    // A kept what-if side by side, from the export's results.
    await page2.type('#scenario-name', 'no treaty');
    await page2.click('#keep-scenario');
    await clickAndWait(page2, '#reset-whatif');
    await (await page2.$$('xpath/.//div[@id="scenarios"]//button[contains(., "compare")]'))[0].click();
    await page2.waitForSelector('#compare svg g.node[data-claim="treaty"].off');
    assert.ok(!(await page2.$eval('#map g.node[data-claim="treaty"]', (g) => g.classList.contains('off'))), 'the map itself keeps the treaty');
    await (await page2.$$('xpath/.//div[@id="scenarios"]//button[contains(., "close")]'))[0].click();
    await openClaim(page2, 'treaty');
    await clickAndWait(page2, '#switch-off');
    await H.shot(page2, artefacts, 'static');
    if (docs) await H.shot(page2, docs, 'workbench-static');

    assert.deepStrictEqual(errors, [], 'no script errors');
    console.log('workbench browser test: ok');
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
