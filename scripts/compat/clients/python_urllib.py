# Python's urllib.request pointed at one compatibility case as its documentation shows (scripts/compat/clients/python-urllib.ts).
# Argument: JSON {url, method, body, username, password, token, proxy}. Prints the final status.
import json
import sys
import urllib.error
import urllib.request

case = json.loads(sys.argv[1])
# One password manager for every realm of the lab (and of the proxy): the documented way when the
# realm is not known in advance.
passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
handlers = []
if case.get("proxy"):
    passwords.add_password(None, case["proxy"], case["username"], case["password"])
    handlers += [
        urllib.request.ProxyHandler({"http": case["proxy"]}),
        urllib.request.ProxyBasicAuthHandler(passwords),
        urllib.request.ProxyDigestAuthHandler(passwords),
    ]
else:
    handlers.append(urllib.request.ProxyHandler({}))
passwords.add_password(None, case["url"], case["username"], case["password"])
handlers += [urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]
opener = urllib.request.build_opener(*handlers)

headers = {}
if case.get("token"):
    headers["Authorization"] = "Bearer " + case["token"]
body = case.get("body")
request = urllib.request.Request(
    case["url"], data=body.encode("utf-8") if body is not None else None, headers=headers, method=case["method"]
)
try:
    with opener.open(request, timeout=10) as response:
        print("ended with status %d" % response.status)
except urllib.error.HTTPError as error:
    print("ended with status %d" % error.code)
except Exception as error:  # the note records how the client ended
    print("raised %s: %s" % (type(error).__name__, str(error)[:160]), file=sys.stderr)
    sys.exit(1)
