package emulator

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// Plaid's Sandbox test users, as documented: the username is user_good and the PASSWORD picks
// what the login does (pass_good logs in, mfa_* asks a security check first, error_<CODE>
// fails with that code); user_custom takes a JSON configuration as its password.

const (
	sandboxUsername = "user_good"
	sandboxPassword = "pass_good"
	customUsername  = "user_custom"
)

// sandboxLogin is what a username and password ask of a Sandbox login.
type sandboxLogin struct {
	mfa    *linkMFAChallenge // the security check Link asks before the login completes; nil: none
	custom *customUser       // user_custom's configuration; nil for user_good
	// microdeposits: the password asked for Automated Micro-deposits (auth_verify.go)
	microdeposits bool
	// dynamic: user_transactions_dynamic, whose transactions change on each refresh
	// (transactions_dynamic.go)
	dynamic bool
}

var (
	mfaQuestionsPassword  = regexp.MustCompile(`^mfa_questions_([0-9]+)_([0-9]+)$`)
	mfaSelectionsPassword = regexp.MustCompile(`^mfa_selections_([0-9]+)_([0-9]+)_([0-9]+)$`)
)

// parseSandboxLogin reads the credentials. Wrong ones are INVALID_CREDENTIALS; an
// error_<CODE> password is that code's error. A custom user's force_error is not applied here:
// it fails the Item's creation, after any security check (see newItemLocked).
func parseSandboxLogin(username, password string) (sandboxLogin, *apiError) {
	switch username {
	case customUsername:
		cu, perr := parseCustomUser(password)
		if perr != nil {
			return sandboxLogin{}, perr
		}
		return sandboxLogin{custom: cu, mfa: cu.challenge()}, nil
	case dynamicUsername: // any password that is not blank, as Plaid's test page says
		if strings.TrimSpace(password) == "" {
			return sandboxLogin{}, sandboxError("INVALID_CREDENTIALS")
		}
		return sandboxLogin{dynamic: true}, nil
	case sandboxUsername:
	default:
		return sandboxLogin{}, sandboxError("INVALID_CREDENTIALS")
	}
	if code, ok := strings.CutPrefix(password, "error_"); ok {
		if perr := sandboxError(code); perr != nil {
			return sandboxLogin{}, perr
		}
	}
	switch password {
	case sandboxPassword:
		return sandboxLogin{}, nil
	case microdepositsPassword:
		return sandboxLogin{microdeposits: true}, nil
	}
	if strings.HasPrefix(password, "{") {
		return sandboxLogin{}, recaptchaPassword(password)
	}
	if c := mfaForPassword(password); c != nil {
		return sandboxLogin{mfa: c}, nil
	}
	return sandboxLogin{}, sandboxError("INVALID_CREDENTIALS")
}

// mfaForPassword is the security check an MFA test password asks for, nil for other passwords.
// Counts are kept to 1-9 (selections offer 2-9 answers), as Plaid's test page bounds them.
func mfaForPassword(password string) *linkMFAChallenge {
	switch password {
	case "mfa_device":
		return &linkMFAChallenge{Type: "device", Rounds: 1, PerRnd: 1, Round: 1}
	case "mfa_selections":
		return &linkMFAChallenge{Type: "selections", Rounds: 1, PerRnd: 1, Round: 1, YesNo: true}
	}
	if m := mfaQuestionsPassword.FindStringSubmatch(password); m != nil {
		return &linkMFAChallenge{Type: "questions", Rounds: clampInt(m[1], 1, 9), PerRnd: clampInt(m[2], 1, 9), Round: 1, FirstIndex: 1}
	}
	if m := mfaSelectionsPassword.FindStringSubmatch(password); m != nil {
		return &linkMFAChallenge{Type: "selections", Rounds: clampInt(m[1], 1, 9), PerRnd: clampInt(m[2], 1, 9),
			Choices: clampInt(m[3], 2, 9), Round: 1, FirstIndex: 1}
	}
	return nil
}

func clampInt(digits string, lo, hi int) int {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return hi // only overflow gets here: the pattern allows digits only
	}
	return max(lo, min(n, hi))
}

// loginError is the error a Sandbox login at an institution answers before any security
// check, or nil when it may go on. OAuth banks log in on the bank's own page: there is no
// password to check there, but a custom user's configuration still applies.
func loginError(in Institution, username, password string) (sandboxLogin, *apiError) {
	switch {
	case in.Status == "down":
		return sandboxLogin{}, sandboxError("INSTITUTION_DOWN")
	case in.Unsupported:
		return sandboxLogin{}, sandboxError("INSTITUTION_NO_LONGER_SUPPORTED")
	case in.OAuth && username != customUsername:
		return sandboxLogin{}, nil
	}
	return parseSandboxLogin(username, password)
}

// recaptchaPassword is user_good's {"recaptcha":"good"} or {"recaptcha":"bad"}; any other JSON
// is a wrong password.
func recaptchaPassword(password string) *apiError {
	var p map[string]string
	if json.Unmarshal([]byte(password), &p) != nil || len(p) != 1 {
		return sandboxError("INVALID_CREDENTIALS")
	}
	switch p["recaptcha"] {
	case "good":
		return nil
	case "bad":
		return recaptchaBad()
	}
	return sandboxError("INVALID_CREDENTIALS")
}
