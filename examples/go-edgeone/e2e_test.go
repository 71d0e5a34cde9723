//go:build e2e

// An end-to-end run of edgeOneGateProgram on the real Pulumi engine, through the Automation API: the program is
// an inline program, run by the engine in this test's process, so no Go language host is needed, only the
// `pulumi` CLI on PATH (with PULUMI_HOME, PULUMI_BACKEND_URL and PULUMI_CONFIG_PASSPHRASE set for an offline
// stack). The repository's end-to-end tests run it against the emulator:
//
//	GO_EDGEONE_ENDPOINT=http://127.0.0.1:9000 GO_EDGEONE_SECRET_ID=... GO_EDGEONE_SECRET_KEY=... GO_EDGEONE_PLUGIN_DIR=... \
//	    go test -tags e2e -run TestEdgeOneGateOnTheEngine .
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

func TestEdgeOneGateOnTheEngine(t *testing.T) {
	ctx := context.Background()
	project := workspace.Project{
		Name:    "go-edgeone",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{
			{Name: "tencentcloud-purge", Path: required(t, "GO_EDGEONE_PLUGIN_DIR")},
		}},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "e2e", "go-edgeone", edgeOneGateProgram, auto.Project(project), auto.WorkDir(t.TempDir()))
	if err != nil {
		t.Fatalf("creating the stack: %v", err)
	}
	config := auto.ConfigMap{
		"tencentcloud-purge:secretId":    {Value: required(t, "GO_EDGEONE_SECRET_ID")},
		"tencentcloud-purge:secretKey":   {Value: required(t, "GO_EDGEONE_SECRET_KEY"), Secret: true},
		"tencentcloud-purge:teoEndpoint": {Value: required(t, "GO_EDGEONE_ENDPOINT")},
		"go-edgeone:timeoutSeconds":      {Value: "120"},
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
		if got := result.Outputs[name].Value; got != "success" {
			t.Errorf("%s = %v, want success", name, got)
		}
	}
	tasks, _ := result.Outputs["assetTasks"].Value.([]any)
	if len(tasks) != 2 {
		t.Fatalf("assetTasks = %v, want the 2 tasks of the assets' job", result.Outputs["assetTasks"].Value)
	}
	for _, task := range tasks {
		if status := task.(map[string]any)["status"]; status != "success" {
			t.Errorf("an asset's task is %v, want success: %v", status, task)
		}
	}
	// For the caller, which checks the order of the purges at the emulator.
	jobIds, _ := result.Outputs["jobIds"].Value.([]any)
	if len(jobIds) == 0 {
		t.Fatalf("jobIds = %v, want the assets' job", result.Outputs["jobIds"].Value)
	}
	t.Logf("jobId=%v pageJobId=%v", jobIds[0], result.Outputs["pageJobId"].Value)
}
