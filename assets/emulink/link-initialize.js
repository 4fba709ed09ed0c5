// plaidwalk's emulated Plaid Link: a drop-in for Plaid's link-initialize.js, served by the
// offline emulator. Plaid.create(config) returns {open, exit, destroy, submit}; open() shows
// Link in a full-page iframe from the emulator's origin, which talks back with postMessage.
(function () {
  "use strict";
  var script = document.currentScript;
  var linkOrigin = new URL(script ? script.src : window.location.href).origin;
  var FRAME_SOURCE = "plaidwalk-emulink";

  function create(config) {
    if (!config || typeof config.token !== "string" || config.token === "") {
      throw new Error("Plaid.create: config.token must be the link_token from /link/token/create");
    }
    if (typeof config.onSuccess !== "function") {
      throw new Error("Plaid.create: config.onSuccess is required");
    }
    var query = new URLSearchParams({ token: config.token, origin: window.location.origin });
    if (config.receivedRedirectUri) { query.set("received_redirect_uri", config.receivedRedirectUri); }

    var frame = document.createElement("iframe");
    frame.src = linkOrigin + "/link/v2/stable/link.html?" + query.toString();
    frame.title = "Plaid Link (plaidwalk emulator)";
    frame.id = "plaid-link-iframe-" + Math.random().toString(36).slice(2, 10);
    var st = frame.style;
    st.position = "fixed"; st.top = "0"; st.left = "0"; st.width = "100%"; st.height = "100%";
    st.border = "0"; st.margin = "0"; st.padding = "0"; st.zIndex = "2147483647";
    st.display = "none"; st.background = "transparent"; st.colorScheme = "normal";
    document.body.appendChild(frame);

    var loaded = false, wantOpen = false, destroyed = false;

    function send(msg) {
      if (!frame.contentWindow) { return; }
      msg.source = "plaidwalk-host";
      frame.contentWindow.postMessage(msg, linkOrigin);
    }
    function show() { frame.style.display = "block"; send({ type: "open" }); }
    function hide() { frame.style.display = "none"; }
    function replay(events) {
      (events || []).slice().sort(function (a, b) {
        return String(a.metadata.timestamp).localeCompare(String(b.metadata.timestamp));
      }).forEach(function (ev) {
        if (typeof config.onEvent === "function") { config.onEvent(ev.name, ev.metadata); }
      });
    }

    function onMessage(ev) {
      // Only our own frame, from the emulator's origin, may drive the callbacks.
      if (ev.origin !== linkOrigin || ev.source !== frame.contentWindow) { return; }
      var m = ev.data;
      if (!m || m.source !== FRAME_SOURCE) { return; }
      switch (m.type) {
        case "ready":
          loaded = true;
          if (typeof config.onLoad === "function") { config.onLoad(); }
          if (wantOpen) { wantOpen = false; show(); }
          break;
        case "event":
          replay([m]);
          break;
        case "success":
          hide(); replay(m.events);
          config.onSuccess(m.public_token, m.metadata);
          break;
        case "exit":
          hide(); replay(m.events);
          if (typeof config.onExit === "function") { config.onExit(m.error || null, m.metadata); }
          break;
        case "navigate":
          // The OAuth bank takes over the whole tab; it sends the user back to the redirect_uri.
          if (new URL(m.url).origin === linkOrigin) { replay(m.events); window.location.assign(m.url); }
          break;
      }
    }
    window.addEventListener("message", onMessage);

    return {
      open: function () {
        if (destroyed) { return; }
        if (!loaded) { wantOpen = true; return; } // Plaid defers open() until Link has loaded
        show();
      },
      // exit() closes Link as the user's close would; exit({force: true}) closes at once. Both
      // end in onExit (with the public_token in onSuccess instead once a bank is connected,
      // unless forced).
      exit: function (opts) {
        if (loaded && !destroyed) { send({ type: "exit", force: !!(opts && opts.force) }); }
      },
      destroy: function () {
        destroyed = true;
        window.removeEventListener("message", onMessage);
        if (frame.parentNode) { frame.parentNode.removeChild(frame); }
      },
      // submit(data) is how an app hands Link a phone number (Layer, returning users). The
      // emulated Link runs neither flow: it accepts any data, ignores it and never throws.
      submit: function (data) {
        if (!loaded || destroyed) { return; }
        try { send({ type: "submit", data: JSON.parse(JSON.stringify(data === undefined ? null : data)) }); } catch (e) { /* not JSON: nothing to hand over */ }
      }
    };
  }

  window.Plaid = { create: create, version: "plaidwalk-emulated-1" };
})();
