//go:build e2e

// End-to-end runs of edgeOneGateProgram on the real Pulumi engine, through the Automation API (see the enginetest
// package). The repository's end-to-end tests run them against the emulator:
//
//	GO_EDGEONE_ENDPOINT=http://127.0.0.1:9000 GO_EDGEONE_SECRET_ID=... GO_EDGEONE_SECRET_KEY=... GO_EDGEONE_PLUGIN_DIR=... \
//	    go test -tags e2e -run TestEdgeOneGateOnTheEngine .
package main

import (
	"strings"
	"testing"

	"github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/examples/go-enginetest"
)

var example = enginetest.Example{Project: "go-edgeone", EnvPrefix: "GO_EDGEONE", EndpointKey: "tencentcloud-purge:teoEndpoint"}

func TestEdgeOneGateOnTheEngine(t *testing.T) {
	out := enginetest.Up(t, example.Stack(t, edgeOneGateProgram, map[string]string{"timeoutSeconds": "120"}))
	enginetest.Equal(t, out, map[string]any{"gateStatus": "success", "pageStatus": "success"})
	for _, task := range enginetest.Records(t, out, "assetTasks", 2) {
		if task["status"] != "success" {
			t.Errorf("an asset's task is %v, want success: %v", task["status"], task)
		}
	}
	// For the caller, which checks the order of the purges at the emulator.
	t.Logf("jobId=%v pageJobId=%v", enginetest.First(t, out, "jobIds"), out["pageJobId"].Value)
}

func TestEdgeOnePrefetchOnTheEngine(t *testing.T) {
	out := enginetest.Up(t, example.Stack(t, edgeOneGateProgram, map[string]string{"timeoutSeconds": "120", "warm": "true"}))
	enginetest.Equal(t, out, map[string]any{"gateStatus": "success", "warmStatus": "success", "pageStatus": "success"})
	warmJob := enginetest.First(t, out, "warmJobIds")
	for _, task := range enginetest.Records(t, out, "warmTasks", 2) {
		if task["jobId"] != warmJob || task["status"] != "success" {
			t.Errorf("a prefetched asset's task is %v, want job %v success", task, warmJob)
		}
	}
	// For the caller, which checks the order of the purges and the prefetch at the emulator.
	t.Logf("jobId=%v warmJobId=%v pageJobId=%v", enginetest.First(t, out, "jobIds"), warmJob, out["pageJobId"].Value)
}

func TestEdgeOnePrefetchFailsNamingTheMissingTarget(t *testing.T) {
	const missing = "https://www.example.com/missing.css"
	stack := example.Stack(t, edgeOneGateProgram, map[string]string{
		"timeoutSeconds": "120", "warm": "true", "assetUrls": `["https://www.example.com/ok.js","` + missing + `"]`,
	})
	message := enginetest.UpFails(t, stack)
	if !strings.Contains(message, missing) || !strings.Contains(message, "invalid") {
		t.Errorf("the failure does not name %s and invalid:\n%s", missing, message)
	}
}
