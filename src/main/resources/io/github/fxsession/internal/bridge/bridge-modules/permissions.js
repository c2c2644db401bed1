// Permission-gated web APIs (internal/permission/PermissionBridge.java): Notification,
// navigator.permissions, navigator.geolocation, navigator.clipboard.readText, requestFullscreen,
// requestPointerLock, navigator.mediaDevices and links to external schemes. Each asks the session's
// permission handlers. A request returns a channel id at once; answers are queued on the Java side and
// collected by polling from this frame ('permission.poll'), right away when the library posts a wake-up
// message, else every 500 ms while a channel is open.
var define = Object.defineProperty;
var keys = Object.keys;
var owns = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
var Prom = w.Promise;
var bindCall = Function.prototype.call.bind(Function.prototype.bind);
var later = bindCall(w.setTimeout, w);
var every = bindCall(w.setInterval, w);
var cancelEvery = bindCall(w.clearInterval, w);
var DOMEx = w.DOMException;
var Ev = w.Event;
var ET = w.EventTarget;
var listen = ET.prototype.addEventListener;
var fire = ET.prototype.dispatchEvent;
var stopNow = Ev.prototype.stopImmediatePropagation;
var prevent = Ev.prototype.preventDefault;
var doc = w.document;
var nav = w.Navigator && w.Navigator.prototype;
var ElementProto = w.Element && w.Element.prototype;
var DocProto = w.Document && w.Document.prototype;

function where(extra) {
  var args = { url: String(w.location.href), top: w === w.top };
  if (extra) {
    var names = keys(extra);
    for (var i = 0; i < names.length; i++) {
      args[names[i]] = extra[names[i]];
    }
  }
  return args;
}

function close(id) {
  if (id && channel.has(id)) {
    channel.forget(id);
    try { call('permission.close', { id: id }); } catch (e) { /* gone */ }
  }
}

function domError(error) {
  if (error.name === 'TypeError') {
    return new TypeError(error.message);
  }
  try {
    return new DOMEx(error.message, error.name);
  } catch (e) {
    var x = new Error(error.message);
    x.name = error.name;
    return x;
  }
}

// Asks for permission and, once allowed, for what the permission gives ('then' names it for readers;
// the library derives it from the permission); resolves with its value.
function request(permission, then, extra, onId) {
  return new Prom(function (resolve, reject) {
    var args = where(extra);
    args.permission = permission;
    try {
      var id = channel.open('permission.request', args, function (m) {
        if (m.error) {
          reject(domError(m.error));
        } else {
          resolve(m.value);
        }
      });
      if (onId) {
        onId(id);
      }
    } catch (e) {
      reject(domError({ name: 'NotAllowedError', message: String(e && e.message) }));
    }
  });
}

function check(permission, extra) {
  var args = where(extra);
  args.permission = permission;
  try {
    return call('permission.check', args);
  } catch (e) {
    return 'denied';
  }
}

function value(obj, name, v) {
  define(obj, name, { value: v, writable: true, configurable: true, enumerable: false });
}

function getter(obj, name, get) {
  if (obj) {
    define(obj, name, { get: get, configurable: true, enumerable: true });
  }
}

function event(type) {
  return new Ev(type, { bubbles: true });
}

