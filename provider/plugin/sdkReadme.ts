/**
 * The README of the generated Python SDK (at its root, where its pyproject.toml points, and in the package):
 * what a Python user needs to install the SDK and the plugin and to write a first gate.
 */

/** The Python SDK's README, as Markdown. */
export const PYTHON_README = `# pulumi_tencentcloud_purge

Read Tencent Cloud CDN purge tasks from a Pulumi program, and hold a deployment back until a purge has really
finished. The Python SDK of the \`tencentcloud-purge\` provider plugin.

## Install

\`\`\`sh
pip install "git+https://github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge.git#subdirectory=sdk-python"
\`\`\`

or, from a checkout of the repository, \`pip install ./sdk-python\`. The provider plugin it drives needs Node.js 20
or newer on PATH; \`pulumi up\` downloads the plugin from the repository's releases, or install it yourself:
\`pulumi plugin install resource tencentcloud-purge <version>\` (add \`--server <URL>\` for a mirror of the release
archives).

## Use

\`\`\`python
import pulumi
import pulumi_tencentcloud_purge as purge

assets = purge.UrlPurge("assets", urls=["https://www.example.com/app.js"], wait=False)
gate = purge.PurgeTaskWaiter("gate", task_id=assets.task_id, timeout_seconds=600)
# Created only once the gate has seen the purge done.
page = purge.UrlPurge("page", urls=["https://www.example.com/index.html"],
                      opts=pulumi.ResourceOptions(depends_on=[gate]))
records = purge.get_purge_tasks_output(task_id=gate.task_id)
pulumi.export("assetRecords", records.purge_logs)
\`\`\`

Credentials: \`pulumi config set tencentcloud-purge:secretId AKID...\` and
\`pulumi config set --secret tencentcloud-purge:secretKey ...\`, or \`TENCENTCLOUD_SECRET_ID\` and
\`TENCENTCLOUD_SECRET_KEY\` in the environment. A whole example, and the local emulator of the CDN API to try it
without a cloud account, are in the repository (\`examples/python-gate\`).
`;
