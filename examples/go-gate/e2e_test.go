//go:build e2e

// An end-to-end run of gateProgram on the real Pulumi engine, through the Automation API: the program is an
// inline program, run by the engine in this test's process, so no Go language host is needed, only the `pulumi`
// CLI on PATH (with PULUMI_HOME, PULUMI_BACKEND_URL and PULUMI_CONFIG_PASSPHRASE set for an offline stack).
// The repository's end-to-end tests run it against the emulator:
//
//	GO_GATE_ENDPOINT=http://127.0.0.1:9000 GO_GATE_SECRET_ID=... GO_GATE_SECRET_KEY=... GO_GATE_PLUGIN_DIR=... \
//	    go test -tags e2e -run TestGateOnTheEngine .
package main

import (
	"context"
	"os"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

// required reads an environment variable the test cannot run without.
func required(t *testing.T, name string) string {
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set: this test runs against an emulator the caller starts (see the comment at the top)", name)
	}
	return v
}

func TestGateOnTheEngine(t *testing.T) {
	ctx := context.Background()
	project := workspace.Project{
		Name:    "go-gate",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{
			{Name: "tencentcloud-purge", Path: required(t, "GO_GATE_PLUGIN_DIR")},
		}},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "e2e", "go-gate", gateProgram, auto.Project(project), auto.WorkDir(t.TempDir()))
	if err != nil {
		t.Fatalf("creating the stack: %v", err)
	}
	config := auto.ConfigMap{
		"tencentcloud-purge:secretId":  {Value: required(t, "GO_GATE_SECRET_ID")},
		"tencentcloud-purge:secretKey": {Value: required(t, "GO_GATE_SECRET_KEY"), Secret: true},
		"tencentcloud-purge:endpoint":  {Value: required(t, "GO_GATE_ENDPOINT")},
		"go-gate:timeoutSeconds":       {Value: "120"},
	}
	if err := stack.SetAllConfig(ctx, config); err != nil {
		t.Fatalf("setting config: %v", err)
	}
	defer func() {
		if _, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout)); err != nil {
			t.Errorf("destroy: %v", err)
		}
	}()

	result, err := stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	if err != nil {
		t.Fatalf("up: %v", err)
	}
	for _, name := range []string{"gateStatus", "pageStatus"} {
		if got := result.Outputs[name].Value; got != "done" {
			t.Errorf("%s = %v, want done", name, got)
		}
	}
	records, _ := result.Outputs["assetRecords"].Value.([]any)
	if len(records) != 2 {
		t.Fatalf("assetRecords = %v, want the 2 records of the assets' task", result.Outputs["assetRecords"].Value)
	}
	for _, r := range records {
		if status := r.(map[string]any)["status"]; status != "done" {
			t.Errorf("an asset's record is %v, want done: %v", status, r)
		}
	}
	// For the caller, which checks the order of the purges at the emulator.
	t.Logf("taskId=%v pageTaskId=%v", result.Outputs["taskId"].Value, result.Outputs["pageTaskId"].Value)
}
