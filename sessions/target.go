package sessions

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckTarget says whether a session can be written to path, before any walk is made to fill
// it: path must name a file (new or existing), in a directory that exists. The answer is a
// *FileError naming the fix, nil when the path is fine.
func CheckTarget(path string) error {
	if path == "" {
		return &FileError{Problem: "no file name given", Fix: "give a file path such as session.json"}
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return &FileError{Path: path, Problem: "it is a directory",
			Fix: "give a file path to save to, such as " + filepath.Join(path, "session.json")}
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{Path: path, Problem: "its directory " + dir + " does not exist",
			Fix: "create it first (plaidwalk does not make directories for a file name), or give a path in an existing directory"}
	case err != nil:
		return &FileError{Path: path, Problem: "its directory cannot be read: " + err.Error(), Fix: "check the path and its permissions"}
	case !info.IsDir():
		return &FileError{Path: path, Problem: dir + " is not a directory", Fix: "give a path in an existing directory"}
	}
	return nil
}
