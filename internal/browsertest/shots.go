package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ArtifactsDir is the folder under the repository root where screenshots go (gitignored).
const ArtifactsDir = "testdata-artifacts"

// Shots saves numbered screenshots of one test to <repo root>/testdata-artifacts/<test name>/.
type Shots struct {
	t   testing.TB
	dir string
	mu  sync.Mutex
	n   int
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// NewShots empties the test's screenshot folder and returns a Shots writing into it.
func NewShots(t testing.TB) *Shots {
	t.Helper()
	root, err := RepoRoot()
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	dir := filepath.Join(root, ArtifactsDir, unsafeName.ReplaceAllString(t.Name(), "_"))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatalf("browsertest: cannot clear %s: %v", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("browsertest: cannot make %s: %v", dir, err)
	}
	return &Shots{t: t, dir: dir}
}

// Dir is where this test's screenshots go.
func (s *Shots) Dir() string { return s.dir }

// Settle is how long Take lets CSS transitions finish before capturing: it changes only what
// the picture shows, never what a test asserts.
const Settle = 300 * time.Millisecond

// Take captures the tab's viewport as NN-name.png and returns the file's path. A failed
// capture fails the test: the screenshots are how people check the screens.
func (s *Shots) Take(ctx context.Context, name string) string {
	s.t.Helper()
	if err := chromedp.Do(ctx, chromedp.Sleep(Settle)); err != nil {
		s.t.Fatalf("browsertest: screenshot %q: %v", name, err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.t.Fatalf("browsertest: screenshot %q: %v", name, err)
	}
	s.mu.Lock()
	s.n++
	file := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.n, unsafeName.ReplaceAllString(strings.ToLower(name), "-")))
	s.mu.Unlock()
	if err := os.WriteFile(file, png, 0o644); err != nil {
		s.t.Fatalf("browsertest: %v", err)
	}
	return file
}

// RepoRoot is the nearest folder above the working directory that holds go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
