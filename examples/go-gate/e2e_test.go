//go:build e2e

// End-to-end runs of gateProgram on the real Pulumi engine, through the Automation API (see the enginetest
// package). The repository's end-to-end tests run them against the emulator:
//
//	GO_GATE_ENDPOINT=http://127.0.0.1:9000 GO_GATE_SECRET_ID=... GO_GATE_SECRET_KEY=... GO_GATE_PLUGIN_DIR=... \
//	    go test -tags e2e -run TestGateOnTheEngine .
package main

import (
	"strings"
	"testing"

	"github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/examples/go-enginetest"
)

var example = enginetest.Example{Project: "go-gate", EnvPrefix: "GO_GATE", EndpointKey: "tencentcloud-purge:endpoint"}

func TestGateOnTheEngine(t *testing.T) {
	out := enginetest.Up(t, example.Stack(t, gateProgram, map[string]string{"timeoutSeconds": "120"}))
	enginetest.Equal(t, out, map[string]any{"gateStatus": "done", "pageStatus": "done"})
	for _, r := range enginetest.Records(t, out, "assetRecords", 2) {
		if r["status"] != "done" {
			t.Errorf("an asset's record is %v, want done: %v", r["status"], r)
		}
	}
	// For the caller, which checks the order of the purges at the emulator.
	t.Logf("taskId=%v pageTaskId=%v", out["taskId"].Value, out["pageTaskId"].Value)
}

func TestWarmOnTheEngine(t *testing.T) {
	out := enginetest.Up(t, example.Stack(t, gateProgram, map[string]string{"timeoutSeconds": "120", "warm": "true"}))
	enginetest.Equal(t, out, map[string]any{"gateStatus": "done", "warmGateStatus": "done", "pageStatus": "done"})
	warmTask := enginetest.First(t, out, "warmTaskIds")
	for _, r := range enginetest.Records(t, out, "warmTasks", 2) {
		if r["taskId"] != warmTask || r["status"] != "done" || r["percent"] != 100.0 {
			t.Errorf("a pushed asset's record is %v, want task %v done at 100 percent", r, warmTask)
		}
	}
	// For the caller, which checks the order of the purges and the push at the emulator.
	t.Logf("taskId=%v warmTaskId=%v pageTaskId=%v", out["taskId"].Value, warmTask, out["pageTaskId"].Value)
}

func TestWarmFailsNamingTheMissingUrl(t *testing.T) {
	const missing = "https://www.example.com/missing.css"
	stack := example.Stack(t, gateProgram, map[string]string{
		"timeoutSeconds": "120", "warm": "true", "assetUrls": `["https://www.example.com/ok.js","` + missing + `"]`,
	})
	message := enginetest.UpFails(t, stack)
	if want := missing + " (invalid: the origin answered 4xx/5xx)"; !strings.Contains(message, want) {
		t.Errorf("the failure does not name %q:\n%s", want, message)
	}
}
