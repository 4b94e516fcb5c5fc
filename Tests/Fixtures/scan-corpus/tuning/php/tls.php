<?php
function strictClient() {
    return new GuzzleHttp\Client(['verify' => true, 'base_uri' => 'https://api.liasonpay.com/v1/']); // OK: tls-verification-disabled
}

function caClient() {
    return new GuzzleHttp\Client(['verify' => __DIR__ . '/ca.pem']); // OK: tls-verification-disabled
}

function symfony() {
    return HttpClient::create(['verify_peer' => false, 'verify_host' => false]); // EXPECT: tls-verification-disabled
}

function curlStrict($ch) {
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, 1); // OK: tls-verification-disabled
    curl_setopt($ch, CURLOPT_CAINFO, '/etc/ssl/ca.pem'); // OK: tls-verification-disabled
}

function curlArray($ch) {
    curl_setopt_array($ch, [CURLOPT_URL => $url, CURLOPT_SSL_VERIFYPEER => false]); // EXPECT: tls-verification-disabled
}
