package emulator

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Securities are not an Item's data: as at Plaid, a security has one security_id and one set of
// details whoever holds it. user_good's are a static table; a custom user's are named by their
// ticker, CUSIP or ISIN, and get an id derived from that identifier, the same for every Item.

// security is one security Investments reports.
type security struct {
	id, name, ticker, typ, subtype string
	price                          float64 // its close price
	cash                           bool    // is_cash_equivalent
	mic, sector, industry          string  // "" where Plaid reports null
	option                         *optionContractJSON
	fixed                          *fixedIncomeJSON
}

type optionContractJSON struct {
	ContractType             string  `json:"contract_type"`
	ExpirationDate           string  `json:"expiration_date"`
	StrikePrice              float64 `json:"strike_price"`
	UnderlyingSecurityTicker string  `json:"underlying_security_ticker"`
}

type fixedIncomeJSON struct {
	YieldRate    yieldRateJSON `json:"yield_rate"`
	MaturityDate *string       `json:"maturity_date"`
	IssueDate    *string       `json:"issue_date"`
	FaceValue    *float64      `json:"face_value"`
}

type yieldRateJSON struct {
	Percentage float64 `json:"percentage"`
	Type       string  `json:"type"`
}

// Held by user_good's IRA and 401k (investments_data.go). Their ids were drawn once at random.
var (
	secUSD   = security{id: "HAZt9xslXTTIQrh6bpy0VAq3GZuO2R8UziJdi", name: "U S Dollar", ticker: "USD", typ: "cash", subtype: "cash", price: 1, cash: true}
	secVTI   = security{id: "0Y4mj4TIJZ9RnvIh4TOetAfG82EOMjRZA0G6v", name: "Vanguard Total Stock Market ETF", ticker: "VTI", typ: "etf", subtype: "etf", price: 262.5, mic: "ARCX", sector: "Miscellaneous", industry: "Investment Trusts or Mutual Funds"}
	secSPYC  = security{id: "bBxKd5WVwd9ExLXa3zphJn9pH9xdreYrmVM1J", name: "SPY Jun 18'27 $600 Call", ticker: "SPY270618C00600000", typ: "derivative", subtype: "option", price: 0.9, mic: "XCBO", option: &optionContractJSON{ContractType: "call", ExpirationDate: "2027-06-18", StrikePrice: 600, UnderlyingSecurityTicker: "SPY"}}
	secVFIFX = security{id: "IJ5iqQt6wukvg6KLYrvadWwbDVrEOdUmtqeVT", name: "Vanguard Target Retirement 2050 Fund", ticker: "VFIFX", typ: "mutual fund", subtype: "mutual fund", price: 52.18, mic: "XNAS", sector: "Miscellaneous", industry: "Investment Trusts or Mutual Funds"}
	secFXAIX = security{id: "6FbNKHRizFU89L0zlmq9jRh6nd1ItZ46uZudk", name: "Fidelity 500 Index Fund", ticker: "FXAIX", typ: "mutual fund", subtype: "mutual fund", price: 189.64, mic: "XNAS", sector: "Miscellaneous", industry: "Investment Trusts or Mutual Funds"}
	secDODIX = security{id: "7AfSXt1qQzEeIfIOpoI9qKkZsdU4FLz0FoJAH", name: "Dodge & Cox Income Fund", ticker: "DODIX", typ: "mutual fund", subtype: "mutual fund", price: 12.87, mic: "XNAS", sector: "Miscellaneous", industry: "Investment Trusts or Mutual Funds"}
	secAAPL  = security{id: "OCe9DWnoEu0mxMb9VKKHBd51v9Lk79JoNuxlW", name: "Apple Inc.", ticker: "AAPL", typ: "equity", subtype: "common stock", price: 229.87, mic: "XNAS", sector: "Electronic Technology", industry: "Telecommunications Equipment"}
	secTBILL = security{id: "ntBwCLfHgHam8K5TJWlCDC2GiIJECasqla05D", name: "US Treasury Bill - 4.25% 15/01/2027 USD 100", typ: "fixed income", subtype: "bill", price: 98.41,
		fixed: &fixedIncomeJSON{YieldRate: yieldRateJSON{Percentage: 4.25, Type: "coupon_equivalent"}, MaturityDate: nullable("2027-01-15"), IssueDate: nullable("2026-01-15"), FaceValue: money(100)}}
)

// knownSecurities are the table's securities, found by ticker when a custom user names one.
var knownSecurities = []*security{&secUSD, &secVTI, &secSPYC, &secVFIFX, &secFXAIX, &secDODIX, &secAAPL, &secTBILL}

