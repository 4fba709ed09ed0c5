package tui

import (
	"bytes"
	"context"
	"io"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

// signalWriter is a terminal that says when a text first appears on it.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want []byte
	seen chan struct{}
	once sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if bytes.Contains(w.buf.Bytes(), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

// BenchmarkStartToPartnerList measures what a user waits for before the first screen: loading
// the catalog, building the model, starting Bubble Tea and drawing the partner list.
func BenchmarkStartToPartnerList(b *testing.B) {
	cfg := plaidflow.Config{Env: plaidflow.EnvOffline}
	for b.Loop() {
		catalog, err := plaidflow.LoadCatalog()
		if err != nil {
			b.Fatal(err)
		}
		out := &signalWriter{want: []byte("Step 1/7 · Choose a partner"), seen: make(chan struct{})}
		ctx, cancel := context.WithCancel(context.Background())
		m := New(ctx, Deps{Config: cfg, Catalog: catalog}, nil)
		p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(out), tea.WithoutSignalHandler())
		done := make(chan error, 1)
		go func() { _, err := p.Run(); done <- err }()
		select {
		case <-out.seen:
		case <-time.After(10 * time.Second):
			b.Fatal("the partner list was never drawn")
		}
		b.StopTimer()
		p.Quit()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		cancel()
		b.StartTimer()
	}
}

// countingModel counts how often Bubble Tea wakes the UI, and the time spent drawing.
type countingModel struct {
	inner          tea.Model
	updates, views *atomic.Int64
	viewNanos      *atomic.Int64
}

func (c countingModel) Init() tea.Cmd { return c.inner.Init() }
func (c countingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c.updates.Add(1)
	next, cmd := c.inner.Update(msg)
	c.inner = next
	return c, cmd
}
func (c countingModel) View() string {
	c.views.Add(1)
	start := time.Now()
	v := c.inner.View()
	c.viewNanos.Add(int64(time.Since(start)))
	return v
}

// waitingOnLink starts the UI on the real offline stack and walks it to the Link step, where
// it waits for the browser.
func waitingOnLink(tb testing.TB) (countingModel, *teatest.TestModel) {
	w := newOfflineWorld(tb, emulator.Options{})
	cm := countingModel{inner: New(tb.Context(), w.deps, nil), updates: new(atomic.Int64), views: new(atomic.Int64), viewNanos: new(atomic.Int64)}
	tm := teatest.NewTestModel(tb, cm, teatest.WithInitialTermSize(100, 30))
	waitFor(tb, tm, "Step 1/7")
	tm.Type("dwolla")
	waitFor(tb, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(tb, tm, "Step 2/7")
	press(tm, "enter")
	waitFor(tb, tm, "link_token created")
	press(tm, "enter")
	// Not walkToLink: its last wait would swallow the frame that says Link is waiting.
	waitFor(tb, tm, "Waiting for Link")
	settle(cm)
	return cm, tm
}

// settle waits until the answers still in flight from the steps before (the browser opener,
// a last spinner tick) have arrived: no update for half a second, or five seconds at most.
func settle(cm countingModel) {
	last, quiet := cm.updates.Load(), time.Now()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if n := cm.updates.Load(); n != last {
			last, quiet = n, time.Now()
		}
		if time.Since(quiet) > 500*time.Millisecond {
			return
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWaitingOnLinkWakesNothing: while Link runs in the browser, the only timer that may wake
// the model is the wait's clock, once a second (it moves the elapsed time on screen); no
// spinner at frame rate, no loop. Three seconds hold about three ticks: up to five updates
// and five frames leave room for a late tick, while a 4-per-second spinner (12) would fail.
func TestWaitingOnLinkWakesNothing(t *testing.T) {
	cm, tm := waitingOnLink(t)
	u0, v0 := cm.updates.Load(), cm.views.Load()
	time.Sleep(3 * time.Second)
	if du, dv := cm.updates.Load()-u0, cm.views.Load()-v0; du > 5 || dv > 5 {
		t.Errorf("idle on the Link step: %d updates and %d views in 3s, want at most the clock's one a second", du, dv)
	}
	_ = tm.Quit()
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// BenchmarkIdleWhileWaitingOnLink reports the wake-ups and the process CPU time per second
// of waiting on the Link step (the emulator and the Link server idle in the same process).
func BenchmarkIdleWhileWaitingOnLink(b *testing.B) {
	cm, tm := waitingOnLink(b)
	const interval = 500 * time.Millisecond
	var updates, views, viewNanos int64
	var cpu time.Duration
	_, _ = io.ReadAll(tm.Output()) // the frames drawn before the wait
	b.ResetTimer()
	for b.Loop() {
		u0, v0, n0, c0 := cm.updates.Load(), cm.views.Load(), cm.viewNanos.Load(), cpuTime()
		time.Sleep(interval)
		updates += cm.updates.Load() - u0
		views += cm.views.Load() - v0
		viewNanos += cm.viewNanos.Load() - n0
		cpu += cpuTime() - c0
	}
	secs := float64(b.N) * interval.Seconds()
	written, _ := io.ReadAll(tm.Output()) // what the ticks sent the terminal
	b.ReportMetric(float64(len(written))/secs, "term-bytes/s")
	b.ReportMetric(float64(updates)/secs, "updates/s")
	b.ReportMetric(float64(views)/secs, "views/s")
	b.ReportMetric(float64(cpu.Microseconds())/1000/secs, "cpu-ms/s")
	// The share of that CPU that drawing the screen costs: View's wall time per second.
	b.ReportMetric(float64(viewNanos)/1e6/secs, "view-ms/s")
	b.StopTimer()
	_ = tm.Quit()
	tm.WaitFinished(b, teatest.WithFinalTimeout(5*time.Second))
}
