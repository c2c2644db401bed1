// navigator.serial (internal/serial/SerialBridge.java): Web Serial over jSerialComm. requestPort and open
// answer on channels of the permission bridge: a call returns a channel id at once, and messages are
// collected with 'permission.poll' from this frame when the library posts its wake-up message (this
// bridge's shared channel client, bridge.js), else every 500 ms while a channel is open. An
// open port's channel carries read bytes (base64 chunks) and 'lost'; writes are one call per chunk.
// connect/disconnect: once the page uses navigator.serial (getPorts, requestPort, a listener), a watch
// channel carries its origin's granted ports appearing and disappearing; each port fires an event only
// when its state changes, whichever of the watch and a lost open port reports it first.
var define = Object.defineProperty;
var keys = Object.keys;
var Prom = w.Promise;
var bindCall = Function.prototype.call.bind(Function.prototype.bind);
var later = bindCall(w.setTimeout, w);
var DOMEx = w.DOMException;
var Ev = w.Event;
var ET = w.EventTarget;
var listen = ET.prototype.addEventListener;
var fire = ET.prototype.dispatchEvent;
var nav = w.Navigator && w.Navigator.prototype;
var RS = w.ReadableStream;
var WS = w.WritableStream;
var U8 = w.Uint8Array;
var atob = bindCall(w.atob, w);
var fromCharCode = String.fromCharCode;
var watchId = null;

function where(extra) {
  var args = { url: String(w.location.href), top: w === w.top };
  var names = keys(extra || {});
  for (var i = 0; i < names.length; i++) {
    args[names[i]] = extra[names[i]];
  }
  return args;
}

function domError(name, message) {
  if (name === 'TypeError') {
    return new TypeError(message);
  }
  try {
    return new DOMEx(message, name);
  } catch (e) {
    var x = new Error(message);
    x.name = name;
    return x;
  }
}

// 'fxsession: InvalidStateError: The port is closed.' from a synchronous call
function callError(e) {
  var text = String(e && e.message).replace(/^fxsession: /, '');
  var m = /^(\w+Error): (.*)$/.exec(text);
  return m ? domError(m[1], m[2]) : domError('NetworkError', text);
}

// Written bytes travel as a string of one char per byte (U+0000-U+00FF): String.fromCharCode is native,
// while btoa costs this WebKit about 6 times more (measured); the JSON of the bridge escapes what it must.
function toBinary(bytes) {
  var parts = [];
  for (var i = 0; i < bytes.length; i += 8192) {
    parts.push(fromCharCode.apply(null, bytes.subarray(i, i + 8192)));
  }
  return parts.join('');
}

function fromBase64(text) {
  var s = atob(text);
  var out = new U8(s.length);
  for (var i = 0; i < s.length; i++) {
    out[i] = s.charCodeAt(i);
  }
  return out;
}

