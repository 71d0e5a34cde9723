// Command goclient calls one Tencent Cloud API action through the official Go SDK's generic client
// (common.NewCommonClient), configured from flags the way a Go program configures it, and prints what came
// back as one JSON line: {"response": {...}} or {"code": "...", "message": "..."}. The tests run it against the
// emulator to prove that a client other than the Node.js SDK is served as the real API serves it.
//
// Credentials come from TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY through the SDK's own environment
// provider; TENCENTCLOUD_SECURITY_TOKEN adds a session token (temporary credentials from STS).
//
// Example:
//
//	goclient -endpoint 127.0.0.1:9000 -action DescribePurgeQuota -sign HmacSHA256 -method GET
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

type options struct {
	endpoint, service, version, action, params, method, sign, request string
	skipSign                                                          bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("goclient", flag.ContinueOnError)
	fs.StringVar(&o.endpoint, "endpoint", "", "host:port of the API (plain HTTP), e.g. 127.0.0.1:9000")
	fs.StringVar(&o.service, "service", "cdn", "service name the request is signed for")
	fs.StringVar(&o.version, "version", "2018-06-06", "API version")
	fs.StringVar(&o.action, "action", "", "action name, e.g. DescribePurgeTasks")
	fs.StringVar(&o.params, "params", "{}", "the action's parameters as a JSON object")
	fs.StringVar(&o.method, "method", "POST", "POST or GET")
	fs.StringVar(&o.sign, "sign", "TC3-HMAC-SHA256", "TC3-HMAC-SHA256, HmacSHA1 or HmacSHA256")
	fs.StringVar(&o.request, "request", "common", "common (tchttp.CommonRequest) or typed (a request struct, as the SDK's service packages declare them)")
	fs.BoolVar(&o.skipSign, "skip-sign", false, "send the request unsigned, as the SDK does for AssumeRoleWithWebIdentity")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case o.endpoint == "" || o.action == "":
		return o, errors.New("-endpoint and -action are required")
	case o.method != "POST" && o.method != "GET":
		return o, fmt.Errorf("-method must be POST or GET, not %q", o.method)
	case o.sign != "TC3-HMAC-SHA256" && o.sign != "HmacSHA1" && o.sign != "HmacSHA256":
		return o, fmt.Errorf("-sign must be TC3-HMAC-SHA256, HmacSHA1 or HmacSHA256, not %q", o.sign)
	case o.request != "common" && o.request != "typed":
		return o, fmt.Errorf("-request must be common or typed, not %q", o.request)
	}
	return o, nil
}

// credential reads the key pair as a Go program using the SDK's environment provider does; nil when unset
// (an unsigned request needs none).
func credential() (common.CredentialIface, error) {
	if os.Getenv("TENCENTCLOUD_SECRET_ID") == "" {
		return nil, nil
	}
	cred, err := common.DefaultEnvProvider().GetCredential()
	if err != nil {
		return nil, err
	}
	if token := os.Getenv("TENCENTCLOUD_SECURITY_TOKEN"); token != "" {
		id, key, _ := cred.GetCredential()
		return common.NewTokenCredential(id, key, token), nil
	}
	return cred, nil
}

func buildRequest(o options) (tchttp.Request, error) {
	if o.request == "typed" {
		return typedRequest(o.service, o.version, o.action, []byte(o.params))
	}
	request := tchttp.NewCommonRequest(o.service, o.version, o.action)
	if err := request.SetActionParameters(o.params); err != nil {
		return nil, err
	}
	return request, nil
}

func call(o options) (json.RawMessage, error) {
	cred, err := credential()
	if err != nil {
		return nil, err
	}
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = o.endpoint
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.ReqMethod = o.method
	cpf.HttpProfile.ReqTimeout = 10
	cpf.SignMethod = o.sign
	client := common.NewCommonClient(cred, "", cpf)
	request, err := buildRequest(o)
	if err != nil {
		return nil, err
	}
	request.SetSkipSign(o.skipSign)
	response := tchttp.NewCommonResponse()
	if err := client.Send(request, response); err != nil {
		return nil, err
	}
	var body struct {
		Response json.RawMessage `json:"Response"`
	}
	if err := json.Unmarshal(response.GetBody(), &body); err != nil {
		return nil, err
	}
	return body.Response, nil
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "goclient:", err)
		os.Exit(2)
	}
	out := map[string]interface{}{}
	response, err := call(o)
	var sdkErr *tcerr.TencentCloudSDKError
	switch {
	case errors.As(err, &sdkErr):
		out["code"], out["message"] = sdkErr.GetCode(), sdkErr.GetMessage()
	case err != nil:
		fmt.Fprintln(os.Stderr, "goclient:", err)
		os.Exit(1)
	default:
		out["response"] = response
	}
	line, _ := json.Marshal(out)
	fmt.Println(string(line))
}
