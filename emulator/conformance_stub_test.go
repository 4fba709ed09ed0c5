package emulator

import (
	"net/http"
	"testing"
)

func conformanceRecorder(t testing.TB, h http.Handler) http.Handler { return h }
