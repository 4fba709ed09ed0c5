package emulator

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The CPU benchmark puts the server in this process and the client in a child process (this
// test binary again, sent to runLoad by TestMain), so the process's CPU time while the child
// runs is the server's alone.
const (
	loadURLEnv   = "PLAIDWALK_BENCH_LOAD_URL"
	loadFlowsEnv = "PLAIDWALK_BENCH_LOAD_FLOWS"
	loadWorkers  = 8
)

func TestMain(m *testing.M) {
	if url := os.Getenv(loadURLEnv); url != "" {
		flows, _ := strconv.Atoi(os.Getenv(loadFlowsEnv))
		os.Exit(runLoad(url, flows))
	}
	os.Exit(m.Run())
}

// runLoad is the child: flows walk flows (link token, then the shortcut) over a raw HTTP
// client, loadWorkers at a time; it prints the number of calls made.
func runLoad(url string, flows int) int {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: loadWorkers}}
	calls := append([]flowCall{linkTokenCall}, shortcutFlow...)
	var next, made atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	for range loadWorkers {
		wg.Go(func() {
			for next.Add(1) <= int64(flows) {
				if err := loadFlow(client, url, calls, &made); err != nil {
					failed.Store(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(made.Load())
	return 0
}

func loadFlow(client *http.Client, url string, calls []flowCall, made *atomic.Int64) error {
	got := map[string]string{}
	for _, c := range calls {
		req, _ := http.NewRequest(http.MethodPost, url+c.path, strings.NewReader(c.body(got)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("PLAID-CLIENT-ID", TestClientID)
		req.Header.Set("PLAID-SECRET", TestSecret)
		res, err := client.Do(req)
		if err != nil {
			return err
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		made.Add(1)
		if err := noteAnswer(c.path, res.StatusCode, raw, got); err != nil {
			return err
		}
	}
	return nil
}

// fixedBodies is a server that answers every POST with the body the emulator gave that path
// once: the least any server speaking this protocol over net/http can do.
func fixedBodies(b *testing.B) http.Handler {
	bodies, err := serveFlow(New(Options{}), append([]flowCall{linkTokenCall}, shortcutFlow...))
	if err != nil {
		b.Fatal(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(bodies[r.URL.Path])
	})
}

// serverCPUPerCall serves h on loopback, runs flows flows from a child process against it, and
// returns this process's CPU time per call.
func serverCPUPerCall(b *testing.B, h http.Handler, flows int) time.Duration {
	srv := httptest.NewServer(h)
	defer srv.Close()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), loadURLEnv+"="+srv.URL, loadFlowsEnv+"="+strconv.Itoa(flows))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := cpuTime()
	if err := cmd.Run(); err != nil {
		b.Fatalf("load: %v\n%s", err, errOut.String())
	}
	spent := cpuTime() - start
	calls, err := strconv.Atoi(strings.TrimSpace(out.String()))
	if err != nil || calls == 0 {
		b.Fatalf("load printed %q", out.String())
	}
	return spent / time.Duration(calls)
}

// cpuTime is this process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServerCPUPerCall is the emulator's CPU per call next to a fixed-body net/http
// server's, on the same machine in the same run, under a raw HTTP client at concurrency 8
// walking the flow a walk makes (link token, the sandbox shortcut, exchange, accounts,
// processor token). b.N is the number of flows sent to each. Issue 13 asks for at most 1.5x.
func BenchmarkServerCPUPerCall(b *testing.B) {
	fixed := fixedBodies(b)
	emu := serverCPUPerCall(b, New(Options{}), b.N)
	base := serverCPUPerCall(b, fixed, b.N)
	b.ReportMetric(float64(emu.Nanoseconds())/1e3, "emu-µs-cpu/call")
	b.ReportMetric(float64(base.Nanoseconds())/1e3, "fixed-µs-cpu/call")
	b.ReportMetric(float64(emu)/float64(max(base, 1)), "emu/fixed")
}
