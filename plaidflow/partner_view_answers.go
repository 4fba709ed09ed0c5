package plaidflow

import (
	"strings"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// The answers of /processor/auth/get, /processor/balance/get and /processor/identity/get, as
// far as the partner view reads them. plaid-go's response types would link their whole model
// trees (every country's numbers, identity match scores) for a handful of fields.

type processorAuthAnswer struct {
	Account plaid.AccountBase `json:"account"`
	Numbers struct {
		ACH *struct {
			Account     string `json:"account"`
			Routing     string `json:"routing"`
			WireRouting string `json:"wire_routing"`
		} `json:"ach"`
	} `json:"numbers"`
}

type processorBalanceAnswer struct {
	Account plaid.AccountBase `json:"account"`
}

type processorIdentityAnswer struct {
	Account struct {
		Owners []identityOwner `json:"owners"`
	} `json:"account"`
}

type identityOwner struct {
	Names        []string      `json:"names"`
	Emails       []dataField   `json:"emails"`
	PhoneNumbers []dataField   `json:"phone_numbers"`
	Addresses    []addressItem `json:"addresses"`
}

type dataField struct {
	Data string `json:"data"`
}

type addressItem struct {
	Data struct {
		Street     string `json:"street"`
		City       string `json:"city"`
		Region     string `json:"region"`
		PostalCode string `json:"postal_code"`
		Country    string `json:"country"`
	} `json:"data"`
}

func ownerFrom(o identityOwner) Owner {
	var out Owner
	for _, n := range o.Names {
		out.Names = append(out.Names, termtext.SingleLine(n))
	}
	for _, e := range o.Emails {
		out.Emails = append(out.Emails, termtext.SingleLine(e.Data))
	}
	for _, p := range o.PhoneNumbers {
		out.Phones = append(out.Phones, termtext.SingleLine(p.Data))
	}
	for _, a := range o.Addresses {
		d := a.Data
		parts := []string{d.Street, d.City, d.Region, d.PostalCode, d.Country}
		out.Addresses = append(out.Addresses, termtext.SingleLine(strings.Join(nonBlank(parts), ", ")))
	}
	return out
}
