<?php
$key = "sk_live_Rt61QxLm9Kp4NwZ2vYc8BdHk"; // EXPECT: hardcoded-api-key
$url = "http://api.liasonpay.com/v1/orders"; // EXPECT: plain-http-api
$ok = "https://api.liasonpay.com/v1/orders"; // OK: plain-http-api

function q($pdo, $id, $name, $table) {
    $pdo->query("SELECT * FROM orders WHERE id = $id"); // EXPECT: sql-string-interpolation
    $pdo->query("SELECT * FROM orders WHERE id = {$id}"); // EXPECT: sql-string-interpolation
    $pdo->query('SELECT * FROM orders WHERE name = \'' . $name . '\''); // EXPECT: sql-string-interpolation
    $pdo->prepare("SELECT * FROM orders WHERE id = ?"); // OK: sql-string-interpolation
    $sql = "SELECT * FROM orders WHERE 1=1"; // OK: sql-string-interpolation
    $sql .= " AND name = '" . $name . "'"; // EXPECT: sql-string-interpolation
    $sql .= " AND id = ?"; // OK: sql-string-interpolation
    $sql2 = "SELECT * FROM orders "
        . "WHERE name = '" . $name . "'"; // EXPECT: sql-string-interpolation
    $wpdb->get_results("SELECT * FROM {$wpdb->prefix}orders WHERE id = $id"); // EXPECT: sql-string-interpolation
    $wpdb->get_results($wpdb->prepare("SELECT * FROM {$wpdb->prefix}orders WHERE id = %d", $id)); // OK: sql-string-interpolation
    DB::select(DB::raw("SELECT * FROM orders WHERE name = '$name'")); // EXPECT: sql-string-interpolation
    DB::table('orders')->whereRaw('name = ?', [$name]); // OK: sql-string-interpolation
    error_log("SELECT * FROM orders WHERE id = $id"); // OK: sql-string-interpolation
    echo "Select your order, $name"; // OK: sql-string-interpolation
}

function tls() {
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, 0); // EXPECT: tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, false); // EXPECT: tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2); // OK: tls-verification-disabled
    $ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]); // EXPECT: tls-verification-disabled
    $client = new GuzzleHttp\Client(['verify' => false]); // EXPECT: tls-verification-disabled
    $client2 = new GuzzleHttp\Client(['verify' => '/etc/ssl/ca.pem']); // OK: tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_1); // EXPECT: weak-tls-version
}

function errors() {
    try {
        work();
    } catch (Exception $e) {
        http_response_code(500);
        echo json_encode(['error' => $e->getMessage(), 'trace' => $e->getTrace()]); // EXPECT: error-stack-exposed
    }
    try {
        work();
    } catch (Exception $e) {
        return response()->json(['error' => (string) $e], 500); // EXPECT: error-stack-exposed
    }
    try {
        parse();
    } catch (JsonException $e) {
        return response()->json(['error' => $e->getMessage()], 400); // OK: error-stack-exposed
    }
    echo mysqli_error($conn); // EXPECT: error-stack-exposed
    error_log($e->getTraceAsString()); // OK: error-stack-exposed
}

function webhook($payload, $secret) {
    $header = $_SERVER['HTTP_LIASONPAY_SIGNATURE'];
    $expected = hash_hmac('sha256', $payload, $secret);
    if ($header !== $expected) { // EXPECT: webhook-signature-unsafe-compare
        http_response_code(400);
    }
    if (!hash_equals($expected, $header)) { // OK: webhook-signature-unsafe-compare
        http_response_code(400);
    }
    if (strcmp($expected, $header) !== 0) { // EXPECT: webhook-signature-unsafe-compare
        http_response_code(400);
    }
    if ($header === '') { // OK: webhook-signature-unsafe-compare
        http_response_code(400);
    }
}
