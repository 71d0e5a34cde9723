// Gate a deployment until a Tencent Cloud CDN or EdgeOne purge is done, and read purge tasks.
package tencentcloudpurge
