package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// printRunError prints why the flow failed, with Plaid's fields and our hint. Every field is
// cleaned again here although plaidflow cleans API text where it enters: this is the last
// stop before the terminal, and errors also come from Link in the browser.
func printRunError(w io.Writer, err error) {
	clean := termtext.SingleLine
	pe, ok := plaidflow.AsPlaidError(err)
	if !ok {
		printPlainError(w, err)
		return
	}
	status := ""
	if pe.Status != 0 { // Link's onExit errors never came in an HTTP answer
		status = fmt.Sprintf(" (HTTP %d)", pe.Status)
	}
	fmt.Fprintf(w, "plaidwalk: %s failed: %s / %s%s\n", clean(pe.Endpoint), clean(pe.Type), clean(pe.Code), status)
	fmt.Fprintf(w, "  message:     %s\n", clean(pe.Message))
	if pe.DisplayMessage != "" {
		fmt.Fprintf(w, "  for users:   %s\n", clean(pe.DisplayMessage))
	}
	if pe.RequestID != "" {
		fmt.Fprintf(w, "  request_id:  %s\n", clean(pe.RequestID))
	}
	if pe.Hint != "" {
		fmt.Fprintf(w, "  hint:        %s\n", clean(pe.Hint))
	}
	if pe.DocsURL != "" {
		fmt.Fprintf(w, "  docs:        %s\n", clean(pe.DocsURL))
	}
}

func printPlainError(w io.Writer, err error) {
	clean := termtext.SingleLine
	var ae *plaidflow.AccountError
	var ce *plaidflow.ConnectionError
	var ie interruptedError
	switch {
	case errors.As(err, &ie) && ie.cut != nil:
		fmt.Fprintf(w, "plaidwalk run: %s (its answer was never read); no call was made after it.\n", err)
	case errors.Is(err, errInterrupted):
		fmt.Fprintf(w, "plaidwalk run: %s; no further call was made.\n", err)
	case errors.As(err, &ae) && ae.Want != "":
		// The accounts it could have used follow (printAccountChoices), not all of them.
		fmt.Fprintf(w, "plaidwalk run: --account %q matches no account of this Item by id, mask or name.\n", clean(ae.Want))
	case errors.As(err, &ce) && ce.Hint != "":
		fmt.Fprintf(w, "plaidwalk: %s\n", clean(err.Error()))
		fmt.Fprintf(w, "  hint:        %s\n", clean(ce.Hint))
	default:
		fmt.Fprintf(w, "plaidwalk: %s\n", clean(err.Error()))
	}
}

// printAccountChoices follows an --account that matched nothing with the accounts the
// partner accepts, each with the mask and id --account takes.
func printAccountChoices(w io.Writer, r runResult) {
	var ae *plaidflow.AccountError
	if !errors.As(r.Err, &ae) || ae.Want == "" {
		return
	}
	clean := termtext.SingleLine
	var fits, others []string
	for _, a := range r.Walk.Accounts.Accounts {
		line := fmt.Sprintf("%s (mask %s, %s/%s, id %s)", clean(a.Name), clean(a.Mask), clean(a.Type), clean(a.Subtype), clean(a.ID))
		if ok, _ := plaidflow.Eligible(r.Partner, a); ok {
			fits = append(fits, line)
		} else {
			others = append(others, clean(a.Name)+" ("+clean(a.Mask)+")")
		}
	}
	if len(fits) == 0 {
		fmt.Fprintf(w, "  none of this Item's accounts suits %s: %s\n", r.Partner.Name, strings.Join(others, ", "))
		fmt.Fprintln(w, "  fix: log in as another test user, or leave --account out to see why each account is refused")
		return
	}
	fmt.Fprintf(w, "  accounts %s can use:\n", r.Partner.Name)
	for _, f := range fits {
		fmt.Fprintf(w, "    %s\n", f)
	}
	if len(others) > 0 {
		fmt.Fprintf(w, "  (%s does not take the others: %s)\n", r.Partner.Name, strings.Join(others, ", "))
	}
	fmt.Fprintln(w, "  fix: pass --account with one of these (the mask is enough), or leave it out to use the first")
}
