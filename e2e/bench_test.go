package e2e

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkProcessStartToPartnerList times the built binary from exec to the first frame that
// shows the partner list: process start, config, the in-process emulator, the catalog and
// Bubble Tea's first render (the UI draws on stderr, a pseudo-terminal read here).
func BenchmarkProcessStartToPartnerList(b *testing.B) {
	bin := buildBinaryB(b)
	dir := b.TempDir()
	for b.Loop() {
		cmd := exec.Command(bin, "--no-browser")
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir, "XDG_STATE_HOME=" + dir, "TERM=xterm-256color", "PATH=/usr/bin:/bin"}
		master, tty, err := openPTY(100, 30)
		if err != nil {
			b.Fatal(err)
		}
		cmd.Stdin, cmd.Stderr = tty, tty
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		if !readUntil(master, []byte("Step 1/7")) {
			b.Fatalf("the partner list never rendered")
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		tty.Close()
		master.Close()
	}
}

// readUntil reads r until want has been seen, or r ends.
func readUntil(r interface{ Read([]byte) (int, error) }, want []byte) bool {
	br := bufio.NewReader(r)
	var seen []byte
	buf := make([]byte, 4096)
	for {
		n, err := br.Read(buf)
		seen = append(seen, buf[:n]...)
		if bytes.Contains(seen, want) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

func buildBinaryB(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "plaidwalk")
	if out, err := exec.Command("go", "build", "-o", bin, "plaidwalk/cmd/plaidwalk").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
