// Go's net/http pointed at one compatibility case as a user configures it (scripts/compat/clients/go-net-http.ts).
// Argument: JSON {url, method, body, username, password, token, proxy}. Prints the final status.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

type compatCase struct {
	URL      string  `json:"url"`
	Method   string  `json:"method"`
	Body     *string `json:"body"`
	Username string  `json:"username"`
	Password string  `json:"password"`
	Token    string  `json:"token"`
	Proxy    string  `json:"proxy"`
}

func main() {
	var c compatCase
	if err := json.Unmarshal([]byte(os.Args[1]), &c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// No proxy from the environment: the lab decides which cases go through one.
	transport := &http.Transport{Proxy: nil}
	if c.Proxy != "" {
		proxy, _ := url.Parse(c.Proxy)
		// Credentials in the proxy URL: Go sends Proxy-Authorization Basic with every request.
		proxy.User = url.UserPassword(c.Username, c.Password)
		transport.Proxy = http.ProxyURL(proxy)
	}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	var body io.Reader
	if c.Body != nil {
		body = strings.NewReader(*c.Body)
	}
	request, err := http.NewRequest(c.Method, c.URL, body)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// net/http answers no challenge: SetBasicAuth sends Basic at once; a token goes in its own header.
	if c.Token != "" {
		request.Header.Set("Authorization", "Bearer "+c.Token)
	} else {
		request.SetBasicAuth(c.Username, c.Password)
	}
	response, err := client.Do(request)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	io.Copy(io.Discard, response.Body)
	response.Body.Close()
	fmt.Printf("ended with status %d\n", response.StatusCode)
}
