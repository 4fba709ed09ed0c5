// The emulated Link's screens. Each takes the session state and the actions it may call and
// returns its DOM; nothing here talks to the network. Text goes in through textContent only.
(function () {
  "use strict";

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === "text") { el.textContent = v; } else if (k === "on") {
        Object.keys(v).forEach(function (evt) { el.addEventListener(evt, v[evt]); });
      } else { el.setAttribute(k, v === true ? "" : v); }
    });
    (children || []).forEach(function (c) {
      if (c) { el.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return el;
  }

  var SVG = "http://www.w3.org/2000/svg";
  function icon(path, size) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("viewBox", "0 0 24 24"); s.setAttribute("width", size || 18); s.setAttribute("height", size || 18);
    s.setAttribute("aria-hidden", "true");
    var p = document.createElementNS(SVG, "path");
    p.setAttribute("d", path); p.setAttribute("fill", "none"); p.setAttribute("stroke", "currentColor");
    p.setAttribute("stroke-width", "2.2"); p.setAttribute("stroke-linecap", "round"); p.setAttribute("stroke-linejoin", "round");
    s.appendChild(p);
    return s;
  }
  var ICONS = {
    lock: "M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 017 0v3",
    eye: "M2 12s3.6-6 10-6 10 6 10 6-3.6 6-10 6S2 12 2 12zM12 14.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z",
    link: "M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1",
    check: "M5 12.5l4.5 4.5L19 7.5",
    alert: "M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 001.7 3h15.8a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z",
    search: "M11 18a7 7 0 100-14 7 7 0 000 14zM20 20l-4-4",
    bank: "M3 10l9-6 9 6M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18",
    out: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 01-1 1H5a1 1 0 01-1-1V7a1 1 0 011-1h5",
    chat: "M4 5h16v11H10l-5 4v-4H4z",
    phone: "M8 3h8a1 1 0 011 1v16a1 1 0 01-1 1H8a1 1 0 01-1-1V4a1 1 0 011-1zM11 18h2",
    mail: "M3 6h18v12H3zM3 7l9 6 9-6"
  };

  // Each bank gets a steady colour and its initials, so the list reads like real logos.
  var COLORS = ["#1f5fbf", "#0a7a5a", "#7a3fbf", "#bf4b1f", "#0f6f8f", "#8f2a55", "#3d5a1f", "#5a4a1f"];
  function bankLogo(name, small) {
    var sum = 0;
    for (var i = 0; i < name.length; i++) { sum = (sum * 31 + name.charCodeAt(i)) >>> 0; }
    var initials = name.replace(/[^A-Za-z ]/g, "").split(/\s+/).filter(Boolean).slice(0, 2)
      .map(function (w) { return w[0].toUpperCase(); }).join("");
    var el = h("span", { "class": "logo" + (small ? " sm" : ""), text: initials, "aria-hidden": "true" });
    el.style.background = COLORS[sum % COLORS.length];
    return el;
  }

  function primary(label, onClick, disabled) {
    return h("button", { type: "button", id: "primary", "class": "btn btn-primary", disabled: !!disabled, text: label, on: { click: onClick } });
  }
  function secondary(label, onClick, id) {
    return h("button", { type: "button", id: id || "secondary", "class": "btn btn-secondary", text: label, on: { click: onClick } });
  }
  function hint(parts) {
    return h("div", { "class": "hint", role: "note" }, parts.map(function (p) {
      return p.code ? h("code", { text: p.code }) : p;
    }));
  }
  function money(v) {
    return typeof v === "number" ? "$" + v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "";
  }
  function clientName(s) { return s.clientName || "This app"; }

  var screens = {};

  screens.loading = function (s) {
    return [h("div", { "class": "spinner", role: "progressbar", "aria-label": "Loading" }),
      h("p", { "class": "lead center", id: "screen-title", text: s.loadingText || "One moment…" })];
  };

  screens.consent = function (s, act) {
    var point = function (ic, title, text) {
      return h("li", {}, [h("span", { "class": "dot" }, [icon(ICONS[ic])]), h("div", {}, [h("strong", { text: title }), h("span", { "class": "t", text: text })])]);
    };
    return [
      h("div", { "class": "logos" }, [h("span", { "class": "logo logo-app", text: clientName(s).charAt(0).toUpperCase() }), h("span", { "class": "logo-link" }, [icon(ICONS.link, 28)]), h("span", { "class": "logo logo-bank", "aria-hidden": "true" }, [icon(ICONS.bank, 26)])]),
      h("h1", { "class": "center", id: "screen-title", text: clientName(s) + " uses Link to connect your bank account" }),
      h("ul", { "class": "points" }, [
        point("lock", "Connect in seconds", "Pick your bank and log in. Link passes a one-time token back to the app."),
        point("eye", "You stay in control", "You choose which accounts to share, and nothing is shared until you confirm."),
        point("bank", "Practice mode", "This is plaidwalk's offline emulator: the banks and accounts are test data.")
      ]),
      h("div", { "class": "grow" }),
      h("p", { "class": "fine", text: "By continuing you agree to connect a test account. No real bank is contacted." }),
      primary("Continue", act.toSearch)
    ];
  };

  screens.search = function (s, act) {
    var input = h("input", { type: "search", id: "search", placeholder: "Search for your bank", autocomplete: "off", "aria-label": "Search banks", value: s.query || "" });
    var list = h("ul", { "class": "list", id: "institutions" });
    function fill() {
      var q = input.value.trim().toLowerCase();
      list.textContent = "";
      var shown = s.institutions.filter(function (i) { return !q || i.name.toLowerCase().indexOf(q) !== -1; });
      shown.forEach(function (inst) {
        var sub = inst.oauth ? "Log in on the bank's own site" : inst.numbers ? "Link with your account numbers" : "Log in with your username and password";
        var warn = inst.status === "down" ? "Currently unavailable" : inst.status === "degraded" ? "Connections may be slow" : "";
        list.appendChild(h("li", {}, [h("button", { type: "button", "class": "inst", "data-id": inst.institution_id, on: { click: function () { act.chooseInstitution(inst); } } }, [
          bankLogo(inst.name, true),
          h("div", {}, [h("div", { "class": "name", text: inst.name }), h("div", { "class": "sub" + (warn ? " warn" : ""), text: warn || sub })])
        ])]));
      });
      if (!shown.length) { list.appendChild(h("li", { "class": "empty", text: "No bank matches “" + input.value.trim() + "”. Try “Platypus”." })); }
    }
    input.addEventListener("input", function () { s.query = input.value; fill(); act.searched(input.value.trim()); });
    fill();
    setTimeout(function () { input.focus(); }, 0);
    var items = [
      h("h1", { id: "screen-title", text: "Select your bank" }),
      h("div", { "class": "search" }, [icon(ICONS.search), input]),
      list
    ];
    // Same-Day Micro-deposits: a bank that is not listed can still be linked with its numbers.
    if (s.manualEntry) {
      items.push(h("button", { type: "button", id: "manual-entry", "class": "btn btn-secondary", text: "Link with account numbers", on: { click: act.manualEntry } }));
    }
    return items;
  };

  screens.credentials = function (s, act) {
    var inst = s.institution;
    var user = h("input", { id: "username", name: "username", autocomplete: "username", autocapitalize: "off", spellcheck: "false" });
    var pass = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password" });
    var form = h("form", { novalidate: true, on: { submit: function (e) { e.preventDefault(); if (user.value && pass.value) { act.submitCredentials(user.value, pass.value); } } } }, [
      h("label", { "class": "field" }, [h("span", { text: "Username" }), user]),
      h("label", { "class": "field" }, [h("span", { text: "Password" }), pass]),
      hint(["Test login: ", { code: "user_good" }, " / ", { code: "pass_good" }, ". With ", { code: "user_good" }, ", the password ", { code: "mfa_device" }, " asks for a code first, and ", { code: "error_ITEM_LOCKED" }, " fails with that error; ", { code: "user_custom" }, " takes a JSON configuration as its password."]),
      h("button", { type: "submit", id: "primary", "class": "btn btn-primary", text: "Submit" })
    ]);
    setTimeout(function () { user.focus(); }, 0);
    return [
      h("div", { "class": "bank-head" }, [bankLogo(inst.name, true), h("span", { "class": "name", text: inst.name })]),
      h("h1", { id: "screen-title", text: s.update ? "Log in again" : "Enter your credentials" }),
      h("p", { "class": "lead", text: s.update
        ? clientName(s) + " lost its connection to " + inst.name + ". Log in with your online banking username and password to reconnect it."
        : "Log in with the username and password you use for " + inst.name + "'s online banking." }),
      form
    ];
  };

  window.EmuScreens = { h: h, icon: icon, ICONS: ICONS, bankLogo: bankLogo, primary: primary, secondary: secondary, hint: hint, money: money, screens: screens };
})();
