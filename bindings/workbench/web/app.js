// The agon workbench page. Talks to `agon serve` (mode "server") or reads the
// results an `agon export --html` page carries (mode "static"). Every answer
// - colours, maps, explanations, diffs - comes from agon itself.
'use strict';

const boot = JSON.parse(document.getElementById('boot').textContent || '{}');
const STATIC = boot.mode === 'static';
const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('token') || '';

const S = {
  map: null, version: 0, semantics: 'grounded', params: {},
  whatif: emptyWhatif(), result: null, diff: [], selected: null,
  scenarios: [], compare: null, view: { x: 20, y: 20, k: 1 }, fitted: false,
  linkMode: false, busy: 0, lastMs: null, drawn: null, asked: 0, notice: null, noticeError: false, gone: false,
};

// Objects keyed by claim or edge id: any text is an id, "__proto__" too, so
// they are written as own properties and read only when own.
function put(o, id, value) { Object.defineProperty(o, id, { value, enumerable: true, writable: true, configurable: true }); }
function own(o, id) { return Object.hasOwn(o, id) ? o[id] : undefined; }
function emptyWhatif() { return { off: [], base: {}, weight: {}, claims: [], edges: [] }; }
function whatifEmpty(w) {
  return !w.off.length && !Object.keys(w.base).length && !Object.keys(w.weight).length && !w.claims.length;
}

// ---------- small helpers ----------
function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}
function say(text, error) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!error);
}
function claimById(id) { return S.map.claims.find((c) => c.id === id) || S.whatif.claims.find((c) => c.id === id); }
function short(id, most = 60) {
  const c = claimById(id);
  const t = c && c.text ? c.text : id;
  return t.length > most ? t.slice(0, most - 3) + '…' : t;
}
function statusOf(result, id) {
  if (!result) return null;
  return own(result.labels || result.strength, id) ?? null;
}
function statusWord(v) {
  if (v === null || v === undefined) return 'switched off';
  if (typeof v === 'number') return v.toFixed(2);
  return { in: 'stands (in)', out: 'falls (out)', undec: 'undecided' }[v] || v;
}
// "before → after" with strengths to as many decimals (up to 4) as it takes to tell them apart.
function change(before, after) {
  let d = 2;
  if (typeof before === 'number' && typeof after === 'number')
    while (d < 4 && before.toFixed(d) === after.toFixed(d)) d++;
  const word = (v) => typeof v === 'number' ? v.toFixed(d) : statusWord(v);
  return word(before) + ' → ' + word(after);
}
function badge(v) {
  const cls = v === null || v === undefined ? 'absent' : typeof v === 'number' ? 'num' : v;
  return h('span', { class: 'status-badge status-' + cls }, statusWord(v));
}
function stands(v) { return typeof v === 'number' ? v >= 0.5 : v === 'in'; }
function parseParams(text) {
  const out = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error('a parameter is key=value: ' + item);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}

// ---------- talking to agon ----------
const GONE = 'agon serve does not answer: was it stopped? Start it again, then reload this page';
async function api(path, body) {
  const headers = { 'X-Agon-Token': token };
  const init = body === undefined ? { headers } : { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  let res;
  try {
    res = await fetch(path, init);
  } catch {  // no answer at all ("Failed to fetch" says nothing to a user)
    throw new Error(GONE);
  }
  const type = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    const e = type.includes('json') ? await res.json() : { error: res.statusText, where: path };
    const err = new Error(e.error + (e.where ? ' (' + e.where + ')' : ''));
    err.status = res.status;
    err.where = e.where;
    throw err;
  }
  return type.includes('json') ? res.json() : res.blob();
}
function question() { return { semantics: S.semantics, params: S.params, whatif: S.whatif }; }

// The static page answers from the results computed at export time: one
// drawing, and per semantics the looks of the claims; a what-if carries only
// its diff and the looks of the claims that changed.
const staticApi = {
  evaluate(whatif) {
    const v = boot.views[S.semantics];
    const off = whatif.off[0];
    if (!off) return { result: v.result, diff: [], looks: v.looks };
    const w = own(v.whatif, off);
    const result = structuredClone(v.result), looks = { ...v.looks, ...w.looks };
    const values = result.labels || result.strength;
    for (const d of w.diff) {
      if (d.after === null) { delete values[d.id]; delete looks[d.id]; } else put(values, d.id, d.after);
    }
    return { result, diff: w.diff, looks, baseline: v.result };
  },
  explain(id) {
    const v = boot.views[S.semantics];
    return { explain: own(v.explain, id), hinge: own(v.hinge, id) };
  },
};

// What the status line says once nothing is running: "ready", or a notice
// until the next action, such as "saved to …" or (an `error`) that the file
// --watch follows does not read.
function sayReady() {
  say(S.notice || (S.lastMs ? 'ready · last update ' + S.lastMs : 'ready'), !!S.notice && S.noticeError);
}
function notice(text, error) { S.notice = text; S.noticeError = !!error; say(text, error); }

// Run `fn` with a status message; "ready" once nothing else is running. A
// `background` task (explaining the selected claim again after a reload) is
// not a new action: it leaves a notice in place.
async function busy(what, fn, background) {
  S.busy++;
  if (!background) S.notice = null;
  if (!S.notice) say(what + '…');
  let ok = false;
  try {
    const r = await fn();
    ok = true;
    return r;
  } catch (e) {
    say(e.message, true);
    if (e.status === 409) {  // another tab (or --watch) changed the map: show it, keep the message
      await loadMap();
      say('Not applied: ' + e.message, true);
    }
    return null;
  } finally {
    S.busy--;
    if (ok && !S.busy) sayReady();
  }
}

async function loadMap() {
  const m = STATIC ? boot.map : await api('/api/map');
  S.map = m;
  S.version = m.version;
  document.title = (m.title || 'untitled map') + ' - agon workbench';
  $('title').textContent = m.title || 'untitled map';
  $('file').textContent = m.file ? '(' + m.file + ')' : '(not saved yet)';
  const sel = $('semantics');
  if (!sel.options.length) {
    const names = STATIC ? Object.keys(boot.views) : m.semantics.map((s) => s.name);
    const ext = STATIC ? names : m.semantics.filter((s) => s.labels).map((s) => s.name);
    const groups = [['Which claims stand together', names.filter((n) => ext.includes(n) && (!STATIC || boot.views[n].result.labels))],
                    ['How strong each claim is', names.filter((n) => STATIC ? !boot.views[n].result.labels : !ext.includes(n))]];
    for (const [label, list] of groups) {
      if (!list.length) continue;
      const g = h('optgroup', { label });
      for (const n of list) g.append(h('option', { value: n }, n));
      sel.append(g);
    }
    sel.value = names.includes(S.semantics) ? S.semantics : names[0];
    S.semantics = sel.value;
  }
  const ro = STATIC || m.read_only;
  document.querySelectorAll('.edit-only').forEach((e) => e.classList.toggle('hidden', ro));
  document.querySelectorAll('.server-only').forEach((e) => e.classList.toggle('hidden', STATIC));
  $('params').classList.toggle('hidden', STATIC);
  $('export').classList.toggle('hidden', STATIC);
  $('undo').disabled = !m.can_undo;
  $('redo').disabled = !m.can_redo;
  // What-if edits that no longer apply to the edited map are dropped, in the
  // kept scenarios too (a counter-claim to a deleted claim left every later
  // answer failing on an edge the user never saw).
  fitWhatif(S.whatif, m);
  for (const sc of S.scenarios) fitWhatif(sc.whatif, m);
  if (S.selected && !claimById(S.selected)) S.selected = null;
  await refresh();
  // After the refresh, whose "ready" wiped it out at once.
  if (m.watch_error) notice('The file on disk does not read: ' + m.watch_error, true);
}

