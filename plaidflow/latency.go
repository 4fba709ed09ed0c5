package plaidflow

import (
	"fmt"
	"time"
)

// FormatLatency writes an API call's latency (or a walk's duration) the same way on every
// screen, with as many digits as are worth reading: 850µs, 4.2ms, 37ms, 1.25s, 12.3s, 2m5s.
// Go's Duration.String gives 4.213512ms, too noisy for a table column.
func FormatLatency(d time.Duration) string {
	switch {
	case d < 0:
		return "-" + FormatLatency(-d)
	// Each bound is lowered by half the next unit's last digit, so rounding never prints
	// 1000µs, 10.0ms or 1000ms.
	case d < time.Millisecond-time.Microsecond/2:
		return fmt.Sprintf("%dµs", d.Round(time.Microsecond).Microseconds())
	case d < 10*time.Millisecond-50*time.Microsecond:
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	case d < time.Second-time.Millisecond/2:
		return fmt.Sprintf("%dms", d.Round(time.Millisecond).Milliseconds())
	case d < 10*time.Second-5*time.Millisecond:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d < time.Minute-50*time.Millisecond:
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	return d.Round(time.Second).String()
}
