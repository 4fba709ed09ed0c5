package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

// testDeps are the real program's dependencies with the in-process emulator's Asset Reports
// ready at once, so walks that poll for one stay quick.
func testDeps() deps {
	return deps{emulator: emulator.Options{AssetReportDelay: 30 * time.Millisecond}}
}

// runIn runs the program in-process like main, with only the given environment.
func runIn(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return runInWith(t, testDeps(), env, args...)
}

// runInWith is runIn with the dependencies d.
func runInWith(t *testing.T, d deps, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	state := t.TempDir() // saved sessions land here, never in the developer's state dir
	getenv := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return state
		}
		return env[k]
	}
	code := runWith(context.Background(), d, args, getenv, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// runDoc is the part of the --json document the tests read.
type runDoc struct {
	Partner struct{ ID, Flow string }
	Env     string
	ItemID  string `json:"item_id"`
	Account *struct {
		ID, Mask, Type, Subtype string
	}
	Tokens       map[string]string
	TokensMasked bool `json:"tokens_masked"`
	Error        *struct {
		Code string `json:"error_code"`
		Hint string
	}
	APILog []struct {
		Path      string
		Status    int
		RequestID string  `json:"request_id"`
		LatencyMS float64 `json:"latency_ms"`
	} `json:"api_log"`
}

func decodeRunDoc(t *testing.T, stdout string) runDoc {
	t.Helper()
	var doc runDoc
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("more than one document on stdout:\n%s", stdout)
	}
	return doc
}

func TestRunProcessorPartnerJSON(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--json")
	// stderr carries only where the session was saved; everything else is the JSON on stdout.
	if code != 0 || !regexp.MustCompile(`^session saved: \S+\.json\n$`).MatchString(errOut) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Partner.ID != "dwolla" || doc.Env != "offline" || doc.ItemID == "" || doc.Account == nil || doc.Account.Mask != "0000" {
		t.Errorf("doc %+v", doc)
	}
	if !doc.TokensMasked || !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-…") || !strings.HasPrefix(doc.Tokens["access_token"], "access-sandbox-…") {
		t.Errorf("tokens %v", doc.Tokens)
	}
	if len(doc.APILog) < 6 || doc.APILog[0].Path != "/link/token/create" || doc.APILog[0].RequestID == "" {
		t.Errorf("api_log %+v", doc.APILog)
	}
	if strings.Contains(out, emulator.TestSecret) {
		t.Error("the secret is in the output")
	}
}

func TestRunRevealAndHumanOutput(t *testing.T) {
	code, out, _ := runIn(t, nil, "run", "--partner", "stripe", "--reveal")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Stripe", "offline emulator", "/processor/stripe/bank_account_token/create", "request_id", "stripe_bank_account_token", "btok_"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "btok_…") || strings.Contains(out, "--reveal to print") {
		t.Errorf("--reveal should print whole tokens:\n%s", out)
	}
	// Latencies use plaidflow.FormatLatency's units, never Go's 4.213512ms.
	latency := regexp.MustCompile(`(?m)^\s+\d+\s+POST\s+\S+\s+\d+\s+(\S+)`)
	for _, m := range latency.FindAllStringSubmatch(out, -1) {
		if !regexp.MustCompile(`^(\d+µs|\d\.\dms|\d+ms|\d+\.\d+s)$`).MatchString(m[1]) {
			t.Errorf("latency %q is not in FormatLatency's units", m[1])
		}
	}
	if len(latency.FindAllString(out, -1)) == 0 || !regexp.MustCompile(`done in (\d+µs|\d\.\dms|\d+ms|\d+\.\d+s)\n`).MatchString(out) {
		t.Errorf("no call lines or duration found:\n%s", out)
	}
	code, out, _ = runIn(t, nil, "run", "--partner", "stripe")
	if code != 0 || !strings.Contains(out, "btok_…") || !strings.Contains(out, "--reveal") {
		t.Errorf("tokens should be masked by default (exit %d):\n%s", code, out)
	}
}

