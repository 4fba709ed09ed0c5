package sessions

import (
	"encoding/json"
	"sort"
	"strings"
)

// Ref is a request value that only exists at run time: a variable set from an earlier
// response (LINK_TOKEN, PUBLIC_TOKEN, ACCESS_TOKEN, ACCOUNT_ID, ASSET_REPORT_TOKEN,
// ASSET_REPORT_ID). A session holds tokens masked, so every export takes them from the
// response that produced them instead.
type Ref string

// StepKind is how an export makes a call.
type StepKind int

const (
	// StepCall stops the program on an API error.
	StepCall StepKind = iota
	// StepPoll asks again while the answer is PRODUCT_NOT_READY (asset reports).
	StepPoll
	// StepExpect is a call that failed in the session, which went on after it: nothing later
	// reads its answer, so the program goes on whatever comes back.
	StepExpect
)

// ExportStep is one API call of a session as every export repeats it: the curl script and the
// programs of the codegen package render the same steps, so the rules of which calls are
// made, which token goes where and which answer is read have one owner.
type ExportStep struct {
	Method    string
	Path      string
	Status    int    // the status the session saw
	ErrorCode string // the error code the session saw
	Kind      StepKind
	Last      bool // the session's last call
	// Body is the request body without the keys; token fields hold a Ref (list fields a
	// one-element []any), numbers are json.Number, and the sandbox test user is the session's.
	Body map[string]any
	// LinkStandIn marks the sandbox shortcut making the public_token Link hands over in an app.
	// Inserted is set when the session ran Link in a browser and the export adds the shortcut.
	LinkStandIn, Inserted bool
	Sets                  []Output       // what the response hands to later steps
	Account               *AccountChoice // /accounts/get: the account the walk chose
	PartnerToken          string         // the response field holding the partner's token, if any
}

// Output is a response field that a later step reads.
type Output struct {
	Var   Ref
	Field string
}

// tokenVars maps a request field holding a token to the variable that carries it from the
// response that produced it; list fields take a one-element array.
var tokenVars = map[string]Ref{
	"link_token": "LINK_TOKEN", "public_token": "PUBLIC_TOKEN", "access_token": "ACCESS_TOKEN",
	"asset_report_token": "ASSET_REPORT_TOKEN", "asset_report_id": "ASSET_REPORT_ID",
}

var tokenListVars = map[string]Ref{"access_tokens": "ACCESS_TOKEN", "report_tokens": "ASSET_REPORT_TOKEN"}

// responseVars is what each step's response hands to the later steps.
var responseVars = map[string][]Output{
	"/link/token/create":           {{"LINK_TOKEN", "link_token"}},
	"/sandbox/public_token/create": {{"PUBLIC_TOKEN", "public_token"}},
	"/item/public_token/exchange":  {{"ACCESS_TOKEN", "access_token"}},
	"/asset_report/create":         {{"ASSET_REPORT_TOKEN", "asset_report_token"}, {"ASSET_REPORT_ID", "asset_report_id"}},
}

// partnerTokenFields are the tokens a flow ends with; the exports print them.
var partnerTokenFields = map[string]string{
	"/processor/token/create":                     "processor_token",
	"/processor/stripe/bank_account_token/create": "stripe_bank_account_token",
	"/asset_report/create":                        "asset_report_token",
	"/credit/relay/create":                        "relay_token",
}

// ExportSteps is what an export of s makes: its calls in order, each Asset Report poll run as one
// polling step, Hosted Link's /link/token/get left out, and for a walk whose Link ran in a
// browser (or Hosted Link) the sandbox shortcut added before the exchange. It ends at the
// hand-off (HandoffEnd): the partner reads with its own keys, and a repair needs a person to
// log in again in Link's update mode, so neither is a call an app's server script repeats.
// The session is checked (every path a Plaid API path) and cleaned as for printing.
func ExportSteps(s Session) ([]ExportStep, error) {
	if err := checkCalls(s.Calls); err != nil {
		return nil, err
	}
	s = printable(s)
	in := s.Inputs
	browser := in.LinkMode != LinkModeShortcut
	needShortcut := true // a browser walk's exchange needs a public_token the export makes itself
	calls := collapseAssetPolls(s.Calls[:HandoffEnd(s.Calls)])
	var out []ExportStep
	for i, c := range calls {
		switch c.Path {
		case "/link/token/get":
			continue // Hosted Link's result: replaced by the shortcut
		case "/link/token/create":
			needShortcut = true
		case "/sandbox/public_token/create":
			needShortcut = false
		case "/item/public_token/exchange":
			if browser && needShortcut {
				out = append(out, shortcutStep(in))
			}
			needShortcut = true
		}
		out = append(out, callStep(s, c, i == len(calls)-1))
	}
	return out, nil
}

