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

  var doc = w.document;
  var docProto = w.Document && w.Document.prototype;
  if (docProto && describe(docProto, 'cookie')) {
    // document.cookie reads and writes the partition's cookie store (WebKit would use one JVM-wide
    // store, with no idea which page asks). Other documents (DOMParser, createHTMLDocument) have none.
    define(docProto, 'cookie', {
      get: function () {
        if (this !== doc) {
          return '';
        }
        try {
          return String(call('cookie.get', { url: String(w.location.href) }));
        } catch (e) {
          return '';
        }
      },
      set: function (value) {
        var text = String(value);
        if (this === doc) {
          try {
            call('cookie.set', { url: String(w.location.href), cookie: text });
          } catch (e) {
            // as a browser ignores a cookie it refuses
          }
        }
      },
      configurable: true, enumerable: true
    });
  }

  // fetch and XHR to absolute URLs of privileged custom schemes go to the internal origin that serves
  // them (WebKit would refuse the custom scheme before any handler sees the request).
  var schemes = init.schemes;
  if (schemes && typeof schemes === 'object') {
    var toInternal = function (input) {
      var text = String(input);
      var m = /^([A-Za-z][A-Za-z0-9-]*):\/\/([^\/?#:]+)(:\d+)?(.*)$/.exec(text);
      var origin = m && Object.prototype.hasOwnProperty.call(schemes, m[1].toLowerCase()) ? schemes[m[1].toLowerCase()] : null;
      if (!origin) {
        return input;
      }
      var rest = m[4] || '';
      if (rest.charAt(0) !== '/') {
        rest = '/' + rest;
      }
      return origin.replace('{host}', m[2].toLowerCase()) + (m[3] || '') + rest;
    };
    var fetch0 = w.fetch;
    if (typeof fetch0 === 'function') {
      w.fetch = function fetch(input, options) {
        if (w.Request && input instanceof w.Request) {
          var mapped = toInternal(input.url);
          if (mapped !== input.url) {
            input = new w.Request(mapped, input);
          }
        } else {
          input = toInternal(input);
        }
        return fetch0.call(this, input, options);
      };
    }
    var xhrProto = w.XMLHttpRequest && w.XMLHttpRequest.prototype;
    var open0 = xhrProto && xhrProto.open;
    if (typeof open0 === 'function') {
      xhrProto.open = function open(method, url) {
        var args = Array.prototype.slice.call(arguments);
        args[1] = toInternal(url);
        return open0.apply(this, args);
      };
    }
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
})();
