// The emulated Link's last screens: account select, success, errors, and Hosted Link's end.
(function () {
  "use strict";
  var E = window.EmuScreens, h = E.h, screens = E.screens;

  // verificationNote is a plain-words note for an account Auth has not verified by login
  // (micro-deposits), so the person choosing it sees it is not ready yet.
  var VERIFICATION = {
    pending_automatic_verification: "verifying by micro-deposits",
    pending_manual_verification: "waiting for the deposit code",
    automatically_verified: "verified by micro-deposits",
    manually_verified: "verified by deposit code",
    verification_expired: "verification expired",
    verification_failed: "verification failed"
  };
  function verificationNote(a) {
    var words = a.verification_status && (VERIFICATION[a.verification_status] || a.verification_status);
    return words ? " · " + words : "";
  }

  screens.accounts = function (s, act) {
    var multi = !!s.multiSelect, chosen = {};
    var go = E.primary("Continue", function () { act.chooseAccounts(Object.keys(chosen)); }, true);
    var rows = s.accounts.map(function (a) {
      var box = h("input", { type: multi ? "checkbox" : "radio", name: "account", value: a.id });
      var label = h("label", { "class": "acct", "data-name": a.name, "data-mask": a.mask }, [box,
        h("div", { "class": "main" }, [h("div", { "class": "name", text: a.name }),
          h("div", { "class": "sub", text: a.subtype + " •••• " + a.mask + verificationNote(a) })]),
        h("span", { "class": "bal", text: E.money(a.available !== null ? a.available : a.current) })]);
      box.addEventListener("change", function () {
        if (!multi) { chosen = {}; }
        if (box.checked) { chosen[a.id] = true; } else { delete chosen[a.id]; }
        rows.forEach(function (r) { r.classList.toggle("sel", r.querySelector("input").checked); });
        go.disabled = Object.keys(chosen).length === 0;
      });
      return label;
    });
    return [
      h("div", { "class": "bank-head" }, [E.bankLogo(s.institution.name, true), h("span", { "class": "name", text: s.institution.name })]),
      h("h1", { id: "screen-title", text: multi ? "Choose accounts" : "Choose an account" }),
      h("p", { "class": "lead", text: (multi ? "Pick the accounts" : "Pick the account") + " to share with " + (s.clientName || "this app") + "." }),
      h("div", { id: "accounts" }, rows),
      h("div", { "class": "grow" }),
      go
    ];
  };

  // typedInNote is the success screen's words for an account linked by its numbers, which Plaid
  // hands over with no institution: pending its deposit code, or just verified.
  function typedInNote(s) {
    var a = s.successMetadata.accounts[0] || {};
    if (a.verification_status === "manually_verified") { return "Your account ending in " + a.mask + " is verified. " + (s.clientName || "The app") + " can now use it."; }
    return "We're sending a $0.01 deposit to your account ending in " + a.mask + ". In a day or two, come back to " + (s.clientName || "the app") + " and type the 3-letter code from its description.";
  }

  screens.connected = function (s, act) {
    var n = s.successMetadata.accounts.length;
    var bank = s.successMetadata.institution ? s.institution.name : "Your bank account";
    var lead = !s.successMetadata.institution ? typedInNote(s) :
      (n === 1 ? "Your " + bank + " account is" : "Your " + n + " " + bank + " accounts are") + (s.update ? " reconnected to " : " connected to ") + (s.clientName || "the app") + ".";
    return [
      h("div", { "class": "big-icon ok" }, [E.icon(E.ICONS.check, 38)]),
      h("h1", { "class": "center", id: "screen-title", text: "Success!" }),
      h("p", { "class": "lead center", id: "success-lead", text: lead }),
      h("div", { "class": "shared" }, [h("div", { "class": "shared-head" }, [E.bankLogo(bank, true), h("span", { text: bank })])]
        .concat(s.successMetadata.accounts.map(function (a) {
          return h("div", { "class": "shared-row" }, [h("span", { text: a.name }), h("span", { "class": "mask", text: "•••• " + a.mask })]);
        }))),
      h("div", { "class": "grow" }),
      E.primary("Continue", act.complete)
    ];
  };

  // Plain-language titles for the errors people meet most; others use the display_message.
  var TITLES = {
    ITEM_LOCKED: "Your account is locked",
    TOO_MANY_VERIFICATION_ATTEMPTS: "No tries left",
    MICRODEPOSITS_ALREADY_VERIFIED: "Already verified",
    INSTANT_MATCH_FAILED: "The numbers did not match",
    INVALID_CREDENTIALS: "The credentials were not correct",
    INVALID_MFA: "That answer was not correct",
    INSTITUTION_DOWN: "This bank is unavailable",
    INSTITUTION_NOT_RESPONDING: "This bank is not responding",
    INSTITUTION_NO_LONGER_SUPPORTED: "This bank is not supported",
    NO_ACCOUNTS: "No compatible accounts",
    INVALID_LINK_TOKEN: "This Link session is not valid"
  };
  // Words for errors that come without a display_message (they are meant for developers).
  var DETAILS = {
    INVALID_LINK_TOKEN: "The app opened Link with a link_token that is unknown or has expired. Create a new link_token and open Link again.",
    INTERNAL_SERVER_ERROR: "Something went wrong on our side. Please try again in a moment."
  };
  function sentence(text) { return text ? text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".") : ""; }
  var RETRY = { INVALID_CREDENTIALS: true, INVALID_MFA: true, INSUFFICIENT_CREDENTIALS: true };

  screens.error = function (s, act) {
    var err = s.error || {};
    var items = [
      h("div", { "class": "big-icon bad" }, [E.icon(E.ICONS.alert, 34)]),
      h("h1", { "class": "center", id: "screen-title", text: TITLES[err.error_code] || "Something went wrong" }),
      h("p", { "class": "lead center", text: err.display_message || DETAILS[err.error_code] || sentence(err.error_message) || "Link could not finish." }),
      h("div", { "class": "code", id: "error-code", text: err.error_type + " · " + err.error_code }),
      h("div", { "class": "grow" })
    ];
    if (RETRY[err.error_code] && s.institution) { items.push(E.primary("Try again", act.retry)); items.push(E.secondary("Exit", act.exit, "exit")); } else { items.push(E.primary("Exit", act.exit)); }
    return items;
  };

  screens.hosted_done = function (s, act) {
    var ok = !!s.publicToken;
    var items = [
      h("div", { "class": "big-icon " + (ok ? "ok" : "info") }, [E.icon(ok ? E.ICONS.check : E.ICONS.out, 36)]),
      h("h1", { "class": "center", id: "screen-title", text: ok ? "All done" : "Link closed" }),
      h("p", { "class": "lead center", text: (ok ? "Your account is connected. " : "Nothing was connected. ") + "You can close this window and go back to " + (s.clientName || "the app") + "." })
    ];
    if (s.completion) { items.push(h("div", { "class": "grow" })); items.push(E.primary("Return to " + (s.clientName || "the app"), act.leaveHosted)); }
    return items;
  };
})();
