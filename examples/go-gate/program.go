// The gate example in Go: purge the assets, wait until the purge is done, then purge the page that links them,
// and read the assets' task back.
package main

import (
	"github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/sdk-go/tencentcloudpurge"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// gateProgram is the Pulumi program; main runs it, and e2e_test.go runs it on the engine through the Automation API.
func gateProgram(ctx *pulumi.Context) error {
	// How long the gate waits: stack config `go-gate:timeoutSeconds`, default 600.
	timeoutSeconds := config.GetFloat64(ctx, "timeoutSeconds")
	if timeoutSeconds == 0 {
		timeoutSeconds = 600
	}
	// Submit the purge of the assets; the gate does the waiting.
	assets, err := tencentcloudpurge.NewUrlPurge(ctx, "assets", &tencentcloudpurge.UrlPurgeArgs{
		Urls: pulumi.StringArray{
			pulumi.String("https://www.example.com/app.js"),
			pulumi.String("https://www.example.com/app.css"),
		},
		Wait: pulumi.Bool(false),
	})
	if err != nil {
		return err
	}
	gate, err := tencentcloudpurge.NewPurgeTaskWaiter(ctx, "gate", &tencentcloudpurge.PurgeTaskWaiterArgs{
		TaskId:         assets.TaskId,
		TimeoutSeconds: pulumi.Float64(timeoutSeconds),
	})
	if err != nil {
		return err
	}
	// Created only once the gate has seen every asset purged.
	page, err := tencentcloudpurge.NewUrlPurge(ctx, "page", &tencentcloudpurge.UrlPurgeArgs{
		Urls: pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},
	}, pulumi.DependsOn([]pulumi.Resource{gate}))
	if err != nil {
		return err
	}
	// The gate's taskId is known only once it has passed, so the records show the final status.
	tasks := tencentcloudpurge.GetPurgeTasksOutput(ctx, tencentcloudpurge.GetPurgeTasksOutputArgs{TaskId: gate.TaskId})

	ctx.Export("taskId", assets.TaskId)
	ctx.Export("gateStatus", gate.Status)
	ctx.Export("pageTaskId", page.TaskId)
	ctx.Export("pageStatus", page.Status)
	ctx.Export("assetRecords", tasks.PurgeLogs())
	return nil
}
