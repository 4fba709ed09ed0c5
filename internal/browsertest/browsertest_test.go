package browsertest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestStartDrivesChromiumAndSavesScreenshots(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<title>browsertest</title><button id="b" onclick="document.title='clicked'">go</button>`)
	}))
	defer page.Close()
	ctx := Start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(page.URL), chromedp.Click(chromedp.ID("b"))); err != nil {
		t.Fatal(err)
	}
	if title, err := chromedp.Run(ctx, chromedp.Title()); err != nil || title != "clicked" {
		t.Fatalf("title %q, %v: the click did not reach the page", title, err)
	}
	shots := NewShots(t)
	file := shots.Take(ctx, "First Page")
	if filepath.Base(file) != "01-first-page.png" || filepath.Dir(file) != shots.Dir() {
		t.Fatalf("screenshot saved as %s", file)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("%s is not a PNG: %v", file, err)
	}
	root, _ := RepoRoot()
	if want := filepath.Join(root, ArtifactsDir, "TestStartDrivesChromiumAndSavesScreenshots"); shots.Dir() != want {
		t.Fatalf("artifacts in %s, want %s", shots.Dir(), want)
	}
}

// fatalRecorder stands in for a test so Start's failure can be observed.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Helper() {}
func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestStartFailsLoudlyWithoutChromium(t *testing.T) {
	t.Setenv("PLAIDWALK_CHROMIUM", "/nonexistent/chromium")
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Start(rec)
	}()
	<-done
	if !strings.Contains(rec.msg, "/nonexistent/chromium") || !strings.Contains(rec.msg, "apt-get install chromium") {
		t.Fatalf("Start without Chromium said %q; want the path and the fix", rec.msg)
	}
}