// --- Notification -------------------------------------------------------------------------------
try {
  var Notification = class Notification extends ET {
    constructor(title, options) {
      super();
      if (arguments.length === 0) {
        throw new TypeError("Failed to construct 'Notification': 1 argument required, but only 0 present.");
      }
      var o = options || {};
      var self = this;
      var id = null;
      var closed = false;
      define(this, 'title', { value: String(title), enumerable: true });
      define(this, 'body', { value: o.body === undefined ? '' : String(o.body), enumerable: true });
      define(this, 'tag', { value: o.tag === undefined ? '' : String(o.tag), enumerable: true });
      define(this, 'icon', { value: o.icon === undefined ? '' : String(o.icon), enumerable: true });
      define(this, 'data', { value: o.data === undefined ? null : o.data, enumerable: true });
      this.onclick = null;
      this.onshow = null;
      this.onclose = null;
      this.onerror = null;
      function emit(type) {
        var e = new Ev(type);
        var h = self['on' + type];
        if (typeof h === 'function') {
          try { h.call(self, e); } catch (x) { /* page handler */ }
        }
        fire.call(self, e);
      }
      value(this, 'close', function () {
        if (closed) {
          return;
        }
        closed = true;
        close(id);
        later(function () { emit('close'); }, 0);
      });
      try {
        id = channel.open('notification.show', where({ title: this.title, body: this.body, tag: this.tag }), function (m) {
          if (m.type === 'show') {
            emit('show');
          } else if (m.type === 'click') {
            emit('click');
          } else if (m.type === 'error') {
            closed = true;
            emit('error');
          } else if (m.type === 'close' && !closed) {
            closed = true;
            emit('close');
          }
        });
      } catch (e) {
        closed = true;
        later(function () { emit('error'); }, 0);
      }
    }

    static get permission() {
      var state = check('notifications');
      return state === 'prompt' ? 'default' : state;
    }

    static requestPermission(callback) {
      var p = request('notifications', 'notifications');
      if (typeof callback === 'function') {
        p.then(callback);
      }
      return p;
    }

    static get maxActions() {
      return 0;
    }
  };
  value(w, 'Notification', Notification);
} catch (e) { /* no classes: leave the engine's own */ }

// --- navigator.permissions ------------------------------------------------------------------------
try {
  var QUERY = {
    notifications: ['notifications'], geolocation: ['geolocation'], 'clipboard-read': ['clipboard-read'],
    camera: ['media', 'video'], microphone: ['media', 'audio'], midi: ['midi'],
    'display-capture': ['display-capture'], fullscreen: ['fullscreen'], 'pointer-lock': ['pointerLock']
  };
  var PermissionStatus = class PermissionStatus extends ET {
    constructor(name, state) {
      super();
      define(this, 'name', { value: name, enumerable: true });
      define(this, 'state', { value: state, enumerable: true });
      this.onchange = null;
    }
  };
  var permissions = {
    query: function (descriptor) {
      return new Prom(function (resolve, reject) {
        var name = descriptor ? String(descriptor.name) : 'undefined';
        if (!owns(QUERY, name)) {
          reject(new TypeError("The provided value '" + name + "' is not a valid enum value of type PermissionName."));
          return;
        }
        var target = QUERY[name];
        var permission = name === 'midi' && descriptor.sysex ? 'midiSysex' : target[0];
        resolve(new PermissionStatus(name, check(permission, target[1] ? { mediaType: target[1] } : null)));
      });
    }
  };
  getter(nav, 'permissions', function () { return permissions; });
} catch (e) { /* leave the engine's own */ }

