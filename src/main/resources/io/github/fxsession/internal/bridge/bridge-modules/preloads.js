// The session's preload scripts (ses.setPreloads, internal/preload/Preloads.java), each inserted as an
// inline script element, which runs at once: before the page's own scripts when the bridge is first in
// the document. Inline elements rather than eval, so a page CSP without 'unsafe-eval' does not block
// them (DocumentInjector adds their hashes to a CSP header, next to the bridge's own).
// The library puts them in init.preloads (absent when there are none): no bridge call of their own.
var scripts = init.preloads || [];
var docRef = w.document;
for (var i = 0; i < scripts.length; i++) {
  try {
    var element = docRef.createElement('script');
    element.text = scripts[i];
    var parent = docRef.head || docRef.documentElement;
    parent.appendChild(element);
    parent.removeChild(element);
  } catch (e) {
    // one broken preload does not stop the others
  }
}
