package tui

import (
	"context"
	"errors"
	"io"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// StartLinkFunc starts the local Link page server; linkserver.Start has this signature.
type StartLinkFunc func(ctx context.Context, o linkserver.Options) (*linkserver.Server, error)

// LinkPage is the local Link page's options as the front end rendered plaidflow.LinkPageFor
// (the script, the CSP's origins, the environment's label, offline or not), with the port
// (0: ephemeral) and how long the Link step waits (0: linkserver's default). The Link step
// adds the link_token and the redirect URI; run renders the same page from the same options.
type LinkPage = linkserver.Options

// Deps is everything the UI needs from outside; cmd builds it, tests build it with the real
// offline emulator.
type Deps struct {
	Config      plaidflow.Config
	Client      *plaidflow.Client
	Log         *plaidflow.APILog
	Catalog     plaidflow.Catalog
	StartLink   StartLinkFunc
	OpenBrowser func(url string) error
	Link        LinkPage
	NoBrowser   bool   // never open a browser (the URL is printed anyway)
	PartnerID   string // open this partner's Link options (the list when it is not runnable)
	CodeLang    string // the code view's first language: curl ("") or one of codegen.Languages (g switches)
	// Webhooks delivers what plaidwalk's own receiver gets (offline; nil: no receiver), for the
	// webhook pane; WebhookURL is the receiver's URL, the Link options' default webhook.
	Webhooks   <-chan linkserver.Webhook
	WebhookURL string
	// SaveSession saves the walk so far as sessions (ctrl+s) and returns the paths written;
	// nil: the key is off.
	SaveSession func(Result) ([]string, error)

	Input  io.Reader // keys; nil: stdin
	Output io.Writer // where the UI renders (stderr in the real program)
	// Clipboard receives OSC 52 copy sequences; nil: Output.
	Clipboard io.Writer
	Getenv    func(string) string // NO_COLOR, TMUX, STY; nil: no environment
	// ProgramOptions are extra Bubble Tea options (tests pass tea.WithoutRenderer and the like).
	ProgramOptions []tea.ProgramOption
}

func (d Deps) getenv(k string) string {
	if d.Getenv == nil {
		return ""
	}
	return d.Getenv(k)
}

// Run shows the UI until the user quits or finishes, and returns what the walk produced.
// Quitting closes the Link server and cancels every request in flight.
func Run(ctx context.Context, d Deps) (Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := New(ctx, d, outputRenderer(d))
	// 30 frames a second is smooth for typing and halves the renderer's idle wake-ups.
	// Signals reach the walk through ctx alone (main's NotifyContext): Bubble Tea's own
	// handler would race it, and when ctx wins, that handler blocks forever sending its
	// QuitMsg to a loop that has stopped, and the program never returns.
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithAltScreen(), tea.WithFPS(30), tea.WithoutSignalHandler()}
	if d.Input != nil {
		opts = append(opts, tea.WithInput(d.Input))
	}
	if d.Output != nil {
		opts = append(opts, tea.WithOutput(d.Output))
	}
	opts = append(opts, d.ProgramOptions...)
	final, err := tea.NewProgram(m, opts...).Run()
	cancel()
	fm, ok := final.(Model)
	if !ok {
		fm = m
	}
	fm.closeSession()
	m.walk.session.stop() // the walk's attempts take no more calls (fm's is the same listener)
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) || errors.Is(err, context.Canceled) {
		err = nil // a signal ended the walk: report what was done so far
	}
	return fm.Result(), err
}

// outputRenderer makes a lipgloss renderer for the UI's output, honouring NO_COLOR even when
// the output is not stdout.
func outputRenderer(d Deps) *lipgloss.Renderer {
	if d.Output == nil {
		return lipgloss.DefaultRenderer()
	}
	r := lipgloss.NewRenderer(d.Output)
	if d.getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}

// linkSession is the part of *linkserver.Server the UI drives; an interface so that pure
// Update tests can hand the model a session without a socket.
type linkSession interface {
	URL() string
	Events() <-chan linkserver.Event
	Wait(ctx context.Context) (linkserver.Outcome, error)
	Close() error
}

// onceClosed makes Close safe to call from both the Link step and Run's clean-up.
type onceClosed struct {
	linkSession
	once *sync.Once
}

func (s onceClosed) Close() error {
	var err error
	s.once.Do(func() { err = s.linkSession.Close() })
	return err
}

func wrapSession(s linkSession) linkSession {
	return onceClosed{linkSession: s, once: new(sync.Once)}
}
