// Content scripts of the session's extensions (internal/extension/ExtensionRegistry.java). The library
// answers 'ext.scripts' with what this document must run (matches, exclude_matches, all_frames and
// file access are decided on the Java side); each script runs as an inline script element, wrapped (by
// the library, which adds its hash to a page CSP) as (function (chrome, browser) { ... }) with the
// extension's own chrome object, at its run_at time.
// WebView has no isolated worlds: content scripts share the page's context.
// The answer is null while the partition has no extension, else {frameId, items}: frameId is Chrome's
// (0 for the top frame), items what this document runs. It arrives in the bridge's init answer (init.ext,
// absent while the partition has no extension): no bridge round trip of its own per document.
var found = init.ext || null;
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
  // What WebView cannot do throws at once, naming the API and the reason (never a silent undefined).
  var unsupported = function (name, reason) {
    return function () { throw new Error(name + ' is not supported in WebView: ' + reason); };
  };
  var contexts = {};
  var makeChrome = function (item) {
    var id = item.id;
    var manifestText = stringify(item.manifest);
    var messages = item.messages || {};
    var chrome = {};
    var runtime = {
      id: id,
      lastError: undefined,
      getManifest: function () { return parse(manifestText); },
      getURL: function (path) { return 'chrome-extension://' + id + '/' + String(path).replace(/^\/+/, ''); },
      onMessage: makeEvent(),
      // Nothing can connect (connect throws), so onConnect never fires; listeners may still be added.
      onConnect: makeEvent(),
      connect: unsupported('chrome.runtime.connect', 'long-lived ports are not implemented; use chrome.runtime.sendMessage'),
      sendMessage: function (message) {
        // To the extension's background page; the answer is collected by polling ('ext.poll').
        return request('ext.send', { id: id, frameId: frameId, message: message === undefined ? null : message }, arguments);
      }
    };
    // Chrome's lastError: set while the callback runs; logged as unchecked when the callback did not read it.
    var report = function (message, callback, value) {
      var checked = false;
      if (message !== undefined) {
        Object.defineProperty(runtime, 'lastError', {
          get: function () { checked = true; return { message: message }; }, configurable: true, enumerable: true
        });
      }
      try {
        callback(value);
      } finally {
        Object.defineProperty(runtime, 'lastError', { value: undefined, writable: true, configurable: true, enumerable: true });
        if (message !== undefined && !checked && w.console) {
          w.console.error('Unchecked runtime.lastError: ' + message);
        }
      }
    };
    // A synchronous answer ({result} or {error}) as Chrome gives it: to the callback, else as a promise.
    var settleNow = function (reply, callback) {
      if (typeof callback === 'function') {
        later(function () { report(reply.error, callback, reply.error === undefined ? reply.result : undefined); }, 0);
        return undefined;
      }
      return reply.error === undefined ? Prom.resolve(reply.result) : Prom.reject(new Error(reply.error));
    };
    var ask = function (method, args) {
      try {
        return call(method, args);
      } catch (e) {
        return { error: String(e.message).replace(/^fxsession: /, '') };
      }
    };
    chrome.i18n = {
      getUILanguage: function () { return String(item.uiLocale).replace('_', '-'); },
      getAcceptLanguages: function (callback) { return settleNow({ result: [w.navigator.language] }, callback); },
      getMessage: function (name, substitutions) {
        if (typeof name !== 'string') {
          throw new TypeError('chrome.i18n.getMessage: messageName must be a string');
        }
        var key = name.toLowerCase();
        var rtl = /^(ar|fa|he|iw|ur|yi|ps|sd|ug)(_|$)/.test(String(item.uiLocale));
        var predefined = {
          '@@extension_id': id, '@@ui_locale': String(item.uiLocale), '@@bidi_dir': rtl ? 'rtl' : 'ltr',
          '@@bidi_reversed_dir': rtl ? 'ltr' : 'rtl', '@@bidi_start_edge': rtl ? 'right' : 'left',
          '@@bidi_end_edge': rtl ? 'left' : 'right'
        };
        if (Object.prototype.hasOwnProperty.call(predefined, key)) {
          return predefined[key];
        }
        if (!Object.prototype.hasOwnProperty.call(messages, key)) {
          return '';
        }
        var entry = messages[key];
        var subs = substitutions === undefined || substitutions === null ? [] : [].concat(substitutions).map(String);
        if (subs.length > 9) {
          throw new Error('chrome.i18n.getMessage: at most 9 substitutions');
        }
        var text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, function (whole, placeholder) {
          var content = entry.placeholders[placeholder.toLowerCase()];
          return content === undefined ? whole : content;
        });
        return text.replace(/\$(\$|[1-9])/g, function (whole, which) {
          return which === '$' ? '$' : (subs[which - 1] === undefined ? '' : subs[which - 1]);
        });
      }
    };
    var request = function (method, args, callArgs) {
      var callback = callArgs[callArgs.length - 1];
      if (callArgs.length < 2 || typeof callback !== 'function') {
        callback = null;
      }
      var finish = function (answer) {
        if (callback) {
          report(answer.error, callback, answer.response === null ? undefined : answer.response);
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
      // chrome.tabs over the WebContents of the partition (tab ids are WebContents ids); WebContents have
      // no windows, so nothing is active, highlighted or pinned, and the library opens no window.
      var tabs = function (op, args, callback) {
        args.id = id;
        args.op = op;
        return settleNow(ask('ext.tabs', args), callback);
      };
      var noWindows = 'a partition\'s WebContents belong to the application, which opens and shows them';
      chrome.tabs = {
        sendMessage: function (tabId, message, options) {
          var target = options && typeof options === 'object' && typeof options.frameId === 'number' ? options.frameId : null;
          return request('ext.tabSend', { id: id, tabId: tabId, frameId: target, message: message === undefined ? null : message }, arguments);
        },
        query: function (queryInfo, callback) { return tabs('query', { info: queryInfo === undefined ? {} : queryInfo }, callback); },
        get: function (tabId, callback) { return tabs('get', { tabId: tabId }, callback); },
        update: function (tabId, properties, callback) {
          if (typeof tabId !== 'number') {
            throw new Error('chrome.tabs.update without a tab id is not supported in WebView: there is no active tab');
          }
          return tabs('update', { tabId: tabId, info: properties === undefined ? {} : properties }, callback);
        },
        create: unsupported('chrome.tabs.create', noWindows),
        remove: unsupported('chrome.tabs.remove', noWindows),
        connect: unsupported('chrome.tabs.connect', 'long-lived ports are not implemented; use chrome.tabs.sendMessage'),
        executeScript: unsupported('chrome.tabs.executeScript', 'declare content_scripts in the manifest')
      };
    }
    var changed = makeEvent();
    // Changes reach chrome.storage.onChanged in every context of the extension, this one included,
    // through the library (__fxsessionExtStorage).
    var settle = function (op, args, callback, pick) {
      args.id = id;
      args.op = op;
      var reply = ask('ext.storage', args);
      return settleNow(reply.error === undefined ? { result: pick(reply.result) } : reply, callback);
    };
    var none = function () { return undefined; };
    var same = function (r) { return r; };
    var noSync = 'only chrome.storage.local is kept (in the partition)';
    var local = {
      get: function (keys, callback) {
        if (typeof keys === 'function') { callback = keys; keys = null; }
        return settle('get', { keys: keys === undefined ? null : keys }, callback, same);
      },
      set: function (items, callback) { return settle('set', { items: items }, callback, none); },
      remove: function (keys, callback) { return settle('remove', { keys: keys }, callback, none); },
      clear: function (callback) { return settle('clear', {}, callback, none); }
    };
    var other = function (area) {
      var fail = unsupported('chrome.storage.' + area, noSync);
      return { get: fail, set: fail, remove: fail, clear: fail, getBytesInUse: fail };
    };
    chrome.runtime = runtime;
    chrome.storage = { local: local, sync: other('sync'), session: other('session'), managed: other('managed'), onChanged: changed };
    local.onChanged = makeEvent();
    contexts[id] = chrome;
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
  // The extension's own pages fetch their files (chrome-extension://<id>/...) through the library:
  // WebKit refuses fetch/XHR from the scheme's opaque origin before any handler sees them. fetch gets a
  // Response built from the file (GET and HEAD; its url is empty), XHR a data: URL of it.
  var serveOwnFiles = function (id) {
    var prefix = 'chrome-extension://' + id + '/';
    var own = function (input) {
      var text;
      try {
        text = new w.URL(String(input), w.location.href).href;
      } catch (e) {
        return null;
      }
      return text.toLowerCase().indexOf(prefix) === 0 ? text : null;
    };
    var read = function (url) {
      try {
        return call('ext.file', { id: id, url: url });
      } catch (e) {
        return { error: String(e.message) };
      }
    };
    var fetch0 = w.fetch;
    if (typeof fetch0 === 'function') {
      w.fetch = function fetch(input, options) {
        var isRequest = w.Request && input instanceof w.Request;
        var url = own(isRequest ? input.url : input);
        if (url === null) {
          return fetch0.apply(this, arguments);
        }
        var method = String((options && options.method) || (isRequest ? input.method : 'GET')).toUpperCase();
        var file = method === 'GET' || method === 'HEAD' ? read(url) : { error: 'method' };
        if (file.error !== undefined) {
          return Prom.reject(new TypeError('Failed to fetch'));
        }
        var raw = w.atob(file.base64);
        var bytes = new w.Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
          bytes[i] = raw.charCodeAt(i);
        }
        return Prom.resolve(new w.Response(method === 'HEAD' ? null : bytes, { status: 200, headers: { 'Content-Type': file.type } }));
      };
    }
    var xhrProto = w.XMLHttpRequest && w.XMLHttpRequest.prototype;
    var open0 = xhrProto && xhrProto.open;
    if (typeof open0 === 'function') {
      xhrProto.open = function open(method, url) {
        var args = Array.prototype.slice.call(arguments);
        var mine = own(url);
        var file = mine === null ? null : read(mine);
        if (file && file.error === undefined) {
          args[1] = 'data:' + file.type + ';base64,' + file.base64;
        }
        return open0.apply(this, args);
      };
    }
  };
  list.forEach(function (item) {
    var chrome = makeChrome(item);
    if (item.background || item.extensionPage) {
      serveOwnFiles(item.id);
    }
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
  var STORAGE = '__fxsessionExtensionStorage';
  // chrome.storage changes of extension id, in this frame's contexts of that extension
  var storageChanged = function (id, changesJson) {
    if (Object.prototype.hasOwnProperty.call(contexts, id)) {
      var storage = contexts[id].storage;
      storage.onChanged.dispatch(parse(changesJson), 'local');
      storage.local.onChanged.dispatch(parse(changesJson));
    }
  };
  // to every descendant frame (cross-origin ones too); the capturing listener the bridge added first
  // takes these messages before any listener of the page
  var tellFrames = function (data) {
    var count = 0;
    var walk = function (win) {
      for (var i = 0; i < win.length; i++) {
        try { win[i].postMessage(data, '*'); count++; } catch (e) { /* a frame going away */ }
        walk(win[i]);
      }
    };
    walk(w);
    return count;
  };
  w.addEventListener('message', function (event) {
    var data = event.data;
    if (data && typeof data === 'object' && typeof data[TAG] === 'string') {
      event.stopImmediatePropagation();
      accept(data[TAG]);
    } else if (data && typeof data === 'object' && data[STORAGE] && typeof data[STORAGE].id === 'string' && event.source === w.top) {
      event.stopImmediatePropagation();
      storageChanged(data[STORAGE].id, String(data[STORAGE].changes));
    }
  }, true);
  if (w === w.top) {
    Object.defineProperty(w, '__fxsessionExtStorage', {
      value: function (id, changesJson) {
        var data = {};
        data[STORAGE] = { id: id, changes: changesJson };
        tellFrames(data);
        storageChanged(id, changesJson);
      },
      configurable: false, enumerable: false, writable: false
    });
    Object.defineProperty(w, '__fxsessionTabDeliver', {
      value: function (channel) {
        var data = {};
        data[TAG] = channel;
        var count = 1 + tellFrames(data);
        accept(channel);
        return count;
      },
      configurable: false, enumerable: false, writable: false
    });
  }
}
