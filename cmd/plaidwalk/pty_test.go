package main

import (
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// ptyScreen is the far end of a pseudo-terminal: what a program on it draws, and a keyboard.
type ptyScreen struct {
	master *os.File
	mu     sync.Mutex
	seen   []byte
	done   chan struct{} // closed once the program's side is closed and all was read
}

// openPTY opens a pseudo-terminal pair (Linux's /dev/ptmx) without a pty library.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the terminal side: %v", err)
	}
	return master, tty
}

// startOnPTY starts cmd with its stdin and stderr (where the UI draws) on a new terminal of
// its own session, its stdout left to the caller, and reads the screen as it is drawn.
func startOnPTY(t *testing.T, cmd *exec.Cmd) *ptyScreen {
	t.Helper()
	master, tty := openPTY(t)
	// A size, as a real terminal has: Bubble Tea draws nothing in a 0x0 window.
	_ = unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 120})
	cmd.Stdin, cmd.Stderr = tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &ptyScreen{master: master, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.seen = append(s.seen, buf[:n]...)
			s.mu.Unlock()
			if err != nil {
				return // EIO once the program's side is closed
			}
		}
	}()
	t.Cleanup(func() { master.Close() })
	return s
}

func (s *ptyScreen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.seen)
}
