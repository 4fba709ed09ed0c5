package sessions

import (
	"os"
	"path/filepath"
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
	if len(files) != 1 || !strings.HasPrefix(files[0].Name(), "20261122-044653-dwolla-") {
		t.Fatalf("directory holds %v, want the one session and no temporary file", files)
	}
}

func TestSaveTightensALooseDirectory(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	if err := os.Chmod(st.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Save(Build(dwollaRecord())); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(st.Dir); info.Mode().Perm() != 0o700 {
		t.Fatalf("mode %v", info.Mode().Perm())
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
	if len(entries) != 4 || entries[0].ID != "broken" || entries[1].ID != ids[2] || entries[3].ID != ids[0] {
		t.Fatalf("entries out of order: %v", entries)
	}
	if entries[0].Err == nil {
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
