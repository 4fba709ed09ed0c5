package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"plaidwalk/plaidflow"
)

func printPartnersUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: plaidwalk partners [--json] [ID]

Lists the partner catalog: id (what 'plaidwalk run --partner' takes), name, flow, Link products
and docs page. With an ID, shows that partner in full. --json prints the catalog (or the one
partner) as JSON.
`)
}

func partnersFlags(asJSON *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("partners", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(asJSON, "json", false, "print JSON")
	return fs
}

// cmdPartners lists the catalog, or shows one partner.
func cmdPartners(_ context.Context, c *cli, args []string) int {
	asJSON := new(bool)
	fs := partnersFlags(asJSON)
	pos, done, code := parseFlags(c, fs, args, 1, printPartnersUsage)
	if done {
		return code
	}
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return 1
	}
	if len(pos) == 1 {
		return showPartner(c, catalog, pos[0], *asJSON)
	}
	if *asJSON {
		return writeJSON(c, catalog.Partners)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tFLOW\tPRODUCTS\tDOCS")
	for _, p := range catalog.Partners {
		flow := string(p.Flow)
		if !p.Runnable() {
			flow = "not runnable"
		}
		docs := p.DocsURL
		if !p.HasDocsPage {
			docs = "(no partner page) " + docs
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID, p.Name, flow, strings.Join(p.Products, ","), docs)
	}
	tw.Flush()
	fmt.Fprintf(c.stdout, "\n%d partners. 'plaidwalk partners ID' shows one; 'plaidwalk run --partner ID' walks it.\n", len(catalog.Partners))
	return 0
}

func showPartner(c *cli, catalog plaidflow.Catalog, id string, asJSON bool) int {
	p, ok := catalog.Find(id)
	if !ok {
		msg := fmt.Sprintf("plaidwalk partners: unknown partner %q.", id)
		if s := catalog.Suggest(id); len(s) > 0 {
			msg += " Did you mean: " + strings.Join(s, ", ") + "?"
		}
		fmt.Fprintln(c.stderr, msg)
		return 2
	}
	if asJSON {
		return writeJSON(c, p)
	}
	w := c.stdout
	fmt.Fprintf(w, "%s (%s)\n\n%s\n\n", p.Name, p.ID, p.Description)
	fmt.Fprintf(w, "  flow          %s\n", flowLabel(p))
	if p.NotRunnable != "" {
		fmt.Fprintf(w, "  not runnable  %s\n", p.NotRunnable)
	}
	fmt.Fprintf(w, "  products      %s\n", strings.Join(p.Products, ", "))
	fmt.Fprintf(w, "  countries     %s\n", strings.Join(p.Countries, ", "))
	types := make([]string, 0, len(p.AccountTypes))
	for typ := range p.AccountTypes {
		types = append(types, typ)
	}
	sort.Strings(types)
	for _, typ := range types {
		subs := "(any subtype)"
		if len(p.AccountTypes[typ]) > 0 {
			subs = strings.Join(p.AccountTypes[typ], ", ")
		}
		fmt.Fprintf(w, "  accounts      %s: %s\n", typ, subs)
	}
	for _, in := range p.Inputs {
		fmt.Fprintf(w, "  input         %s: %s (%s)\n", in.Name, in.Label, inputNote(in))
	}
	fmt.Fprintf(w, "  docs          %s (%s)\n", p.DocsURL, docsNote(p))
	return 0
}

// inputNote says in words whether an input must be given and what is used otherwise.
func inputNote(in plaidflow.Input) string {
	switch {
	case in.Required:
		return "required"
	case in.Default != "":
		return "optional; default " + in.Default
	}
	return "optional"
}

// docsNote says what the docs link is. Without a partner page, a live processor is known
// only by its processor string (its name is derived from it); a retired partner such as
// Prime Trust had a page and a real name, and lost the page when Plaid dropped it.
func docsNote(p plaidflow.Partner) string {
	switch {
	case p.HasDocsPage:
		return "Plaid's partner page"
	case !p.Runnable() && p.Processor == "":
		return "Plaid took its partner page down when the integration was retired; this is the processor list"
	case p.Processor != "":
		return "no partner page: listed by Plaid only as the processor string " + strconv.Quote(p.Processor) + ", so the name shown is derived from it"
	}
	return "no partner page"
}

func writeJSON(c *cli, v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return 1
	}
	return 0
}
