// Passkeys (WebAuthn) for the Roma Platform: registering one on the account page and using
// one at the sign-in's second step. Without JavaScript (or without WebAuthn) the buttons stay
// hidden and the authenticator app's code is the way; nothing here is needed to sign in.
//
// A form with data-passkey="register" or data-passkey="sign-in" is enhanced: its submit
// button asks the server for options (POST to data-begin, with the form's CSRF token), lets
// the browser create or use a credential, and posts the result (JSON, base64url) to the
// form's action in the field "credential". Errors are written into the element named by
// data-status.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
    return;
  }

  function toBytes(b64url) {
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) {
      b64 += "=";
    }
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out.buffer;
  }

  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) {
      bin += String.fromCharCode(bytes[i]);
    }
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(o) {
    var pk = o.publicKey;
    pk.challenge = toBytes(pk.challenge);
    pk.user.id = toBytes(pk.user.id);
    (pk.excludeCredentials || []).forEach(function (c) {
      c.id = toBytes(c.id);
    });
    return { publicKey: pk };
  }

  function requestOptions(o) {
    var pk = o.publicKey;
    pk.challenge = toBytes(pk.challenge);
    (pk.allowCredentials || []).forEach(function (c) {
      c.id = toBytes(c.id);
    });
    return { publicKey: pk };
  }

  function registered(c) {
    return {
      id: c.id,
      rawId: toB64url(c.rawId),
      type: c.type,
      response: {
        attestationObject: toB64url(c.response.attestationObject),
        clientDataJSON: toB64url(c.response.clientDataJSON),
        transports: c.response.getTransports ? c.response.getTransports() : []
      },
      extensions: c.getClientExtensionResults ? c.getClientExtensionResults() : {}
    };
  }

  function asserted(c) {
    return {
      id: c.id,
      rawId: toB64url(c.rawId),
      type: c.type,
      response: {
        authenticatorData: toB64url(c.response.authenticatorData),
        clientDataJSON: toB64url(c.response.clientDataJSON),
        signature: toB64url(c.response.signature),
        userHandle: c.response.userHandle ? toB64url(c.response.userHandle) : null
      },
      extensions: c.getClientExtensionResults ? c.getClientExtensionResults() : {}
    };
  }

  function enhance(form) {
    var kind = form.getAttribute("data-passkey");
    var status = document.getElementById(form.getAttribute("data-status"));
    var field = form.querySelector("input[name=credential]");
    var button = form.querySelector("button[type=submit]");
    form.hidden = false;
    var busy = false;
    form.addEventListener("submit", function (event) {
      if (field.value) {
        return; // the credential is in: the form goes to the server as usual
      }
      event.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      button.disabled = true;
      if (status) {
        status.textContent = "";
      }
      var body = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute("data-begin"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body
      })
        .then(function (r) {
          if (r.redirected) {
            // Asked to confirm the password first: go there (it comes back here).
            window.location.assign(r.url);
            return new Promise(function () {});
          }
          if (!r.ok) {
            return r.json().then(
              function (m) {
                // The server's own words (in the page's language), not the browser's.
                throw { shown: m && m.message ? m.message : "" };
              },
              function () {
                throw { shown: "" };
              }
            );
          }
          return r.json();
        })
        .then(function (options) {
          return kind === "register"
            ? navigator.credentials.create(creationOptions(options))
            : navigator.credentials.get(requestOptions(options));
        })
        .then(function (credential) {
          field.value = JSON.stringify(
            kind === "register" ? registered(credential) : asserted(credential)
          );
          form.submit();
        })
        .catch(function (e) {
          busy = false;
          button.disabled = false;
          if (status) {
            status.textContent =
              (e && e.shown) || form.getAttribute("data-failed") || "";
          }
        });
    });
  }

  var notes = document.querySelectorAll(".no-script-only");
  for (var n = 0; n < notes.length; n++) {
    notes[n].hidden = true;
  }
  var forms = document.querySelectorAll("form[data-passkey]");
  for (var i = 0; i < forms.length; i++) {
    enhance(forms[i]);
  }
})();
