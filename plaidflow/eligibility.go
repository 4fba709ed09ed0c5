package plaidflow

import (
	"sort"
	"strings"
)

// Account is one account of an Item, as /accounts/get returns it.
type Account struct {
	ID        string
	Name      string
	Mask      string
	Type      string
	Subtype   string
	Available *float64
	Current   *float64
	Limit     *float64
	Currency  string
	// Verification is Auth's verification_status (micro-deposits); "" when verified by login.
	Verification string
}

// Eligible says whether a partner accepts an account, and why not. An empty AccountTypes map
// accepts every account (an Asset Report covers the whole Item, not one account).
func Eligible(p Partner, a Account) (ok bool, reason string) {
	if !p.Runnable() {
		return false, p.Name + " is not runnable: " + p.NotRunnable
	}
	if len(p.AccountTypes) == 0 {
		return true, ""
	}
	subtypes, typeOK := p.AccountTypes[a.Type]
	if !typeOK {
		return false, p.Name + " needs " + describeTypes(p.AccountTypes) + "; this is a " + describeAccount(a) + " account"
	}
	if len(subtypes) == 0 {
		return true, ""
	}
	for _, s := range subtypes {
		if s == a.Subtype {
			return true, ""
		}
	}
	return false, p.Name + " needs " + describeTypes(p.AccountTypes) + "; this is a " + describeAccount(a) + " account"
}

func describeAccount(a Account) string {
	if a.Subtype == "" || strings.Contains(a.Subtype, a.Type) {
		return nonEmpty(a.Subtype, a.Type)
	}
	return a.Type + " " + a.Subtype
}

// describeTypes renders an AccountTypes map for people: "a depository account (checking or savings)".
func describeTypes(types map[string][]string) string {
	keys := make([]string, 0, len(types))
	for k := range types {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		s := k
		if subs := types[k]; len(subs) > 0 {
			s += " (" + joinOr(subs) + ")"
		}
		parts = append(parts, s)
	}
	return "a " + joinOr(parts) + " account"
}

func joinOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