// --- navigator.geolocation ------------------------------------------------------------------------
try {
  var positionError = function (code, message) {
    return { code: code, message: message, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };
  };
  var position = function (v) {
    return {
      coords: {
        latitude: v.latitude, longitude: v.longitude, accuracy: v.accuracy,
        altitude: null, altitudeAccuracy: null, heading: null, speed: null
      },
      timestamp: v.timestamp
    };
  };
  var locate = function (options, extra, onId) {
    var args = { highAccuracy: !!(options && options.enableHighAccuracy) };
    if (extra) {
      var names = keys(extra);
      for (var i = 0; i < names.length; i++) {
        args[names[i]] = extra[names[i]];
      }
    }
    return request('geolocation', 'geolocation', args, onId).then(position, function (e) {
      throw positionError(e && e.name === 'NotAllowedError' ? 1 : 2, String(e && e.message));
    });
  };
  var withTimeout = function (promise, options) {
    var t = options && options.timeout;
    if (typeof t !== 'number' || !(t >= 0) || t === Infinity) {
      return promise;
    }
    return new Prom(function (resolve, reject) {
      later(function () { reject(positionError(3, 'Timeout expired')); }, t);
      promise.then(resolve, reject);
    });
  };
  var watches = {};
  var watchCount = 0;
  var geolocation = {
    getCurrentPosition: function (success, failure, options) {
      withTimeout(locate(options), options).then(function (p) {
        if (typeof success === 'function') { success(p); }
      }, function (e) {
        if (typeof failure === 'function') { failure(e); }
      });
    },
    watchPosition: function (success, failure, options) {
      var wid = ++watchCount;
      var state = { channel: null, interval: 0, last: '' };
      watches[wid] = state;
      var deliver = function (p) {
        var key = p.coords.latitude + ',' + p.coords.longitude + ',' + p.coords.accuracy;
        if (watches[wid] && key !== state.last) {
          state.last = key;
          if (typeof success === 'function') { success(p); }
        }
      };
      var fail = function (e) {
        if (watches[wid] && typeof failure === 'function') { failure(e); }
      };
      withTimeout(locate(options, { keep: true }, function (id) { state.channel = id; }), options).then(function (p) {
        deliver(p);
        if (watches[wid]) {
          state.interval = every(function () {
            locate(options, { watch: state.channel }).then(deliver, fail);
          }, 1000);
        }
      }, function (e) {
        fail(e);
        if (e && e.code === 1) {
          delete watches[wid];
          close(state.channel);
        }
      });
      return wid;
    },
    clearWatch: function (wid) {
      var state = watches[wid];
      if (state) {
        delete watches[wid];
        if (state.interval) { cancelEvery(state.interval); }
        close(state.channel);
      }
    }
  };
  getter(nav, 'geolocation', function () { return geolocation; });
} catch (e) { /* leave the engine's own */ }

// --- navigator.clipboard.readText -------------------------------------------------------------------
try {
  var clipboard = {
    readText: function () { return request('clipboard-read', 'clipboard-read'); }
  };
  getter(nav, 'clipboard', function () { return clipboard; });
} catch (e) { /* leave the engine's own */ }

// --- Fullscreen ---------------------------------------------------------------------------------------
try {
  var fullElement = null;
  var fullChannel = null;
  var savedStyle = null;
  var FULL_STYLE = ';position:fixed !important;left:0 !important;top:0 !important;right:0 !important;'
    + 'bottom:0 !important;width:100% !important;height:100% !important;margin:0 !important;'
    + 'box-sizing:border-box !important;z-index:2147483647 !important;';
  var leave = function (tellJava) {
    var element = fullElement;
    if (!element) {
      return;
    }
    fullElement = null;
    if (savedStyle === null) {
      element.removeAttribute('style');
    } else {
      element.setAttribute('style', savedStyle);
    }
    var id = fullChannel;
    fullChannel = null;
    if (tellJava && id) {
      channel.forget(id);
      try { call('fullscreen.exit', { id: id }); } catch (e) { /* gone */ }
    }
    fire.call(element.isConnected ? element : doc, event('fullscreenchange'));
  };
  var enter = function (element, id) {
    if (fullElement) {
      leave(true);
    }
    fullElement = element;
    fullChannel = id;
    savedStyle = element.getAttribute('style');
    element.setAttribute('style', (savedStyle || '') + FULL_STYLE);
    fire.call(element, event('fullscreenchange'));
  };
  var requestFullscreen = function () {
    var element = this;
    return new Prom(function (resolve, reject) {
      var args = where({ permission: 'fullscreen' });
      var id = null;
      try {
        id = channel.open('permission.request', args, function (m) {
          if (m.type === 'exit') {
            if (fullChannel === id) { leave(false); }
          } else if (m.error) {
            fire.call(element.isConnected ? element : doc, event('fullscreenerror'));
            reject(domError(m.error));
          } else {
            enter(element, id);
            resolve();
          }
        });
      } catch (e) {
        reject(new TypeError(String(e && e.message)));
      }
    });
  };
  var exitFullscreen = function () {
    return new Prom(function (resolve, reject) {
      if (!fullElement) {
        reject(new TypeError('Not in fullscreen'));
        return;
      }
      leave(true);
      resolve();
    });
  };
  value(ElementProto, 'requestFullscreen', requestFullscreen);
  value(ElementProto, 'webkitRequestFullscreen', requestFullscreen);
  value(DocProto, 'exitFullscreen', exitFullscreen);
  value(DocProto, 'webkitExitFullscreen', exitFullscreen);
  getter(DocProto, 'fullscreenElement', function () { return this === doc ? fullElement : null; });
  getter(DocProto, 'webkitFullscreenElement', function () { return this === doc ? fullElement : null; });
  getter(DocProto, 'fullscreenEnabled', function () { return true; });
  getter(DocProto, 'webkitFullscreenEnabled', function () { return true; });
  getter(DocProto, 'fullscreen', function () { return this === doc && fullElement !== null; });
  getter(DocProto, 'webkitIsFullScreen', function () { return this === doc && fullElement !== null; });
} catch (e) { /* leave the engine's own */ }

