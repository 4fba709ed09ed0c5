// plaidwalk's Link page: starts Plaid Link with the session's link_token and hands every Link
// callback to plaidwalk (the server that served this page) as a JSON POST.
(function () {
  "use strict";
  var body = document.body;
  var mode = body.dataset.mode;
  var base = body.dataset.base;
  var storeKey = "plaidwalk.linkBase";
  var handler = null;
  var finished = false;
  var queue = Promise.resolve();

  var el = function (id) { return document.getElementById(id); };

  function show(state, title, message, detail) {
    el("status").dataset.state = state;
    el("title").textContent = title;
    el("message").textContent = message;
    var d = el("detail");
    d.textContent = detail || "";
    d.hidden = !detail;
    el("reopen").hidden = !(state === "open" && handler);
  }

  // post sends callbacks one after another, so the terminal sees them in the order Link gave them.
  function post(kind, payload) {
    queue = queue.then(function () {
      return fetch(base + "/callback/" + kind, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
        credentials: "same-origin",
        cache: "no-store"
      });
    }).catch(function () {
      return { ok: false, status: 0 };
    });
    return queue;
  }

  // reported says whether plaidwalk took the result; when it did not, the page says why
  // instead of sending the user back to a terminal that knows nothing.
  function reported(res) {
    if (res.ok) { return true; }
    if (res.status === 409) {
      show("error", "This session already finished", "plaidwalk had already received a result for this Link session. Check your terminal.");
    } else {
      show("error", "plaidwalk did not receive the result",
        "Link finished, but this page could not reach plaidwalk (status " + res.status + "). Is it still running in your terminal?");
    }
    return false;
  }

  function onSuccess(publicToken, metadata) {
    finished = true;
    post("success", { public_token: publicToken, metadata: metadata }).then(function (res) {
      if (!reported(res)) { return; }
      var bank = metadata && metadata.institution ? metadata.institution.name : "your bank";
      show("done", "Done — back to your terminal",
        "Link connected " + bank + " and plaidwalk has the public token. You can close this tab.");
    });
  }

  function onExit(error, metadata) {
    finished = true;
    post("exit", { error: error, metadata: metadata }).then(function (res) {
      if (!reported(res)) { return; }
      if (error) {
        show("error", "Link stopped: " + error.error_code,
          error.display_message || error.error_message || "Link ended with an error.",
          error.error_type + " · " + error.error_code + " — plaidwalk shows the details in your terminal.");
      } else {
        show("exited", "You closed Link — back to your terminal",
          "No bank was connected. plaidwalk will tell you what you can do next. You can close this tab.");
      }
    });
  }

  function start(token, receivedRedirectUri) {
    if (!window.Plaid || typeof window.Plaid.create !== "function") {
      show("error", "Link's script did not load",
        "This page could not load Plaid Link's script. Check your network connection, then run the step again from your terminal.");
      return;
    }
    var config = {
      token: token,
      onLoad: function () { post("load", {}); },
      onEvent: function (name, metadata) { post("event", { event_name: name, metadata: metadata }); },
      onSuccess: onSuccess,
      onExit: onExit
    };
    if (receivedRedirectUri) { config.receivedRedirectUri = receivedRedirectUri; }
    handler = window.Plaid.create(config);
    handler.open();
    show("open", "Link is open",
      "Finish connecting your bank in the Link window. If you don't see it, open it again.");
  }

  el("reopen").addEventListener("click", function () {
    if (handler && !finished) { handler.open(); }
  });

  if (mode === "link") {
    // The OAuth return page has no secret in its URL; it finds this session here.
    try { sessionStorage.setItem(storeKey, base); } catch (e) { /* private mode: pop-up OAuth still works */ }
    start(body.dataset.linkToken, "");
    return;
  }

  var saved = null;
  try { saved = sessionStorage.getItem(storeKey); } catch (e) { saved = null; }
  if (!saved || !/^\/[A-Za-z0-9_-]{20,}$/.test(saved)) {
    show("error", "This tab doesn't know the Link session",
      "Your bank sent you back to plaidwalk, but this browser tab did not start the Link session. Go back to your terminal and start the Link step again in the tab it opens.");
    return;
  }
  base = saved;
  fetch(base + "/session", { credentials: "same-origin", cache: "no-store" })
    .then(function (res) {
      if (!res.ok) { throw new Error("status " + res.status); }
      return res.json();
    })
    .then(function (s) { start(s.link_token, window.location.href); })
    .catch(function (err) {
      show("error", "The Link session is over",
        "plaidwalk is no longer waiting for this bank login (" + err.message + "). Start the Link step again from your terminal.");
    });
})();
