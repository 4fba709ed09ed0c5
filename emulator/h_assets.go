package emulator

import "time"

// assetReport is an Asset Report: not ready until readyAt on the emulator's clock.
type assetReport struct {
	id, token        string
	itemIDs          []string
	daysRequested    int
	clientReportID   string
	user             map[string]any
	created, readyAt time.Time
}
