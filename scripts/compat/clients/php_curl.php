<?php
// PHP's curl extension pointed at one compatibility case as its manual shows (scripts/compat/clients/php-curl.ts).
// Argument: JSON {url, method, body, username, password, token, proxy}. Prints the final status.
$case = json_decode($argv[1], true);
$handle = curl_init($case['url']);
curl_setopt_array($handle, [
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_FOLLOWLOCATION => true,
    CURLOPT_TIMEOUT => 10,
    CURLOPT_CUSTOMREQUEST => $case['method'],
    CURLOPT_PROXY => '',
]);
if (isset($case['token'])) {
    curl_setopt($handle, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . $case['token']]);
} else {
    // CURLAUTH_ANY: libcurl waits for the challenge and picks the most secure scheme it supports.
    curl_setopt($handle, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    curl_setopt($handle, CURLOPT_USERPWD, $case['username'] . ':' . $case['password']);
}
if (isset($case['proxy'])) {
    curl_setopt($handle, CURLOPT_PROXY, $case['proxy']);
    curl_setopt($handle, CURLOPT_PROXYAUTH, CURLAUTH_ANY);
    curl_setopt($handle, CURLOPT_PROXYUSERPWD, $case['username'] . ':' . $case['password']);
}
if (isset($case['body'])) {
    curl_setopt($handle, CURLOPT_POSTFIELDS, $case['body']);
}
if (curl_exec($handle) === false) {
    fwrite(STDERR, curl_error($handle) . "\n");
    exit(1);
}
echo 'ended with status ', curl_getinfo($handle, CURLINFO_RESPONSE_CODE), "\n";