// Drop from what-if `w` what map `m` no longer has room for: switch-offs,
// bases and weights of claims and edges gone, counter-claims whose id the map
// now uses, and links whose ends are gone (undercut chains included).
function fitWhatif(w, m) {
  const ids = new Set(m.claims.map((c) => c.id));
  const edges = new Set(m.edges.map((e) => e.id));
  w.off = w.off.filter((id) => ids.has(id));
  for (const id of Object.keys(w.base)) if (!ids.has(id)) delete w.base[id];
  for (const id of Object.keys(w.weight)) if (!edges.has(id)) delete w.weight[id];
  // A counter-claim whose id the map now uses goes, and its links with it
  // (kept, they would start from the map's claim of that name).
  const taken = new Set(w.claims.filter((c) => ids.has(c.id)).map((c) => c.id));
  w.claims = w.claims.filter((c) => !taken.has(c.id));
  for (const c of w.claims) ids.add(c.id);
  for (const id of taken) ids.delete(id);
  let kept = w.edges;
  for (let before = -1; before !== kept.length;) {
    before = kept.length;
    const known = new Set([...edges, ...kept.map((e) => e.id).filter(Boolean)]);
    kept = kept.filter((e) => ids.has(e.from) && (e.kind === 'undercut' ? known.has(e.to) : ids.has(e.to)));
  }
  w.edges = kept;
}

// What the drawing on screen is of: the map's version and the claims, edges
// and weights a what-if adds. Colours, statuses and switched-off claims are
// applied to the drawing in place; only a change of this needs a new drawing.
function shapeOf() { return JSON.stringify([S.version, S.whatif.claims, S.whatif.edges, S.whatif.weight]); }

// Evaluate, recolour (drawing again only when the shape changed); the panel follows.
async function refresh() {
  const t0 = performance.now();
  const shape = shapeOf(), asked = ++S.asked;
  const draw = STATIC ? !$('map').querySelector('svg') : S.drawn !== shape;
  const first = !STATIC && !$('map').querySelector('svg');
  const what = first ? 'laying out ' + S.map.claims.length + ' claims' : draw ? 'drawing' : 'evaluating';
  // Graphviz takes seconds for a thousand claims: say so where the map will be.
  if (first && S.map.claims.length) $('map').querySelector('.canvas').replaceChildren(h('p', { class: 'wait' }, 'Laying out ' + S.map.claims.length + ' claims with Graphviz…'));
  const r = await busy(what, async () => STATIC ? staticApi.evaluate(S.whatif) : api('/api/evaluate', { ...question(), draw }));
  if (!r || asked !== S.asked) return;  // a later click's answer wins
  S.result = r.result;
  S.baseline = r.baseline || r.result;
  S.diff = r.diff;
  let fresh = null;
  if (draw) {
    fresh = setSvg($('map'), STATIC ? boot.svg : r.svg);
    S.drawn = shape;
  }
  recolour($('map'), r.looks);
  // A claim just added may sit out of sight: pan (never re-layout) to show it, after
  // recolouring, which changes status lines, so that the drawing is laid out once.
  if (fresh) reveal(fresh);
  drawEmptyHint();
  window.__agonUpdatedAt = performance.now();  // the benchmark reads this
  const total = performance.now() - t0;
  S.lastMs = r.ms ? Math.round(total) + ' ms (agon ' + Math.round(r.ms.total) + ' ms)' : null;
  if (!S.busy) sayReady();
  document.body.dataset.updated = String(Date.now());
  $('map').querySelector('.caption').textContent = whatifEmpty(S.whatif) ? S.semantics : 'what-if · ' + S.semantics;
  drawStrip();
  keepClear();
  drawLegend();
  if (S.compare) await drawCompare();
  if (S.selected) showClaim(S.selected, asked); else showGuide();
}

// ---------- the map: SVG, pan, zoom, clicks ----------
// An empty map says how to start in the map area itself, where the eye goes
// (it was blank there, with the hint in the side panel only), in place of
// the drawing, which is then the title alone (laid out: hidden, not removed).
function drawEmptyHint() {
  const empty = !S.map.claims.length && !S.whatif.claims.length, hint = $('empty-hint');
  hint.classList.toggle('hidden', !empty);
  $('map').querySelector('.canvas').style.visibility = empty ? 'hidden' : '';
  if (empty) hint.replaceChildren(...(STATIC || S.map.read_only ? ['No claims yet'] : ['No claims yet: ', h('b', {}, 'Add claim'), ' to start']));
}
function applyView() {
  for (const v of document.querySelectorAll('.view .canvas'))
    v.style.transform = `translate(${S.view.x}px, ${S.view.y}px) scale(${S.view.k})`;
}
// The groups of a drawing, one per claim and per edge as Graphviz writes
// them; a group's text less its numbered id (which shifts when a claim
// before it goes) is its key. What the page drew from each key, by drawing.
// ("<[!]--": the page's script must not spell an HTML comment's opening.)
const GROUP = /<g id="(?:node|edge)\d+" (class="(?:node|edge)">[\s\S]*?<\/g>)\n(?=<[!]--|<g id="(?:node|edge)\d+" |<\/g>\n<\/svg>)/g;
const drawnGroups = new WeakMap();

