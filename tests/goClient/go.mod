module pulumi-tencentcloud-purge/tests/goclient

go 1.21

require github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.211
