// The emulated Link's screens for Auth's typed-in flows (see screens.js for the helpers):
// Same-Day Micro-deposits' manual entry (routing number, account number, holder), Windowpane
// Bank's numbers for Instant Micro-deposits, the deposit-code screen and Instant Match's
// numbers. A refused entry comes back in s.formError and is shown above the button.
(function () {
  "use strict";
  var E = window.EmuScreens, h = E.h, screens = E.screens;

  function field(label, id, attrs) {
    var a = { id: id, name: id, autocomplete: "off", spellcheck: "false" };
    Object.keys(attrs || {}).forEach(function (k) { a[k] = attrs[k]; });
    var input = h("input", a);
    return { input: input, node: h("label", { "class": "field" }, [h("span", { text: label }), input]) };
  }
  function formError(s) {
    return s.formError ? h("p", { "class": "form-error", id: "form-error", role: "alert", text: s.formError }) : null;
  }
  function head(s) {
    var name = s.institution ? s.institution.name : "Your bank account";
    return h("div", { "class": "bank-head" }, [E.bankLogo(name, true), h("span", { "class": "name", text: name })]);
  }
  // form builds a screen's form: its fields, a hint, the inline error and the submit button.
  function form(s, fields, hintParts, label, submit) {
    var f = h("form", { novalidate: true, on: { submit: function (e) { e.preventDefault(); submit(); } } },
      fields.map(function (x) { return x.node || x; }).concat([E.hint(hintParts), formError(s),
        h("button", { type: "submit", id: "primary", "class": "btn btn-primary", text: label })]));
    setTimeout(function () { var first = f.querySelector("input"); if (first) { first.focus(); } }, 0);
    return f;
  }
  function digits(v) { return (v || "").replace(/\s+/g, ""); }
  function typeChoice(s) {
    var opts = [["checking", "Checking"], ["savings", "Savings"]].map(function (o) {
      var r = h("input", { type: "radio", name: "account-type", id: "type-" + o[0], value: o[0], checked: (s.numbers.subtype || "checking") === o[0] });
      return h("label", { "class": "acct", "for": "type-" + o[0] }, [r, h("span", { "class": "name", text: o[1] })]);
    });
    return h("div", { "class": "choices", id: "account-type" }, opts);
  }
  function chosenType() {
    var r = document.querySelector("input[name=account-type]:checked");
    return r ? r.value : "checking";
  }

  screens.numbers_routing = function (s, act) {
    var routing = field("Routing number", "routing", { inputmode: "numeric", maxlength: "9", value: s.numbers.routing || "" });
    return [head(s), h("h1", { id: "screen-title", text: "Enter your routing number" }),
      h("p", { "class": "lead", text: "The 9-digit number that names your bank, printed at the bottom left of a check." }),
      form(s, [routing], ["Test numbers: routing ", { code: "110000000" }, " (Same-Day Micro-deposits) or ", { code: "333333334" }, " (Instant Micro-deposits)."],
        "Continue", function () { act.routingEntered(digits(routing.input.value)); })];
  };

  screens.numbers_account = function (s, act) {
    var account = field("Account number", "account", { inputmode: "numeric", maxlength: "17" });
    var confirm = field("Confirm account number", "account-confirm", { inputmode: "numeric", maxlength: "17" });
    return [head(s), h("h1", { id: "screen-title", text: "Enter your account number" }),
      h("p", { "class": "lead", text: "Type it twice so a slip of the finger cannot send the deposit elsewhere." }),
      form(s, [account, confirm], ["Test account number: ", { code: "1111222233330000" }, "."], "Continue", function () {
        act.accountEntered(digits(account.input.value), digits(confirm.input.value));
      })];
  };

  screens.numbers_holder = function (s, act) {
    var name = field("Account holder's full name", "holder-name", { autocomplete: "name", value: s.numbers.name || "" });
    return [head(s), h("h1", { id: "screen-title", text: "Who holds this account?" }),
      h("p", { "class": "lead", text: "We'll send a $0.01 deposit to this account. Its description carries a 3-letter code you'll type later to confirm the account is yours." }),
      form(s, [name, typeChoice(s)], ["Any name will do in the Sandbox. The deposit's code is ", { code: "ABC" }, "."],
        "Authorize deposit", function () { act.holderEntered(name.input.value.trim(), chosenType()); })];
  };

  // numbers_bank: Windowpane Bank takes every number on one screen (Instant Micro-deposits).
  screens.numbers_bank = function (s, act) {
    var routing = field("Routing number", "routing", { inputmode: "numeric", maxlength: "9" });
    var account = field("Account number", "account", { inputmode: "numeric", maxlength: "17" });
    var name = field("Account holder's full name", "holder-name", { autocomplete: "name" });
    return [head(s), h("h1", { id: "screen-title", text: "Enter your account details" }),
      h("p", { "class": "lead", text: s.institution.name + " can receive an instant deposit: you'll confirm its code right after this." }),
      form(s, [routing, account, name, typeChoice(s)], ["Test numbers: routing ", { code: "333333334" }, ", account ", { code: "1111222233330000" }, "; any name."],
        "Send deposit", function () {
          act.bankNumbersEntered(digits(routing.input.value), digits(account.input.value), name.input.value.trim(), chosenType());
        })];
  };

  screens.code = function (s, act) {
    var v = s.verify || {};
    var code = field("Deposit code", "deposit-code", { maxlength: "3", autocapitalize: "characters", value: "" });
    var tries = v.tries_left === 1 ? "1 try left" : v.tries_left + " tries left";
    return [head(s), h("h1", { id: "screen-title", text: "Enter the code from your deposit" }),
      h("p", { "class": "lead", text: "Find the $0.01 deposit to the account ending in " + v.mask + ". Its description reads #XXX " +
        (s.clientName || "APP").slice(0, 11).toUpperCase() + " ACCTVERIFY: type the 3 letters after #. " + tries + "." }),
      form(s, [code], ["The Sandbox's deposit code is ", { code: "ABC" }, " (any case). Three wrong codes lock the account."],
        "Verify", function () { act.codeEntered(code.input.value.trim()); })];
  };

  screens.instant_match = function (s, act) {
    var m = s.match || {};
    var routing = field("Routing number", "routing", { inputmode: "numeric", maxlength: "9" });
    var account = field("Account number", "account", { inputmode: "numeric", maxlength: "17" });
    return [head(s), h("h1", { id: "screen-title", text: "Confirm your account numbers" }),
      h("p", { "class": "lead", text: s.institution.name + " shares only the last digits of " + m.name + " (•••• " + m.mask +
        "). Type its routing and account numbers so they can be checked against it." }),
      form(s, [routing, account], ["Test numbers: routing ", { code: "021000021" }, ", account ", { code: "1111222233331111" }, "."],
        "Confirm", function () { act.matchEntered(digits(routing.input.value), digits(account.input.value)); })];
  };
})();