// Put drawing `svgText` into `canvas` and return the groups it parsed. The
// groups of the drawing there already that are drawn the same are kept as
// they are (with what setSvg and recolour did to them), and only the others
// parsed: after an edit that is nearly all of them (claims never move), so
// that the browser parses and lays out a few groups rather than 17,000
// elements for 1,000 claims (it took most of an edit).
function putSvg(canvas, svgText) {
  const keys = [];
  const shell = svgText.replace(GROUP, (all, key) => { keys.push(key); return ''; }).replace(/<[!]--[\s\S]*?-->\n?/g, '');
  const parse = (text) => { const t = document.createElement('template'); t.innerHTML = text; return t.content; };
  const svg = parse(shell).querySelector('svg'), graph = svg && svg.querySelector('g.graph');
  if (!graph || graph.querySelector('g.node, g.edge')) {  // not as Graphviz writes it: all of it anew
    canvas.innerHTML = svgText;
    return [...canvas.querySelectorAll('svg g.node, svg g.edge')];
  }
  const old = canvas.querySelector(':scope > svg'), oldGroups = old && drawnGroups.get(old);
  const pool = new Map();
  for (const [key, g] of oldGroups || []) pool.has(key) ? pool.get(key).push(g) : pool.set(key, [g]);
  const groups = keys.map((key) => (pool.get(key) || []).shift() || null);
  const parsed = [...parse('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
    keys.filter((key, i) => !groups[i]).map((key) => '<g ' + key).join('') + '</svg>').firstChild.children];
  for (let i = 0, j = 0; i < groups.length; i++) if (!groups[i]) groups[i] = parsed[j++];
  if (!oldGroups) {
    graph.append(...groups);
    canvas.replaceChildren(svg);
    drawnGroups.set(svg, keys.map((key, i) => [key, groups[i]]));
    return groups;
  }
  // The drawing in place: its size and the title from the new one, groups
  // gone removed, new ones put in their order (the kept ones stay put).
  for (const a of ['width', 'height', 'viewBox']) if (svg.hasAttribute(a)) old.setAttribute(a, svg.getAttribute(a));
  const oldGraph = old.querySelector('g.graph');
  oldGraph.setAttribute('transform', graph.getAttribute('transform'));
  const keep = new Set(groups);
  for (const [, g] of oldGroups) if (!keep.has(g)) g.remove();
  for (const e of [...oldGraph.children]) if (!keep.has(e)) e.remove();
  oldGraph.prepend(...graph.children);
  let at = oldGraph.querySelector(':scope > g.node, :scope > g.edge');
  for (const g of groups) {
    if (g === at) at = at.nextElementSibling;
    else oldGraph.insertBefore(g, at);
  }
  drawnGroups.set(old, keys.map((key, i) => [key, groups[i]]));
  return parsed;
}

// Where the point (0, 0) of the drawing's own coordinates, in which claims
// keep their place from drawing to drawing, sits on the canvas, in px: from
// the size, viewBox and transform attributes alone, with no layout.
function drawingOrigin(svg) {
  const w = svg.width.baseVal.value, hgt = svg.height.baseVal.value, vb = svg.viewBox.baseVal;
  const graph = svg.querySelector('g.graph'), m = graph && graph.transform.baseVal.consolidate();
  const x = m ? m.matrix.e : 0, y = m ? m.matrix.f : 0;
  if (!vb || !vb.width || !vb.height) return [x, y];
  const k = Math.min(w / vb.width, hgt / vb.height);  // preserveAspectRatio="xMidYMid meet"
  return [(w - vb.width * k) / 2 + (x - vb.x) * k, (hgt - vb.height * k) / 2 + (y - vb.y) * k];
}

// Put a drawing into `view` and return the claim it has that the one before
// lacked, if any, for refresh to bring into sight once it is coloured.
function setSvg(view, svgText) {
  const canvas = view.querySelector('.canvas');
  const old = canvas.querySelector(':scope > svg');
  const was = old ? drawingOrigin(old) : null;
  const before = new Set();
  if (old) old.querySelectorAll('g.node[data-claim]').forEach((g) => before.add(g.dataset.claim));
  const parsed = putSvg(canvas, svgText);
  const svg = canvas.querySelector(':scope > svg');
  if (!svg) return null;
  const names = new Set(), added = [];
  for (const g of parsed) {
    if (!g.classList.contains('node')) continue;
    const id = g.querySelector('title').textContent;
    if (!g.querySelector('text')) { g.dataset.point = id; continue; }  // the middle point of an undercut edge
    g.dataset.claim = id;
    added.push(id);
    const texts = g.querySelectorAll('text');
    if (texts.length && texts[texts.length - 1].textContent.startsWith('[')) g.dataset.status = '';
    g.addEventListener('click', (ev) => { ev.stopPropagation(); if (!S.linkMode) select(id); });
  }
  svg.querySelectorAll('g.node').forEach((g) => {
    names.add(g.dataset.claim ?? g.dataset.point);
    if (g.dataset.claim !== undefined) g.classList.toggle('selected', g.dataset.claim === S.selected);
  });
  // An edge's title is "from->to": split it where both sides are nodes of the drawing.
  for (const g of parsed) {
    if (!g.classList.contains('edge')) continue;
    const t = g.querySelector('title').textContent;
    for (let i = t.indexOf('->'); i >= 0; i = t.indexOf('->', i + 1))
      if (names.has(t.slice(0, i)) && names.has(t.slice(i + 2))) { g.dataset.from = t.slice(0, i); g.dataset.to = t.slice(i + 2); break; }
  }
  svg.querySelectorAll('title').forEach((t) => t.remove());  // ids stay in data-claim; no tooltips of ids
  if (view.id !== 'map') return null;
  if (!S.fitted) { fit(); S.fitted = true; return null; }
  // Keep unchanged claims where they were on screen, whatever the new
  // drawing's bounds: claims keep their coordinates in the drawing, so the
  // shift of its origin on the canvas is theirs.
  if (!was || !before.size) return null;
  const now = drawingOrigin(svg);
  S.view.x += (was[0] - now[0]) * S.view.k;
  S.view.y += (was[1] - now[1]) * S.view.k;
  applyView();
  return added.find((id) => !before.has(id)) || null;
}
// How a switched-off claim is drawn under every semantics (faded by the
// .off class): grey like the panel's "switched off" badge, so that nothing of
// the colour or status it had before stays on it.
const OFF_LOOK = { fill: '#dddddd', font: '#000000', status: '[switched off]' };

