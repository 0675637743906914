// Shared pieces of the workbench browser tests: start `agon serve` on a free
// port, start headless Chromium through puppeteer-core, and save screenshots.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

// Start `agon serve ARGS... --port 0` and resolve with {url, proc} once it prints its address.
function serve(agon, args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(agon, ['serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('agon serve did not start: ' + out)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/(http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], proc }); }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => reject(new Error('agon serve exited with ' + code + ': ' + out)));
  });
}

async function browser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agon-chromium-'));
  const b = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: 'new',
    // A loaded 2-core machine (the whole suite beside it) can take over 30 s to start Chromium.
    timeout: 120000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--user-data-dir=' + profile],
  });
  // Chromium may still be writing its profile as it exits: remove it at process exit.
  process.on('exit', () => { try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { /* left in tmp */ } });
  return b;
}

// A page of the workbench at 1280x760 whose script errors are collected in `errors`.
async function newPage(browser) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 760 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

// Wait until the page finished its latest evaluation after `since`.
async function updated(page, since) {
  await page.waitForFunction((t) => Number(document.body.dataset.updated || 0) > t, { timeout: 20000 }, since);
  await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'), { timeout: 20000 });
}
async function stamp(page) { return page.evaluate(() => Number(document.body.dataset.updated || 0)); }

// Screen centres of the claims on the map, by id.
function centres(page) {
  return page.evaluate(() => {
    const out = {};
    document.querySelectorAll('#map svg g.node[data-claim]').forEach((g) => {
      const r = g.getBoundingClientRect();
      out[g.dataset.claim] = [r.left + r.width / 2, r.top + r.height / 2];
    });
    return out;
  });
}

async function shot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name + '.png') });
}

// A copy of map `graph` (the tests edit and save it) in a fresh folder, served
// by `agon serve`, and Chromium: {dir, file, server, browser, close}, where
// close() ends both and removes the folder.
async function serveCopy(agon, graph, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agon-' + name + '-'));
  const file = path.join(dir, 'debate.json');
  fs.copyFileSync(graph, file);
  const server = await serve(agon, [file]);
  const b = await browser();
  const close = async () => {
    await b.close();
    server.proc.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, file, server, browser: b, close };
}

module.exports = { serve, serveCopy, browser, newPage, updated, stamp, centres, shot };
