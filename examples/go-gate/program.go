// The gate example in Go: purge the assets, wait until the purge is done, then purge the page that links them,
// and read the assets' task back. With `go-gate:warm` set, the assets are prefetched into the CDN once purged,
// and the page waits until every asset is warm too.
package main

import (
	"github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/sdk-go/tencentcloudpurge"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// gateProgram is the Pulumi program; main runs it, and e2e_test.go runs it on the engine through the Automation API.
func gateProgram(ctx *pulumi.Context) error {
	// How long the gates wait: stack config `go-gate:timeoutSeconds`, default 600.
	timeoutSeconds := config.GetFloat64(ctx, "timeoutSeconds")
	if timeoutSeconds == 0 {
		timeoutSeconds = 600
	}
	// The assets: stack config `go-gate:assetUrls` (a list), default the two below.
	assetUrls := []string{"https://www.example.com/app.js", "https://www.example.com/app.css"}
	if err := config.GetObject(ctx, "assetUrls", &assetUrls); err != nil {
		return err
	}
	// Submit the purge of the assets; the gate does the waiting.
	assets, err := tencentcloudpurge.NewUrlPurge(ctx, "assets", &tencentcloudpurge.UrlPurgeArgs{
		Urls: pulumi.ToStringArray(assetUrls),
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
	gates := []pulumi.Resource{gate}
	if config.GetBool(ctx, "warm") {
		warmGate, err := warm(ctx, assetUrls, gate, timeoutSeconds)
		if err != nil {
			return err
		}
		gates = append(gates, warmGate)
	}
	// Created only once every gate has passed: the page never points at stale or cold assets.
	page, err := tencentcloudpurge.NewUrlPurge(ctx, "page", &tencentcloudpurge.UrlPurgeArgs{
		Urls: pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},
	}, pulumi.DependsOn(gates))
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

// warm prefetches ("pushes") the assets into the CDN once `purged` has passed, and returns the gate that passes
// once every URL is warm. A prefetch takes minutes, so the push only submits and its own gate does the waiting; a
// URL the origin lacks ends `invalid` and fails the update, naming it.
func warm(ctx *pulumi.Context, assetUrls []string, purged pulumi.Resource, timeoutSeconds float64) (pulumi.Resource, error) {
	push, err := tencentcloudpurge.NewUrlPush(ctx, "warm", &tencentcloudpurge.UrlPushArgs{
		Urls: pulumi.ToStringArray(assetUrls),
		Wait: pulumi.Bool(false),
	}, pulumi.DependsOn([]pulumi.Resource{purged}))
	if err != nil {
		return nil, err
	}
	gate, err := tencentcloudpurge.NewPushTaskWaiter(ctx, "warm-gate", &tencentcloudpurge.PushTaskWaiterArgs{
		TaskIds:        push.TaskIds,
		TimeoutSeconds: pulumi.Float64(timeoutSeconds),
	})
	if err != nil {
		return nil, err
	}
	// Read back once the gate has passed, so each URL shows its final status and percent.
	tasks := tencentcloudpurge.GetPushTasksOutput(ctx, tencentcloudpurge.GetPushTasksOutputArgs{TaskId: gate.TaskIds.Index(pulumi.Int(0))})
	ctx.Export("warmTaskIds", push.TaskIds)
	ctx.Export("warmGateStatus", gate.Status)
	ctx.Export("warmTasks", tasks.PushLogs())
	return gate, nil
}
