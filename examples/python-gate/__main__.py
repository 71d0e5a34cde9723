"""Purge a site's assets, hold the deployment until the purge is done, then purge the page that links them.

The same program as examples/yaml-gate, through the Python SDK. Stack config: assetUrls (a list), pageUrl,
timeoutSeconds; credentials and endpoint under tencentcloud-purge: (see the repository's README).
"""
import pulumi
import pulumi_tencentcloud_purge as purge

config = pulumi.Config()
asset_urls = config.get_object("assetUrls") or [
    "https://www.example.com/app.js",
    "https://www.example.com/app.css",
]
page_url = config.get("pageUrl") or "https://www.example.com/index.html"
timeout_seconds = config.get_int("timeoutSeconds") or 600

# Submit the purge of the assets; the gate does the waiting.
assets = purge.UrlPurge("assets", urls=asset_urls, wait=False)
gate = purge.PurgeTaskWaiter("gate", task_id=assets.task_id, timeout_seconds=timeout_seconds)

# Created only once the gate has seen every asset purged: the page never points at stale assets.
page = purge.UrlPurge("page", urls=[page_url], opts=pulumi.ResourceOptions(depends_on=[gate]))

# Read the assets' task back once the gate has passed (its task_id is known only then), so the records show
# the final status.
asset_tasks = purge.get_purge_tasks_output(task_id=gate.task_id)

pulumi.export("taskId", assets.task_id)
pulumi.export("gateStatus", gate.status)
pulumi.export("gateDoneAt", gate.completed_at)
pulumi.export("pageTaskId", page.task_id)
pulumi.export("pageStatus", page.status)
pulumi.export("assetRecords", asset_tasks.purge_logs)
