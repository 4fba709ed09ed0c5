package plaidflow

import (
	"regexp"
	"strings"

	"plaidwalk/internal/termtext"
)

// This file words the hints of /sandbox/public_token/create, the one call that knows the
// institution, username and password it logged in with: the same Plaid error can come from
// any of the three, and the hint should point at the one that caused it.

// SandboxInstitution is one of Plaid's Sandbox banks.
type SandboxInstitution struct{ Name, ID string }

// SandboxInstitutions are Plaid's Sandbox banks, in the order Plaid lists them: for naming a
// bank when the API did not (a lookup failed), for suggesting one in a hint, and for taking
// a bank by name (run --institution).
var SandboxInstitutions = []SandboxInstitution{
	{"First Platypus Bank", "ins_109508"},
	{"First Platypus Balance Bank", "ins_130016"},
	{"First Gingham Credit Union", "ins_109509"},
	{"Tattersall Federal Credit Union", "ins_109510"},
	{"Tartan Bank", "ins_109511"},
	{"Houndstooth Bank", "ins_109512"},
	{"Tartan-Dominion Bank of Canada", "ins_43"},
	{"Flexible Platypus Open Banking", "ins_116834"},
	{"Royal Bank of Plaid", "ins_117650"},
	{"Platypus OAuth Bank", "ins_127287"},
	{"First Platypus OAuth App2App Bank", "ins_132241"},
	{"Windowpane Bank", "ins_135858"},
	{"Unhealthy Platypus Bank (degraded)", "ins_132363"},
	{"Unhealthy Platypus Bank (down)", "ins_132361"},
	{"Unsupported Platypus Bank", "ins_133402"},
}

// sandboxInstitutionNames is SandboxInstitutions by institution_id.
var sandboxInstitutionNames = func() map[string]string {
	m := make(map[string]string, len(SandboxInstitutions))
	for _, in := range SandboxInstitutions {
		m[in.ID] = in.Name
	}
	return m
}()

// SandboxInstitutionName is the name of one of Plaid's Sandbox banks, or "" for another id.
func SandboxInstitutionName(id string) string { return sandboxInstitutionNames[id] }

// sandboxMFAPasswordRE matches user_good's passwords that ask a security check in Link first.
var sandboxMFAPasswordRE = regexp.MustCompile(`^(mfa_device|mfa_selections|mfa_questions_[0-9]+_[0-9]+|mfa_selections_[0-9]+_[0-9]+_[0-9]+)$`)

// IsSandboxUser reports whether name is one of the Sandbox test usernames: user_good, whose
// password picks what the login does, or user_custom, whose password is a JSON configuration.
func IsSandboxUser(name string) bool {
	return name == DefaultUsername || name == CustomUsername || name == DynamicUsername
}

// IsMFAPassword reports whether a password is one of user_good's MFA test passwords.
func IsMFAPassword(password string) bool { return sandboxMFAPasswordRE.MatchString(password) }

// sandboxUsersText lists the Sandbox users for a hint.
const sandboxUsersText = DefaultUsername + " (password " + DefaultPassword + "; the passwords mfa_device, mfa_questions_<n>_<m>, " +
	"mfa_selections and mfa_selections_<n>_<m>_<o> ask a security check first), or " + CustomUsername +
	" with a JSON configuration of its accounts as the password, or " + DynamicUsername +
	" (any password) whose transactions change on each /transactions/refresh"

// withShortcutHint rewrites the hint of an error from the sandbox shortcut once the inputs
// that produced it are known; errors it has nothing better to say about keep their hint.
func withShortcutHint(err error, institutionID, username, password string) error {
	pe, ok := AsPlaidError(err)
	if !ok {
		return err
	}
	pass := nonEmpty(password, DefaultPassword)
	if h := shortcutHint(pe, institutionID, ShortcutUsername(username, pass), pass); h != "" {
		pe.Hint = h
	}
	return err
}

