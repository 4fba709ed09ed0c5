package sessions

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// prepareDir makes sure the sessions directory exists and is the user's own. A directory
// plaidwalk makes is 0700 from the start. One that exists already is never chmod-ed: it may
// be a symbolic link to a directory other programs rely on (a 1777 /tmp-like directory would
// lose its sticky bit), and the files in it are 0600 whatever the directory allows. A
// directory another user owns is refused, since that user could read or replace the files.
func (st *Store) prepareDir() error {
	info, err := os.Lstat(st.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(st.Dir, 0o700); err != nil {
			return fmt.Errorf("make the sessions directory %s: %w", st.Dir, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the sessions directory %s: %w", st.Dir, err)
	}
	what := "the sessions directory " + st.Dir
	if info.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(st.Dir)
		what += ", a symbolic link to " + target + ","
		if info, err = os.Stat(st.Dir); err != nil {
			return fmt.Errorf("%s cannot be used: %w; point the link at a directory of your own, or remove it", what, err)
		}
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory; move that file away, or set XDG_STATE_HOME to another place", what)
	}
	if uid, ok := ownerOf(info); ok && uid != os.Geteuid() {
		return fmt.Errorf("%s is owned by another user (uid %d), who could read or replace the sessions in it; "+
			"point it at a directory of your own (or remove it, and plaidwalk makes one), or set XDG_STATE_HOME to another place",
			what, uid)
	}
	return nil
}

// staleTempRE is the name of a temporary file WriteFile makes (".<id>.json.tmp-<digits>").
var staleTempRE = regexp.MustCompile(`^\..+\.json\.tmp-[0-9]+$`)

// staleTempAge is how old a temporary file must be before it counts as left behind: a save
// takes milliseconds, so one this old belongs to a plaidwalk that was killed mid-save.
const staleTempAge = 10 * time.Minute

// removeStaleTemps deletes the temporary files a killed save left in the sessions directory:
// only plaidwalk's own names, only regular files, only old ones (another plaidwalk may be
// saving right now). A file that cannot be removed is left for the next save.
func (st *Store) removeStaleTemps(now time.Time) {
	files, err := os.ReadDir(st.Dir)
	if err != nil {
		return
	}
	for _, f := range files {
		if !f.Type().IsRegular() || !staleTempRE.MatchString(f.Name()) {
			continue
		}
		info, err := f.Info()
		if err == nil && now.Sub(info.ModTime()) > staleTempAge {
			_ = os.Remove(filepath.Join(st.Dir, f.Name()))
		}
	}
}
