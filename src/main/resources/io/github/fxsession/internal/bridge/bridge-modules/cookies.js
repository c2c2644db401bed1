// document.cookie reads and writes the partition's cookie store (WebKit would use one JVM-wide store,
// with no idea which page asks). Other documents (DOMParser, createHTMLDocument) have none.
var doc = w.document;
var docProto = w.Document && w.Document.prototype;
if (docProto && Object.getOwnPropertyDescriptor(docProto, 'cookie')) {
  Object.defineProperty(docProto, 'cookie', {
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