// Colour the drawing by `looks` (from agon's renderer, by claim id) in place:
// fill, text colour, status line, outline of a changed claim. Claims without
// a look are switched off: they take OFF_LOOK and fade, with their edges and
// the middle points of edges they carried. O(size of the drawing).
function recolour(view, looks) {
  // Only what changes is written: a status line written again, even the
  // same, is laid out again (a second layout of the whole drawing after an edit).
  const set = (e, name, value) => { if (e.getAttribute(name) !== value) e.setAttribute(name, value); };
  const off = new Set(), drawn = new Set();
  view.querySelectorAll('svg g.node[data-claim]').forEach((g) => {
    drawn.add(g.dataset.claim);
    let look = own(looks, g.dataset.claim);
    g.classList.toggle('off', !look);
    if (!look) { off.add(g.dataset.claim); look = OFF_LOOK; }
    const shape = g.querySelector('path, polygon, ellipse');
    set(shape, 'fill', look.fill);
    set(shape, 'stroke', look.outline || 'black');
    set(shape, 'stroke-width', look.outline ? '3' : '1');
    const texts = g.querySelectorAll('text');
    texts.forEach((t) => set(t, 'fill', look.font));
    const status = look.change ? '[' + look.change + ']' : look.status, last = texts[texts.length - 1];
    if (g.dataset.status !== undefined && last.textContent !== status) last.textContent = status;
  });
  const edges = new Map([...S.map.edges, ...S.whatif.edges].map((e) => [e.id, e]));
  const gone = (name, depth) => {
    if (off.has(name)) return true;
    if (drawn.has(name) || !name.startsWith('edge:') || depth > 8) return false;
    const e = edges.get(name.slice(5));
    return !!e && (gone(e.from, depth + 1) || gone(e.kind === 'undercut' ? 'edge:' + e.to : e.to, depth + 1));
  };
  view.querySelectorAll('svg g.node[data-point]').forEach((g) => g.classList.toggle('off', gone(g.dataset.point, 0)));
  view.querySelectorAll('svg g.edge[data-from]').forEach((g) => g.classList.toggle('off', gone(g.dataset.from, 0) || gone(g.dataset.to, 0)));
}
// The room the what-if strip takes on top of the map: two rows of buttons
// when it is not shown yet (what it takes beside the panel at 1280 px), so
// that a what-if covers no claim of a fitted map and needs no pan.
const STRIP_ROOM = 72;
function topRoom() {
  const strip = $('strip');
  return $('scenarios').offsetHeight + Math.max(strip.offsetHeight, STRIP_ROOM);
}
// The legend's box in the coordinates of view `view` (both views start at the
// left of #views, and the legend sits in the bottom-left corner of the map).
function legendBox(view) {
  const l = $('legend').getBoundingClientRect(), v = view.getBoundingClientRect();
  return { left: l.left - v.left, top: l.top - v.top, right: l.right - v.left, bottom: l.bottom - v.top };
}
// Where the map's room ends, in the coordinates of view `view`: at its bottom,
// or above the panel where that is a sheet over the map (a narrow window).
function roomBottom(view) {
  if (!narrow() || !document.body.classList.contains('sheet-open')) return view.clientHeight;
  return Math.min(view.clientHeight, $('panel').getBoundingClientRect().top - view.getBoundingClientRect().top);
}
// A narrow window (a phone, a tablet held upright): the layout app.css gives it
// shows the menu button, so that the breakpoint is written in one place.
function narrow() { return getComputedStyle($('menu-button')).display !== 'none'; }
// Pan claim `id` (one just added, or tapped in a narrow window) into the room
// the map has when it is out of it (under the sheet, the strip or past an
// edge): just far enough, so that the rest of the map stays where the user
// left it as far as it can; never zoom.
function reveal(id) {
  const view = $('map'), g = view.querySelector(`g.node[data-claim="${CSS.escape(id)}"]`);
  if (!g) return;
  const v = view.getBoundingClientRect(), r = g.getBoundingClientRect(), margin = 20;
  const top = v.top + $('overlays').offsetHeight + margin, bottom = v.top + roomBottom(view) - margin;
  const into = (lo, hi, from, to) => (from < lo ? lo - from : to > hi ? hi - to : 0);
  const dx = into(v.left + margin, v.right - margin, r.left, r.right), dy = into(top, bottom, r.top, r.bottom);
  if (!dx && !dy) return;
  S.view.x += dx;
  S.view.y += dy;
  applyView();
}
// Fit the drawing into what the overlays leave of the map: below the strip and
// the scenarios, above the sheet, and beside or above the legend (whichever shows it larger).
function fit() {
  const view = $('map'), svg = view.querySelector('svg');
  if (!svg) return;
  const w = svg.width.baseVal.value, hgt = svg.height.baseVal.value;
  const W = view.clientWidth, top = topRoom() + 8, lg = legendBox(view), bottom = roomBottom(view);
  const areas = [{ x: lg.right + 8, y: top, w: W - lg.right - 16, h: bottom - top - 8 },
                 { x: 8, y: top, w: W - 16, h: Math.min(lg.top, bottom) - 8 - top }];
  let best = null;
  for (const a of areas) {
    if (a.w <= 0 || a.h <= 0) continue;
    const k = Math.min(a.w / w, a.h / hgt, 1.5);
    if (!best || k > best.k) best = { k, a };
  }
  if (!best) best = { k: Math.min(W / w, view.clientHeight / hgt, 1.5), a: { x: 0, y: 0, w: W, h: view.clientHeight } };
  const { k, a } = best;
  S.view = { k, x: a.x + (a.w - w * k) / 2, y: a.y + Math.max(0, (a.h - hgt * k) / 2) };
  S.view.fitted = true;  // until the user pans or zooms: a new window size fits it again
  applyView();
}
// After the strip, the scenarios or the legend changed: if they now cover part
// of a drawing that was all in sight, pan it clear (claims keep their places
// relative to each other) or, when there is no room for that, fit it again.
// A map the user zoomed into beyond the window is left as it is.
function keepClear() {
  const view = $('map'), svg = view.querySelector('svg');
  if (!svg || view.querySelector('.wait')) return;
  const v = view.getBoundingClientRect(), d = svg.getBoundingClientRect();
  if (d.left < v.left - 1 || d.right > v.right + 1 || d.top < v.top - 1 || d.bottom > v.bottom + 1) return;
  const top = v.top + $('overlays').offsetHeight + 4, l = $('legend').getBoundingClientRect();
  // A drawing clear of the legend has no claim under it: no claim to measure (1,000 took 50-100 ms).
  const hitsLegend = (dy) => d.left < l.right && d.right > l.left && d.top + dy < l.bottom && d.bottom + dy > l.top &&
    [...view.querySelectorAll('svg g.node[data-claim]')].some((g) => {
      const r = g.getBoundingClientRect();
      return r.left < l.right && r.right > l.left && r.top + dy < l.bottom && r.bottom + dy > l.top;
    });
  const dy = Math.max(0, top - d.top);
  if (!dy && !hitsLegend(0)) return;
  if (d.bottom + dy <= v.bottom && !hitsLegend(dy)) { S.view.y += dy; applyView(); } else fit();
}
function zoom(factor, cx, cy) {
  const v = S.view;
  v.fitted = false;
  v.x = cx - (cx - v.x) * factor;
  v.y = cy - (cy - v.y) * factor;
  v.k *= factor;
  applyView();
}
// Pointer events, so that a mouse and a finger pan alike; two fingers pinch.
function setupPanZoom(view) {
  let drag = null, pinch = null;
  const down = new Map();  // the pointers pressed on the view: their window positions
  const pinchOf = () => {
    const [a, b] = [...down.values()], r = view.getBoundingClientRect();
    return { d: Math.hypot(a[0] - b[0], a[1] - b[1]) || 1, x: (a[0] + b[0]) / 2 - r.left, y: (a[1] + b[1]) / 2 - r.top };
  };
  view.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = view.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  view.addEventListener('pointerdown', (e) => {
    const node = e.target.closest('g.node[data-claim]');
    if (S.linkMode && node) { startLink(node.dataset.claim, e); return; }
    down.set(e.pointerId, [e.clientX, e.clientY]);
    if (down.size === 2) { drag = null; pinch = pinchOf(); return; }
    drag = { x: e.clientX, y: e.clientY, vx: S.view.x, vy: S.view.y, moved: false };
    view.classList.add('panning');
  });
  window.addEventListener('pointermove', (e) => {
    if (down.has(e.pointerId)) down.set(e.pointerId, [e.clientX, e.clientY]);
    if (pinch && down.size === 2) {  // zoom by the change of the fingers' distance, pan by their middle
      const p = pinchOf();
      S.view.x += p.x - pinch.x;
      S.view.y += p.y - pinch.y;
      zoom(p.d / pinch.d, p.x, p.y);
      pinch = p;
      return;
    }
    if (!drag) return;
    S.view.x = drag.vx + e.clientX - drag.x;
    S.view.y = drag.vy + e.clientY - drag.y;
    drag.moved = drag.moved || Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3;
    if (drag.moved) S.view.fitted = false;
    applyView();
  });
  const up = (e) => {
    down.delete(e.pointerId);
    pinch = null;
    drag = null;
    view.classList.remove('panning');
  };
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
  view.addEventListener('click', (e) => { if (!e.target.closest('g.node')) select(null); });
}

