package sessions

// sandboxLoginErrors are the codes the sandbox's error_<CODE> test passwords make a login fail
// with (Plaid's Sandbox test credentials; the emulator answers the same set).
var sandboxLoginErrors = map[string]bool{
	"COUNTRY_NOT_SUPPORTED": true, "INSTITUTION_DOWN": true, "INSTITUTION_NOT_RESPONDING": true,
	"INSTITUTION_NO_LONGER_SUPPORTED": true, "INSUFFICIENT_CREDENTIALS": true,
	"INTERNAL_SERVER_ERROR": true, "INVALID_CREDENTIALS": true, "INVALID_MFA": true,
	"INVALID_SEND_METHOD": true, "ITEM_LOCKED": true, "ITEM_NOT_SUPPORTED": true,
	"MFA_NOT_SUPPORTED": true, "NO_ACCOUNTS": true, "USER_INPUT_TIMEOUT": true,
	"USER_SETUP_REQUIRED": true,
}

// loginSteps are where a test user's login happens: the sandbox shortcut, or Link itself.
var loginSteps = map[string]bool{"/sandbox/public_token/create": true, "link": true}

// SandboxPassword is the sandbox test password that fails a login the way this outcome did
// ("error_INVALID_CREDENTIALS"), or "" when the walk did not end with a login error. A replay
// uses it when the walk's own password was not kept: the real one is never saved, and
// pass_good would log in where the original failed.
func (o Outcome) SandboxPassword() string {
	if o.Result != ResultError || !loginSteps[o.Step] || !sandboxLoginErrors[o.ErrorCode] {
		return ""
	}
	return "error_" + o.ErrorCode
}
