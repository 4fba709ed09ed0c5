package linkserver_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testMFA answers each kind of Sandbox security check the way its hint says. The username is
// user_good and the password picks the check (user_custom's configuration may ask one too).
// The device check picks where the code goes before the code is typed, so its screens come one
// after the other.
func testMFA(t *testing.T, browser context.Context) {
	type act = func(*chromedp.Node) chromedp.Action[chromedp.Void]
	cases := []struct {
		user, password, view string
		mfaTypes             []string // each on a TRANSITION_VIEW into MFA and on a SUBMIT_MFA
		answer               []act
	}{
		{"user_good", "mfa_device", "mfa_device", []string{"device", "code"}, []act{click(`label.acct[data-device="phone_voice"]`), click("#primary"),
			waitView("mfa"), leadSays("is calling your phone ending in 4321"), typeInto("#mfa-0", "1234"), click("#primary")}},
		{"user_good", "mfa_questions_1_2", "mfa", []string{"questions"}, []act{typeInto("#mfa-0", "answer_1_1"), typeInto("#mfa-1", "answer_1_2"), click("#primary")}},
		{"user_good", "mfa_selections", "mfa", []string{"selections"}, []act{click(`label[data-choice="Yes"]`), click("#primary")}},
		{"user_good", "mfa_selections_2_2_3", "mfa", []string{"selections"}, []act{leadSays("Step 1 of 2"),
			click(`label[data-choice="answer_1_1_0"]`), click(`label[data-choice="answer_1_2_0"]`), click("#primary"),
			click(`label[data-choice="answer_2_1_0"]`), leadSays("Step 2 of 2"), click(`label[data-choice="answer_2_2_0"]`), click("#primary")}},
		{"user_custom", `{"mfa":{"type":"questions","question_rounds":1,"questions_per_round":1},"override_accounts":[{"type":"depository","subtype":"savings","meta":{"name":"Plaid Saving"}}]}`,
			"mfa", []string{"questions"}, []act{typeInto("#mfa-0", "answer_0_0"), click("#primary")}},
	}
	for _, c := range cases {
		name := c.password
		if c.user == "user_custom" {
			name = "user_custom"
		}
		t.Run(name, func(t *testing.T) {
			r := newRig(t, browser, rigOptions{})
			r.pickBank("Tartan", "ins_109511")
			r.inLink(waitView("credentials"), typeInto("#username", c.user), typeInto("#password", c.password), click("#primary"))
			r.screen(c.view, name)
			if c.password == "mfa_device" { // the choice made, before Continue
				r.inLink(c.answer[0])
				r.shots.Take(r.tab, "device-chosen")
				c.answer = c.answer[1:]
			}
			r.inLink(c.answer...)
			r.screen("accounts", "select-account")
			r.inLink(click(`label.acct[data-name="Plaid Saving"]`), click("#primary"), waitView("connected"), click("#primary"))
			o := r.wait()
			if !o.Succeeded() || o.Institution.InstitutionID != "ins_109511" || o.Accounts[0].Subtype != "savings" {
				t.Fatalf("outcome %+v", o)
			}
			evs := r.events()
			checkEvents(t, evs, o.LinkSessionID, "SUBMIT_MFA")
			for _, mt := range c.mfaTypes {
				if md := eventMetadata(evs, "TRANSITION_VIEW", "mfa_type", mt); md == nil || md["view_name"] != "MFA" {
					t.Errorf("no TRANSITION_VIEW into MFA with mfa_type %s: %s", mt, eventNames(evs))
				}
				if eventMetadata(evs, "SUBMIT_MFA", "mfa_type", mt) == nil {
					t.Errorf("no SUBMIT_MFA with mfa_type %s", mt)
				}
			}
		})
	}
	t.Run("mfa_device closed on each screen", func(t *testing.T) { testMFADeviceExit(t, browser) })
}

// testMFADeviceExit closes Link on the device screen, then (in a new session) on the code
// screen: onExit and the EXIT event say choose_device, then requires_code.
func testMFADeviceExit(t *testing.T, browser context.Context) {
	for _, c := range []struct {
		status string
		steps  []func(*chromedp.Node) chromedp.Action[chromedp.Void]
	}{
		{"choose_device", nil},
		// By keyboard alone: arrows move through the devices (the third is email), Enter sends.
		{"requires_code", []func(*chromedp.Node) chromedp.Action[chromedp.Void]{typeInto("#device-phone_sms", kb.ArrowDown+kb.ArrowDown),
			typeInto("#primary", kb.Enter), waitView("mfa"), leadSays("emailed a code to t•••••@example.com")}},
	} {
		t.Run(c.status, func(t *testing.T) {
			r := newRig(t, browser, rigOptions{})
			r.pickBank("Tartan", "ins_109511")
			r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "mfa_device"), click("#primary"), waitView("mfa_device"))
			r.inLink(c.steps...)
			r.shots.Take(r.tab, "before-close")
			r.inLink(click("#close"))
			o := r.wait()
			if !o.Exited || o.ExitError != nil || o.ExitStatus != c.status {
				t.Errorf("outcome %+v, want onExit with status %s", o, c.status)
			}
			evs := r.events()
			checkEvents(t, evs, o.LinkSessionID, "EXIT")
			if eventMetadata(evs, "EXIT", "exit_status", c.status) == nil {
				t.Errorf("no EXIT event with exit_status %s: %s", c.status, eventNames(evs))
			}
		})
	}
}

// leadSays checks the lead paragraph of the screen showing (wait for the screen first).
func leadSays(text string) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			got, err := chromedp.Text(chromedp.CSS("p.lead"), chromedp.FromNode(f))(ctx, tg)
			if err == nil && !strings.Contains(got, text) {
				err = fmt.Errorf("the screen says %q, want it to mention %q", got, text)
			}
			return chromedp.Void{}, err
		}
	}
}
