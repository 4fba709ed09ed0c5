package emulator

import (
	"math"
	"strconv"
)

// jsonAppender is an answer that writes its own JSON, byte for byte what encoding/json writes
// for answer() (json_append_test.go compares them, and fails when one of the types written
// here gains a field). Only /accounts/get's answer does: its twelve accounts made encoding/json's
// reflection the largest cost left on the request path. ok=false (a string to escape, a number
// encoding/json writes with an exponent, an Item error) leaves answer() to encoding/json.
type jsonAppender interface {
	appendJSON(b []byte) (_ []byte, ok bool)
	answer() any
}

func (a accountsAnswer) answer() any { return a.response() }

// appendJSON writes accountsResponse from the accounts, each through its accountJSON, without
// building the list.
func (a accountsAnswer) appendJSON(b []byte) ([]byte, bool) {
	b = append(b, `{"accounts":[`...)
	ok := true
	for i := range a.accounts {
		if i > 0 {
			b = append(b, ',')
		}
		j := a.accounts[i].json()
		b = j.appendJSON(b, &ok)
	}
	b = append(b, `],"item":`...)
	b = a.item.appendJSON(b, &ok)
	b = append(b, `,"request_id":`...)
	b = appendPlainString(b, a.requestID, &ok)
	return append(b, '}'), ok
}

func (a *accountJSON) appendJSON(b []byte, ok *bool) []byte {
	b = append(b, `{"account_id":`...)
	b = appendPlainString(b, a.AccountID, ok)
	bal := &a.Balances
	b = append(b, `,"balances":{"available":`...)
	b = appendNullableFloat(b, bal.Available, ok)
	b = append(b, `,"current":`...)
	b = appendNullableFloat(b, bal.Current, ok)
	b = append(b, `,"limit":`...)
	b = appendNullableFloat(b, bal.Limit, ok)
	b = append(b, `,"iso_currency_code":`...)
	b = appendPlainString(b, bal.IsoCurrencyCode, ok)
	b = append(b, `,"unofficial_currency_code":`...)
	b = appendNullableString(b, bal.UnofficialCurrencyCode, ok)
	b = append(b, `},"mask":`...)
	b = appendPlainString(b, a.Mask, ok)
	b = append(b, `,"name":`...)
	b = appendPlainString(b, a.Name, ok)
	b = append(b, `,"official_name":`...)
	b = appendNullableString(b, a.OfficialName, ok)
	b = append(b, `,"type":`...)
	b = appendPlainString(b, a.Type, ok)
	b = append(b, `,"subtype":`...)
	b = appendPlainString(b, a.Subtype, ok)
	if a.VerificationStatus != "" {
		b = append(b, `,"verification_status":`...)
		b = appendPlainString(b, a.VerificationStatus, ok)
	}
	return append(b, '}')
}

func (j *itemJSON) appendJSON(b []byte, ok *bool) []byte {
	if j.Error != nil {
		*ok = false
		return b
	}
	b = append(b, `{"item_id":`...)
	b = appendPlainString(b, j.ItemID, ok)
	b = append(b, `,"institution_id":`...)
	b = appendNullableString(b, j.InstitutionID, ok)
	b = append(b, `,"institution_name":`...)
	b = appendNullableString(b, j.InstitutionName, ok)
	b = append(b, `,"webhook":`...)
	b = appendNullableString(b, j.Webhook, ok)
	b = append(b, `,"error":null,"available_products":`...)
	b = appendStrings(b, j.AvailableProducts, ok)
	b = append(b, `,"billed_products":`...)
	b = appendStrings(b, j.BilledProducts, ok)
	b = append(b, `,"products":`...)
	b = appendStrings(b, j.Products, ok)
	b = append(b, `,"consented_products":`...)
	b = appendStrings(b, j.ConsentedProducts, ok)
	b = append(b, `,"consent_expiration_time":`...)
	b = appendNullableString(b, j.ConsentExpirationTime, ok)
	b = append(b, `,"update_type":`...)
	b = appendPlainString(b, j.UpdateType, ok)
	return append(b, '}')
}

// appendPlainString writes s quoted when encoding/json would write it unchanged: printable
// ASCII without quotes or backslashes. Any other string clears ok.
func appendPlainString(b []byte, s string, ok *bool) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			*ok = false
			return b
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendNullableString(b []byte, s *string, ok *bool) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendPlainString(b, *s, ok)
}

// appendStrings writes a list as encoding/json does: null for a nil slice.
func appendStrings(b []byte, list []string, ok *bool) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendPlainString(b, s, ok)
	}
	return append(b, ']')
}

// appendNullableFloat writes a float64 as encoding/json does in the range where it uses plain
// decimals (1e-6 <= |f| < 1e21, or 0); other values clear ok.
func appendNullableFloat(b []byte, f *float64, ok *bool) []byte {
	if f == nil {
		return append(b, "null"...)
	}
	if abs := math.Abs(*f); math.IsNaN(*f) || math.IsInf(*f, 0) || abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		*ok = false
		return b
	}
	return strconv.AppendFloat(b, *f, 'f', -1, 64)
}
