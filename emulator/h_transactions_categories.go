package emulator

import "strings"

// legacyCategories are the categories /categories/get lists: every legacy category the
// generated transactions use, with its parents. Plaid's full list is several hundred long; an
// app that looks a transaction's category_id up here always finds it.
var legacyCategories = []categoryJSON{
	{"13000000", "place", []string{"Food and Drink"}},
	{"13005000", "place", []string{"Food and Drink", "Restaurants"}},
	{"13005032", "place", []string{"Food and Drink", "Restaurants", "Fast Food"}},
	{"13005043", "place", []string{"Food and Drink", "Restaurants", "Coffee Shop"}},
	{"16000000", "special", []string{"Payment"}},
	{"16001000", "special", []string{"Payment", "Credit Card"}},
	{"16002000", "special", []string{"Payment", "Rent"}},
	{"18000000", "place", []string{"Service"}},
	{"18061000", "digital", []string{"Service", "Subscription"}},
	{"18068000", "place", []string{"Service", "Utilities"}},
	{"19000000", "place", []string{"Shops"}},
	{"19012000", "place", []string{"Shops", "Department Stores"}},
	{"19013000", "digital", []string{"Shops", "Digital Purchase"}},
	{"19043000", "place", []string{"Shops", "Pharmacies"}},
	{"19047000", "place", []string{"Shops", "Supermarkets and Groceries"}},
	{"21000000", "special", []string{"Transfer"}},
	{"21005000", "special", []string{"Transfer", "Credit"}},
	{"21007000", "special", []string{"Transfer", "Deposit"}},
	{"21009000", "special", []string{"Transfer", "Payroll"}},
	{"22000000", "place", []string{"Travel"}},
	{"22001000", "place", []string{"Travel", "Airlines and Aviation Services"}},
	{"22009000", "place", []string{"Travel", "Gas Stations"}},
	{"22016000", "place", []string{"Travel", "Taxi"}},
}

type categoryJSON struct {
	CategoryID string   `json:"category_id"`
	Group      string   `json:"group"`
	Hierarchy  []string `json:"hierarchy"`
}

type categoriesResponse struct {
	Categories []categoryJSON `json:"categories"`
	RequestID  string         `json:"request_id"`
}

// categoriesGet lists the legacy categories; it reads nothing of any Item.
func (e *Emulator) categoriesGet(q *apiRequest) (any, *apiError) {
	return categoriesResponse{Categories: legacyCategories, RequestID: q.requestID}, nil
}

// categoryPath is a hierarchy as one string, to compare hierarchies.
func categoryPath(h []string) string { return strings.Join(h, " > ") }
