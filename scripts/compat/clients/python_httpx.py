# httpx pointed at one compatibility case as its documentation shows (scripts/compat/clients/python-httpx.ts).
# Argument: JSON {url, method, body, username, password, token, scheme, proxy}. Prints the final status.
import json
import sys

import httpx

case = json.loads(sys.argv[1])
headers = {}
auth = None
if case.get("token"):
    headers["Authorization"] = "Bearer " + case["token"]
elif case.get("scheme") == "Digest":
    auth = httpx.DigestAuth(case["username"], case["password"])
else:
    # auth=(user, password) is httpx.BasicAuth: sent at once. NTLM needs httpx-ntlm, not in Debian.
    auth = httpx.BasicAuth(case["username"], case["password"])
proxies = {"http://": case["proxy"]} if case.get("proxy") else None
body = case.get("body")
try:
    with httpx.Client(auth=auth, proxies=proxies, follow_redirects=True, trust_env=False, timeout=10) as client:
        response = client.request(
            case["method"], case["url"], content=body.encode("utf-8") if body is not None else None, headers=headers
        )
    print("ended with status %d" % response.status_code)
except Exception as error:  # the note records how the client ended
    print("raised %s: %s" % (type(error).__name__, str(error)[:160]), file=sys.stderr)
    sys.exit(1)