function bytesOf(chunk) {
  if (chunk instanceof w.ArrayBuffer) {
    return new U8(chunk);
  }
  if (w.ArrayBuffer.isView(chunk)) {
    return new U8(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new TypeError("Failed to execute 'write' on 'UnderlyingSinkBase': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
}

try {
  if (!nav) {
    throw new Error('no Navigator');
  }
  var serial = new ET();
  var ports = {};
  var presence = {};
  var handlers = { connect: null, disconnect: null };
  var watch = function () {
    if (watchId) {
      return;
    }
    try {
      watchId = channel.open('serial.watch', where(), function (m) {
        if (m.type === 'connect' || m.type === 'disconnect') {
          var known = !!ports[m.port.portId];
          portOf(m.port);
          if (!known) {
            presence[m.port.portId](m.type !== 'connect', true);
          }
          presence[m.port.portId](m.type === 'connect', false);
        }
      }, true);
    } catch (e) { /* no bridge: no events */ }
  };
  var announce = function (type, port) {
    var e = new Ev(type, { bubbles: true });
    if (typeof port['on' + type] === 'function') { try { port['on' + type](e); } catch (x) { /* page */ } }
    fire.call(port, e);
    var e2 = new Ev(type);
    if (typeof handlers[type] === 'function') { try { handlers[type](e2); } catch (x) { /* page */ } }
    fire.call(serial, e2);
  };
  ['connect', 'disconnect'].forEach(function (type) {
    define(serial, 'on' + type, { get: function () { return handlers[type]; },
      set: function (f) { handlers[type] = f; watch(); }, enumerable: true });
  });
  define(serial, 'addEventListener', { value: function (type) {
    if (type === 'connect' || type === 'disconnect') { watch(); }
    return listen.apply(this, arguments);
  } });

  var SerialPort = class SerialPort extends ET {
    constructor(info) {
      super();
      var self = this;
      var state = { handle: null, readable: null, writable: null, controller: null, forgotten: false, present: true };
      this.onconnect = null;
      this.ondisconnect = null;
      define(this, 'getInfo', { value: function () {
        var out = {};
        if (info.usbVendorId !== undefined) {
          out.usbVendorId = info.usbVendorId;
          out.usbProductId = info.usbProductId;
        }
        return out;
      } });
      define(this, 'readable', { get: function () { return state.readable; }, enumerable: true });
      define(this, 'writable', { get: function () { return state.writable; }, enumerable: true });
      define(this, 'connected', { get: function () { return state.present && !state.forgotten; }, enumerable: true });
      // (present, silent): fires connect or disconnect when the state changes
      presence[info.portId] = function (present, silent) {
        if (state.present === present || state.forgotten) {
          return;
        }
        state.present = present;
        if (!silent) {
          announce(present ? 'connect' : 'disconnect', self);
        }
      };

      function ended(error) {
        var handle = state.handle;
        state.handle = null;
        if (handle) { channel.forget(handle); }
        if (state.controller) {
          try {
            if (error) { state.controller.error(error); } else { state.controller.close(); }
          } catch (e) { /* already closed */ }
        }
        state.controller = null;
        state.readable = null;
        state.writable = null;
      }

      function lost() {
        ended(domError('NetworkError', 'The device has been lost.'));
        presence[info.portId](false, false);
      }

      define(this, 'open', { value: function (options) {
        return new Prom(function (resolve, reject) {
          if (state.handle) {
            reject(domError('InvalidStateError', 'The port is already open.'));
            return;
          }
          if (!RS || !WS) {
            reject(domError('NotSupportedError', 'This WebView has no ReadableStream/WritableStream.'));
            return;
          }
          var o = options || {};
          var sent = {};
          var names = ['baudRate', 'dataBits', 'stopBits', 'parity', 'bufferSize', 'flowControl'];
          for (var i = 0; i < names.length; i++) {
            if (o[names[i]] !== undefined) { sent[names[i]] = o[names[i]]; }
          }
          var drainWaiters = [];
          var handle;
          try {
            handle = channel.open('serial.open', where({ portId: info.portId, options: sent }), function (m) {
              if (m.type === 'result') {
                if (m.error) {
                  state.handle = null;
                  reject(domError(m.error.name, m.error.message));
                } else {
                  resolve();
                }
              } else if (m.type === 'data') {
                if (state.controller) {
                  try { state.controller.enqueue(fromBase64(m.data)); } catch (e) { /* cancelled */ }
                }
              } else if (m.type === 'drain') {
                var waiting = drainWaiters;
                drainWaiters = [];
                for (var k = 0; k < waiting.length; k++) { waiting[k](); }
              } else if (m.type === 'lost') {
                lost();
              }
            });
          } catch (e) {
            reject(callError(e));
            return;
          }
          state.handle = handle;
          state.readable = new RS({
            start: function (c) { state.controller = c; },
            cancel: function () { state.controller = null; }
          });
          state.writable = new WS({
            write: function (chunk) {
              var bytes = bytesOf(chunk);
              if (!state.handle) {
                throw domError('InvalidStateError', 'The port is closed.');
              }
              var reply;
              try {
                reply = call('serial.write', { handle: state.handle, bytes: toBinary(bytes) });
              } catch (e) {
                throw callError(e);
              }
              if (reply.wait) {
                return new Prom(function (r) { drainWaiters.push(r); });
              }
              return undefined;
            }
          });
        });
      } });

      define(this, 'close', { value: function () {
        return new Prom(function (resolve, reject) {
          if (!state.handle) {
            reject(domError('InvalidStateError', 'The port is already closed.'));
            return;
          }
          if ((state.readable && state.readable.locked) || (state.writable && state.writable.locked)) {
            reject(new TypeError('Cannot cancel a locked stream'));
            return;
          }
          var handle = state.handle;
          ended(null);
          try { call('serial.close', { handle: handle }); } catch (e) { /* gone */ }
          resolve();
        });
      } });

      define(this, 'setSignals', { value: function (signals) {
        return new Prom(function (resolve, reject) {
          var s = signals || {};
          if (s.dataTerminalReady === undefined && s.requestToSend === undefined && s['break'] === undefined) {
            reject(new TypeError('Signals dictionary is empty.'));
            return;
          }
          if (!state.handle) {
            reject(domError('InvalidStateError', 'The port is closed.'));
            return;
          }
          var args = { handle: state.handle };
          if (s.dataTerminalReady !== undefined) { args.dataTerminalReady = !!s.dataTerminalReady; }
          if (s.requestToSend !== undefined) { args.requestToSend = !!s.requestToSend; }
          if (s['break'] !== undefined) { args['break'] = !!s['break']; }
          try {
            call('serial.setSignals', args);
            resolve();
          } catch (e) {
            reject(callError(e));
          }
        });
      } });

      define(this, 'getSignals', { value: function () {
        return new Prom(function (resolve, reject) {
          if (!state.handle) {
            reject(domError('InvalidStateError', 'The port is closed.'));
            return;
          }
          try {
            resolve(call('serial.getSignals', { handle: state.handle }));
          } catch (e) {
            reject(callError(e));
          }
        });
      } });

      define(this, 'forget', { value: function () {
        var p = state.handle ? self.close().then(null, function () { }) : Prom.resolve();
        return p.then(function () {
          state.forgotten = true;
          delete ports[info.portId];
          delete presence[info.portId];
          call('serial.forget', where({ portId: info.portId }));
        });
      } });
    }
  };

  var portOf = function (info) {
    var port = ports[info.portId];
    if (!port) {
      port = new SerialPort(info);
      ports[info.portId] = port;
    }
    return port;
  };

  define(serial, 'requestPort', { value: function (options) {
    return new Prom(function (resolve, reject) {
      var filters = (options && options.filters) || [];
      watch();
      try {
        channel.open('serial.requestPort', where({ filters: filters }), function (m) {
          if (m.error) {
            reject(domError(m.error.name, m.error.message));
          } else {
            var port = portOf(m.value);
            presence[m.value.portId](true, true);
            resolve(port);
          }
        });
      } catch (e) {
        reject(callError(e));
      }
    });
  } });

  define(serial, 'getPorts', { value: function () {
    return new Prom(function (resolve, reject) {
      watch();
      try {
        var list = call('serial.getPorts', where());
        var out = [];
        for (var i = 0; i < list.length; i++) {
          out.push(portOf(list[i]));
          presence[list[i].portId](true, true);
        }
        resolve(out);
      } catch (e) {
        reject(callError(e));
      }
    });
  } });

  define(w, 'SerialPort', { value: SerialPort, writable: true, configurable: true });
  define(nav, 'serial', { get: function () { return serial; }, configurable: true, enumerable: true });
} catch (e) { /* no classes or no navigator: no navigator.serial */ }