func shortcutStep(in Inputs) ExportStep {
	products := make([]any, 0, len(in.Link.Products))
	for _, p := range in.Link.Products {
		products = append(products, p)
	}
	body := map[string]any{
		"institution_id":   orDefault(in.InstitutionID, DefaultInstitution),
		"initial_products": products,
		"options":          map[string]any{"override_username": orDefault(in.Username, DefaultUsername), "override_password": orDefault(in.Password, DefaultPassword)},
	}
	return ExportStep{Method: "POST", Path: "/sandbox/public_token/create", Status: 200, Body: body, LinkStandIn: true, Inserted: true,
		Sets: responseVars["/sandbox/public_token/create"]}
}

func callStep(s Session, c Call, last bool) ExportStep {
	st := ExportStep{Method: c.Method, Path: c.Path, Status: c.Status, ErrorCode: c.ErrorCode, Last: last, Body: stepBody(s, c),
		LinkStandIn: c.Path == "/sandbox/public_token/create"}
	switch {
	case c.Path == "/asset_report/get" && (c.Status < 400 || last):
		st.Kind = StepPoll
	case c.Status >= 400 && !last:
		st.Kind = StepExpect
		return st
	}
	st.Sets = responseVars[c.Path]
	if c.Path == "/accounts/get" && s.Inputs.Account != nil {
		a := *s.Inputs.Account
		st.Account = &a
	}
	st.PartnerToken = partnerTokenFields[c.Path]
	return st
}

// stepBody turns a recorded (redacted) request body into the body an export sends: token
// fields become Refs, the keys are dropped (they go in headers), the test user is the
// session's.
func stepBody(s Session, c Call) map[string]any {
	var body map[string]any
	dec := json.NewDecoder(strings.NewReader(c.RequestBody))
	dec.UseNumber()
	if dec.Decode(&body) != nil || body == nil {
		body = map[string]any{}
	}
	delete(body, "client_id")
	delete(body, "secret")
	for field, v := range tokenVars {
		if _, ok := body[field]; ok {
			body[field] = v
		}
	}
	for field, v := range tokenListVars {
		if _, ok := body[field]; ok {
			body[field] = []any{v}
		}
	}
	if _, ok := body["account_id"]; ok && s.Inputs.Account != nil {
		body["account_id"] = Ref("ACCOUNT_ID")
	}
	if opts, ok := body["options"].(map[string]any); ok && c.Path == "/sandbox/public_token/create" {
		keepSandboxUser(opts, s.Inputs)
	}
	return body
}

// Refs lists the variables a body reads, sorted.
func Refs(v any) []Ref {
	seen := map[Ref]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case Ref:
			seen[v] = true
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	out := make([]Ref, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// keepSandboxUser leaves the test user the call was made with; only a password dropped when
// saving (not a sandbox test password) is replaced, by the session's or pass_good.
func keepSandboxUser(opts map[string]any, in Inputs) {
	if u, _ := opts["override_username"].(string); u == "" && in.Username != "" {
		opts["override_username"] = in.Username
	}
	if pw, _ := opts["override_password"].(string); !TestPassword(pw) && (pw != "" || in.Password != "") {
		opts["override_password"] = orDefault(in.Password, DefaultPassword)
	}
}

// Header is the one-line description of a session an export's header starts with.
func Header(s Session) string {
	s = printable(s)
	in := s.Inputs
	return "plaidwalk session " + s.ID + ": " + partnerLabel(in) + ", recorded " + s.StartedAt.UTC().Format("2006-01-02 15:04 UTC") +
		" in " + in.EnvLabel() + " by plaidwalk " + s.Plaidwalk + ". It ended with: " + outcomeLine(s.Outcome) + "."
}