// Drag from claim to claim (in "Link claims" mode), with the mouse or a finger, adds a support or attack.
function startLink(from, e) {
  e.preventDefault();
  const g = $('map').querySelector(`g.node[data-claim="${CSS.escape(from)}"]`);
  g.classList.add('link-source');
  say('drop on the claim it supports or attacks');
  const up = (ev) => {
    window.removeEventListener('pointerup', up, true);
    g.classList.remove('link-source');
    const target = document.elementFromPoint(ev.clientX, ev.clientY);
    const node = target && target.closest('g.node[data-claim]');
    if (node && node.dataset.claim !== from) edgeDialog(from, node.dataset.claim);
    else sayReady();
  };
  window.addEventListener('pointerup', up, true);
}

async function drawLegend() {
  const strengths = S.result && !S.result.labels;
  if (S.legendFor === strengths) return;
  S.legendFor = strengths;
  const svg = STATIC ? boot.legend[strengths ? 'strengths' : 'labels']
                     : await (await api('/api/legend?strengths=' + (strengths ? 1 : 0))).text();
  $('legend-svg').innerHTML = svg;
  const t = $('legend-svg').querySelector('svg > g > title');
  if (t) t.remove();
  keepClear();  // the first legend, or another size of it, may cover the map
}

function foldLegend(collapsed) {
  $('legend').classList.toggle('collapsed', collapsed);
  $('legend-toggle').textContent = collapsed ? 'Legend' : '×';
  $('legend-toggle').title = collapsed ? 'Show what the colours and arrows mean' : 'Hide the legend (the map fits the room it leaves)';
  return collapsed;
}

// ---------- the what-if strip and scenarios ----------
function describeWhatif(w) {
  const parts = [];
  for (const id of w.off) parts.push('“' + short(id) + '” switched off');
  for (const [id, x] of Object.entries(w.base)) parts.push('base of “' + short(id) + '” ' + Number(x).toFixed(2));
  for (const [id, x] of Object.entries(w.weight)) parts.push('weight of ' + id + ' ' + Number(x).toFixed(2));
  for (const c of w.claims) parts.push('counter-claim “' + c.text + '”');
  if (w.off.length > 3) parts.splice(0, w.off.length, w.off.length + ' claims switched off');
  return parts.join('; ');
}
function drawStrip(all) {
  const on = !whatifEmpty(S.whatif);
  $('strip').classList.toggle('hidden', !on);
  if (!on) return;
  $('whatif-desc').textContent = 'What-if: ' + describeWhatif(S.whatif) + ' →';
  $('whatif-desc').title = S.whatif.off.map(short).join('\n');
  const d = $('diff');
  d.innerHTML = '';
  const moved = S.diff.filter((c) => c.before !== null && c.after !== null);
  if (!moved.length) d.append(h('span', { class: 'chip none' }, 'nothing else changes'));
  // On a large map a click can move hundreds of claims: the first dozen, then on demand.
  const shown = all ? moved : moved.slice(0, 8);
  for (const c of shown)
    d.append(h('span', { class: 'chip', 'data-claim': c.id, title: short(c.id, 400), onclick: () => select(c.id) },
               short(c.id, moved.length > 3 ? 36 : 90) + ': ' + change(c.before, c.after)));
  if (shown.length < moved.length)
    d.append(h('span', { class: 'chip', id: 'more-moves', onclick: () => { drawStrip(true); keepClear(); } }, '+ ' + (moved.length - shown.length) + ' more claims moved'));
}
function drawScenarios() {
  const box = $('scenarios');
  box.classList.toggle('hidden', !S.scenarios.length);
  box.innerHTML = '';
  box.append(h('span', { class: 'small' }, 'Scenarios:'));
  for (const sc of S.scenarios) {
    box.append(h('span', { class: 'chip', title: describeWhatif(sc.whatif) },
      h('span', { onclick: () => { S.whatif = structuredClone(sc.whatif); refresh(); } }, sc.name), ' ',
      h('button', { onclick: () => toggleCompare(sc), title: 'show it side by side with the map' }, S.compare === sc ? 'close' : 'compare')));
  }
  keepClear();
}
async function toggleCompare(sc) {
  S.compare = S.compare === sc ? null : sc;
  $('compare').classList.toggle('hidden', !S.compare);
  // Side by side each map has half the width: the legend folds into its
  // button meanwhile, and opens again when the comparison closes.
  const folded = $('legend').classList.contains('collapsed');
  if (S.compare && !folded) { foldLegend(true); S.legendFolded = true; }
  if (!S.compare && S.legendFolded) { S.legendFolded = false; if (folded) foldLegend(false); }
  if (S.compare && narrow()) openSheet(false);
  drawScenarios();
  if (S.compare) await drawCompare();
  fit();  // both views share one transform: fit the map to its new width
}
async function drawCompare() {
  const sc = S.compare;
  const r = STATIC ? staticApi.evaluate(sc.whatif) : await busy('evaluating ' + sc.name, () => api('/api/evaluate', { ...question(), whatif: sc.whatif }));
  if (!r) return;
  setSvg($('compare'), STATIC ? boot.svg : r.svg);
  recolour($('compare'), r.looks);
  $('compare').querySelector('.caption').textContent = 'scenario “' + sc.name + '” · ' + S.semantics;
  applyView();
}
async function keepScenario() {
  const name = $('scenario-name').value.trim() || 'scenario ' + (S.scenarios.length + 1);
  S.scenarios = S.scenarios.filter((s) => s.name !== name);
  S.scenarios.push({ name, whatif: structuredClone(S.whatif) });
  $('scenario-name').value = '';
  drawScenarios();
  say('kept “' + name + '”: click its name to come back to it, or compare it with the map');
}
function download(name, blob) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
async function luaScript() {
  const name = $('scenario-name').value.trim() || 'what-if';
  const r = await busy('writing the script', () => api('/api/lua', { ...question(), name }));
  if (r) download(r.file_name, new Blob([r.script], { type: 'text/x-lua' }));
}

