// Spellcheck (internal/spellcheck/SpellcheckBridge.java). Misspelled words of textareas, text inputs and
// contenteditable elements get a red wavy underline drawn in an overlay: an open shadow root on one
// <fxsession-spellcheck> element appended to <html>, fixed, pointer-events none. Field values and the
// page's own nodes are never changed. Words are checked in Java ('spellcheck.check'), debounced while the
// user types. A right-click on a marked word asks Java to show its ContextMenu ('spellcheck.menu'); the
// choice comes back through 'spellcheck.poll' after a wake-up message and is typed in place with
// execCommand('insertText'), so the page receives its usual beforeinput/input events.
var doc = w.document;
var ET = w.EventTarget;
if (!doc || !doc.documentElement || !ET || !w.getComputedStyle) {
  return;
}
var listen = ET.prototype.addEventListener;
var stopNow = w.Event.prototype.stopImmediatePropagation;
var prevent = w.Event.prototype.preventDefault;
var later = w.setTimeout.bind(w);
var cancel = w.clearTimeout.bind(w);
var WAKE = '__fxsession_spell__';
var DELAY = 150;
var KEY = String(Math.random()).slice(2);
var WORD = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+(?:['\u2019][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+)*/g;
try {
  WORD = new RegExp("[\\p{L}\\p{M}]+(?:['\\u2019][\\p{L}\\p{M}]+)*", 'gu');
} catch (e) {
  // an engine without Unicode property escapes keeps the Latin ranges
}
var WAVE = 'url("data:image/svg+xml,' + encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'><path d='M0 2.5 L1 1 L2 2.5 L3 1 L4 2.5'"
  + " fill='none' stroke='#e0201b' stroke-width='0.9'/></svg>") + '")';
var MIRRORED = ['boxSizing', 'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'fontVariant', 'fontStretch',
  'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'textAlign', 'direction',
  'tabSize', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth'];

var host = null;
var root = null;
var tracked = [];   // elements with marks: { el, marks: [{ id, word, start, end, node }] }
var timers = [];    // [el, timer]
var shown = {};     // menu id -> mark
var nextId = 1;
var frame = 0;

function textField(el) {
  if (!el || el.nodeType !== 1) {
    return false;
  }
  if (el.tagName === 'TEXTAREA') {
    return true;
  }
  if (el.tagName === 'INPUT') {
    var type = String(el.type || 'text').toLowerCase();
    return type === 'text' || type === 'search';
  }
  return false;
}

function editableRoot(node) {
  var el = node;
  while (el && el.nodeType !== 1) {
    el = el.parentNode;
  }
  if (!el || !el.isContentEditable) {
    return null;
  }
  while (el.parentElement && el.parentElement.isContentEditable) {
    el = el.parentElement;
  }
  return el;
}

function checkable(node) {
  var el = textField(node) ? node : editableRoot(node);
  for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
    var a = n.getAttribute('spellcheck');
    if (a !== null) {
      return String(a).toLowerCase() === 'false' ? null : el;
    }
  }
  return el;
}

function entry(el) {
  for (var i = 0; i < tracked.length; i++) {
    if (tracked[i].el === el) {
      return tracked[i];
    }
  }
  return null;
}

// The words of el: [{ word, start, end, node }] (node: the text node of a contenteditable word).
function words(el) {
  var out = [];
  function scan(text, node) {
    WORD.lastIndex = 0;
    var m;
    while ((m = WORD.exec(text)) !== null) {
      out.push({ word: m[0], start: m.index, end: m.index + m[0].length, node: node });
    }
  }
  if (textField(el)) {
    scan(String(el.value), null);
  } else {
    var walker = doc.createTreeWalker(el, 4, null);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      scan(t.data, t);
    }
  }
  return out;
}

// Verdicts of words already checked in this document ('$word' -> true when misspelled), valid for one
// generation of the session's spellchecker (languages, custom words): only new words go to Java.
var verdicts = {};
var verdictCount = 0;
var generation = -1;

