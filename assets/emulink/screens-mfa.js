// The emulated Link's security-check and OAuth screens (see screens.js for the helpers).
(function () {
  "use strict";
  var E = window.EmuScreens, h = E.h, screens = E.screens;

  screens.mfa = function (s, act) {
    var m = s.mfa, inst = s.institution;
    var head = h("div", { "class": "bank-head" }, [E.bankLogo(inst.name, true), h("span", { "class": "name", text: inst.name })]);
    if (m.type === "selections") {
      // One group of choices per question; Submit waits for an answer to each.
      var chosen = m.questions.map(function () { return null; });
      var go = E.primary("Submit", function () { act.submitMFA(chosen); }, true);
      var groups = m.questions.map(function (q, i) {
        var boxes = (m.choices[i] || []).map(function (c) {
          var radio = h("input", { type: "radio", name: "choice-" + i, value: c });
          var label = h("label", { "class": "acct", "data-choice": c }, [radio, h("span", { "class": "name", text: c })]);
          radio.addEventListener("change", function () {
            chosen[i] = c;
            go.disabled = chosen.indexOf(null) >= 0;
            boxes.forEach(function (b) { b.classList.toggle("sel", b === label); });
          });
          return label;
        });
        return [h("p", { "class": "q", text: q }), h("div", { "class": "choices" }, boxes)];
      });
      var lead = m.rounds > 1 ? [h("p", { "class": "lead", text: "Step " + m.round + " of " + m.rounds + "." })] : [];
      return [head, h("h1", { id: "screen-title", text: "One more check" })].concat(lead, [].concat.apply([], groups),
        [E.hint([m.hint]), h("div", { "class": "grow" }), go]);
    }
    var inputs = [], fields;
    if (m.type === "code") {
      var code = h("input", { id: "mfa-0", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "8" });
      inputs.push(code);
      fields = [h("label", { "class": "field" }, [h("span", { text: "Verification code" }), code])];
    } else {
      fields = m.questions.map(function (q, i) {
        var inp = h("input", { id: "mfa-" + i, autocomplete: "off", autocapitalize: "off", spellcheck: "false" });
        inputs.push(inp);
        return h("label", { "class": "field" }, [h("span", { text: q }), inp]);
      });
    }
    var title = m.type === "code" ? "Enter your verification code" : "Answer your security questions";
    var lead = m.type === "code" ? codeSentTo(inst.name, m.device) :
      (m.rounds > 1 ? "Step " + m.round + " of " + m.rounds + ". " : "") + inst.name + " asks you to confirm it's you.";
    var form = h("form", { novalidate: true, on: { submit: function (e) {
      e.preventDefault();
      act.submitMFA(inputs.map(function (i) { return i.value; }));
    } } }, fields.concat([E.hint([m.hint]), h("button", { type: "submit", id: "primary", "class": "btn btn-primary", text: "Submit" })]));
    setTimeout(function () { inputs[0].focus(); }, 0);
    return [head, h("h1", { id: "screen-title", text: title }), h("p", { "class": "lead", text: lead }), form];
  };

  // How each way of sending a code is named on the device screen, and its icon.
  var METHODS = {
    sms: { name: "Text message", icon: "chat" },
    voice: { name: "Voice call", icon: "phone" },
    email: { name: "Email", icon: "mail" }
  };

  // codeSentTo is the code screen's lead: where the code went, in the words of how it went.
  function codeSentTo(bank, d) {
    if (!d) { return bank + " sent you a code."; }
    if (d.method === "voice") { return bank + " is calling your " + d.target + " to read you a code."; }
    if (d.method === "email") { return bank + " emailed a code to " + d.target + "."; }
    return bank + " texted a code to your " + d.target + ".";
  }

  // The device screen: the bank needs a one-time code and asks where to send it first.
  screens.mfa_device = function (s, act) {
    var m = s.mfa, inst = s.institution, chosen = null;
    var go = h("button", { type: "submit", id: "primary", "class": "btn btn-primary", disabled: true, text: "Continue" });
    var rows = m.devices.map(function (d) {
      var how = METHODS[d.method] || { name: d.method, icon: "chat" };
      var radio = h("input", { type: "radio", name: "device", value: d.id, id: "device-" + d.id });
      var row = h("label", { "class": "acct", "for": "device-" + d.id, "data-device": d.id }, [radio,
        h("span", { "class": "dev-icon" }, [E.icon(E.ICONS[how.icon])]),
        h("div", { "class": "main" }, [h("div", { "class": "name", text: how.name }), h("div", { "class": "sub", text: d.target })])]);
      radio.addEventListener("change", function () {
        chosen = d.id; go.disabled = false;
        rows.forEach(function (r) { r.classList.toggle("sel", r === row); });
      });
      return row;
    });
    var form = h("form", { novalidate: true, "class": "fill", on: { submit: function (e) {
      e.preventDefault();
      if (chosen) { act.submitMFA([chosen]); }
    } } }, [
      h("fieldset", { "class": "devices", id: "devices" }, [h("legend", { "class": "sr-only", text: "Send the code by" })].concat(rows)),
      E.hint([m.hint]), h("div", { "class": "grow" }), go
    ]);
    setTimeout(function () { rows[0].querySelector("input").focus(); }, 0);
    return [
      h("div", { "class": "bank-head" }, [E.bankLogo(inst.name, true), h("span", { "class": "name", text: inst.name })]),
      h("h1", { id: "screen-title", text: "Where should your code go?" }),
      h("p", { "class": "lead", text: inst.name + " wants a one-time code to make sure it's you. Pick how you'd like to get it." }),
      form
    ];
  };

  screens.oauth = function (s, act) {
    var inst = s.institution;
    return [
      h("div", { "class": "logos" }, [E.bankLogo(inst.name), h("span", { "class": "logo-link" }, [E.icon(E.ICONS.out, 26)])]),
      h("h1", { "class": "center", id: "screen-title", text: "Log in at " + inst.name }),
      h("p", { "class": "lead center", text: inst.name + " asks you to log in on its own site. You'll confirm what to share there, then come right back here." }),
      E.hint(["Test bank: just approve on the bank's page; no password is needed."]),
      h("div", { "class": "grow" }),
      E.primary("Continue to " + inst.name, act.startOAuth)
    ];
  };

  screens.oauth_wait = function (s, act) {
    return [
      h("div", { "class": "spinner" }),
      h("h1", { "class": "center", id: "screen-title", text: "Finish at " + s.institution.name }),
      h("p", { "class": "lead center", text: "A window from your bank is open. Approve the connection there and this screen moves on by itself." }),
      h("div", { "class": "grow" }),
      E.secondary("Reopen the bank's window", act.reopenOAuth, "reopen-oauth")
    ];
  };

  screens.oauth_denied = function (s, act) {
    return [
      h("div", { "class": "big-icon info" }, [E.icon(E.ICONS.bank, 34)]),
      h("h1", { "class": "center", id: "screen-title", text: "Access not granted" }),
      h("p", { "class": "lead center", text: "You didn't allow " + s.institution.name + " to share your accounts, so nothing was connected." }),
      h("div", { "class": "grow" }),
      E.primary("Try again", act.startOAuth),
      E.secondary("Exit", act.exit, "exit")
    ];
  };
})();
