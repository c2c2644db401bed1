// Content scripts of the session's extensions (internal/extension/ExtensionRegistry.java). The library
// answers 'ext.scripts' with what this document must run (matches, exclude_matches, all_frames and
// file access are decided on the Java side); each script runs as an inline script element, wrapped (by
// the library, which adds its hash to a page CSP) as (function (chrome, browser) { ... }) with the
// extension's own chrome object, at its run_at time.
// WebView has no isolated worlds: content scripts share the page's context.
// The answer is null while the partition has no extension, else {frameId, items}: frameId is Chrome's
// (0 for the top frame), items what this document runs.
var found;
try {
  found = call('ext.scripts', { url: String(w.location.href), top: w === w.top });
} catch (e) {
  found = null;
}
if (found) {
  var list = found.items;
  var frameId = found.frameId;
  var docRef = w.document;
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var Prom = w.Promise;
  var later = Function.prototype.call.bind(Function.prototype.bind)(w.setTimeout, w);
  var KEY = '__fxsession_chrome';
  var makeEvent = function () {
    var listeners = [];
    return {
      addListener: function (f) { if (typeof f === 'function' && listeners.indexOf(f) < 0) { listeners.push(f); } },
      removeListener: function (f) { var i = listeners.indexOf(f); if (i >= 0) { listeners.splice(i, 1); } },
      hasListener: function (f) { return listeners.indexOf(f) >= 0; },
      hasListeners: function () { return listeners.length > 0; },
      dispatch: function () {
        var args = arguments;
        var results = [];
        listeners.slice().forEach(function (f) {
          try { results.push(f.apply(null, args)); } catch (e) { later(function () { throw e; }, 0); }
        });
        return results;
      }
    };
  };
  var makeChrome = function (item) {
    var id = item.id;
    var manifestText = stringify(item.manifest);
    var chrome = {};
    var runtime = {
      id: id,
      lastError: undefined,
      getManifest: function () { return parse(manifestText); },
      getURL: function (path) { return 'chrome-extension://' + id + '/' + String(path).replace(/^\/+/, ''); },
      onMessage: makeEvent(),
      sendMessage: function (message) {
        // To the extension's background page; the answer is collected by polling ('ext.poll').
        return request('ext.send', { id: id, frameId: frameId, message: message === undefined ? null : message }, arguments);
      }
    };
    var request = function (method, args, callArgs) {
      var callback = callArgs[callArgs.length - 1];
      if (callArgs.length < 2 || typeof callback !== 'function') {
        callback = null;
      }
      var finish = function (answer) {
        if (callback) {
          runtime.lastError = answer.error === undefined ? undefined : { message: answer.error };
          try { callback(answer.response === null ? undefined : answer.response); } finally { runtime.lastError = undefined; }
        }
      };
      var sent;
      try {
        sent = call(method, args);
      } catch (e) {
        sent = { none: true };
      }
      var promise = new Prom(function (resolve, reject) {
        if (sent.none) {
          later(function () {
            var answer = { error: sent.error || 'Could not establish connection. Receiving end does not exist.' };
            finish(answer);
            reject(new Error(answer.error));
          }, 0);
          return;
        }
        var tick = function () {
          var answer;
          try {
            answer = call('ext.poll', { channel: sent.channel });
          } catch (e) {
            answer = { done: true, error: String(e.message) };
          }
          if (!answer.done) {
            later(tick, 15);
            return;
          }
          finish(answer);
          if (answer.error !== undefined && answer.error.indexOf('Receiving end') >= 0) {
            reject(new Error(answer.error));
          } else {
            resolve(answer.response === null ? undefined : answer.response);
          }
        };
        later(tick, 0);
      });
      if (callback) {
        promise.then(null, function () { /* reported through lastError */ });
        return undefined;
      }
      return promise;
    };
    if (item.background || item.extensionPage) {
      // chrome.tabs.sendMessage(tabId, message[, options][, callback]): to the content scripts of the
      // extension in that tab's top frame (tab ids are WebContents ids)
      chrome.tabs = {
        sendMessage: function (tabId, message, options) {
          var target = options && typeof options === 'object' && typeof options.frameId === 'number' ? options.frameId : null;
          return request('ext.tabSend', { id: id, tabId: tabId, frameId: target, message: message === undefined ? null : message }, arguments);
        }
      };
    }
    var changed = makeEvent();
    var settle = function (op, args, callback, pick) {
      var result;
      var error;
      try {
        args.id = id;
        args.op = op;
        result = call('ext.storage', args);
      } catch (e) {
        error = e;
      }
      if (!error && op !== 'get') {
        var changes = result;
        if (changes && Object.keys(changes).length) {
          later(function () { changed.dispatch(changes, 'local'); }, 0);
        }
      }
      if (typeof callback === 'function') {
        later(function () {
          runtime.lastError = error ? { message: String(error.message) } : undefined;
          try { callback(error ? undefined : pick(result)); } finally { runtime.lastError = undefined; }
        }, 0);
        return undefined;
      }
      return error ? Prom.reject(error) : Prom.resolve(pick(result));
    };
    var none = function () { return undefined; };
    var same = function (r) { return r; };
    var local = {
      get: function (keys, callback) {
        if (typeof keys === 'function') { callback = keys; keys = null; }
        return settle('get', { keys: keys === undefined ? null : keys }, callback, same);
      },
      set: function (items, callback) { return settle('set', { items: items }, callback, none); },
      remove: function (keys, callback) { return settle('remove', { keys: keys }, callback, none); },
      clear: function (callback) { return settle('clear', {}, callback, none); }
    };
    chrome.runtime = runtime;
    chrome.storage = { local: local, onChanged: changed };
    return chrome;
  };
  var insert = function (tag, text, chrome) {
    var element = docRef.createElement(tag);
    element.textContent = text;
    var parent = docRef.head || docRef.documentElement;
    if (tag === 'style') {
      parent.appendChild(element);
      return;
    }
    Object.defineProperty(w, KEY, { value: chrome, configurable: true, enumerable: false, writable: false });
    try {
      parent.appendChild(element);
      parent.removeChild(element);
    } finally {
      delete w[KEY];
    }
  };
  var run = function (chrome, script) {
    for (var j = 0; j < script.js.length; j++) {
      try {
        insert('script', script.js[j], chrome);
      } catch (e) {
        // one broken content script does not stop the others
      }
    }
  };
  var whenReady = function (f, idle) {
    if (docRef.readyState === 'complete' || (!idle && docRef.readyState === 'interactive')) {
      f();
    } else {
      docRef.addEventListener('DOMContentLoaded', function () { if (idle) { later(f, 0); } else { f(); } });
    }
  };
  // Hands a message to chrome.runtime.onMessage; this receiver reports on the message's channel once:
  // absent (no listener), closed (no listener kept the port), or the response; kept when a listener
  // returned true (the response comes later). The library decides what the sender gets, as Chrome does
  // with several frames: the first response, else 'port closed' or 'receiving end does not exist'.
  var deliver = function (chrome, channel, messageJson, senderJson) {
    var answered = false;
    var respond = function (args) {
      if (!answered) {
        answered = true;
        args.channel = channel;
        try { call('ext.respond', args); } catch (e) { /* the asker is gone */ }
      }
    };
    var sendResponse = function (response) { respond({ response: response === undefined ? null : response }); };
    if (!chrome || !chrome.runtime.onMessage.hasListeners()) {
      respond({ absent: true });
      return;
    }
    var results = chrome.runtime.onMessage.dispatch(parse(messageJson), parse(senderJson), sendResponse);
    if (results.indexOf(true) < 0) {
      respond({ closed: true });
    } else if (!answered) {
      try { call('ext.respond', { channel: channel, kept: true }); } catch (e) { /* as above */ }
    }
  };
  var receivers = {};
  var serveBackground = function (item, chrome) {
    // This document is the extension's background page: chrome is a global here, the scripts run
    // unwrapped (they share globals, as in Chrome), and messages of content scripts arrive through
    // __fxsessionDeliver, which the library calls.
    Object.defineProperty(w, 'chrome', { value: chrome, configurable: true, enumerable: false, writable: true });
    Object.defineProperty(w, '__fxsessionDeliver', {
      value: function (channel, messageJson, senderJson) { deliver(chrome, channel, messageJson, senderJson); },
      configurable: false, enumerable: false, writable: false
    });
    item.scripts.forEach(function (script) {
      for (var j = 0; j < script.js.length; j++) {
        try { insert('script', script.js[j], chrome); } catch (e) { /* one broken script does not stop the others */ }
      }
    });
    var ready = function () { try { call('ext.ready', { id: item.id }); } catch (e) { /* unloaded meanwhile */ } };
    if (item.page) {
      // an HTML background page: ready once its own scripts ran
      w.addEventListener('load', ready);
    } else {
      ready();
    }
  };
  list.forEach(function (item) {
    var chrome = makeChrome(item);
    if (item.background) {
      serveBackground(item, chrome);
      return;
    }
    if (item.extensionPage) {
      // a page of the extension itself (chrome-extension://<id>/...): chrome is a global, as in Chrome
      Object.defineProperty(w, 'chrome', { value: chrome, configurable: true, enumerable: false, writable: true });
      return;
    }
    receivers[item.id] = chrome;
    item.scripts.forEach(function (script) {
      for (var c = 0; c < script.css.length; c++) {
        try { insert('style', script.css[c], chrome); } catch (e) { /* as above */ }
      }
      if (script.runAt === 'document_start') {
        run(chrome, script);
      } else {
        whenReady(function () { run(chrome, script); }, script.runAt === 'document_idle');
      }
    });
  });
  // chrome.tabs.sendMessage: the library calls __fxsessionTabDeliver(channel) in the tab's top frame,
  // which tells every frame of the tab (cross-origin frames through postMessage, with the channel only);
  // each frame takes the message and its sender from the library ('ext.accept', which checks the
  // channel, the tab and the frameId option), then answers as a receiver.
  var accept = function (channel) {
    var taken;
    try {
      taken = call('ext.accept', { channel: channel, frameId: frameId });
    } catch (e) {
      taken = null;
    }
    if (taken) {
      deliver(Object.prototype.hasOwnProperty.call(receivers, taken.id) ? receivers[taken.id] : null,
          channel, taken.message, taken.sender);
    }
  };
  var TAG = '__fxsessionExtensionMessage';
  w.addEventListener('message', function (event) {
    var data = event.data;
    if (data && typeof data === 'object' && typeof data[TAG] === 'string') {
      event.stopImmediatePropagation();
      accept(data[TAG]);
    }
  }, true);
  if (w === w.top) {
    Object.defineProperty(w, '__fxsessionTabDeliver', {
      value: function (channel) {
        var count = 1;
        var walk = function (win) {
          for (var i = 0; i < win.length; i++) {
            var data = {};
            data[TAG] = channel;
            try { win[i].postMessage(data, '*'); count++; } catch (e) { /* a frame going away */ }
            walk(win[i]);
          }
        };
        walk(w);
        accept(channel);
        return count;
      },
      configurable: false, enumerable: false, writable: false
    });
  }
}