// ---------- what-if actions ----------
function toggleOff(id) {
  if (STATIC) S.whatif.off = S.whatif.off[0] === id ? [] : [id];
  else if (S.whatif.off.includes(id)) S.whatif.off = S.whatif.off.filter((x) => x !== id);
  else S.whatif.off.push(id);
  refresh();
}
let sliderTimer = null;
function slide(kind, id, value) {
  put(S.whatif[kind], id, Number(value));
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(refresh, 80);
}
function addCounter(target, text) {
  if (!text.trim()) return;
  let n = 1;
  while (claimById('counter' + n)) n++;
  const id = 'counter' + n;
  S.whatif.claims.push({ id, text: text.trim(), base: 0.5 });
  S.whatif.edges.push({ from: id, to: target, kind: 'attack', weight: 1 });
  refresh();
}

// ---------- the side panel ----------
function select(id) {
  S.selected = id;
  document.querySelectorAll('.view svg g.node').forEach((g) => g.classList.toggle('selected', g.dataset.claim === id));
  if (id) showClaim(id); else showGuide();
  openSheet(!!id);
}
// In a narrow window the panel is a sheet over the map: open while a claim is
// selected or the guide asked for, with the selected claim panned above it.
function openSheet(open) {
  document.body.classList.toggle('sheet-open', open);
  if (open && S.selected && narrow()) reveal(S.selected);
}
function claimLink(id) { return h('span', { class: 'link', onclick: () => select(id) }, short(id)); }

function showGuide() {
  const p = $('panel');
  p.innerHTML = '';
  const m = S.map;
  p.append(h('h2', {}, m.title || 'An empty map'),
    h('div', { class: 'guide' },
      h('p', {}, 'Each box is a claim. Colours show what ', h('b', {}, S.semantics), ' semantics makes of it; the legend at the bottom left says how. Blue arrows support, vermillion bar-headed arrows attack.'),
      h('ol', {},
        h('li', {}, h('b', {}, 'Click a claim'), ' to see why it stands or falls, and what it hinges on.'),
        h('li', {}, h('b', {}, 'Switch a claim off'), ' or move a slider in that panel: the map recolours, switched-off claims fade (click one to switch it back on), and the strip on top lists what moved.'),
        h('li', {}, h('b', {}, 'Keep'), ' a what-if as a named scenario to compare it side by side', STATIC ? '.' : ', or save it as a Lua script.'),
        STATIC ? null : h('li', {}, 'Edit with ', h('b', {}, 'Add claim'), ', ', h('b', {}, 'Link claims'), ' (drag from one claim to another) and the edit box of a claim; ', h('b', {}, 'Save'), ' writes the file.'))));
  if (!m.claims.length) { p.append(h('p', {}, 'Start with “Add claim”, or open a file.')); return; }
  // The claims that others point at most are the ones people ask about first.
  const incoming = Object.create(null);
  for (const e of m.edges) incoming[e.to] = (incoming[e.to] || 0) + 1;
  const list = [...m.claims].sort((a, b) => (incoming[b.id] || 0) - (incoming[a.id] || 0)).slice(0, 12);
  p.append(h('h3', {}, 'Most discussed claims'),
    h('div', { class: 'claim-list' }, list.map((c) => h('div', {}, badge(statusOf(S.result, c.id)), ' ', claimLink(c.id)))));
}

// The panel of claim `id`; after an evaluation (`asked`, while dragging a
// slider say), its explanation waits until no newer evaluation followed for a
// moment, so that the server does not search hinges nobody will read.
async function showClaim(id, asked) {
  const c = claimById(id);
  if (!c) { showGuide(); return; }
  const p = $('panel');
  const v = statusOf(S.result, id);
  p.innerHTML = '';
  p.dataset.claim = id;
  p.append(h('h2', {}, c.text || id),
    h('div', { class: 'row' }, badge(v), h('span', { class: 'small' }, 'under ', S.semantics, ' · id ', h('code', {}, id),
      ' · base score ', (own(S.whatif.base, id) ?? c.base).toFixed(2), c.kind === 'argument' ? ' · argument' : '')));
  if (c.tags && c.tags.length) p.append(h('div', { class: 'small' }, 'Tags: ', c.tags.map((t) => '#' + t).join(' ')));
  const attrs = Object.entries(c.attributes || {});
  if (attrs.length) p.append(h('table', { class: 'attrs' }, attrs.map(([k, x]) => h('tr', {}, h('td', {}, k), h('td', {}, x)))));
  const why = h('pre', { id: 'why' }, 'asking agon…');
  const hinge = h('pre', { id: 'hinge' }, '…');
  const moves = h('div', { id: 'moves' });
  if (v === null) {  // nothing to explain: say so, keep the switches
    why.textContent = 'This claim is switched off in the what-if.';
    p.append(h('h3', {}, 'Why'), why, h('h3', {}, 'Its neighbours'), neighbours(id, v), whatifBox(id, c, v));
    return;
  }
  p.append(h('h3', {}, 'Why'), why, h('h3', {}, 'What moves its strength'), moves,
    h('h3', {}, 'What would have to change'), neighbours(id, v), hinge);
  p.append(whatifBox(id, c, v));
  if (!STATIC && !S.map.read_only && S.map.claims.some((x) => x.id === id)) p.append(editBox(c));
  if (asked && !STATIC) {
    await new Promise((done) => setTimeout(done, 250));
    if (asked !== S.asked || S.selected !== id) return;
  }
  const r = STATIC ? staticApi.explain(id) : await busy('explaining', () => api('/api/explain', { ...question(), claim: id }), true);
  if (S.selected !== id) return;
  if (!r) { why.textContent = hinge.textContent = 'No answer from agon: the status line on top says why.'; return; }
  const attributions = (r.explain.answer || {}).attributions;
  // The text's own table of attributions is shown as bars below instead.
  why.textContent = attributions ? r.explain.text.split('\nWhat moves it most')[0] : r.explain.text;
  hinge.textContent = r.hinge.text;
  showMoves(moves, attributions);
  if (r.hinge.sets && r.hinge.sets.length && !STATIC)
    hinge.after(h('div', {}, r.hinge.sets.slice(0, 4).map((set) =>
      h('button', { onclick: () => { S.whatif.off = [...new Set([...S.whatif.off, ...set])]; refresh(); } },
        'Try it: switch off ' + set.map(short).join(' + ')))));
}