func shortcutHint(pe *PlaidError, institutionID, user, pass string) string {
	asked, isErrorPassword := strings.CutPrefix(pass, "error_")
	switch {
	case pe.Code == "PRODUCTS_NOT_SUPPORTED" || pe.Code == "INVALID_PRODUCT":
		return productMissingHint(pe, institutionID)
	case isErrorPassword && asked == pe.Code && user == DefaultUsername:
		return SandboxLoginHint(pe.Code)
	case pe.Type == "INSTITUTION_ERROR" && !isErrorPassword && SandboxInstitutionName(institutionID) != "":
		return SandboxInstitutionName(institutionID) + " fails on purpose in the sandbox, to rehearse a bank that cannot be reached " +
			"or is no longer supported; link First Platypus Bank (ins_109508) for a working login."
	case pe.Code != "INVALID_CREDENTIALS":
		return ""
	}
	return credentialsHint(user, pass, asked, isErrorPassword)
}

// credentialsHint says which of the test user's name and password the sandbox refused.
func credentialsHint(user, pass, asked string, isErrorPassword bool) string {
	switch {
	case IsMFAPassword(user):
		// The reversed form: Plaid's MFA names are passwords of user_good.
		return termtext.SingleLine(user) + " is a password, not a username: log in as " + DefaultUsername + " with the password " +
			termtext.SingleLine(user) + " to be asked its security check."
	case user == CustomUsername:
		return CustomUsername + "'s password must be a JSON configuration the sandbox accepts (an object such as " + CustomUserExample +
			"); the error message says what it refused. Fix the configuration, or log in as " + DefaultUsername + " / " + DefaultPassword + "."
	case !IsSandboxUser(user):
		return "The sandbox has no test user " + quote(termtext.SingleLine(user)) + ": log in as " + sandboxUsersText + "."
	case isErrorPassword:
		return "error_" + termtext.SingleLine(asked) + " is not an error code the sandbox can produce, so it counted as a wrong password. " +
			"Use error_<CODE> with a login error code such as error_ITEM_LOCKED, or " + DefaultPassword + " to log in."
	case pass != DefaultPassword && !IsMFAPassword(pass):
		// The password itself is not repeated: it may be a real one typed by mistake.
		return DefaultUsername + " logs in with the password " + DefaultPassword + ", or with an MFA test password such as mfa_device; " +
			"the password given was neither."
	}
	return "The sandbox refused " + termtext.SingleLine(user) + " at this bank; " + DefaultUsername + " / " + DefaultPassword +
		" logs in at every sandbox bank that does not use OAuth."
}

// productMissingHint names the product the shortcut's bank lacks, when Plaid's message names
// it, and a Sandbox bank that has it.
func productMissingHint(pe *PlaidError, institutionID string) string {
	product := productNamedIn(pe.Message)
	bank := termtext.SingleLine(institutionID)
	if name := SandboxInstitutionName(institutionID); name != "" {
		bank = name + " (" + institutionID + ")"
	}
	if product == "" {
		if pe.Code == "INVALID_PRODUCT" {
			return "" // not about the bank: keep the hint for the product list
		}
		return bank + " does not offer every product in products. Check which products it has with /institutions/get_by_id, or link " +
			"First Platypus Bank (ins_109508), which has all the US products."
	}
	return bank + " does not offer " + product + ", which this flow links with. Pick a bank that does: " + bankWith(product) + "."
}

// bankWith suggests a Sandbox bank that offers a product.
func bankWith(product string) string {
	if product == "payment_initiation" {
		return "a UK bank such as Flexible Platypus Open Banking (ins_116834), with country code GB"
	}
	return "First Platypus Bank (ins_109508) for US " + product
}

// productNamedIn finds a Link product's name as a word of an error message.
func productNamedIn(msg string) string {
	words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z')
	})
	for _, w := range words {
		if IsLinkProduct(w) {
			return w
		}
	}
	return ""
}
