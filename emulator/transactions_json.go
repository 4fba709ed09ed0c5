package emulator

import "strings"

// transactionJSON is Plaid's Transaction object. Fields the sandbox leaves empty go out as
// null, as Plaid sends them.
type transactionJSON struct {
	AccountID               string          `json:"account_id"`
	AccountOwner            *string         `json:"account_owner"`
	Amount                  float64         `json:"amount"`
	IsoCurrencyCode         *string         `json:"iso_currency_code"`
	UnofficialCurrencyCode  *string         `json:"unofficial_currency_code"`
	Category                []string        `json:"category"`
	CategoryID              *string         `json:"category_id"`
	CheckNumber             *string         `json:"check_number"`
	Counterparties          []counterparty  `json:"counterparties"`
	Date                    string          `json:"date"`
	Datetime                *string         `json:"datetime"`
	AuthorizedDate          *string         `json:"authorized_date"`
	AuthorizedDatetime      *string         `json:"authorized_datetime"`
	Location                locationJSON    `json:"location"`
	Name                    string          `json:"name"`
	MerchantName            *string         `json:"merchant_name"`
	MerchantEntityID        *string         `json:"merchant_entity_id"`
	LogoURL                 *string         `json:"logo_url"`
	Website                 *string         `json:"website"`
	PaymentMeta             paymentMetaJSON `json:"payment_meta"`
	PaymentChannel          string          `json:"payment_channel"`
	Pending                 bool            `json:"pending"`
	PendingTransactionID    *string         `json:"pending_transaction_id"`
	PersonalFinanceCategory *pfcJSON        `json:"personal_finance_category"`
	TransactionID           string          `json:"transaction_id"`
	TransactionCode         *string         `json:"transaction_code"`
	TransactionType         string          `json:"transaction_type"`
	OriginalDescription     *string         `json:"original_description,omitempty"`
}

type locationJSON struct {
	Address     *string  `json:"address"`
	City        *string  `json:"city"`
	Region      *string  `json:"region"`
	PostalCode  *string  `json:"postal_code"`
	Country     *string  `json:"country"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	StoreNumber *string  `json:"store_number"`
}

type paymentMetaJSON struct {
	ReferenceNumber  *string `json:"reference_number"`
	PpdID            *string `json:"ppd_id"`
	Payee            *string `json:"payee"`
	ByOrderOf        *string `json:"by_order_of"`
	Payer            *string `json:"payer"`
	PaymentMethod    *string `json:"payment_method"`
	PaymentProcessor *string `json:"payment_processor"`
	Reason           *string `json:"reason"`
}

type pfcJSON struct {
	Primary         string `json:"primary"`
	Detailed        string `json:"detailed"`
	ConfidenceLevel string `json:"confidence_level"`
}

type counterparty struct {
	Name            string  `json:"name"`
	Type            string  `json:"type"`
	Website         *string `json:"website"`
	LogoURL         *string `json:"logo_url"`
	EntityID        *string `json:"entity_id"`
	ConfidenceLevel string  `json:"confidence_level"`
}

type removedJSON struct {
	TransactionID string `json:"transaction_id"`
	AccountID     string `json:"account_id"`
}

// json puts t in Plaid's shape as it shows on day today. A posted transaction seen pending
// after linking names its pending id; older history was never pending for the client, nor was
// a transaction made posted (one id for both: /sandbox/transactions/create's).
func (t genTxn) json(today int, linkedDay int, originalDescription bool) transactionJSON {
	j := transactionJSON{AccountID: t.account.id, Amount: t.amount, IsoCurrencyCode: nullable(t.currency),
		Date: dayDate(t.postDay), AuthorizedDate: nullable(dayDate(t.day)), Counterparties: []counterparty{},
		PaymentChannel: "other", Pending: t.pendingOn(today), TransactionID: t.idOn(today), TransactionType: "special"}
	if j.Pending {
		j.Date = dayDate(t.day)
	} else if t.pendingID != t.postedID && (t.pendingSeen || t.postDay > linkedDay) {
		j.PendingTransactionID = nullable(t.pendingID)
	}
	name := t.description()
	if m := t.m; m != nil {
		j.Category, j.CategoryID, j.PaymentChannel = m.legacy, nullable(m.legacyID), m.channel
		j.PersonalFinanceCategory = &pfcJSON{Primary: m.primary, Detailed: m.detailed, ConfidenceLevel: "VERY_HIGH"}
		if m.channel == "in store" {
			j.TransactionType = "place"
		} else if m.channel == "online" {
			j.TransactionType = "digital"
		}
		if m.merchant != "" {
			j.MerchantName, j.Website = nullable(m.merchant), nullable(m.website)
			j.LogoURL = nullable("https://plaid-merchant-logos.plaid.com/" + logoSlug(m.merchant) + ".png")
			j.Counterparties = append(j.Counterparties, counterparty{Name: m.merchant, Type: "merchant",
				Website: j.Website, LogoURL: j.LogoURL, ConfidenceLevel: "VERY_HIGH"})
		}
	}
	j.Name = name
	if originalDescription {
		j.OriginalDescription = nullable(strings.ToUpper(name))
	}
	return j
}

// description is the transaction's name: its merchant's statement text, or a custom user's
// configured description.
func (t genTxn) description() string {
	if t.m != nil {
		return t.m.name
	}
	return t.desc
}

// logoSlug is a merchant's name as a file name: lower case, words joined by underscores.
func logoSlug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('_')
		}
	}
	return b.String()
}
