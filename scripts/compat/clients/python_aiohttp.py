# aiohttp pointed at one compatibility case as its documentation shows (scripts/compat/clients/python-aiohttp.ts).
# Argument: JSON {url, method, body, username, password, token, proxy}. Prints the final status.
import asyncio
import json
import sys

import aiohttp

case = json.loads(sys.argv[1])


async def main():
    headers = {}
    # aiohttp's only auth is BasicAuth, sent at once (latin-1 by default, as its documentation says).
    auth = None if case.get("token") else aiohttp.BasicAuth(case["username"], case["password"])
    if case.get("token"):
        headers["Authorization"] = "Bearer " + case["token"]
    proxy = case.get("proxy")
    proxy_auth = aiohttp.BasicAuth(case["username"], case["password"]) if proxy else None
    body = case.get("body")
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(auth=auth, timeout=timeout, trust_env=False) as session:
        async with session.request(
            case["method"],
            case["url"],
            data=body.encode("utf-8") if body is not None else None,
            headers=headers,
            proxy=proxy,
            proxy_auth=proxy_auth,
        ) as response:
            await response.read()
            print("ended with status %d" % response.status)


try:
    asyncio.run(main())
except Exception as error:  # the note records how the client ended
    print("raised %s: %s" % (type(error).__name__, str(error)[:160]), file=sys.stderr)
    sys.exit(1)