// securityJSON is Plaid's Security; what the sandbox does not know goes out as null. ISIN and
// CUSIP are null as Plaid sends them to clients without a CUSIP Global Services licence.
type securityJSON struct {
	SecurityID             string              `json:"security_id"`
	ISIN                   *string             `json:"isin"`
	CUSIP                  *string             `json:"cusip"`
	SEDOL                  *string             `json:"sedol"`
	InstitutionSecurityID  *string             `json:"institution_security_id"`
	InstitutionID          *string             `json:"institution_id"`
	ProxySecurityID        *string             `json:"proxy_security_id"`
	Name                   *string             `json:"name"`
	TickerSymbol           *string             `json:"ticker_symbol"`
	IsCashEquivalent       bool                `json:"is_cash_equivalent"`
	Type                   *string             `json:"type"`
	Subtype                *string             `json:"subtype"`
	ClosePrice             *float64            `json:"close_price"`
	ClosePriceAsOf         *string             `json:"close_price_as_of"`
	UpdateDatetime         *string             `json:"update_datetime"`
	IsoCurrencyCode        *string             `json:"iso_currency_code"`
	UnofficialCurrencyCode *string             `json:"unofficial_currency_code"`
	MarketIdentifierCode   *string             `json:"market_identifier_code"`
	Sector                 *string             `json:"sector"`
	Industry               *string             `json:"industry"`
	CFICode                *string             `json:"cfi_code"`
	OptionContract         *optionContractJSON `json:"option_contract"`
	FixedIncome            *fixedIncomeJSON    `json:"fixed_income"`
}

// json is the security as of day today (its close price's date; cash has none), in currency.
func (s *security) json(today int, currency string) securityJSON {
	j := securityJSON{SecurityID: s.id, Name: nullable(s.name), TickerSymbol: nullable(s.ticker), IsCashEquivalent: s.cash,
		Type: nullable(s.typ), Subtype: nullable(s.subtype), ClosePrice: money(s.price), IsoCurrencyCode: nullable(currency),
		MarketIdentifierCode: nullable(s.mic), Sector: nullable(s.sector), Industry: nullable(s.industry),
		OptionContract: s.option, FixedIncome: s.fixed}
	if !s.cash {
		j.ClosePriceAsOf = nullable(dayDate(today - 1))
	}
	return j
}

// occSymbol is an option's OCC symbol: underlying, expiry (YYMMDD), C or P, strike times 1000.
var occSymbol = regexp.MustCompile(`^([A-Z]{1,6})([0-9]{6})([CP])([0-9]{8})$`)

// customSecurity is the security a custom user's override names: the table's when its ticker
// is one of them, else one made from what the override gives. price is the price the override
// quotes it at.
func customSecurity(o securityOverride, price float64) *security {
	for _, k := range knownSecurities {
		if o.TickerSymbol != "" && o.TickerSymbol == k.ticker {
			return k
		}
	}
	ident := o.TickerSymbol + "\x00" + o.CUSIP + "\x00" + o.ISIN
	s := &security{id: accountIDs("security\x00"+ident, 1)[0], name: o.Name, ticker: o.TickerSymbol, typ: "equity", subtype: "common stock", price: price}
	if s.name == "" {
		s.name = firstNonEmpty(o.TickerSymbol, o.CUSIP, o.ISIN)
	}
	switch t := o.TickerSymbol; {
	case strings.HasPrefix(t, "CUR:"):
		s.typ, s.subtype = "cryptocurrency", "cryptocurrency"
		if customCurrencyPattern.MatchString(t[4:]) && t[4:] == o.Currency {
			s.typ, s.subtype, s.cash = "cash", "cash", true
		}
	case occSymbol.MatchString(t):
		s.typ, s.subtype, s.option = "derivative", "option", optionOf(occSymbol.FindStringSubmatch(t))
	}
	return s
}

// optionOf reads an OCC symbol's parts into the contract.
func optionOf(m []string) *optionContractJSON {
	exp, err := time.Parse("060102", m[2])
	if err != nil {
		return nil
	}
	strike, _ := strconv.Atoi(m[4])
	kind := "call"
	if m[3] == "P" {
		kind = "put"
	}
	return &optionContractJSON{ContractType: kind, ExpirationDate: exp.Format(time.DateOnly), StrikePrice: float64(strike) / 1000, UnderlyingSecurityTicker: m[1]}
}

func firstNonEmpty(list ...string) string {
	for _, s := range list {
		if s != "" {
			return s
		}
	}
	return ""
}
