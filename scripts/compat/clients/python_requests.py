# Python requests pointed at one compatibility case as a user configures it (scripts/compat/clients/python-requests.ts).
# Argument: JSON {url, method, body, username, password, token, scheme, proxy}. Prints the final status.
import json
import sys

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

case = json.loads(sys.argv[1])
headers = {}
auth = None
scheme = case.get("scheme")
if case.get("token"):
    # requests has no Bearer class: its documentation sets the header.
    headers["Authorization"] = "Bearer " + case["token"]
elif scheme == "Digest":
    auth = HTTPDigestAuth(case["username"], case["password"])
elif scheme in ("NTLM", "Negotiate"):
    # requests-ntlm answers NTLM, and Negotiate with NTLM tokens (no Kerberos here).
    from requests_ntlm import HttpNtlmAuth

    auth = HttpNtlmAuth(case["username"], case["password"])
else:
    # auth=(user, password): requests' own default, Basic sent at once.
    auth = HTTPBasicAuth(case["username"], case["password"])

session = requests.Session()
session.trust_env = False
proxies = {}
if case.get("proxy"):
    # Credentials in the proxy URL: requests sends Proxy-Authorization Basic with every request.
    proxies = {"http": case["proxy"]}
body = case.get("body")
try:
    response = session.request(
        case["method"],
        case["url"],
        data=body.encode("utf-8") if body is not None else None,
        headers=headers,
        auth=auth,
        proxies=proxies,
        timeout=10,
    )
    print("ended with status %d" % response.status_code)
except Exception as error:  # the note records how the client ended
    print("raised %s: %s" % (type(error).__name__, str(error)[:160]), file=sys.stderr)
    sys.exit(1)
