package codegen

import (
	"fmt"
	"io"
	"strings"

	"plaidwalk/sessions"
)

const rubyPrelude = `require 'json'
require 'plaid'
require 'uri'

abort 'set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys' if ENV['PLAID_CLIENT_ID'].to_s.empty? || ENV['PLAID_SECRET'].to_s.empty?
configuration = Plaid::Configuration.new
configuration.server_index = Plaid::Configuration::Environment[ENV.fetch('PLAID_ENV', 'sandbox')]
if (base = ENV['PLAID_BASE_URL'].to_s) != ''
  uri = URI(base.chomp('/'))
  configuration.server_index = nil
  configuration.scheme = uri.scheme
  configuration.host = "#{uri.host}:#{uri.port}"
  configuration.base_path = uri.path
end
configuration.api_key['PLAID-CLIENT-ID'] = ENV['PLAID_CLIENT_ID']
configuration.api_key['PLAID-SECRET'] = ENV['PLAID_SECRET']
CLIENT = Plaid::PlaidApi.new(Plaid::ApiClient.new(configuration))

# Prints a token the walk made: its last four characters unless PLAIDWALK_REVEAL=1.
def show(name, token)
  puts "#{name}: #{ENV['PLAIDWALK_REVEAL'] == '1' ? token : "\u2026#{token.to_s[-4..]}"}"
end

# Plaid's error object from a failed call's response body.
def plaid_error(err)
  JSON.parse(err.response_body.to_s)
rescue JSON::ParserError
  {}
end

# Makes a call again while Plaid answers PRODUCT_NOT_READY (an Asset Report being made).
def poll
  attempt = 0
  begin
    attempt += 1
    yield
  rescue Plaid::ApiError => e
    raise if attempt >= 60 || plaid_error(e)['error_code'] != 'PRODUCT_NOT_READY'
    sleep 1
    retry
  end
end
`

func writeRuby(w io.Writer, p *program) {
	fmt.Fprintf(w, "# %s\n#\n# Repeats the walk with Plaid's Ruby gem. Install it and run:\n#   gem install plaid\n"+
		"#   PLAID_CLIENT_ID=... PLAID_SECRET=... ruby walk.rb\n"+
		"# PLAID_ENV picks sandbox (default) or production; PLAID_BASE_URL, when set, is the host\n"+
		"# instead ('plaidwalk emulator' prints one). Tokens print masked unless PLAIDWALK_REVEAL=1.\n\n", p.header)
	io.WriteString(w, rubyPrelude)
	io.WriteString(w, "\ndef main\n")
	for _, v := range vars {
		fmt.Fprintf(w, "  %s = nil\n", varName(v, "ruby"))
	}
	for _, st := range p.steps {
		writeRubyStep(w, st)
	}
	io.WriteString(w, "end\n\nbegin\n  main\nrescue Plaid::ApiError => e\n  err = plaid_error(e)\n"+
		"  abort \"Plaid error #{err['error_type']} #{err['error_code']}: #{err['error_message']} (request_id #{err['request_id']})\"\nend\n")
}

func writeRubyStep(w io.Writer, st step) {
	io.WriteString(w, "\n")
	for _, l := range stepNote(st) {
		fmt.Fprintf(w, "  # %s\n", l)
	}
	fmt.Fprintf(w, "  request = %s\n", rubyValue(st.req, "  "))
	call := fmt.Sprintf("CLIENT.%s(request)", snake(st.op.ID))
	switch st.Kind {
	case sessions.StepExpect:
		fmt.Fprintf(w, "  begin\n    %s\n  rescue Plaid::ApiError => e\n    warn \"as in the session: #{plaid_error(e)['error_code']}\"\n  end\n", call)
		return
	case sessions.StepPoll:
		fmt.Fprintf(w, "  response = poll { %s }\n", call)
	default:
		fmt.Fprintf(w, "  response = %s\n", call)
	}
	for _, o := range st.Sets {
		fmt.Fprintf(w, "  %s = response.%s\n", varName(o.Var, "ruby"), o.Field)
		if o.Var != "ASSET_REPORT_ID" && o.Field != st.PartnerToken {
			fmt.Fprintf(w, "  show('%s', %s)\n", o.Field, varName(o.Var, "ruby"))
		}
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "  account = response.accounts.find { |a| (%s.empty? || a.mask == %s) && (%s.empty? || a.name == %s) }\n",
			rubyString(a.Mask), rubyString(a.Mask), rubyString(a.Name), rubyString(a.Name))
		fmt.Fprintf(w, "  abort %s if account.nil?\n  account_id = account.account_id\n", rubyString("no account "+a.Label()+" in this Item"))
	}
	if f := st.PartnerToken; f != "" {
		fmt.Fprintf(w, "  show('partner token: %s', response.%s)\n", f, f)
	}
}

// rubyValue is v as a Ruby expression with the gem's model classes.
func rubyValue(v value, indent string) string {
	switch v.kind {
	case kString:
		return rubyString(v.str)
	case kNumber, kBool:
		return v.str
	case kRef:
		return varName(sessions.Ref(v.str), "ruby")
	case kList:
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = rubyValue(it, indent)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case kObject:
		var b strings.Builder
		b.WriteString("Plaid::" + v.typ + ".new(\n")
		for _, f := range v.fields {
			fmt.Fprintf(&b, "%s  %s: %s,\n", indent, f.name, rubyValue(f.val, indent+"  "))
		}
		return b.String() + indent + ")"
	case kMap:
		parts := make([]string, len(v.fields))
		for i, f := range v.fields {
			parts[i] = rubyString(f.name) + " => " + rubyValue(f.val, indent)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "nil"
}
