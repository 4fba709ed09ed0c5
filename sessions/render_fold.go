package sessions

import "fmt"

// foldPolling shortens runs of three or more alike calls with nothing between them (Hosted
// Link's /link/token/get, an Asset Report that is not ready) to the first call and one line for
// the rest, placed at the last one's time and naming its request_id: a minute of polling
// would otherwise bury the timeline under thirty identical lines.
func foldPolling(entries []timelineEntry) []timelineEntry {
	var out []timelineEntry
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && alikeEntries(entries[i], entries[j]) {
			j++
		}
		out = append(out, entries[i])
		if rest := j - i - 1; rest == 1 {
			out = append(out, entries[j-1])
		} else if rest > 1 {
			last := entries[j-1]
			text := fmt.Sprintf("… the same call %d more times; the last took %.1fms", rest, last.call.LatencyMS)
			if last.call.RequestID != "" {
				text += ", request_id " + clean(last.call.RequestID)
			}
			if last.earlier {
				text += "  (earlier attempt)"
			}
			out = append(out, timelineEntry{at: last.at, text: text, call: last.call, earlier: last.earlier})
		}
		i = j
	}
	return out
}

// alikeEntries: two calls to one endpoint with the same answer, in the same attempt.
func alikeEntries(a, b timelineEntry) bool {
	if a.call == nil || b.call == nil || a.earlier != b.earlier {
		return false
	}
	return alikeCalls(*a.call, *b.call)
}

// alikeCalls: one endpoint, the same answer.
func alikeCalls(x, y Call) bool {
	return x.Method == y.Method && x.Path == y.Path && x.Status == y.Status && x.ErrorCode == y.ErrorCode
}

// alikeRunEnd is where the run of calls alike to calls[i] (in the same attempt) ends.
func alikeRunEnd(calls []Call, earlier []bool, i int) int {
	j := i + 1
	for j < len(calls) && earlier[j] == earlier[i] && alikeCalls(calls[i], calls[j]) {
		j++
	}
	return j
}
