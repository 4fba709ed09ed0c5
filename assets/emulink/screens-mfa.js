// The emulated Link's security-check and OAuth screens (see screens.js for the helpers).
(function () {
  "use strict";
  var E = window.EmuScreens, h = E.h, screens = E.screens;

  screens.mfa = function (s, act) {
    var m = s.mfa, inst = s.institution;
    var head = h("div", { "class": "bank-head" }, [E.bankLogo(inst.name, true), h("span", { "class": "name", text: inst.name })]);
    if (m.type === "selections") {
      var chosen = null, go = E.primary("Submit", function () { act.submitMFA([chosen]); }, true);
      var boxes = m.choices.map(function (c) {
        var radio = h("input", { type: "radio", name: "choice", value: c });
        var label = h("label", { "class": "acct", "data-choice": c }, [radio, h("span", { "class": "name", text: c })]);
        radio.addEventListener("change", function () {
          chosen = c; go.disabled = false;
          boxes.forEach(function (b) { b.classList.toggle("sel", b === label); });
        });
        return label;
      });
      return [head, h("h1", { id: "screen-title", text: "One more check" }), h("p", { "class": "q", text: m.questions[0] }),
        h("div", { "class": "choices" }, boxes), E.hint([m.hint]), h("div", { "class": "grow" }), go];
    }
    var inputs = [], fields;
    if (m.type === "device") {
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
    var title = m.type === "device" ? "Enter your verification code" : "Answer your security questions";
    var lead = m.type === "device" ? inst.name + " sent a code to your " + m.device + "." :
      (m.rounds > 1 ? "Step " + m.round + " of " + m.rounds + ". " : "") + inst.name + " asks you to confirm it's you.";
    var form = h("form", { novalidate: true, on: { submit: function (e) {
      e.preventDefault();
      act.submitMFA(inputs.map(function (i) { return i.value; }));
    } } }, fields.concat([E.hint([m.hint]), h("button", { type: "submit", id: "primary", "class": "btn btn-primary", text: "Submit" })]));
    setTimeout(function () { inputs[0].focus(); }, 0);
    return [head, h("h1", { id: "screen-title", text: title }), h("p", { "class": "lead", text: lead }), form];
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
