(function () {
  'use strict';
  var w = window;
  if (Object.prototype.hasOwnProperty.call(w, '__fxsession')) {
    return;
  }
  // Everything the bridge uses is captured now, before any page script can patch it.
  var callPrompt = Function.prototype.call.bind(w.prompt);
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var define = Object.defineProperty;
  var describe = Object.getOwnPropertyDescriptor;
  var PREFIX = '__fxsession_bridge__:';

  // The document's bridge capability: a token the library gave this document when it served it. It
  // lives only in this closure (the element carrying it is removed before page scripts run), and is
  // written into calls as text, never through an object a page could observe with toJSON.
  var token = '';
  var self = w.document.currentScript;
  if (self && self.hasAttribute('data-fxsession')) {
    token = String(self.getAttribute('data-fxsession'));
    if (!/^[0-9a-f]{1,64}$/.test(token)) {
      token = '';
    }
    if (self.parentNode) {
      self.parentNode.removeChild(self);
    }
  }

  function call(method, args) {
    var encoded = stringify(args === undefined ? null : args);
    var message = '{"t":"' + token + '","m":' + stringify(String(method)) + ',"a":'
      + (encoded === undefined ? 'null' : encoded) + '}';
    var raw = callPrompt(w, PREFIX + message, '');
    if (raw === null || raw === undefined) {
      throw new Error('fxsession: the page bridge is not available in this frame');
    }
    var reply = parse(raw);
    if (reply.e !== undefined) {
      throw new Error('fxsession: ' + reply.e);
    }
    return reply.r;
  }

  define(w, '__fxsession', {
    value: Object.freeze({ call: call, version: 1 }),
    enumerable: false, configurable: false, writable: false
  });

  var init;
  try {
    init = call('init', { url: String(w.location.href), top: w === w.top });
  } catch (e) {
    return;
  }

  var userAgent = init.userAgent;
  var nav = w.Navigator && w.Navigator.prototype;
  if (nav && typeof userAgent === 'string') {
    define(nav, 'userAgent', { get: function () { return userAgent; }, configurable: true, enumerable: true });
    define(nav, 'appVersion', {
      get: function () { return userAgent.replace(/^Mozilla\//, ''); }, configurable: true, enumerable: true
    });
  }

  function expectFrame(value) {
    try {
      if (value === null || value === undefined || value === '') {
        return;
      }
      var href = new URL(String(value), w.document.baseURI).href;
      if (/^https?:/i.test(href)) {
        call('frame.expect', { url: href });
      }
    } catch (e) {
      // never let the bridge break the page
    }
  }

  function isFrame(element) {
    return (w.HTMLIFrameElement && element instanceof w.HTMLIFrameElement)
      || (w.HTMLFrameElement && element instanceof w.HTMLFrameElement);
  }

  function hookSrc(proto) {
    var d = proto && describe(proto, 'src');
    if (!d || !d.set) {
      return;
    }
    define(proto, 'src', {
      get: d.get,
      set: function (value) { expectFrame(value); d.set.call(this, value); },
      configurable: true, enumerable: d.enumerable
    });
  }
  hookSrc(w.HTMLIFrameElement && w.HTMLIFrameElement.prototype);
  hookSrc(w.HTMLFrameElement && w.HTMLFrameElement.prototype);

  var setAttribute = w.Element.prototype.setAttribute;
  define(w.Element.prototype, 'setAttribute', {
    value: function setAttribute_(name, value) {
      if (isFrame(this) && String(name).toLowerCase() === 'src') {
        expectFrame(value);
      }
      return setAttribute.apply(this, arguments);
    },
    writable: true, configurable: true, enumerable: false
  });

  if (w !== w.top) {
    w.document.addEventListener('click', function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest('a[href]') : null;
      if (link && (!link.target || link.target === '_self')) {
        expectFrame(link.href);
      }
    }, true);
  }

  // Asynchronous answers for modules (internal.permission.PermissionBridge channels): a call returns a
  // channel id at once; its messages are collected with 'permission.poll' from this frame, at once when
  // the library posts its wake-up message, else every 500 ms while a channel is open (every 5 s when
  // only background channels, such as a watch, are open).
  var channel = (function () {
    var handlers = {};
    var background = {};
    var timer = 0;
    var keysOf = Object.keys;
    var later = Function.prototype.call.bind(Function.prototype.bind)(w.setTimeout, w);
    var listen = w.EventTarget.prototype.addEventListener;
    var stopNow = w.Event.prototype.stopImmediatePropagation;
    var WAKE = '__fxsession_wake__';

    function schedule() {
      var ids = keysOf(handlers);
      if (timer || ids.length === 0) {
        return;
      }
      var foreground = false;
      for (var i = 0; i < ids.length && !foreground; i++) {
        foreground = !background[ids[i]];
      }
      timer = later(function () { timer = 0; poll(); }, foreground ? 500 : 5000);
    }

    function forget(id) {
      delete handlers[id];
      delete background[id];
    }

    function poll() {
      var ids = keysOf(handlers);
      if (ids.length === 0) {
        return;
      }
      var messages;
      try {
        messages = call('permission.poll', { ids: ids });
      } catch (e) {
        messages = [];
      }
      for (var i = 0; i < messages.length; i++) {
        var m = messages[i];
        var handler = handlers[m.id];
        if (m.last) {
          forget(m.id);
        }
        if (handler) {
          try { handler(m); } catch (e) { /* a page callback threw */ }
        }
      }
      schedule();
    }

    listen.call(w, 'message', function (event) {
      if (event.data === WAKE) {
        stopNow.call(event);
        poll();
      }
    }, true);

    return Object.freeze({
      open: function (method, args, handler, isBackground) {
        var reply = call(method, args);
        handlers[reply.id] = handler;
        if (isBackground) {
          background[reply.id] = true;
        }
        schedule();
        return reply.id;
      },
      forget: forget,
      has: function (id) { return Object.prototype.hasOwnProperty.call(handlers, id); }
    });
  })();

  // Capability modules (bridge-modules/*.js, listed in bridge-modules/modules.list) are inserted here
  // by BridgeScript, each as (function (call, w, init, channel) { ... })(call, w, init, channel): they
  // share this closure's channels and never expose them to the page.
  /*@MODULES@*/
})();