function ask(list) {
  var reply = call('spellcheck.check', { words: list });
  var stale = generation !== -1 && reply.g !== generation;
  if (reply.g !== generation || verdictCount > 50000) {
    verdicts = {};
    verdictCount = 0;
    generation = reply.g;
  }
  var bad = {};
  for (var i = 0; i < reply.bad.length; i++) {
    bad['$' + reply.bad[i]] = true;
  }
  for (var j = 0; j < list.length; j++) {
    verdicts['$' + list[j]] = bad['$' + list[j]] === true;
    verdictCount++;
  }
  return stale;
}

function unknown(all) {
  var out = [];
  var seen = {};
  for (var i = 0; i < all.length; i++) {
    var key = '$' + all[i].word;
    if (!seen[key] && verdicts[key] === undefined) {
      seen[key] = true;
      out.push(all[i].word);
    }
  }
  return out;
}

function check(el) {
  var all = el.isConnected && checkable(el) === el ? words(el) : [];
  try {
    var fresh = unknown(all);
    // asked even with no new word: the answer tells whether the spellchecker changed (languages, words)
    if (ask(fresh)) {
      fresh = unknown(all); // the spellchecker changed since the verdicts were given: ask again for all
      if (fresh.length) {
        ask(fresh);
      }
    }
  } catch (e) {
    return;
  }
  var bad = verdicts;
  var marks = [];
  for (var k = 0; k < all.length; k++) {
    if (bad['$' + all[k].word] === true) {
      all[k].id = nextId++;
      marks.push(all[k]);
    }
  }
  var e = entry(el);
  if (!e && marks.length) {
    e = { el: el, marks: marks };
    tracked.push(e);
  } else if (e) {
    e.marks = marks;
  }
  draw();
}

function schedule(el, delay) {
  for (var i = 0; i < timers.length; i++) {
    if (timers[i][0] === el) {
      cancel(timers[i][1]);
      timers.splice(i, 1);
      break;
    }
  }
  var pair = [el, 0];
  pair[1] = later(function () {
    var at = timers.indexOf(pair);
    if (at >= 0) {
      timers.splice(at, 1);
    }
    check(el);
  }, delay);
  timers.push(pair);
}

function overlay() {
  if (!host || !host.isConnected) {
    host = doc.createElement('fxsession-spellcheck');
    host.setAttribute('style', 'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0;'
      + ' overflow: visible; pointer-events: none; z-index: 2147483647');
    root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    doc.documentElement.appendChild(host);
  }
  return root;
}

function box(parent, left, top, width, height, css) {
  var d = doc.createElement('div');
  d.setAttribute('style', 'position: absolute; left: ' + left + 'px; top: ' + top + 'px; width: ' + width
    + 'px; height: ' + height + 'px; ' + css);
  parent.appendChild(d);
  return d;
}

// Client rectangles of each mark of a text field, through a mirror div styled as the field.
function fieldRects(el, marks) {
  var r = el.getBoundingClientRect();
  var cs = w.getComputedStyle(el);
  var mirror = box(overlay(), r.left, r.top, r.width, r.height, 'visibility: hidden; overflow: hidden;'
    + ' border-style: solid; white-space: ' + (el.tagName === 'TEXTAREA' ? 'pre-wrap; overflow-wrap: break-word;' : 'pre;'));
  for (var i = 0; i < MIRRORED.length; i++) {
    mirror.style[MIRRORED[i]] = cs[MIRRORED[i]];
  }
  mirror.style.boxSizing = 'border-box';
  if (el.tagName === 'TEXTAREA' && el.scrollHeight > el.clientHeight) {
    mirror.style.overflowY = 'scroll';
  }
  var text = String(el.value);
  var node = doc.createTextNode(text + '\u200b');
  mirror.appendChild(node);
  if (el.tagName === 'INPUT') {
    // an input centres its single line vertically
    mirror.style.lineHeight = (r.height - parseFloat(cs.borderTopWidth) - parseFloat(cs.borderBottomWidth)
      - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) + 'px';
  }
  var sx = el.scrollLeft;
  var sy = el.scrollTop;
  function rectsOf(mark) {
    var range = doc.createRange();
    range.setStart(node, mark.start);
    range.setEnd(node, mark.end);
    var list = range.getClientRects();
    var rects = [];
    for (var n = 0; n < list.length; n++) {
      rects.push({ left: list[n].left - sx, top: list[n].top - sy, right: list[n].right - sx, bottom: list[n].bottom - sy });
    }
    return rects;
  }
  // Only the marks in the visible part of the field are measured: the first by binary search (marks are in
  // text order, so their lines go down), then the following ones until a line starts below the field.
  var lo = 0;
  var hi = marks.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    var m = rectsOf(marks[mid]);
    if (!m.length || m[m.length - 1].bottom <= r.top) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  var out = [];
  for (var k = 0; k < marks.length; k++) {
    out.push([]);
  }
  for (var j = lo; j < marks.length; j++) {
    var rs = rectsOf(marks[j]);
    if (rs.length && rs[0].top >= r.bottom) {
      break;
    }
    out[j] = rs;
  }
  mirror.parentNode.removeChild(mirror);
  return out;
}

