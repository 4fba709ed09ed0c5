package emulator

import (
	"net/http"
	"sort"
)

// noFields is the body schema of plaidwalk's own endpoints: the keys and nothing else.
var noFields = reqSchema{kind: kObject}

// route picks the handler and body schema of a request, or the error for a path the emulator
// does not serve: ENDPOINT_NOT_SUPPORTED for a path of Plaid's spec it lacks (so a client is
// not told Plaid lacks it), NOT_FOUND for a path Plaid does not have, a method other than
// POST, or a /sandbox/ path while impersonating production.
func (e *Emulator) route(r *http.Request) (handler, *reqSchema, *apiError) {
	path := r.URL.Path
	if h, ok := ownEndpoints[path]; ok && r.Method == http.MethodPost {
		return h, &noFields, nil
	}
	h, served := endpoints[path]
	sp, inSpec := specRoute(path)
	switch {
	case !e.serves(path), served && r.Method != http.MethodPost:
		return nil, nil, notFoundError(path)
	case served && sp.body != nil:
		return h, sp.body, nil
	case inSpec:
		return nil, nil, unservedError(sp.path)
	}
	return nil, nil, notFoundError(path)
}

// unservedError answers a path of Plaid's API the emulator does not implement. Plaid has no
// error code for "this server lacks the endpoint" (NOT_FOUND would claim Plaid lacks it and
// INVALID_PRODUCT would blame the client's product settings), so the code is the emulator's own,
// in Plaid's INVALID_REQUEST family and with its 400 status, which every Plaid client handles.
func unservedError(path string) *apiError {
	return invalidRequest("ENDPOINT_NOT_SUPPORTED", path+" is part of Plaid's API but the offline emulator does not serve it yet; "+
		"run this call against Plaid's Sandbox, or see `plaidwalk emulator --help` for the endpoints served offline")
}

// ServedEndpoints lists the Plaid API paths the emulator serves, sorted: the one list that
// `plaidwalk emulator --help` and the README show.
func ServedEndpoints() []string {
	out := make([]string, 0, len(endpoints))
	for path := range endpoints {
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

// SpecPathCount is how many paths Plaid's spec (the one the request checks come from) has.
func SpecPathCount() int { return len(specPaths) }

// SpecVersion is the API version of the spec the request checks were generated from.
func SpecVersion() string { return specAPIVersion }