// Attributions (gradual semantics): how much each claim moves the strength,
// as agon's explanation measures it. Extension semantics have none: say what
// agon offers there instead.
function showMoves(box, attributions) {
  if (!attributions) {
    box.append(h('p', { class: 'small', id: 'no-attributions' }, 'Under ', S.semantics,
      ' a claim stands, falls or stays undecided: there is no strength to share out, so agon gives no attributions here. ',
      'What it offers is the explanation above and the search for what the status hinges on below. ',
      'Pick a gradual semantics (dfquad, euler, …) to see how much each claim moves a strength.'));
    return;
  }
  const top = attributions.filter((a) => Math.abs(a.removal) >= 0.0005).slice(0, 8);
  if (!top.length) { box.append(h('p', { class: 'small' }, 'No other claim moves its strength.')); return; }
  const most = Math.max(...top.map((a) => Math.abs(a.removal)));
  for (const a of top)
    box.append(h('div', { class: 'row small' },
      h('span', { class: 'bar' }, h('span', { class: 'move ' + (a.removal < 0 ? 'down' : 'up'), style: 'width:' + Math.max(1, Math.round(60 * Math.abs(a.removal) / most)) + 'px' })),
      h('span', { class: 'num' }, (a.removal > 0 ? '+' : '') + a.removal.toFixed(3)), h('span', { class: 'grow' }, claimLink(a.claim))));
  box.append(h('p', { class: 'small' }, 'Each number is the strength minus the strength without that claim' +
    (attributions.length > top.length ? ' (the ' + top.length + ' that move it most)' : '') + '.'));
}

// The claims attacking and supporting this one, with their status and a switch each.
function neighbours(id, v) {
  const box = h('div', {});
  const attackers = S.map.edges.filter((e) => e.to === id && e.kind === 'attack').map((e) => e.from);
  const supporters = S.map.edges.filter((e) => e.to === id && e.kind === 'support').map((e) => e.from);
  const live = (x) => statusOf(S.result, x) !== null;
  const standing = attackers.filter((a) => live(a) && stands(statusOf(S.result, a)));
  if (v !== null && !stands(v) && standing.length) {
    box.append(h('p', {}, 'It is attacked by ', h('b', {}, standing.length), ' claim' + (standing.length > 1 ? 's' : '') + ' that stand' + (standing.length > 1 ? '' : 's') +
      '. For it to stand, these attacks must be answered or their claims dropped:'));
    if (!STATIC && standing.length > 1)
      box.append(h('button', { onclick: () => { S.whatif.off = [...new Set([...S.whatif.off, ...standing])]; refresh(); } },
        'Try it: switch off all ' + standing.length + ' attackers that stand'));
  }
  const line = (x, kind) => h('div', { class: 'row' }, badge(statusOf(S.result, x)), h('span', { class: 'grow' }, kind, ' ', claimLink(x)),
    h('button', { onclick: () => toggleOff(x), title: 'what if this claim were not there?' }, S.whatif.off.includes(x) ? 'switch on' : 'switch off'));
  for (const a of attackers) box.append(line(a, '⊣ attacked by'));
  for (const s of supporters) box.append(line(s, '→ supported by'));
  if (!attackers.length && !supporters.length) box.append(h('p', { class: 'small' }, 'Nothing attacks or supports it directly.'));
  return box;
}

function whatifBox(id, c, v) {
  const box = h('div', { id: 'whatif-box' }, h('h3', {}, 'What if…'));
  box.append(h('div', { class: 'row' }, h('button', { id: 'switch-off', onclick: () => toggleOff(id) },
    S.whatif.off.includes(id) ? 'Switch this claim back on' : 'Switch this claim off')));
  if (STATIC) {
    box.append(h('p', { class: 'small' }, 'This page was exported with the results of switching off one claim at a time. Open the map with agon serve for sliders and edits.'));
    return box;
  }
  if (v === null) return box;
  const base = own(S.whatif.base, id) ?? c.base;
  const out = h('span', {}, base.toFixed(2));
  box.append(h('div', { class: 'row' }, 'Base score', h('input', { type: 'range', min: 0, max: 1, step: 0.01, value: base, class: 'grow', id: 'base-slider',
    oninput: (e) => { out.textContent = Number(e.target.value).toFixed(2); slide('base', id, e.target.value); } }), out));
  for (const e of S.map.edges.filter((x) => x.to === id && x.kind !== 'undercut')) {
    const w = own(S.whatif.weight, e.id) ?? e.weight;
    const wout = h('span', {}, w.toFixed(2));
    box.append(h('div', { class: 'row small' }, (e.kind === 'attack' ? 'attack from ' : 'support from ') + short(e.from, 28),
      h('input', { type: 'range', min: 0, max: 1, step: 0.05, value: Math.min(w, 1), class: 'grow',
        oninput: (ev) => { wout.textContent = Number(ev.target.value).toFixed(2); slide('weight', e.id, ev.target.value); } }), wout));
  }
  const text = h('input', { class: 'grow', placeholder: 'a counter-claim that attacks it', id: 'counter-text' });
  box.append(h('div', { class: 'row' }, text, h('button', { onclick: () => addCounter(id, text.value) }, 'Add')));
  box.append(h('p', { class: 'small' }, 'Base scores and weights move strengths under gradual semantics (dfquad, euler, …); extension semantics such as grounded only see which claims and attacks are there.'));
  return box;
}