function rangeRects(mark) {
  if (!mark.node.isConnected || mark.node.data.substring(mark.start, mark.end) !== mark.word) {
    return [];
  }
  var range = doc.createRange();
  range.setStart(mark.node, mark.start);
  range.setEnd(mark.node, mark.end);
  var list = range.getClientRects();
  var rects = [];
  for (var i = 0; i < list.length; i++) {
    rects.push({ left: list[i].left, top: list[i].top, right: list[i].right, bottom: list[i].bottom });
  }
  return rects;
}

function draw() {
  frame = 0;
  var parent = overlay();
  while (parent.firstChild) {
    parent.removeChild(parent.firstChild);
  }
  for (var i = tracked.length - 1; i >= 0; i--) {
    var e = tracked[i];
    if (!e.el.isConnected || !e.marks.length) {
      tracked.splice(i, 1);
      continue;
    }
    var clip = e.el.getBoundingClientRect();
    var field = textField(e.el);
    var all = field ? fieldRects(e.el, e.marks) : null;
    for (var j = 0; j < e.marks.length; j++) {
      var mark = e.marks[j];
      mark.rects = field ? all[j] : rangeRects(mark);
      for (var k = 0; k < mark.rects.length; k++) {
        var q = mark.rects[k];
        var bottom = Math.min(q.bottom, clip.bottom);
        var left = Math.max(q.left, clip.left);
        var right = Math.min(q.right, clip.right);
        if (q.bottom <= clip.top || q.bottom > clip.bottom + 1 || right <= left) {
          continue;
        }
        var u = box(parent, left, bottom - 3, right - left, 3, 'background: ' + WAVE + ' repeat-x left bottom;');
        u.setAttribute('data-word', mark.word);
      }
    }
  }
}

function redraw() {
  if (!frame && tracked.length) {
    frame = w.requestAnimationFrame ? w.requestAnimationFrame(draw) : later(draw, 16);
  }
}

function markAt(x, y) {
  for (var i = 0; i < tracked.length; i++) {
    var marks = tracked[i].marks;
    for (var j = 0; j < marks.length; j++) {
      var rects = marks[j].rects || [];
      for (var k = 0; k < rects.length; k++) {
        var q = rects[k];
        if (x >= q.left && x <= q.right && y >= q.top && y <= q.bottom) {
          marks[j].el = tracked[i].el;
          return marks[j];
        }
      }
    }
  }
  return null;
}

