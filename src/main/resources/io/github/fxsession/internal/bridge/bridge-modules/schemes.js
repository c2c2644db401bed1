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