// ---------- editing ----------
async function edit(ops, what) {
  const r = await busy(what || 'saving the edit', () => api('/api/edit', { version: S.version, ops }));
  if (r) { S.version = r.version; await loadMap(); }
  return r;
}
function editBox(c) {
  const box = h('details', { id: 'edit-box' }, h('summary', {}, 'Edit this claim'));
  const text = h('textarea', { rows: 2, id: 'edit-text' }, c.text);
  const tags = h('input', { value: (c.tags || []).join(', '), class: 'grow', id: 'edit-tags' });
  const source = h('input', { value: (c.attributes || {}).source || '', class: 'grow', id: 'edit-source' });
  const base = h('input', { type: 'number', min: 0, max: 1, step: 0.05, value: c.base, id: 'edit-base' });
  box.append(text, h('div', { class: 'row' }, 'Tags', tags), h('div', { class: 'row' }, 'Source', source),
    h('div', { class: 'row' }, 'Base score', base,
      h('button', { id: 'edit-apply', onclick: () => {
        const attributes = { ...(c.attributes || {}) };
        if (source.value.trim()) attributes.source = source.value.trim(); else delete attributes.source;
        edit([{ op: 'update_claim', claim: { id: c.id, text: text.value, base: Number(base.value), attributes,
          tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean) } }]);
      } }, 'Apply'),
      h('button', { onclick: () => { if (confirm('Delete “' + short(c.id) + '” and its edges?')) { S.selected = null; edit([{ op: 'delete_claim', id: c.id }]); } } }, 'Delete')));
  const target = h('select', {}, S.map.claims.filter((x) => x.id !== c.id).map((x) => h('option', { value: x.id }, short(x.id))));
  const kind = h('select', {}, h('option', {}, 'attack'), h('option', {}, 'support'));
  box.append(h('div', { class: 'row' }, 'This claim', kind, target,
    h('button', { onclick: () => edit([{ op: 'add_edge', edge: { from: c.id, to: target.value, kind: kind.value } }]) }, 'Link')));
  for (const e of S.map.edges.filter((x) => x.from === c.id || x.to === c.id))
    box.append(h('div', { class: 'row small' }, h('span', { class: 'grow' }, e.id + ': ' + short(e.from, 24) + (e.kind === 'attack' ? ' ⊣ ' : e.kind === 'support' ? ' → ' : ' ⊸ ') + short(e.to, 24)),
      h('button', { onclick: () => edit([{ op: 'delete_edge', id: e.id }]) }, 'remove')));
  return box;
}
function dialog(title, fields, onok) {
  const form = $('dialog-form');
  form.innerHTML = '';
  form.append(h('b', {}, title), ...fields, h('div', { class: 'row' }, h('button', { value: 'cancel' }, 'Cancel'), h('button', { value: 'ok', id: 'dialog-ok' }, 'OK')));
  $('dialog').onclose = () => { if ($('dialog').returnValue === 'ok') onok(); };
  $('dialog').showModal();
}
function claimDialog() {
  const text = h('textarea', { rows: 3, id: 'new-text', placeholder: 'What does the claim say?' });
  const tags = h('input', { id: 'new-tags', placeholder: 'tags, comma separated' });
  const source = h('input', { id: 'new-source', placeholder: 'source (article, url)' });
  dialog('Add a claim', [text, tags, source], () => {
    if (!text.value.trim()) return;
    const claim = { text: text.value.trim(), tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean) };
    if (source.value.trim()) claim.attributes = { source: source.value.trim() };
    edit([{ op: 'add_claim', claim }], 'adding the claim');
  });
}
function edgeDialog(from, to) {
  const kind = h('select', { id: 'new-kind' }, h('option', {}, 'attack'), h('option', {}, 'support'));
  dialog('“' + short(from) + '” … “' + short(to) + '”', [kind], () =>
    edit([{ op: 'add_edge', edge: { from, to, kind: kind.value } }], 'linking'));
}

// ---------- wiring ----------
function showMenu(open) {
  $('top').classList.toggle('menu-open', open);
  $('menu-button').setAttribute('aria-expanded', String(open));
}
function wire() {
  // Room for the map first in a narrow window: the legend starts folded into its button.
  if (narrow()) foldLegend(true);
  setupPanZoom($('map'));
  setupPanZoom($('compare'));
  $('semantics').addEventListener('change', (e) => { S.semantics = e.target.value; S.legendFor = undefined; refresh(); });
  $('params').addEventListener('change', (e) => {
    try { S.params = parseParams(e.target.value); refresh(); } catch (err) { say(err.message, true); }
  });
  $('zoom-in').onclick = () => zoom(1.25, $('map').clientWidth / 2, $('map').clientHeight / 2);
  $('zoom-out').onclick = () => zoom(0.8, $('map').clientWidth / 2, $('map').clientHeight / 2);
  $('fit').onclick = fit;
  // A map fitted to a wider window sat out of sight in a narrower one (or, below a header that
  // grew by a line, cut off): fit it again whenever the map's own box changes size.
  new ResizeObserver(() => { if (S.view.fitted) fit(); else keepClear(); }).observe($('map'));
  // How tall the strip and the scenarios are, for what a narrow window places below them (app.css).
  new ResizeObserver(() => $('views').style.setProperty('--overlays', $('overlays').offsetHeight + 'px')).observe($('overlays'));
  $('legend-toggle').onclick = () => {
    S.legendFolded = false;
    const collapsed = foldLegend(!$('legend').classList.contains('collapsed'));
    if (collapsed) fit(); else keepClear();
  };
  $('reset-whatif').onclick = () => { S.whatif = emptyWhatif(); refresh(); };
  $('keep-scenario').onclick = keepScenario;
  $('lua').onclick = luaScript;
  $('help-button').onclick = () => { select(null); openSheet(true); };
  $('sheet-close').onclick = () => openSheet(false);
  // The menu of a narrow window: closed again by a command from it or a click elsewhere.
  $('menu-button').onclick = () => showMenu(!$('top').classList.contains('menu-open'));
  document.addEventListener('click', (e) => {
    if (!e.target.closest('#top') || e.target.closest('button.menu-item')) showMenu(false);
  });
  $('undo').onclick = async () => { const r = await busy('undoing', () => api('/api/undo', { version: S.version })); if (r) loadMap(); };
  $('redo').onclick = async () => { const r = await busy('redoing', () => api('/api/redo', { version: S.version })); if (r) loadMap(); };
  $('add-claim').onclick = claimDialog;
  $('link-mode').onclick = () => {
    S.linkMode = !S.linkMode;
    $('link-mode').classList.toggle('on', S.linkMode);
    if (S.linkMode) say('drag from one claim to another to link them'); else sayReady();
  };
  $('save').onclick = async () => {
    let name = '';
    if (!S.map.file) { name = prompt('File name to save as (in the folder agon serve was started on):', 'map.json') || ''; if (!name) return; }
    // The server will not replace a file changed on disk, or another file, unasked.
    const save = (overwrite) => api('/api/save', { version: S.version, name, overwrite });
    const r = await busy('saving', async () => {
      try {
        return await save(false);
      } catch (e) {
        if (e.status === 409 && e.where === 'overwrite' && confirm(e.message.replace(/ \(overwrite\)$/, '') + '. Save anyway?'))
          return save(true);
        throw e;
      }
    });
    // A notice: the selected claim's explanation, asked again after the reload, leaves it.
    if (r) { await loadMap(); notice('saved to ' + r.saved); }
  };
  $('export').onchange = async (e) => {
    const format = e.target.value;
    showMenu(false);
    e.target.value = '';
    if (!format) return;
    const blob = await busy('exporting', () => api('/api/export', { ...question(), format, name: 'map' }));
    if (blob) download('map.' + format, blob);
  };
  $('open').onchange = async (e) => {
    const f = e.target.files[0];
    showMenu(false);
    if (!f) return;
    const r = await busy('opening ' + f.name, async () => api('/api/open', { name: f.name.replace(/[^A-Za-z0-9._ -]/g, '_'), text: await f.text() }));
    if (r) { S.whatif = emptyWhatif(); S.selected = null; S.fitted = false; loadMap(); }
  };
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select')) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !STATIC) $(e.shiftKey ? 'redo' : 'undo').click();
    if (e.key === 'Escape') select(null);
  });
  // Someone else (another tab, --watch) changed the map: follow.
  if (!STATIC) setInterval(async () => {
    if (S.busy) return;
    try {
      const v = await api('/api/version');
      if (S.gone) { S.gone = false; sayReady(); }
      if (v.version !== S.version) loadMap();
    } catch (e) {  // say so before the next click finds out
      if (!S.gone) { S.gone = true; say(e.message, true); }
    }
  }, 1000);
}

wire();
loadMap();
