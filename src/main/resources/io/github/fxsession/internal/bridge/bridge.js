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

  // Capability modules (bridge-modules/*.js, listed in bridge-modules/modules.list) are inserted here
  // by BridgeScript, each as (function (call, w, init) { ... })(call, w, init): they share this
  // closure's channel and never expose it to the page.
  /*@MODULES@*/
})();
