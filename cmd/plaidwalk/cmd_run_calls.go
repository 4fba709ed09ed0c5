package main

import (
	"fmt"
	"io"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// printCalls lists the walk's API calls, one line each. Polling (Hosted Link's
// /link/token/get, an Asset Report not ready yet) repeats one call dozens of times, so a run of
// alike calls is folded into its first line and a line for the rest, which names the last
// one's request_id: that is the call whose answer the walk went on with.
func printCalls(w io.Writer, calls []plaidflow.Call) {
	for i := 0; i < len(calls); {
		j := i + 1
		for j < len(calls) && plaidflow.AlikeCalls(calls[i], calls[j]) {
			j++
		}
		fmt.Fprintln(w, callLine(i+1, calls[i]))
		switch rest := j - i - 1; {
		case rest == 1:
			fmt.Fprintln(w, callLine(j, calls[j-1]))
		case rest > 1:
			last := calls[j-1]
			line := fmt.Sprintf("  %2d  … the same call %d more times (calls %d–%d); the last took %s", j, rest, i+2, j, plaidflow.FormatLatency(last.Latency))
			if last.RequestID != "" {
				line += ", request_id " + termtext.SingleLine(last.RequestID)
			}
			fmt.Fprintln(w, line)
		}
		i = j
	}
}

// callLine is one call: its number, method, path, status (ERR when no answer came), latency,
// request_id and error code.
func callLine(n int, call plaidflow.Call) string {
	clean := termtext.SingleLine
	status := fmt.Sprint(call.Status)
	if call.Err != "" {
		status = "ERR"
	}
	line := fmt.Sprintf("  %2d  %-4s %-45s %4s %7s", n, call.Method, clean(call.Path), status, plaidflow.FormatLatency(call.Latency))
	if call.RequestID != "" {
		line += "  request_id " + clean(call.RequestID)
	}
	if call.ErrorCode != "" {
		line += "  " + clean(call.ErrorCode)
	}
	return line
}