// --- Pointer lock: asked, then refused (WebView cannot lock the pointer) ----------------------------
try {
  value(ElementProto, 'requestPointerLock', function () {
    var p = request('pointerLock', 'pointerLock');
    p.then(null, function () { fire.call(doc, event('pointerlockerror')); });
    return p;
  });
  getter(DocProto, 'pointerLockElement', function () { return null; });
  value(DocProto, 'exitPointerLock', function () { });
} catch (e) { /* leave the engine's own */ }

// --- navigator.mediaDevices: asked, then NotFoundError (WebView cannot capture) ---------------------
try {
  var mediaDevices = new ET();
  value(mediaDevices, 'getUserMedia', function (constraints) {
    return new Prom(function (resolve, reject) {
      var c = constraints || {};
      if (!c.audio && !c.video) {
        reject(new TypeError("Failed to execute 'getUserMedia' on 'MediaDevices': At least one of audio and video must be requested"));
        return;
      }
      var types = [];
      if (c.video) { types.push('video'); }
      if (c.audio) { types.push('audio'); }
      request('media', 'media', { mediaTypes: types }).then(resolve, reject);
    });
  });
  value(mediaDevices, 'getDisplayMedia', function () {
    return request('display-capture', 'display-capture');
  });
  value(mediaDevices, 'enumerateDevices', function () { return Prom.resolve([]); });
  value(mediaDevices, 'getSupportedConstraints', function () { return {}; });
  getter(nav, 'mediaDevices', function () { return mediaDevices; });
} catch (e) { /* leave the engine's own */ }

// --- Links to external schemes (mailto:, tel:, ...): openExternal -----------------------------------
try {
  var INTERNAL = { http: 1, https: 1, file: 1, about: 1, data: 1, blob: 1, javascript: 1 };
  var handled = init && init.handledSchemes;
  for (var h = 0; handled && h < handled.length; h++) {
    INTERNAL[String(handled[h]).toLowerCase()] = 1; // the partition's own protocols navigate
  }
  var SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
  listen.call(w, 'click', function (e) {
    if (e.defaultPrevented || e.button !== 0) {
      return;
    }
    var target = e.target;
    var link = target && target.closest ? target.closest('a[href], area[href]') : null;
    if (!link) {
      return;
    }
    var href = String(link.href);
    var scheme = SCHEME.exec(href);
    if (!scheme || INTERNAL[scheme[1].toLowerCase()] === 1) {
      return;
    }
    prevent.call(e);
    request('openExternal', 'openExternal', { externalURL: href }).then(null, function () { });
  }, false);
} catch (e) { /* no external links */ }