func TestRunAlloyCredit(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--days-requested", "30", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Tokens["relay_token"] == "" || doc.Tokens["asset_report_token"] == "" {
		t.Errorf("tokens %v", doc.Tokens)
	}
	code, _, errOut = runIn(t, nil, "run", "--partner", "alloy-credit")
	if code != 2 || !strings.Contains(errOut, "--secondary-client-id") {
		t.Errorf("missing secondary client id: exit %d, %q", code, errOut)
	}
}

func TestRunFailures(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		stderrHa []string
	}{
		{"unknown partner", nil, []string{"--partner", "dwola"}, 2, []string{`unknown partner "dwola"`, "Did you mean: dwolla"}},
		{"no partner", nil, nil, 2, []string{"--partner is required"}},
		{"not runnable", nil, []string{"--partner", "square"}, 2, []string{"Square", "not applicable"}},
		{"item locked", nil, []string{"--partner", "dwolla", "--password", "error_ITEM_LOCKED"}, 1, []string{"ITEM_LOCKED", "hint:", "request_id:", "test password error_ITEM_LOCKED", "use pass_good"}},
		{"unknown product", nil, []string{"--partner", "dwolla", "--products", "foo"}, 2, []string{`unknown product "foo"`, "identity_verification"}},
		{"credit card for Dwolla", nil, []string{"--partner", "dwolla", "--account", "3333"}, 1, []string{"warning:", "NO_AUTH_ACCOUNTS", "checking or savings"}},
		{"unknown account", nil, []string{"--partner", "dwolla", "--account", "9876"}, 1, []string{`--account "9876"`, "Plaid Checking (mask 0000"}},
		{"development env", map[string]string{"PLAID_ENV": "development"}, []string{"--partner", "dwolla"}, 2, []string{"PLAID_ENV", "2024-06-20", "fix:"}},
		{"bad country flag", nil, []string{"--partner", "dwolla", "--country-codes", "ZZ"}, 2, []string{"configuration error: --country-codes:", "ZZ"}},
		{"bad country variable", map[string]string{"PLAID_COUNTRY_CODES": "ZZ"}, []string{"--partner", "dwolla"}, 2, []string{"configuration error: PLAID_COUNTRY_CODES:", "ZZ"}},
		{"bad env flag", nil, []string{"--partner", "dwolla", "--env", "staging"}, 2, []string{"configuration error: --env:", "staging"}},
		{"bad products flag", nil, []string{"--partner", "dwolla", "--products", "balance"}, 2, []string{"configuration error: --products:"}},
		{"shortcut in production", map[string]string{"PLAID_ENV": "production", "PLAID_CLIENT_ID": "c", "PLAID_SECRET": "s"},
			[]string{"--partner", "dwolla"}, 2, []string{"does not exist in production", "--link browser"}},
		{"bad link mode", nil, []string{"--partner", "dwolla", "--link", "carrier-pigeon"}, 2, []string{"shortcut, browser or hosted"}},
		{"bad flag", nil, []string{"--partnr", "dwolla"}, 2, []string{"partnr", "--help"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runIn(t, tt.env, append([]string{"run"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			for _, want := range tt.stderrHa {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

func TestRunBadKeysAgainstAnEmulatorHost(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stop, err := emulator.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	env := map[string]string{"PLAID_BASE_URL": base, "PLAID_CLIENT_ID": emulator.TestClientID, "PLAID_SECRET": "not-the-right-secret"}
	code, out, errOut := runIn(t, env, "run", "--partner", "dwolla", "--json")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Error == nil || doc.Error.Code != "INVALID_API_KEYS" || !strings.Contains(doc.Error.Hint, "PLAID_SECRET") || doc.Env != "sandbox" {
		t.Errorf("error %+v", doc.Error)
	}
	if !strings.Contains(errOut, "INVALID_API_KEYS") || strings.Contains(out+errOut, "not-the-right-secret") {
		t.Errorf("stderr should name the error and never the secret:\n%s", errOut)
	}
	env["PLAID_SECRET"] = emulator.TestSecret
	if code, _, errOut := runIn(t, env, "run", "--partner", "dwolla"); code != 0 {
		t.Errorf("with the right keys the standalone emulator should work: exit %d %s", code, errOut)
	}
}

func TestRunReadsDotEnv(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := writeFile(dir+"/.env", "PLAID_COUNTRY_CODES=XX\n"); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runIn(t, nil, "run", "--partner", "dwolla")
	if code != 2 || !strings.Contains(errOut, "configuration error: PLAID_COUNTRY_CODES:") {
		t.Errorf(".env values must be validated and named by their variable: exit %d %s", code, errOut)
	}
	code, _, _ = runIn(t, nil, "run", "--partner", "dwolla", "--country-codes", "US")
	if code != 0 {
		t.Errorf("a flag should win over .env: exit %d", code)
	}
}

func TestRunHelp(t *testing.T) {
	code, out, _ := runIn(t, nil, "run", "--help")
	for _, flag := range []string{"--partner", "--institution", "--username", "--password", "--account", "--secondary-client-id",
		"--products", "--country-codes", "--json", "--reveal", "--link"} {
		if !strings.Contains(out, strings.TrimPrefix(flag, "-")) {
			t.Errorf("help lacks %s", flag)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(out, "  --link-timeout duration") || !strings.Contains(out, "(default 30m)") {
		t.Errorf("help should name --link-timeout with its 30m default:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^\s+-[a-z]`).MatchString(out) {
		t.Errorf("help spells a flag with one dash:\n%s", out)
	}
}

func TestWalkOptionsFromFlags(t *testing.T) {
	p := plaidflow.Partner{ID: "x", Products: []string{"auth"}, Countries: []string{"US"}}
	cfg := plaidflow.Config{Products: []string{"identity"}}
	wo := walkOptions(cfg, p, runOptions{institution: "Tartan Bank"})
	if wo.InstitutionID != "ins_109511" || strings.Join(wo.Link.Products, ",") != "auth,identity" {
		t.Errorf("%+v", wo)
	}
	wo = walkOptions(plaidflow.Config{Products: []string{"transactions"}}, p, runOptions{products: "transactions", institution: "ins_3"})
	if wo.InstitutionID != "ins_3" || strings.Join(wo.Link.Products, ",") != "transactions" {
		t.Errorf("--products should replace the partner's: %+v", wo)
	}
}

func TestRunSavesSessionUnlessNoSave(t *testing.T) {
	state, file := t.TempDir(), filepath.Join(t.TempDir(), "walk.json")
	env := map[string]string{"XDG_STATE_HOME": state}
	getenv := func(k string) string { return env[k] }
	var out, errOut bytes.Buffer
	if code := runWith(context.Background(), testDeps(), []string{"run", "--partner", "dwolla"}, getenv, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	kept, _ := filepath.Glob(filepath.Join(state, "plaidwalk", "sessions", "*.json"))
	if len(kept) != 1 {
		t.Fatalf("sessions kept: %v (stderr %s)", kept, errOut.String())
	}
	args := []string{"run", "--partner", "dwolla", "--save", file, "--no-save"}
	if code := runWith(context.Background(), testDeps(), args, getenv, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("--save file: %v %v", st, err)
	}
	if again, _ := filepath.Glob(filepath.Join(state, "plaidwalk", "sessions", "*.json")); len(again) != 1 {
		t.Errorf("--no-save still kept a session: %v", again)
	}
}

// TestRunPrintsHeaderBeforeProgress: on a terminal stdout and stderr interleave, so the
// header must be written before the Asset Report's poll lines, and the result after them.
func TestRunPrintsHeaderBeforeProgress(t *testing.T) {
	var both bytes.Buffer
	getenv := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return t.TempDir()
		}
		return ""
	}
	d := testDeps()
	d.emulator.AssetReportDelay = 300 * time.Millisecond
	code := runWith(context.Background(), d, []string{"run", "--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--no-save"},
		getenv, strings.NewReader(""), &both, &both)
	out := both.String()
	header, poll, tokens := strings.Index(out, "plaidwalk run ·"), strings.Index(out, "(poll "), strings.Index(out, "relay_token")
	if code != 0 || header < 0 || poll < 0 || tokens < 0 || !(header < poll && poll < tokens) {
		t.Errorf("exit %d; want header (%d) < poll (%d) < tokens (%d):\n%s", code, header, poll, tokens, out)
	}
}
