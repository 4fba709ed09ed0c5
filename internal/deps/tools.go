//go:build tools

// Package deps pins the modules the project's packages and tests use, so that go.mod stays
// stable while they are written in parallel. Remove an import here once real code uses it.
package deps

import (
	_ "github.com/charmbracelet/bubbles/list"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/x/exp/teatest"
	_ "github.com/chromedp/chromedp"
	_ "github.com/getkin/kin-openapi/openapi3filter"
	_ "github.com/getkin/kin-openapi/routers/gorillamux"
	_ "github.com/google/uuid"
	_ "github.com/muesli/termenv"
	_ "github.com/pkg/browser"
	_ "github.com/plaid/plaid-go/v20/plaid"
)
