package sessions

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Store is the directory of saved sessions, one <id>.json file each.
type Store struct{ Dir string }

// Entry is one file of a Store; Err is set when the file could not be read as a session.
type Entry struct {
	ID      string
	Path    string
	Session Session
	Err     error
}

// DefaultDir is $XDG_STATE_HOME/plaidwalk/sessions, or ~/.local/state/plaidwalk/sessions
// when XDG_STATE_HOME is unset or not absolute (the XDG spec says to ignore relative values).
func DefaultDir(getenv func(string) string) (string, error) {
	if state := getenv("XDG_STATE_HOME"); filepath.IsAbs(state) {
		return filepath.Join(state, "plaidwalk", "sessions"), nil
	}
	home := getenv("HOME")
	if !filepath.IsAbs(home) {
		return "", errors.New("cannot find where to keep sessions: neither XDG_STATE_HOME nor HOME is set to an absolute path; set one of them")
	}
	return filepath.Join(home, ".local", "state", "plaidwalk", "sessions"), nil
}

// OpenStore is the Store in the default directory; the directory is made on the first save.
func OpenStore(getenv func(string) string) (*Store, error) {
	dir, err := DefaultDir(getenv)
	if err != nil {
		return nil, err
	}
	return &Store{Dir: dir}, nil
}

// idTimeLayout is the time part of an id: UTC to the millisecond, fixed width, so ids of
// walks started in the same second still sort in the order they started. Ids written before
// had no ".000" part (20261122-044653-dwolla-3fa1); they load as they are, since an id is
// only a name and the store orders sessions by their recorded times (see List).
const idTimeLayout = "20060102-150405.000"

// NewID makes an id that sorts by time: 20261122-044653.127-dwolla-3fa1 (UTC to the
// millisecond, then the partner id, then a random suffix so two walks in one millisecond do
// not collide).
func NewID(t time.Time, partner string) string {
	var b [2]byte
	_, _ = rand.Read(b[:])
	slug := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, partner)
	if slug == "" {
		slug = "walk"
	}
	return t.UTC().Format(idTimeLayout) + "-" + slug + "-" + hex.EncodeToString(b[:])
}

// Save writes s into the store under its id (a new one when empty) and returns the path.
func (st *Store) Save(s Session, secrets ...string) (string, error) {
	if err := st.prepareDir(); err != nil {
		return "", err
	}
	st.removeStaleTemps(time.Now())
	if s.ID == "" {
		s.ID = NewID(s.StartedAt, s.Inputs.Partner)
		for i := 0; i < 5 && exists(filepath.Join(st.Dir, s.ID+".json")); i++ {
			s.ID = NewID(s.StartedAt, s.Inputs.Partner)
		}
	}
	path := filepath.Join(st.Dir, s.ID+".json")
	return path, WriteFile(path, s, secrets...)
}

// WriteFile writes s to path atomically (a temporary file in the same directory, then a
// rename), mode 0600. The directory must exist (see CheckTarget): a mistyped path is not
// turned into new directories.
func WriteFile(path string, s Session, secrets ...string) error {
	if s.ID == "" {
		s.ID = NewID(s.StartedAt, s.Inputs.Partner)
	}
	if err := CheckTarget(path); err != nil {
		return err
	}
	data, err := Encode(s, secrets...)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write session: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write session: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write session: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write session: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write session: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write session: %w", err)
	}
	return nil
}

// ReadFile reads and decodes one session file.
func ReadFile(path string) (Session, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := os.Lstat(path); lerr == nil {
				return Session{}, &FileError{Path: path, Problem: "a symbolic link to a file that does not exist", Fix: "restore the file it points to, or remove the link"}
			}
			return Session{}, &FileError{Path: path, Problem: "no such file", Fix: "check the path, or run 'plaidwalk sessions' for saved ids"}
		}
		return Session{}, &FileError{Path: path, Problem: err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Session{}, &FileError{Path: path, Problem: err.Error()}
	}
	if len(data) > MaxFileSize {
		return Session{}, &FileError{Path: path, Problem: "larger than any session plaidwalk writes", Fix: "pass a file written by plaidwalk"}
	}
	return Decode(data, path)
}

// List reads every session in the store, newest first (see sortNewestFirst), the files that
// cannot be read as sessions last. A missing directory is an empty list.
func (st *Store) List() ([]Entry, error) {
	files, err := os.ReadDir(st.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the sessions directory: %w", err)
	}
	var out []Entry
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue
		}
		e := Entry{ID: strings.TrimSuffix(name, ".json"), Path: filepath.Join(st.Dir, name)}
		e.Session, e.Err = ReadFile(e.Path)
		out = append(out, e)
	}
	sortNewestFirst(out)
	return out, nil
}

// sortNewestFirst orders entries by when the walk started, newest first; equal starts by when
// they finished, then by id. The file name is not trusted for the order: ids of one second
// used to sort by partner name, and a file copied in under any name (future.json) would
// otherwise jump ahead of every real session. Unreadable files go last, by id.
func sortNewestFirst(entries []Entry) {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if (a.Err == nil) != (b.Err == nil) {
			return a.Err == nil
		}
		if a.Err == nil {
			if !a.Session.StartedAt.Equal(b.Session.StartedAt) {
				return a.Session.StartedAt.After(b.Session.StartedAt)
			}
			if !a.Session.FinishedAt.Equal(b.Session.FinishedAt) {
				return a.Session.FinishedAt.After(b.Session.FinishedAt)
			}
		}
		return a.ID > b.ID
	})
}

// Resolve finds a session by file path, by id, by a unique id prefix, or "latest".
func (st *Store) Resolve(ref string) (string, error) {
	if info, err := os.Stat(ref); err == nil && info.Mode().IsRegular() {
		return ref, nil
	}
	if strings.ContainsRune(ref, os.PathSeparator) || strings.HasSuffix(ref, ".json") {
		return "", &FileError{Path: ref, Problem: "no such file", Fix: "check the path, or run 'plaidwalk sessions' for saved ids"}
	}
	entries, err := st.List()
	if err != nil {
		return "", err
	}
	if ref == "latest" || ref == "last" {
		return latest(entries, st.Dir)
	}
	var matches []Entry
	for _, e := range entries {
		if e.ID == ref {
			return e.Path, nil
		}
		if strings.HasPrefix(e.ID, ref) {
			matches = append(matches, e)
		}
	}
	switch {
	case len(matches) == 1:
		return matches[0].Path, nil
	case len(matches) > 1:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		return "", fmt.Errorf("%q matches %d sessions (%s); give more of the id", ref, len(ids), strings.Join(ids, ", "))
	}
	return "", fmt.Errorf("no saved session %q in %s; run 'plaidwalk sessions' to list them", ref, st.Dir)
}

// Load resolves ref and reads the session, returning where it came from.
func (st *Store) Load(ref string) (Session, string, error) {
	path, err := st.Resolve(ref)
	if err != nil {
		return Session{}, "", err
	}
	s, err := ReadFile(path)
	return s, path, err
}

// latest is the newest readable session; List puts unreadable files last, so it is the first
// entry unless none can be read.
func latest(entries []Entry, dir string) (string, error) {
	if len(entries) == 0 {
		return "", fmt.Errorf("no saved sessions in %s yet; every 'plaidwalk run' and terminal UI walk is saved there", dir)
	}
	if entries[0].Err != nil {
		return "", fmt.Errorf("none of the %d files in %s can be read as a session (the first: %v); run 'plaidwalk sessions' to see why", len(entries), dir, entries[0].Err)
	}
	return entries[0].Path, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
