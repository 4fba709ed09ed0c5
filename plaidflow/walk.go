package plaidflow

import (
	"context"
	"fmt"
	"strings"

	"plaidwalk/internal/termtext"
)

// WalkOptions are the inputs of a headless walk (the `run` command, replays, benchmarks).
type WalkOptions struct {
	Link          LinkConfig
	InstitutionID string // sandbox shortcut institution, default ins_109508
	Username      string // default user_good
	Password      string // default pass_good
	PublicToken   string // set when Link already ran (browser mode): skips the shortcut
	// InstitutionName is the bank's name as Link's onSuccess metadata gave it, used when the
	// API does not name the bank (a failed /institutions/get_by_id).
	InstitutionName string
	Account         string // account id, mask or name; empty: first eligible
	Inputs          PartnerInputs
	OnStep          func(step string) // called as each step starts
	// BeforePartnerToken, when set, runs once the account is chosen and before the partner's
	// token: a replay moves a pending verification along there when the saved walk did.
	BeforePartnerToken func(ctx context.Context, res *WalkResult) error
	OnProgress         func(Progress)
	// OnWarning is told about things worth knowing that do not stop the walk, such as an
	// explicitly chosen account the partner is expected to refuse.
	OnWarning func(msg string)
}

// WalkResult is everything a walk produced.
type WalkResult struct {
	LinkToken LinkToken
	Item      Item
	Accounts  ItemAccounts
	Account   Account
	Result    PartnerResult
}

// Step names reported through OnStep, in order.
const (
	StepLinkToken    = "link_token"
	StepPublicToken  = "public_token"
	StepExchange     = "exchange"
	StepAccounts     = "accounts"
	StepPartnerToken = "partner_token"
)

// Walk runs a whole partner flow: link token, public token, exchange, accounts, partner token.
// The result holds whatever was produced before an error.
func Walk(ctx context.Context, c *Client, p Partner, o WalkOptions) (WalkResult, error) {
	var res WalkResult
	var err error
	step := func(name string) {
		if o.OnStep != nil {
			o.OnStep(name)
		}
	}
	if !p.Runnable() {
		return res, fmt.Errorf("%s cannot be walked: %s", p.Name, p.NotRunnable)
	}
	if err := ValidateInputs(p, o.Inputs); err != nil {
		return res, err
	}
	publicToken := o.PublicToken
	if publicToken == "" {
		step(StepLinkToken)
		if res.LinkToken, err = c.CreateLinkToken(ctx, o.Link); err != nil {
			return res, err
		}
		step(StepPublicToken)
		inst := nonEmpty(o.InstitutionID, DefaultInstitutionID)
		pass := nonEmpty(o.Password, DefaultPassword)
		user := ShortcutUsername(o.Username, pass)
		if publicToken, err = c.SandboxPublicToken(ctx, inst, o.Link.Products, user, pass); err != nil {
			return res, err
		}
	}
	step(StepExchange)
	if res.Item, err = c.Exchange(ctx, publicToken); err != nil {
		return res, err
	}
	step(StepAccounts)
	if res.Accounts, err = c.Accounts(ctx, res.Item.AccessToken); err != nil {
		return res, err
	}
	if res.Accounts.InstitutionName == "" {
		res.Accounts.InstitutionName = termtext.SingleLine(o.InstitutionName)
	}
	if res.Account, err = ChooseAccount(p, res.Accounts.Accounts, o.Account); err != nil {
		return res, err
	}
	if ok, why := Eligible(p, res.Account); !ok && o.OnWarning != nil {
		o.OnWarning(why + "; asking Plaid anyway, as requested")
	}
	if o.BeforePartnerToken != nil {
		if err := o.BeforePartnerToken(ctx, &res); err != nil {
			return res, err
		}
	}
	step(StepPartnerToken)
	res.Result, err = c.PartnerToken(ctx, p, res.Item.AccessToken, res.Account.ID, o.Inputs, o.OnProgress)
	return res, err
}

// ChooseAccount picks the account named by want (id, mask or name, case-insensitive) or, when
// want is empty, the first account the partner accepts. A named account is returned even if
// the partner will refuse it, so Plaid's own answer can be seen.
func ChooseAccount(p Partner, accounts []Account, want string) (Account, error) {
	want = strings.TrimSpace(want)
	if want == "" {
		var reasons []string
		for _, a := range accounts {
			ok, why := Eligible(p, a)
			if ok {
				return a, nil
			}
			reasons = append(reasons, a.Name+": "+why)
		}
		return Account{}, &AccountError{Want: "", Problem: "no account of this Item fits " + p.Name, Details: reasons}
	}
	for _, match := range []func(Account) bool{
		func(a Account) bool { return a.ID == want },
		func(a Account) bool { return a.Mask == want },
		func(a Account) bool { return strings.EqualFold(a.Name, want) },
	} {
		for _, a := range accounts {
			if match(a) {
				return a, nil
			}
		}
	}
	var names []string
	for _, a := range accounts {
		names = append(names, fmt.Sprintf("%s (%s)", a.Name, a.Mask))
	}
	return Account{}, &AccountError{Want: want, Problem: "no account has this id, mask or name", Details: names}
}

// AccountError is an account choice that cannot be made; Details lists what there is.
type AccountError struct {
	Want    string
	Problem string
	Details []string
}

func (e *AccountError) Error() string {
	msg := e.Problem
	if e.Want != "" {
		msg = fmt.Sprintf("account %q: %s", e.Want, e.Problem)
	}
	if len(e.Details) > 0 {
		msg += " (" + strings.Join(e.Details, "; ") + ")"
	}
	return msg
}
