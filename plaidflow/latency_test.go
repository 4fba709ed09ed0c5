package plaidflow

import (
	"testing"
	"time"
)

func TestFormatLatency(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "0µs"},
		{850 * time.Microsecond, "850µs"},
		{999*time.Microsecond + 900*time.Nanosecond, "1.0ms"},
		{9960 * time.Microsecond, "10ms"},
		{999600 * time.Microsecond, "1.00s"},
		{time.Millisecond, "1.0ms"},
		{4213512 * time.Nanosecond, "4.2ms"},
		{37400 * time.Microsecond, "37ms"},
		{999 * time.Millisecond, "999ms"},
		{1250 * time.Millisecond, "1.25s"},
		{12345 * time.Millisecond, "12.3s"},
		{125 * time.Second, "2m5s"},
	}
	for _, tc := range cases {
		if got := FormatLatency(tc.d); got != tc.want {
			t.Errorf("FormatLatency(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}
