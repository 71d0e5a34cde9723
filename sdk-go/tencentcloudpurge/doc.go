// Read Tencent Cloud CDN purge tasks and gate a deployment until a purge is done.
package tencentcloudpurge
