package plaidflow

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// dotEnv is what was read from a .env file: each value with the line it came from, so that
// a bad value is blamed on that line and not on the environment, which never held it.
type dotEnv struct {
	path     string
	vals     map[string]dotEnvValue
	warnings []string
}

type dotEnvValue struct {
	value string
	line  int
}

// dotEnvKey is a shell variable name, what a KEY= line must start with.
var dotEnvKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// readDotEnv parses a quickstart-style .env: KEY=VALUE lines, optional `export `, # comments,
// optional single or double quotes. A missing file is not an error. A line that is none of
// these is skipped with a warning naming it; its text is not repeated, since a mistyped line
// may hold a secret.
func readDotEnv(path string) (*dotEnv, error) {
	d := &dotEnv{path: path, vals: map[string]dotEnvValue{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return nil, &ConfigError{".env", "cannot be read: " + err.Error(), "fix its permissions or remove it"}
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		key, val, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || !dotEnvKey.MatchString(key) {
			d.warnings = append(d.warnings, fmt.Sprintf("%s line %d is not KEY=VALUE (nor a # comment) and was ignored", path, i+1))
			continue
		}
		d.vals[key] = dotEnvValue{unquoteDotEnv(strings.TrimSpace(val)), i + 1}
	}
	return d, nil
}

// shadowed forgets a value the environment overrides: only the value in use can be at fault.
func (d *dotEnv) shadowed(name string) { delete(d.vals, name) }

// where is "line N of PATH" for a variable whose value came from .env, or "".
func (d *dotEnv) where(name string) string {
	v, ok := d.vals[name]
	if !ok || strings.TrimSpace(v.value) == "" {
		return ""
	}
	return fmt.Sprintf("line %d of %s", v.line, d.path)
}

// blame rewrites a configuration error whose values came from .env so that it names the
// file and line: the variable's own, and any other .env variable the problem mentions
// (PLAID_ENV=sandbox there needs keys). "unset X" advice becomes "delete that line", as
// unsetting a variable that is only in .env changes nothing.
func (d *dotEnv) blame(ce *ConfigError) {
	for name := range d.vals {
		if at := d.where(name); at != "" {
			if name != ce.Variable && strings.Contains(ce.Problem, name) {
				ce.Problem += " (" + name + " is set on " + at + ")"
			}
			ce.Fix = strings.ReplaceAll(ce.Fix, "unset "+name, "delete "+at+" ("+name+")")
		}
	}
	if at := d.where(ce.Variable); at != "" {
		ce.Problem = "set on " + at + ": " + ce.Problem
		if !strings.Contains(ce.Fix, at) {
			ce.Fix += " (edit or delete " + at + "; a value in the environment wins over .env)"
		}
	}
}

func unquoteDotEnv(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : end+1]
		}
	}
	// An unquoted value may carry a trailing comment.
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}
