package sessions

import "strings"

// AfterTryPrefix starts the after-hand-off step of a call made on the UI's Try the Item
// screen: "try /transactions/sync". A replay makes the same call on its Item.
const AfterTryPrefix = "try "

// AfterTry is the step of a call to path made on the Try the Item screen.
func AfterTry(path string) string { return AfterTryPrefix + path }

// TriedPath is the path of a Try the Item step; ok is false for any other step.
func TriedPath(step string) (path string, ok bool) {
	return strings.CutPrefix(step, AfterTryPrefix)
}
