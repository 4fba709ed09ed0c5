package emulator

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fillProbe has every kind of field the handlers' request structs use.
type fillProbe struct {
	AccessToken string   `json:"access_token"`
	Products    []string `json:"products"`
	Count       int      `json:"count"`
	Small       int32    `json:"small"`
	Ratio       float64  `json:"ratio"`
	Flag        bool     `json:"flag"`
	Maybe       *float64 `json:"maybe"`
	Options     struct {
		Webhook string         `json:"webhook"`
		User    map[string]any `json:"user"`
		Filters map[string][]string
	} `json:"options"`
	Items    []fillProbeItem `json:"items"`
	Any      any             `json:"any"`
	When     time.Time       `json:"when"`
	Skipped  string          `json:"-"`
	Untagged string
	fillProbeEmbedded
}

type fillProbeItem struct {
	ID     string  `json:"id"`
	Amount *int    `json:"amount,omitempty"`
	Nested *string `json:"nested"`
}

type fillProbeEmbedded struct {
	Embedded string `json:"embedded"`
}

// TestFillMatchesUnmarshal: what a handler gets from the checks' parse is what json.Unmarshal
// gives from the same bytes, for every kind of field, nulls, case-folded keys and errors.
func TestFillMatchesUnmarshal(t *testing.T) {
	bodies := []string{
		`{}`,
		`{"access_token":"access-sandbox-1","products":["auth","identity"],"count":12,"small":-3,"ratio":0.25,"flag":true}`,
		`{"maybe":1.5,"options":{"webhook":"http://127.0.0.1/h","user":{"n":1,"deep":[1,"a",null,{"x":2.5}]},"Filters":{"depository":["checking"]}}}`,
		`{"items":[{"id":"a","amount":3,"nested":"n"},{"id":"b","nested":null}],"any":{"k":[1,2]},"when":"2026-03-02T15:04:05Z"}`,
		`{"Access_Token":"folded","untagged":"u","Skipped":"no","embedded":"e","-":"x"}`,
		`{"maybe":null,"products":null,"options":null,"any":null,"access_token":null}`,
		`{"any":12345678901234567890}`,
		`{"count":1.5}`,
		`{"small":3000000000}`,
		`{"products":"auth"}`,
		`{"options":[]}`,
		`{"flag":"true"}`,
	}
	for _, raw := range bodies {
		var want, got fillProbe
		want.Skipped, got.Skipped = "kept", "kept"
		wantErr := json.Unmarshal([]byte(raw), &want)
		parsed, perr := parseBody([]byte(raw))
		if perr != nil {
			t.Fatalf("%s: parseBody: %v", raw, perr.Message)
		}
		gotErr := fill(reflect.ValueOf(&got).Elem(), parsed)
		if (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%s: json.Unmarshal error %v, fill error %v", raw, wantErr, gotErr)
		}
		if wantErr == nil && !reflect.DeepEqual(want, got) {
			t.Fatalf("%s:\nfill gave      %+v\nUnmarshal gave %+v", raw, got, want)
		}
	}
}

// BenchmarkDecodeTwiceVsFill is what a handler's decode costs after the checks' parse: a
// second json.Unmarshal of the bytes, or fill from the parse.
func BenchmarkDecodeTwiceVsFill(b *testing.B) {
	raw := []byte(`{"access_token":"access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e","account_id":"BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp","processor":"dwolla"}`)
	parsed, _ := parseBody(raw)
	var req processorRequest
	b.Run("unmarshal", func(b *testing.B) {
		for b.Loop() {
			_ = json.Unmarshal(raw, &req)
		}
	})
	b.Run("fill", func(b *testing.B) {
		for b.Loop() {
			_ = fill(reflect.ValueOf(&req).Elem(), parsed)
		}
	})
}
