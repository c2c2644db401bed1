// ses.getBlobData (internal/blob/BlobBridge.java): every Blob a page of the session turns into a blob:
// URL with URL.createObjectURL is handed to the session, in base64 chunks read with FileReader, under
// the URL's UUID (its last path segment); URL.revokeObjectURL forgets it. Blobs larger than the
// session's limit are announced but not copied.
var U = w.URL;
var BlobType = w.Blob;
var Reader = w.FileReader;
if (U && U.createObjectURL && BlobType && Reader) {
  var create = U.createObjectURL;
  var revoke = U.revokeObjectURL;
  var slice = BlobType.prototype.slice;
  var CHUNK = 393216;
  var uuidOf = function (url) {
    var m = /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.exec(String(url));
    return m ? m[1].toLowerCase() : null;
  };
  var mirror = function (id, blob) {
    var size = blob.size;
    var accepted;
    try {
      accepted = call('blob.begin', { id: id, size: size });
    } catch (e) {
      return;
    }
    if (!accepted || size === 0) {
      return;
    }
    var offset = 0;
    var next = function () {
      var end = Math.min(offset + CHUNK, size);
      var reader = new Reader();
      reader.onload = function () {
        var text = String(reader.result);
        try {
          call('blob.put', { id: id, offset: offset, data: text.substring(text.indexOf(',') + 1) });
        } catch (e) {
          return;
        }
        offset = end;
        if (offset < size) {
          next();
        }
      };
      reader.onerror = function () {
        try {
          call('blob.fail', { id: id, error: String(reader.error && reader.error.name) });
        } catch (e) {
          // the session forgot the blob
        }
      };
      reader.readAsDataURL(slice.call(blob, offset, end));
    };
    next();
  };
  Object.defineProperty(U, 'createObjectURL', {
    value: function createObjectURL(object) {
      var url = create.apply(U, arguments);
      if (object instanceof BlobType) {
        var id = uuidOf(url);
        if (id) {
          mirror(id, object);
        }
      }
      return url;
    },
    writable: true, configurable: true, enumerable: false
  });
  Object.defineProperty(U, 'revokeObjectURL', {
    value: function revokeObjectURL(url) {
      var id = uuidOf(url);
      if (id) {
        try {
          call('blob.revoke', { id: id });
        } catch (e) {
          // nothing to forget
        }
      }
      return revoke.apply(U, arguments);
    },
    writable: true, configurable: true, enumerable: false
  });
}
