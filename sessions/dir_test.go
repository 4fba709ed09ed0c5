package sessions

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An existing directory is the user's to set up: saving into it never changes its mode.
func TestSaveLeavesAnExistingDirectorysModeAlone(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	if err := os.Chmod(st.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path, err := st.Save(Build(dwollaRecord()))
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(st.Dir); info.Mode().Perm() != 0o755 {
		t.Errorf("directory mode %v, want 0755 as the user left it", info.Mode().Perm())
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", info.Mode().Perm())
	}
}

// sharedDir is a world-writable sticky directory like /tmp, owned by the user running the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSaveThroughALinkKeepsTheTargetsStickyBit(t *testing.T) {
	target := sharedDir(t)
	link := filepath.Join(t.TempDir(), "sessions")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := (&Store{Dir: link}).Save(Build(dwollaRecord())); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(target)
	if info.Mode()&fs.ModeSticky == 0 || info.Mode().Perm() != 0o777 {
		t.Fatalf("the link's target is now %v, want drwxrwxrwt as it was", info.Mode())
	}
}

// foreignDir is a directory another user owns: as root, one made and given away; otherwise /,
// which root owns. Neither is written to: the save is refused before any write.
func foreignDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		return "/"
	}
	dir := sharedDir(t)
	if err := os.Chown(dir, 54321, 54321); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777|fs.ModeSticky); err != nil { // chown clears the sticky bit on some systems
		t.Fatal(err)
	}
	return dir
}

func TestSaveRefusesALinkToAnotherUsersDirectory(t *testing.T) {
	target := foreignDir(t)
	before, _ := os.Stat(target)
	link := filepath.Join(t.TempDir(), "sessions")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	_, err := (&Store{Dir: link}).Save(Build(dwollaRecord()))
	if err == nil || !strings.Contains(err.Error(), "owned by another user") || !strings.Contains(err.Error(), target) {
		t.Fatalf("err = %v, want a refusal naming the link's target and its owner", err)
	}
	after, _ := os.Stat(target)
	if after.Mode() != before.Mode() {
		t.Errorf("the target's mode went from %v to %v", before.Mode(), after.Mode())
	}
	if files, _ := os.ReadDir(target); target != "/" && len(files) != 0 {
		t.Errorf("the refused directory holds %v", files)
	}
}

func TestSaveRemovesOldTemporaryFilesOnly(t *testing.T) {
	st := &Store{Dir: t.TempDir()}
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name: removed by the save
		".20261122-044653.127-dwolla-3fa1.json.tmp-1234567": true,  // a save killed an hour ago
		".20261122-044653.128-dwolla-3fa2.json.tmp-7654321": false, // a save going on now
		".notes.tmp":           false, // not plaidwalk's name
		"keep.json.tmp-1234":   false, // not plaidwalk's name (no dot)
		".other.json.tmp-12ab": false, // not CreateTemp's suffix
	}
	for name := range files {
		p := filepath.Join(st.Dir, name)
		if err := os.WriteFile(p, []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(name, "7654321") {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := st.Save(Build(dwollaRecord())); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Lstat(filepath.Join(st.Dir, name))
		if gone := err != nil; gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
