// Package tui is plaidwalk's terminal UI: a Bubble Tea state machine that walks one partner
// integration step by step (partner, Link options, link_token, Link, exchange and account,
// partner token, results). All API work goes through plaidflow and the local Link page through
// linkserver; this package only decides what to show and which command to run next.
//
// Conventions: messages are past tense and carry values; commands take values and never the
// model; Update and View do no I/O. The terminal UI renders on the output given in Deps (stderr
// in the real program); Run returns a Result whose Summary is printed on stdout afterwards.
package tui
