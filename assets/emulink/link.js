// The emulated Link's controller: one Link session from open to onSuccess / onExit. It calls
// the emulator's private endpoints under /link/emulated/api/ and reports to the page that
// embeds it (Plaid.create's side, in link-initialize.js) with postMessage.
(function () {
  "use strict";
  var screens = window.EmuScreens.screens;
  var params = new URLSearchParams(window.location.search);
  var hostedPath = window.location.pathname.match(/^\/link\/emulated\/hosted\/([^/]+)$/);
  var hosted = !!hostedPath;
  var parentOrigin = params.get("origin");
  if (hosted || !/^https?:\/\/[^/?#]+$/.test(parentOrigin || "")) { parentOrigin = null; }

  var VIEW_NAMES = {
    consent: "CONSENT", search: "SELECT_INSTITUTION", credentials: "CREDENTIAL", mfa: "MFA", mfa_device: "MFA",
    oauth: "OAUTH", oauth_wait: "OAUTH", oauth_denied: "OAUTH", accounts: "SELECT_ACCOUNT",
    connected: "CONNECTED", error: "ERROR", loading: "LOADING", hosted_done: "EXIT",
    // Plaid reports its panes for typed-in numbers as NUMBERS; it names no pane of its own for
    // the deposit code or Instant Match's numbers in its docs, so those are NUMBERS too.
    numbers_routing: "NUMBERS", numbers_account: "NUMBERS", numbers_holder: "NUMBERS", numbers_bank: "NUMBERS",
    code: "NUMBERS", instant_match: "NUMBERS"
  };
  var BACK = { search: "consent", credentials: "search", oauth: "search", accounts: null,
    numbers_routing: "search", numbers_account: "numbers_routing", numbers_holder: "numbers_account", numbers_bank: "search" };
  // Refusals the person can fix on the same screen (a number or code the Sandbox does not take).
  var INLINE = { INVALID_FIELD: true, INVALID_ACCOUNT_NUMBER: true, INCORRECT_DEPOSIT_VERIFICATION: true };

  var s; // the session's state
  function fresh() {
    s = {
      token: hosted ? decodeURIComponent(hostedPath[1]) : (params.get("token") || ""),
      received: hosted ? "" : (params.get("received_redirect_uri") || ""),
      session: null, requestId: null, events: [], view: null, institution: null,
      institutions: [], clientName: "", multiSelect: false, error: null, status: null,
      mfa: null, accounts: [], fatal: null, done: false, resume: null, opened: false, update: false,
      manualEntry: false, numbers: {}, verify: null, match: null, formError: null, start: null
    };
  }

  function toParent(msg) {
    if (!parentOrigin) { return; }
    msg.source = "plaidwalk-emulink";
    window.parent.postMessage(msg, parentOrigin);
  }

  function api(name, body) {
    body.link_session_id = s.session;
    return fetch("/link/emulated/api/" + name, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), cache: "no-store"
    }).then(function (res) {
      return res.json().then(function (j) {
        if (j.request_id) { s.requestId = j.request_id; }
        if (!res.ok) { var e = new Error(j.error_message || "request failed"); e.plaid = j; throw e; }
        return j;
      });
    });
  }

  // metadata is onEvent's metadata: every key Plaid sends, null when it does not apply.
  function metadata(extra) {
    var m = {
      error_type: null, error_code: null, error_message: null, exit_status: null,
      institution_id: s.institution ? s.institution.institution_id : null,
      institution_name: s.institution ? s.institution.name : null,
      institution_search_query: null, mfa_type: null, view_name: VIEW_NAMES[s.view] || null,
      request_id: s.requestId, link_session_id: s.session, timestamp: new Date().toISOString()
    };
    Object.keys(extra || {}).forEach(function (k) { m[k] = extra[k]; });
    return m;
  }
  // track records an event. OPEN goes out at once; the rest travel with onSuccess / onExit.
  function track(name, extra) {
    var ev = { name: name, metadata: metadata(extra) };
    if (name === "OPEN") { toParent({ type: "event", name: ev.name, metadata: ev.metadata }); } else { s.events.push(ev); }
  }
  function flushEvents() { var e = s.events; s.events = []; return e; }
  // recentEvents is a copy of the last events for finish and exit, which a Hosted Link session's
  // EVENTS webhook carries; bounded so the request stays small.
  function recentEvents() { return s.events.slice(-40); }

  function show(view, loadingText) {
    var changed = s.view !== view;
    s.view = view;
    s.loadingText = loadingText;
    if (changed && s.opened && view !== "loading") {
      var md = { view_name: VIEW_NAMES[view] };
      if (VIEW_NAMES[view] === "MFA") { md.mfa_type = mfaType(); }
      track("TRANSITION_VIEW", md);
    }
    var root = document.getElementById("screen");
    root.textContent = "";
    root.dataset.view = view;
    screens[view](s, actions).forEach(function (node) { root.appendChild(node); });
    var back = document.getElementById("back");
    // Update mode opens at the Item's bank: there is no search to go back to.
    back.hidden = !BACK[view] || (s.update && BACK[view] === "search");
    document.getElementById("close").hidden = s.done;
  }

  // mfaType is onEvent's mfa_type for the security check on screen: the emulator names its
  // prompts with Plaid's values (device, code, questions, selections).
  function mfaType() { return s.mfa ? s.mfa.type : null; }

  // step shows what the emulator says comes next; an answer that arrives after Link was
  // closed (exit() while a request ran) is dropped.
  function step(r) {
    if (s.finished) { return; }
    if (r.link_session_id) { s.session = r.link_session_id; }
    if (r.institution) { s.institution = r.institution; }
    s.status = r.status || s.status;
    switch (r.next) {
      case "mfa":
        s.mfa = r.mfa;
        var view = r.mfa.type === "device" ? "mfa_device" : "mfa"; // choose where the code goes first
        s.status = statusOf(view); show(view); break;
      case "accounts": s.accounts = r.accounts; s.multiSelect = !!r.multi_select; show("accounts"); break;
      // Auth's typed-in flows: the deposit code (Instant Micro-deposits, or update mode), and
      // Instant Match's numbers for an account the bank shows only the mask of.
      case "code": s.verify = r.verify; s.status = "requires_code"; s.formError = null; show("code"); break;
      case "instant_match": s.match = r.match; s.formError = null; show("instant_match"); break;
      // update mode: the login repaired the Item; no account select, onSuccess follows.
      case "connected": s.publicToken = r.public_token; s.successMetadata = r.metadata; s.done = true; show("connected"); break;
      case "oauth_denied": track("FAIL_OAUTH"); show("oauth_denied"); break;
      default: fail(r.error, r.status);
    }
  }

  function fail(err, status) {
    s.error = err || { error_type: "API_ERROR", error_code: "INTERNAL_SERVER_ERROR", error_message: "unexpected answer from the emulator", display_message: null };
    if (status) { s.status = status; }
    track("ERROR", { error_type: s.error.error_type, error_code: s.error.error_code, error_message: s.error.error_message });
    show("error");
  }
  function failed(e) { if (!s.finished) { fail(e.plaid ? e.plaid : null); } }

  function statusOf(view) {
    switch (view) {
      case "search": return "institution_not_found";
      case "credentials": return "requires_credentials";
      case "mfa_device": return "choose_device";
      case "mfa": return s.mfa && s.mfa.type === "code" ? "requires_code" : s.mfa && s.mfa.type === "selections" ? "requires_selections" : "requires_questions";
      case "oauth": case "oauth_wait": case "oauth_denied": return "requires_oauth";
      case "accounts": case "instant_match": return "requires_account_selection";
      case "code": return "requires_code";
      case "error": return s.status;
    }
    return null;
  }

  // Searches are reported once typing pauses; a pick before that reports the search first,
  // so SEARCH_INSTITUTION never lands after the session has moved on.
  var searchTimer = null, pendingQuery = "";
  function reportSearch() {
    clearTimeout(searchTimer);
    searchTimer = null;
    if (pendingQuery) { track("SEARCH_INSTITUTION", { institution_search_query: pendingQuery }); }
    pendingQuery = "";
  }
  var actions = {
    toSearch: function () { show("search"); },
    searched: function (q) {
      clearTimeout(searchTimer);
      pendingQuery = q;
      if (q) { searchTimer = setTimeout(reportSearch, 300); }
    },
    chooseInstitution: function (inst) {
      reportSearch();
      s.institution = inst;
      track("SELECT_INSTITUTION");
      // Plaid reports picking a bank whose health is poor with an event of its own, as Link
      // warns about it (the Sandbox's Unhealthy Platypus banks are degraded and down).
      if (inst.status === "degraded") { track("SELECT_DEGRADED_INSTITUTION"); }
      if (inst.status === "down") { track("SELECT_DOWN_INSTITUTION"); }
      show(inst.oauth ? "oauth" : inst.numbers ? "numbers_bank" : "credentials");
    },
    submitCredentials: function (user, pass) {
      track("SUBMIT_CREDENTIALS");
      show("loading", "Connecting to " + s.institution.name + "…");
      api("login", { institution_id: s.institution.institution_id, username: user, password: pass }).then(step, failed);
    },
    submitMFA: function (answers) {
      track("SUBMIT_MFA", { mfa_type: mfaType() });
      show("loading", "Checking…");
      api("mfa", { answers: answers }).then(step, failed);
    },
    startOAuth: function () { startOAuth(); },
    reopenOAuth: function () { if (s.oauth) { openBankWindow(); } },
    chooseAccounts: function (ids) {
      // Plaid has no onEvent for choosing accounts (SELECT_ACCOUNT is only a view_name).
      show("loading", "Connecting your account…");
      api("finish", { account_ids: ids, events: recentEvents() }).then(connectedOr, failed);
    },
    manualEntry: function () {
      reportSearch();
      s.institution = null; s.numbers = {}; s.formError = null;
      show("numbers_routing");
    },
    routingEntered: function (routing) {
      if (!/^\d{9}$/.test(routing)) { formError("numbers_routing", "A routing number has 9 digits."); return; }
      s.numbers.routing = routing; s.formError = null;
      track("SUBMIT_ROUTING_NUMBER", { routing_number: routing });
      show("numbers_account");
    },
    accountEntered: function (account, confirm) {
      if (!/^\d{4,17}$/.test(account)) { formError("numbers_account", "An account number has 4 to 17 digits."); return; }
      if (account !== confirm) { formError("numbers_account", "The two account numbers differ. Type the same number twice."); return; }
      s.numbers.account = account; s.formError = null;
      track("SUBMIT_ACCOUNT_NUMBER", { account_number_mask: account.slice(-4) });
      show("numbers_holder");
    },
    holderEntered: function (name, subtype) {
      if (!name) { formError("numbers_holder", "Type the name on the account."); return; }
      s.numbers.name = name; s.numbers.subtype = subtype;
      submitNumbers("", s.numbers.routing, s.numbers.account, "numbers_routing");
    },
    bankNumbersEntered: function (routing, account, name, subtype) {
      if (!/^\d{9}$/.test(routing) || !/^\d{4,17}$/.test(account) || !name) {
        formError("numbers_bank", "Type a 9-digit routing number, a 4 to 17 digit account number and the holder's name."); return;
      }
      s.numbers = { name: name, subtype: subtype };
      track("SUBMIT_ROUTING_NUMBER", { routing_number: routing });
      track("SUBMIT_ACCOUNT_NUMBER", { account_number_mask: account.slice(-4) });
      submitNumbers(s.institution.institution_id, routing, account, "numbers_bank");
    },
    codeEntered: function (code) {
      if (!code) { formError("code", "Type the 3-letter code from the deposit."); return; }
      show("loading", "Checking the code…");
      api("code", { code: code, events: recentEvents() }).then(connectedOr, inlineOr("code", function (p) {
        if (p.error_code === "INCORRECT_DEPOSIT_VERIFICATION" && s.verify) { s.verify.tries_left = Math.max(0, s.verify.tries_left - 1); }
      }));
    },
    matchEntered: function (routing, account) {
      show("loading", "Checking your numbers…");
      api("match", { routing: routing, account: account, events: recentEvents() }).then(connectedOr, failed);
    },
    complete: function () {
      track("HANDOFF");
      toParent({ type: "success", public_token: s.publicToken, metadata: s.successMetadata, events: flushEvents() });
      finish();
    },
    retry: function () { s.error = null; show("credentials"); },
    exit: function () { exitLink(); },
    leaveHosted: function () { window.location.assign(s.completion); }
  };

  // connectedOr shows Link's success when the answer carries a public_token, else the next step.
  function connectedOr(r) {
    if (s.finished) { return; }
    if (r.public_token) { s.publicToken = r.public_token; s.successMetadata = r.metadata; s.done = true; show("connected"); return; }
    step(r);
  }
  // formError keeps the person on a form with a note saying what to fix; Plaid's Link reports
  // such a refusal with an ERROR event too.
  function formError(view, text, plaidErr) {
    s.formError = text;
    if (plaidErr) { track("ERROR", { error_type: plaidErr.error_type, error_code: plaidErr.error_code, error_message: plaidErr.error_message }); }
    show(view);
  }
  // inlineOr handles a failed request: a refusal the person can fix goes back to view with its
  // message, anything else ends on the error screen.
  function inlineOr(view, also) {
    return function (e) {
      var p = e.plaid;
      if (s.finished || !p || !INLINE[p.error_code]) { failed(e); return; }
      if (also) { also(p); }
      formError(view, p.display_message || (p.error_message.charAt(0).toUpperCase() + p.error_message.slice(1)), p);
    };
  }
  function submitNumbers(institutionID, routing, account, backTo) {
    s.formError = null;
    show("loading", "Sending the deposit…");
    api("numbers", { institution_id: institutionID, routing: routing, account: account, holder_name: s.numbers.name,
      subtype: s.numbers.subtype, events: recentEvents() }).then(connectedOr, inlineOr(backTo));
  }

  // startOAuth sends the user to the bank: the whole tab when the link token has a
  // redirect_uri (the bank sends it back there), otherwise a pop-up that reports back here.
  function startOAuth() {
    show("loading", "Opening " + s.institution.name + "…");
    api("oauth/start", { institution_id: s.institution.institution_id }).then(function (r) {
      s.oauth = r.oauth;
      track("OPEN_OAUTH");
      if (r.oauth.mode === "redirect") {
        toParent({ type: "navigate", url: r.oauth.bank_url, events: flushEvents() });
        return;
      }
      var w = openBankWindow();
      if (!w) {
        fail({ error_type: "OAUTH_ERROR", error_code: "OAUTH_POPUP_BLOCKED", error_message: "the browser blocked the bank's pop-up window", display_message: "Your browser blocked the bank's window. Allow pop-ups for this page and try again." }, "requires_oauth");
        return;
      }
      show("oauth_wait");
    }, failed);
  }

  // openBankWindow opens (or brings back) the pop-up for the OAuth trip already started.
  function openBankWindow() {
    if (s.oauthWindow && !s.oauthWindow.closed) { s.oauthWindow.focus(); return s.oauthWindow; }
    s.oauthWindow = window.open(s.oauth.bank_url, "plaidwalk-oauth-bank", "popup,width=480,height=720");
    return s.oauthWindow;
  }

  window.addEventListener("message", function (ev) {
    var m = ev.data || {};
    if (ev.origin !== window.location.origin || m.source !== "plaidwalk-bank" || !s.oauth || m.oauth_state_id !== s.oauth.oauth_state_id) { return; }
    track("CLOSE_OAUTH");
    show("loading", "Finishing up with " + s.institution.name + "…");
    api("oauth/resume", { oauth_state_id: s.oauth.oauth_state_id }).then(step, failed);
  });

  // exitLink closes Link with onExit. The user's close (and the host's exit()) hands over a
  // public_token already made, as Link does once the bank is connected; exit({force: true})
  // closes at once with onExit whatever the screen.
  function exitLink(opts) {
    var force = !!(opts && opts.force);
    if (!force && s.done && s.publicToken) { actions.complete(); return; }
    reportSearch();
    var status = s.view === "error" ? s.status : statusOf(s.view);
    track("EXIT", { exit_status: status });
    var send = function (error, md) {
      md.request_id = s.requestId;
      toParent({ type: "exit", error: error, metadata: md, events: flushEvents() });
      finish();
    };
    if (!s.session) {
      send(s.fatal, { institution: null, status: null, link_session_id: null });
      return;
    }
    api("exit", { status: status || "", events: recentEvents() }).then(function (r) { send(r.error || null, r.metadata); }, function () {
      send(s.error, { institution: s.institution ? { name: s.institution.name, institution_id: s.institution.institution_id } : null, status: status, link_session_id: s.session });
    });
  }

  function finish() {
    s.done = true;
    if (hosted) { show("hosted_done"); return; }
    s.finished = true;
  }

  // boot starts a session with the emulator, then tells the page Link has loaded.
  function boot(then) {
    fresh();
    api("session", { link_token: s.token, received_redirect_uri: s.received }).then(function (r) {
      s.session = r.link_session_id; s.clientName = r.client_name || ""; s.institutions = r.institutions || [];
      s.multiSelect = !!r.multi_select; s.completion = r.completion_redirect_uri || "";
      s.manualEntry = !!r.manual_entry;
      if (r.update && r.institution) { s.update = true; s.institution = r.institution; }
      // Update mode on an Item of typed-in numbers opens on its deposit code (or why not).
      if (r.update && !r.institution) { s.update = true; s.start = r; } else if (r.next) { s.resume = r; }
      then();
    }, function (e) {
      s.fatal = e.plaid ? { error_type: e.plaid.error_type, error_code: e.plaid.error_code, error_message: e.plaid.error_message, display_message: e.plaid.display_message } : null;
      then();
    });
  }

  function open() {
    if (s.finished) { boot(open); return; }
    s.opened = true;
    var first = s.fatal ? "error" : s.resume ? "resume" : s.start ? "start" : s.update ? (s.institution.oauth ? "oauth" : "credentials") : "consent";
    if (first === "error") { s.error = s.fatal; }
    if (first === "start") {
      s.view = "code";
      track("OPEN");
      var r = s.start; s.start = null;
      if (r.next === "code") { step(r); } else { fail(r.error, r.status); }
      return;
    }
    s.view = first === "resume" ? "oauth" : first;
    track("OPEN");
    if (first === "resume") { track("CLOSE_OAUTH"); step(s.resume); s.resume = null; } else { show(first); }
  }

  window.addEventListener("message", function (ev) {
    if (!parentOrigin || ev.source !== window.parent || ev.origin !== parentOrigin) { return; }
    var m = ev.data || {};
    if (m.source !== "plaidwalk-host") { return; }
    if (m.type === "open") { open(); }
    if (m.type === "exit" && s.opened && !s.finished) { exitLink({ force: !!m.force }); }
    // submit(data) feeds Link data it asked the app for: Plaid uses it for the phone number of
    // Layer and returning-user flows. The emulated Link has neither flow, so it takes the data
    // and does nothing with it (it never throws, as Plaid's does not for a flow not running).
  });
  document.getElementById("close").addEventListener("click", function () { exitLink(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && s.opened && !s.done && s.view !== "loading") { exitLink(); }
  });
  document.getElementById("back").addEventListener("click", function () { if (BACK[s.view]) { show(BACK[s.view]); } });
  if (hosted) { document.body.classList.add("hosted"); }

  boot(function () {
    if (hosted) { open(); } else { show("loading"); toParent({ type: "ready" }); }
  });
})();
