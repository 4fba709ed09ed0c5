package sessions

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaultDirFollowsXDG(t *testing.T) {
	dir, _ := DefaultDir(envOf(map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/u"}))
	if dir != "/state/plaidwalk/sessions" {
		t.Fatalf("dir = %s", dir)
	}
	dir, _ = DefaultDir(envOf(map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"}))
	if dir != "/home/u/.local/state/plaidwalk/sessions" {
		t.Fatalf("fallback dir = %s", dir)
	}
	if _, err := DefaultDir(envOf(nil)); err == nil {
		t.Fatal("no error without HOME or XDG_STATE_HOME")
	}
}

func TestSaveWritesPrivateFilesAtomically(t *testing.T) {
	st := &Store{Dir: filepath.Join(t.TempDir(), "plaidwalk", "sessions")}
	path, err := st.Save(Build(dwollaRecord()), testSecret)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{st.Dir: 0o700, filepath.Dir(st.Dir): 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}
	files, _ := os.ReadDir(st.Dir)
	if len(files) != 1 || !strings.HasPrefix(files[0].Name(), "20261122-044653.000-dwolla-") {
		t.Fatalf("directory holds %v, want the one session and no temporary file", files)
	}
}

func TestListAndResolve(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	var ids []string
	for i, partner := range []string{"dwolla", "stripe", "dwolla"} {
		r := dwollaRecord()
		r.Partner.ID = partner
		r.Started = t0.Add(time.Duration(i) * time.Hour)
		path, err := st.Save(Build(r))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strings.TrimSuffix(filepath.Base(path), ".json"))
	}
	if err := os.WriteFile(filepath.Join(st.Dir, "broken.json"), []byte(`{"format":`), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 || entries[0].ID != ids[2] || entries[2].ID != ids[0] || entries[3].ID != "broken" {
		t.Fatalf("entries out of order: %v", entryIDs(entries))
	}
	if entries[3].Err == nil {
		t.Fatal("a damaged file was read as a session")
	}
	if p, err := st.Resolve(ids[1][:20]); err != nil || !strings.HasSuffix(p, ids[1]+".json") {
		t.Fatalf("prefix resolve = %s, %v", p, err)
	}
	if _, err := st.Resolve("2026"); err == nil || !strings.Contains(err.Error(), "matches 3 sessions") {
		t.Fatalf("ambiguous prefix: %v", err)
	}
	if _, err := st.Resolve("nope"); err == nil || !strings.Contains(err.Error(), "plaidwalk sessions") {
		t.Fatalf("unknown id: %v", err)
	}
	if _, err := st.Resolve("./missing.json"); err == nil {
		t.Fatal("a missing file resolved")
	}
}

func TestMissingStoreListsNothing(t *testing.T) {
	entries, err := (&Store{Dir: filepath.Join(t.TempDir(), "none")}).List()
	if err != nil || len(entries) != 0 {
		t.Fatalf("%v %v", entries, err)
	}
}

func entryIDs(entries []Entry) []string {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

// saveAt saves a walk of partner started at the given time and returns its id.
func saveAt(t *testing.T, st *Store, partner string, started time.Time) string {
	t.Helper()
	r := dwollaRecord()
	r.Partner.ID = partner
	r.Started, r.Finished = started, started.Add(50*time.Millisecond)
	path, err := st.Save(Build(r))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(filepath.Base(path), ".json")
}

// Three walks in one second: the last one started is the latest, whatever the partners'
// names, and a readable file not named by time sorts by when it ran.
func TestLatestIsTheLastStartedEvenWithinOneSecond(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	saveAt(t, st, "dwolla", t0.Add(100*time.Millisecond))
	saveAt(t, st, "stripe", t0.Add(400*time.Millisecond))
	alloy := saveAt(t, st, "alloy-credit", t0.Add(700*time.Millisecond))
	copied := Build(dwollaRecord())
	copied.ID = "future"
	copied.StartedAt, copied.FinishedAt = t0.Add(-time.Hour), t0.Add(-time.Hour)
	if err := WriteFile(filepath.Join(st.Dir, "future.json"), copied); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(st.Dir, "99999999-broken.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	var partners []string
	for _, e := range entries {
		partners = append(partners, e.Session.Inputs.Partner)
	}
	if got := strings.Join(partners, ","); got != "alloy-credit,stripe,dwolla,dwolla," || entries[4].Err == nil {
		t.Fatalf("order %s (%v), want alloy-credit, stripe, dwolla, the copied file, then the broken one", got, entryIDs(entries))
	}
	if p, err := st.Resolve("latest"); err != nil || filepath.Base(p) != alloy+".json" {
		t.Fatalf("latest = %s, %v; want %s", p, err, alloy)
	}
}

// Equal start times fall back to the finish time, then to the id, so the order is total.
func TestListBreaksTiesByFinishThenID(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	for _, f := range []struct {
		id       string
		finished time.Duration
	}{{"b", time.Second}, {"a", 2 * time.Second}, {"c", time.Second}} {
		s := Build(dwollaRecord())
		s.ID, s.FinishedAt = f.id, t0.Add(f.finished)
		if err := WriteFile(filepath.Join(st.Dir, f.id+".json"), s); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(entryIDs(entries), ","); got != "a,c,b" {
		t.Fatalf("order %s, want a,c,b", got)
	}
}

func TestNewIDsHaveMillisecondsAndSortByTime(t *testing.T) {
	id := NewID(t0.Add(7*time.Millisecond), "Dwolla")
	if !regexp.MustCompile(`^20261122-044653\.007-dwolla-[0-9a-f]{4}$`).MatchString(id) {
		t.Fatalf("id %q, want 20261122-044653.007-dwolla-xxxx", id)
	}
	earlier := NewID(t0.Add(998*time.Millisecond), "zeta")
	later := NewID(t0.Add(999*time.Millisecond), "alpha")
	nextSecond := NewID(t0.Add(time.Second), "alpha")
	if !(earlier < later && later < nextSecond) {
		t.Fatalf("ids do not sort by time: %s, %s, %s", earlier, later, nextSecond)
	}
}

// Ids of the earlier second-resolution form still load, list among new ones by time, and
// resolve by prefix.
func TestOldSecondResolutionIDsStillLoad(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	old := Build(dwollaRecord())
	old.ID = "20261122-044653-dwolla-3fa1"
	old.StartedAt = t0.Add(500 * time.Millisecond)
	if err := WriteFile(filepath.Join(st.Dir, old.ID+".json"), old); err != nil {
		t.Fatal(err)
	}
	before := saveAt(t, st, "stripe", t0.Add(200*time.Millisecond))
	after := saveAt(t, st, "stripe", t0.Add(800*time.Millisecond))
	entries, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(entryIDs(entries), ","); got != after+","+old.ID+","+before {
		t.Fatalf("order %s", got)
	}
	s, path, err := st.Load("20261122-044653-dw")
	if err != nil || s.ID != old.ID || filepath.Base(path) != old.ID+".json" {
		t.Fatalf("load old id: %v %s %v", s.ID, path, err)
	}
}

func TestLatestNeedsAReadableSession(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	if _, err := st.Resolve("latest"); err == nil || !strings.Contains(err.Error(), "no saved sessions") {
		t.Fatalf("empty store: %v", err)
	}
	if err := os.WriteFile(filepath.Join(st.Dir, "20991231-000000.000-x-0000.json"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Resolve("latest"); err == nil || !strings.Contains(err.Error(), "the file is empty") {
		t.Fatalf("only a broken file: %v", err)
	}
}
