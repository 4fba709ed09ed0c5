package emulator

import (
	"strings"
	"testing"
)

// mfaDeviceSession logs user_good in with the password mfa_device and returns the device screen's answer.
func (r *linkRig) mfaDeviceSession() linkAnswer {
	r.t.Helper()
	a := r.login(r.session(), "ins_109508", "user_good", "mfa_device")
	if a.Next != "mfa" || a.MFA == nil || a.MFA.Type != "device" {
		r.t.Fatalf("the mfa_device login did not ask for a device: %+v", a)
	}
	return a
}

func (r *linkRig) exitStatus(sid string) any {
	r.t.Helper()
	x, status := r.call("exit", map[string]any{"link_session_id": sid})
	if status != 200 {
		r.t.Fatalf("exit: %d %+v", status, x)
	}
	return x.Metadata.(map[string]any)["status"]
}

// The device user first picks where the code goes (mfa_type "device", onExit choose_device),
// then types it (mfa_type "code", onExit requires_code), as in Plaid's Link.
func TestLinkMFADeviceChoiceThenCode(t *testing.T) {
	r := newLinkRig(t, nil)
	for _, d := range linkSandboxDevices {
		t.Run(d.ID, func(t *testing.T) {
			a := r.mfaDeviceSession()
			if len(a.MFA.Devices) != len(linkSandboxDevices) || a.MFA.Device != nil {
				t.Fatalf("device screen: %+v", a.MFA)
			}
			for _, offered := range a.MFA.Devices {
				if offered.ID == "" || offered.Target == "" || !strings.ContainsAny(offered.Target, "•") && !strings.Contains(offered.Target, "ending in") {
					t.Errorf("device %+v is not shown masked", offered)
				}
			}
			a, status := r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{d.ID}})
			if status != 200 || a.Next != "mfa" || a.MFA.Type != "code" || a.MFA.Device == nil || *a.MFA.Device != d || len(a.MFA.Devices) != 0 {
				t.Fatalf("choosing %s: %d %+v", d.ID, status, a.MFA)
			}
			a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"1234"}})
			if a.Next != "accounts" || len(a.Accounts) == 0 {
				t.Fatalf("code 1234 after choosing %s: %+v", d.ID, a)
			}
		})
	}
}

func TestLinkMFADeviceWrongCode(t *testing.T) {
	r := newLinkRig(t, nil)
	a := r.mfaDeviceSession()
	a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"email"}})
	a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"0000"}})
	if a.Next != "error" || a.Error == nil || a.Error.ErrorCode != "INVALID_MFA" {
		t.Fatalf("code 0000: %+v", a)
	}
	if got := r.exitStatus(a.LinkSessionID); got != "requires_code" {
		t.Errorf("exit after a wrong code: status %v, want requires_code", got)
	}
}

// A device the screen never offered (or the code sent before any device) is a 400
// INVALID_SEND_METHOD that leaves the session on the device screen.
func TestLinkMFADeviceRefusesAChoiceNotOffered(t *testing.T) {
	r := newLinkRig(t, nil)
	a := r.mfaDeviceSession()
	sid := a.LinkSessionID
	for _, bad := range [][]string{{"pager"}, {"1234"}, nil, {"phone_sms", "email"}, {strings.Repeat("x", 500)}} {
		got, status := r.call("mfa", map[string]any{"link_session_id": sid, "answers": bad})
		if status != 400 || got.ErrorCode != "INVALID_SEND_METHOD" || got.ErrorType != "ITEM_ERROR" {
			t.Errorf("answers %.20q: %d %+v, want 400 INVALID_SEND_METHOD", bad, status, got)
		}
	}
	a, status := r.call("mfa", map[string]any{"link_session_id": sid, "answers": []string{"phone_sms"}})
	if status != 200 || a.MFA == nil || a.MFA.Type != "code" || a.MFA.Device.ID != "phone_sms" {
		t.Fatalf("a good choice after refused ones: %d %+v", status, a)
	}
}

func TestLinkMFADeviceRefusalSaysWhatToSend(t *testing.T) {
	c := mfaForPassword("mfa_device")
	perr := c.chooseDevice([]string{strings.Repeat("y", 300)})
	if perr == nil || c.Device != nil {
		t.Fatalf("a made-up device was taken: %+v", c.Device)
	}
	for _, d := range linkSandboxDevices {
		if !strings.Contains(perr.Message, d.ID) {
			t.Errorf("the refusal %q does not name %s", perr.Message, d.ID)
		}
	}
	if len(perr.Message) > 200 {
		t.Errorf("the refusal echoes the whole answer: %d characters", len(perr.Message))
	}
}

// onExit's status follows the screen: choose_device before a device is picked,
// requires_code after.
func TestLinkMFADeviceExitStatuses(t *testing.T) {
	r := newLinkRig(t, nil)
	a := r.mfaDeviceSession()
	if got := r.exitStatus(a.LinkSessionID); got != "choose_device" {
		t.Errorf("exit on the device screen: status %v, want choose_device", got)
	}
	a = r.mfaDeviceSession()
	r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"phone_voice"}})
	if got := r.exitStatus(a.LinkSessionID); got != "requires_code" {
		t.Errorf("exit on the code screen: status %v, want requires_code", got)
	}
}
