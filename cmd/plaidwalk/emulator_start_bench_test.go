package main

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// BenchmarkEmulatorProcessStart is `plaidwalk emulator` from exec to its first export line,
// printed once it listens: the spec's request tables are static data, so they must not show
// here (the budget is 50 ms from start to listening).
func BenchmarkEmulatorProcessStart(b *testing.B) {
	bin := buildBinary(b, b.TempDir())
	dir := b.TempDir()
	for b.Loop() {
		cmd := exec.Command(bin, "emulator")
		cmd.Dir, cmd.Env = dir, []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "export PLAID_BASE_URL=") {
			b.Fatalf("first line %q: %v", line, err)
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
}
