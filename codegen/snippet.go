package codegen

import (
	"bytes"
	"fmt"
	"io"

	"plaidwalk/sessions"
)

// stepWriters write one step in each language, as inside its program.
var stepWriters = map[string]func(io.Writer, step){
	"node": writeNodeStep, "python": writePythonStep, "go": writeGoStep, "ruby": writeRubyStep, "java": writeJavaStep,
}

// commentMark starts a line comment in each language.
var commentMark = map[string]string{"node": "//", "python": "#", "go": "//", "ruby": "#", "java": "//"}

// Snippet is the code in lang for one call of the API log, as the UI's code view shows it:
// the request built with the library's types from the call's (redacted) body, the call, and
// the response fields a later step reads. Tokens are the variables the whole program fills
// from earlier responses; the client's set-up is the program's, named in the first line.
func Snippet(lang string, c sessions.Call) (string, error) {
	write := stepWriters[lang]
	if write == nil {
		return "", fmt.Errorf("no code for %q: the languages are %v", lang, Languages)
	}
	s := sessions.Session{Calls: []sessions.Call{c},
		Inputs: sessions.Inputs{LinkMode: sessions.LinkModeShortcut, Account: &sessions.AccountChoice{}}}
	p, err := newProgram(s)
	if err != nil {
		return "", err
	}
	if len(p.steps) == 0 {
		return "", fmt.Errorf("%s has no code of its own: the program gets the public_token from the sandbox shortcut instead", c.Path)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s client and the token variables: as in 'plaidwalk sessions export ID --format %s'\n", commentMark[lang], lang)
	for _, st := range p.steps {
		st.Account = nil // which account a walk chose is the whole program's business
		write(&b, st)
	}
	return b.String(), nil
}
