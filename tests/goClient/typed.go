package main

import (
	"encoding/json"
	"fmt"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// The CDN purge actions' requests declared as the SDK's generated service packages declare theirs: a struct
// embedding *tchttp.BaseRequest whose fields carry `name` tags. The generic CommonRequest keeps its parameters
// in a map that the SDK's GET and v1 encoders (which read `name` tags) do not see, so a Go program that calls
// these actions over GET or with a v1 signature declares its request like this. The CDN service package itself
// is not served by the module proxy these machines reach.

type describePurgeTasksRequest struct {
	*tchttp.BaseRequest
	PurgeType *string `json:"PurgeType,omitempty" name:"PurgeType"`
	StartTime *string `json:"StartTime,omitempty" name:"StartTime"`
	EndTime   *string `json:"EndTime,omitempty" name:"EndTime"`
	TaskId    *string `json:"TaskId,omitempty" name:"TaskId"`
	Offset    *int64  `json:"Offset,omitempty" name:"Offset"`
	Limit     *int64  `json:"Limit,omitempty" name:"Limit"`
	Keyword   *string `json:"Keyword,omitempty" name:"Keyword"`
	Status    *string `json:"Status,omitempty" name:"Status"`
	Area      *string `json:"Area,omitempty" name:"Area"`
}

type purgeUrlsCacheRequest struct {
	*tchttp.BaseRequest
	Urls      []*string `json:"Urls,omitempty" name:"Urls"`
	Area      *string   `json:"Area,omitempty" name:"Area"`
	UrlEncode *bool     `json:"UrlEncode,omitempty" name:"UrlEncode"`
}

type purgePathCacheRequest struct {
	*tchttp.BaseRequest
	Paths     []*string `json:"Paths,omitempty" name:"Paths"`
	FlushType *string   `json:"FlushType,omitempty" name:"FlushType"`
	UrlEncode *bool     `json:"UrlEncode,omitempty" name:"UrlEncode"`
	Area      *string   `json:"Area,omitempty" name:"Area"`
}

type describePurgeQuotaRequest struct {
	*tchttp.BaseRequest
}

// typedRequest fills the action's request struct from JSON parameters, as a program would set its fields.
func typedRequest(service, version, action string, params []byte) (tchttp.Request, error) {
	base := &tchttp.BaseRequest{}
	base.Init().WithApiInfo(service, version, action)
	var request tchttp.Request
	switch action {
	case "DescribePurgeTasks":
		request = &describePurgeTasksRequest{BaseRequest: base}
	case "PurgeUrlsCache":
		request = &purgeUrlsCacheRequest{BaseRequest: base}
	case "PurgePathCache":
		request = &purgePathCacheRequest{BaseRequest: base}
	case "DescribePurgeQuota":
		request = &describePurgeQuotaRequest{BaseRequest: base}
	default:
		return nil, fmt.Errorf("no typed request for %s; use -request common", action)
	}
	if err := json.Unmarshal(params, request); err != nil {
		return nil, fmt.Errorf("-params: %w", err)
	}
	return request, nil
}
