package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// linkMFAChallenge is the security step an MFA test password (or a custom user's mfa) meets
// before the login completes.
type linkMFAChallenge struct {
	Type   string // "device", "questions" or "selections": the kind of check
	Rounds int    // rounds of questions or selections ...
	PerRnd int    // ... of this many questions each
	Round  int    // 1-based round now asked
	// Choices is how many answers each selection offers (mfa_selections_<n>_<m>_<o>'s o);
	// the first, answer_<i>_<j>_0, is right.
	Choices int
	// YesNo is plain mfa_selections: one question answered Yes.
	YesNo bool
	// FirstIndex numbers rounds and questions in the expected answers: the test passwords
	// count from 1 (answer_1_1), a custom user's questions from 0 (answer_0_0) as Plaid's
	// configuration reference says.
	FirstIndex int
	// Device is where the code went, once the device user picked it (nil while choosing).
	Device *linkDevice
}

// linkMFAPrompt is what the MFA screen shows for the current round.
type linkMFAPrompt struct {
	// Type is onEvent's mfa_type for the screen: "device" (choose where the code goes),
	// "code", "questions" or "selections".
	Type      string       `json:"type"`
	Round     int          `json:"round"`
	Rounds    int          `json:"rounds"`
	Devices   []linkDevice `json:"devices,omitempty"`
	Device    *linkDevice  `json:"device,omitempty"`
	Questions []string     `json:"questions,omitempty"`
	// Choices are each question's possible answers (selections only), in question order.
	Choices [][]string `json:"choices,omitempty"`
	Hint    string     `json:"hint"`
}

func (c *linkMFAChallenge) prompt() linkMFAPrompt {
	p := linkMFAPrompt{Type: c.Type, Round: c.Round, Rounds: c.Rounds}
	switch {
	case c.Type == "device" && c.Device == nil:
		p.Devices = append([]linkDevice(nil), linkSandboxDevices...)
		p.Hint = "Test bank: every choice works, and the code is always 1234."
	case c.Type == "device":
		d := *c.Device
		p.Type, p.Device, p.Hint = "code", &d, "Sandbox code: 1234"
	case c.YesNo:
		p.Questions = []string{"Did you open this account yourself?"}
		p.Choices = [][]string{{"Yes", "No"}}
		p.Hint = "Sandbox answer: Yes"
	case c.Type == "selections":
		for j := 1; j <= c.PerRnd; j++ {
			p.Questions = append(p.Questions, fmt.Sprintf("Security check %d.%d: which of these is yours?", c.Round, j))
			var opts []string
			for k := 0; k < max(c.Choices, 2); k++ {
				opts = append(opts, c.answer(j)+fmt.Sprintf("_%d", k))
			}
			p.Choices = append(p.Choices, opts)
		}
		p.Hint = "Sandbox answer: the first choice of each question"
	default:
		hints := make([]string, c.PerRnd)
		for j := 1; j <= c.PerRnd; j++ {
			p.Questions = append(p.Questions, fmt.Sprintf("Security question %d.%d: what answer did you choose?", c.Round, j))
			hints[j-1] = c.answer(j)
		}
		p.Hint = "Sandbox answers: " + strings.Join(hints, ", ")
	}
	return p
}

// answer is answer_<i>_<j> for question j (1-based) of the current round, numbered from
// FirstIndex.
func (c *linkMFAChallenge) answer(j int) string {
	off := c.FirstIndex - 1
	return fmt.Sprintf("answer_%d_%d", c.Round+off, j+off)
}

// check says whether answers pass the current round.
func (c *linkMFAChallenge) check(answers []string) bool {
	switch {
	case c.Type == "device":
		return len(answers) == 1 && strings.TrimSpace(answers[0]) == "1234"
	case c.YesNo:
		return len(answers) == 1 && answers[0] == "Yes"
	}
	if len(answers) != c.PerRnd {
		return false
	}
	for j, a := range answers {
		want := c.answer(j + 1)
		if c.Type == "selections" {
			want += "_0"
		}
		if strings.TrimSpace(a) != want {
			return false
		}
	}
	return true
}

// status is onExit's status while this challenge is on screen.
func (c *linkMFAChallenge) status() string {
	switch {
	case c.choosingDevice():
		return "choose_device"
	case c.Type == "device":
		return "requires_code"
	case c.Type == "selections":
		return "requires_selections"
	}
	return "requires_questions"
}

func linkInvalidMFA() *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "ITEM_ERROR", Code: "INVALID_MFA",
		Message: "the provided MFA response(s) were not correct", DisplayMessage: "The code or answer you entered is incorrect."}
}

func linkNoAccounts() *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "ITEM_ERROR", Code: "NO_ACCOUNTS",
		Message:        "no valid accounts were found at the institution for the account filters of this link token",
		DisplayMessage: "No compatible accounts were found at this bank."}
}

// linkDevice is one place the device user's code can go. Plaid's Link asks which before it
// sends the code; the Sandbox's are made up and masked as a bank would show them.
type linkDevice struct {
	ID     string `json:"id"`     // what the screen posts back
	Method string `json:"method"` // "sms", "voice" or "email": how the code travels
	Target string `json:"target"` // the masked phone or address
}

// linkSandboxDevices are the devices mfa_device offers: fictional (555 numbers are for films,
// example.com for documentation), so nobody mistakes them for a real contact.
var linkSandboxDevices = []linkDevice{
	{ID: "phone_sms", Method: "sms", Target: "phone ending in 4321"},
	{ID: "phone_voice", Method: "voice", Target: "phone ending in 4321"},
	{ID: "email", Method: "email", Target: "t•••••@example.com"},
}

// chooseDevice takes the device screen's choice: answers holds one device id. A choice the
// screen never offered is refused and changes nothing, so the user can still pick one.
func (c *linkMFAChallenge) chooseDevice(answers []string) *apiError {
	if len(answers) == 1 {
		for _, d := range linkSandboxDevices {
			if answers[0] == d.ID {
				chosen := d
				c.Device = &chosen
				return nil
			}
		}
	}
	ids := make([]string, len(linkSandboxDevices))
	for i, d := range linkSandboxDevices {
		ids[i] = d.ID
	}
	got := strings.Join(answers, ", ")
	if len(got) > 40 {
		got = got[:40] + "…"
	}
	return &apiError{Status: http.StatusBadRequest, Type: "ITEM_ERROR", Code: "INVALID_SEND_METHOD",
		Message: fmt.Sprintf("%q is not one of the devices this Link session offered; send exactly one of: %s",
			got, strings.Join(ids, ", ")),
		DisplayMessage: "Choose one of the listed ways to receive your code."}
}

// choosingDevice says the device screen is up: the code has not been sent anywhere yet.
func (c *linkMFAChallenge) choosingDevice() bool { return c.Type == "device" && c.Device == nil }