function replace(mark, text) {
  var el = mark.el;
  if (textField(el)) {
    if (String(el.value).substring(mark.start, mark.end) !== mark.word) {
      return;
    }
    el.focus();
    el.setSelectionRange(mark.start, mark.end);
  } else {
    if (!mark.node.isConnected || mark.node.data.substring(mark.start, mark.end) !== mark.word) {
      return;
    }
    el.focus();
    var range = doc.createRange();
    range.setStart(mark.node, mark.start);
    range.setEnd(mark.node, mark.end);
    var sel = w.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  insert(el, text);
}

function insert(el, text) {
  if (!doc.execCommand('insertText', false, text) && textField(el)) {
    el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
    el.dispatchEvent(new w.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  schedule(el, 0);
}

function selectedText(el) {
  return textField(el) ? String(el.value).substring(el.selectionStart, el.selectionEnd) : String(w.getSelection());
}

function perform(action) {
  if (action.recheck) {
    verdicts = {}; // a word was added: the verdicts of this generation are stale
    verdictCount = 0;
    for (var i = 0; i < tracked.length; i++) {
      schedule(tracked[i].el, 0);
    }
    return;
  }
  var mark = shown[action.id];
  if (!mark) {
    return;
  }
  var el = mark.el;
  if (action.replace !== undefined) {
    replace(mark, String(action.replace));
  } else if (action.command === 'copy' || action.command === 'cut') {
    call('spellcheck.copy', { text: selectedText(el) });
    if (action.command === 'cut') {
      el.focus();
      doc.execCommand('delete');
      schedule(el, 0);
    }
  } else if (action.command === 'paste') {
    el.focus();
    insert(el, String(action.text));
  } else if (action.command === 'selectAll') {
    el.focus();
    if (textField(el)) {
      el.select();
    } else {
      doc.execCommand('selectAll');
    }
  }
}

listen.call(doc, 'input', function (event) {
  var el = checkable(event.target);
  if (el) {
    schedule(el, DELAY);
  }
}, true);

listen.call(doc, 'focusin', function (event) {
  var el = checkable(event.target);
  if (el && !entry(el)) {
    schedule(el, 0);
  }
}, true);

listen.call(w, 'scroll', redraw, true);
listen.call(w, 'resize', redraw, true);

// Where this document's viewport is in the top document's: frame offsets summed up through same-origin
// frames; null in a frame whose parent is cross-origin (its frameElement is hidden from it).
function offsetInTop() {
  var x = 0;
  var y = 0;
  try {
    for (var win = w; win !== win.top; win = win.parent) {
      var fe = win.frameElement;
      if (!fe) {
        return null;
      }
      var r = fe.getBoundingClientRect();
      var cs = win.parent.getComputedStyle(fe);
      x += r.left + fe.clientLeft + parseFloat(cs.paddingLeft);
      y += r.top + fe.clientTop + parseFloat(cs.paddingTop);
    }
  } catch (e) {
    return null;
  }
  return { x: x, y: y };
}

// WebView hands a right-click over a frame to the <iframe> element of the parent document, never to the
// frame's own document: pass it on to a same-origin frame (its module then sees it at frame coordinates).
// A cross-origin frame's document cannot be reached: WebView's own menu shows there.
function forward(event, frame) {
  var inner;
  var d;
  try {
    inner = frame.contentWindow;
    d = inner && inner.document;
  } catch (e) {
    return;
  }
  if (!d || !d.documentElement) {
    return;
  }
  var r = frame.getBoundingClientRect();
  var cs = w.getComputedStyle(frame);
  var x = event.clientX - r.left - frame.clientLeft - parseFloat(cs.paddingLeft);
  var y = event.clientY - r.top - frame.clientTop - parseFloat(cs.paddingTop);
  var target = d.elementFromPoint(x, y) || d.documentElement;
  var copy = new inner.MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2, clientX: x, clientY: y,
    screenX: event.screenX, screenY: event.screenY });
  if (!target.dispatchEvent(copy)) {
    prevent.call(event);
  }
}

listen.call(w, 'contextmenu', function (event) {
  var mark = markAt(event.clientX, event.clientY);
  if (!mark) {
    var t = event.target;
    if (t && (t.tagName === 'IFRAME' || t.tagName === 'FRAME')) {
      forward(event, t);
    }
    return;
  }
  shown = {};
  shown[mark.id] = mark;
  var off = offsetInTop();
  var reply;
  try {
    reply = call('spellcheck.menu', { key: KEY, id: mark.id, word: mark.word, x: event.clientX + (off ? off.x : 0),
      y: event.clientY + (off ? off.y : 0), top: off !== null });
  } catch (e) {
    return;
  }
  if (reply === true) {
    prevent.call(event);
  }
}, true);

listen.call(w, 'message', function (event) {
  if (event.data === WAKE) {
    stopNow.call(event);
    var actions;
    try {
      actions = call('spellcheck.poll', { key: KEY });
    } catch (e) {
      return;
    }
    for (var i = 0; i < actions.length; i++) {
      perform(actions[i]);
    }
  }
}, true);
