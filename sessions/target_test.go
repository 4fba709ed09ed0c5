package sessions

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WriteFile refuses a directory and a path in a missing directory, and leaves nothing behind:
// no temporary file beside the target, no directory made.
func TestWriteFileRefusesADirectoryOrAMissingParent(t *testing.T) {
	s := Build(dwollaRecord())
	parent := t.TempDir()
	target := filepath.Join(parent, "out")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	var fe *FileError
	if err := WriteFile(target, s); !errors.As(err, &fe) || !strings.Contains(fe.Problem, "directory") || !strings.Contains(fe.Fix, "file path") {
		t.Errorf("a directory as target: %v", err)
	}
	if names, _ := os.ReadDir(parent); len(names) != 1 {
		t.Errorf("%s holds %v", parent, names)
	}
	missing := filepath.Join(parent, "missing")
	if err := WriteFile(filepath.Join(missing, "x.json"), s); !errors.As(err, &fe) || !strings.Contains(fe.Problem, "does not exist") {
		t.Errorf("a missing parent: %v", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("%s was made", missing)
	}
}
