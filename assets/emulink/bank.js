// The emulator's OAuth test bank: asks the user to allow access, tells the emulator, and sends
// the user back to Link (the redirect_uri, or the Link window that opened this pop-up).
(function () {
  "use strict";
  var state = new URLSearchParams(window.location.search).get("oauth_state_id") || "";
  var $ = function (id) { return document.getElementById(id); };

  function call(name, body) {
    body.oauth_state_id = state;
    return fetch("/link/emulated/api/" + name, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), cache: "no-store"
    }).then(function (res) {
      return res.json().then(function (j) { if (!res.ok) { throw new Error(j.error_message || "request failed"); } return j; });
    });
  }

  function after(title, text) {
    $("ask").hidden = true;
    $("after").hidden = false;
    $("after-title").textContent = title;
    $("after-text").textContent = text;
  }

  function decide(approve) {
    $("approve").disabled = true; $("deny").disabled = true;
    call("oauth/decide", { approve: approve }).then(function (r) {
      if (r.oauth.mode === "redirect" && r.oauth.bank_url) {
        after("Returning you to the app…", "Taking you back to finish connecting.");
        window.location.assign(r.oauth.bank_url);
        return;
      }
      if (window.opener) {
        window.opener.postMessage({ source: "plaidwalk-bank", oauth_state_id: state }, window.location.origin);
      }
      after(approve ? "Access allowed" : "Access not allowed", "You can close this window and go back to Link.");
      window.close();
    }, function (err) {
      after("This request has expired", "Go back to Link and start again (" + err.message + ").");
    });
  }

  call("oauth/info", {}).then(function (r) {
    var bank = r.oauth.institution_name, app = r.oauth.client_name || "An app";
    document.title = bank + " · approve access";
    $("bank-name").textContent = bank;
    $("lead").textContent = app + " wants to see some of your " + bank + " account information through Plaid Link.";
  }, function (err) {
    after("This request is not valid", "Go back to Link and start again (" + err.message + ").");
  });
  $("approve").addEventListener("click", function () { decide(true); });
  $("deny").addEventListener("click", function () { decide(false); });
})();
