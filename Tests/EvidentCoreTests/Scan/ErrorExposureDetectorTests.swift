import EvidentCore
import Testing

/// `error-stack-exposed`: stack traces, raw errors and (in 500 responses) error messages sent to
/// clients, and debug switches that show them; logging and generic messages are not.
@Suite struct ErrorExposureDetectorTests {
    @Test(arguments: [
        ("app.js", "  res.status(500).json({ error: err.stack });"),
        ("app.js", "app.use((err, req, res, next) => res.status(500).send(err.stack));"),
        ("app.js", "  res.send(err);"),
        ("app.ts", "  return res.status(400).json(error);"),
        ("app.js", "  res.status(500).send(err.message);"),
        ("app.js", "  res.status(500).json({ error: err.message });"),
        ("app.js", "  ctx.body = { stack: e.stack };"),
        ("app.py", "    return jsonify(error=traceback.format_exc()), 500"),
        ("app.py", "    return str(e), 500"),
        ("app.py", "    raise HTTPException(status_code=500, detail=str(exc))"),
        ("app.py", #"    return Response(f"failed: {e}", status=500)"#),
        ("main.go", "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)"),
        ("main.go", "\t\thttp.Error(w, err.Error(), 500)"),
        ("main.go", "\t\tw.Write(debug.Stack())"),
        ("main.go", #"    c.JSON(500, gin.H{"error": err.Error()})"#),
        ("Servlet.java", "    e.printStackTrace(response.getWriter());"),
        ("Servlet.java", "    response.getWriter().write(ExceptionUtils.getStackTrace(e));"),
        ("Controller.java", "    return ResponseEntity.status(500).body(e.getMessage());"),
        ("Routes.kt", "    call.respondText(e.stackTraceToString(), status = HttpStatusCode.InternalServerError)"),
        ("index.php", "    echo $e->getTraceAsString();"),
        ("index.php", "    echo $e;"),
        ("index.php", #"    die("Connection failed: " . mysqli_error($conn));"#),
        ("index.php", "    return response()->json(['error' => $e->getMessage()], 500);"),
        ("orders_controller.rb", "    render json: { error: e.backtrace }, status: 500"),
        ("orders_controller.rb", "    render plain: e.message, status: :internal_server_error"),
        ("OrdersController.cs", "        return StatusCode(500, ex.ToString());"),
        ("OrdersController.cs", "        return StatusCode(500, new { error = ex.StackTrace });"),
        ("OrdersController.cs", "        return StatusCode(500, ex.Message);"),
        ("Routes.swift", #"        throw Abort(.internalServerError, reason: "\(error)")"#),
        ("Routes.swift", "        throw Abort(.internalServerError, reason: error.localizedDescription)"),
        ("myshop/settings.py", "DEBUG = True"),
        ("app.py", "    app.run(host='0.0.0.0', debug=True)"),
        ("index.php", "ini_set('display_errors', '1');"),
        ("php.ini", "display_errors = On"),
        ("application.properties", "server.error.include-stacktrace=always"),
        ("application.yml", "    include-stacktrace: always"),
        ("Web.config", #"    <customErrors mode="Off" />"#),
        ("config/environments/production.rb", "  config.consider_all_requests_local = true"),
    ])
    func findsExposedErrors(file: String, code: String) {
        let findings = Snippet.findings(.errorStackExposed, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
        #expect(findings.first?.severity == .medium)
    }

    @Test(arguments: [
        ("app.js", "  console.error('Error:', err);"),
        ("app.js", "  res.status(500).json({ error: 'An unexpected error occurred' });"),
        ("app.js", "  logger.error({ stack: err.stack }, 'payment failed');"),
        ("app.js", "  res.status(400).json({ error: err.message });"),
        ("app.js", "  res.status(500).json({ error: err.code });"),
        ("app.js", "  if (err) return res.status(500).json({ error: 'internal error' });"),
        ("app.js", "app.use((err, req, res, next) => res.status(500).json({ error: 'Something went wrong' }));"),
        ("app.js", "  res.json({ items: stack.items });"),
        ("app.js", "  const data = await response.json();"),
        ("app.js", "  process.send(err);"),
        ("app.js", "  // res.status(500).json({ error: err.stack });"),
        ("app.py", "    logger.exception('charge failed: %s', traceback.format_exc())"),
        ("app.py", "    return jsonify(error='internal error'), 500"),
        ("app.py", "    return {'error': str(e)}, 400"),
        ("main.go", "\t\thttp.Error(w, \"internal error\", http.StatusInternalServerError)"),
        ("main.go", "\t\tlog.Printf(\"charge failed: %v\", err)"),
        ("main.go", "\t\thttp.Error(w, err.Error(), http.StatusBadRequest)"),
        ("Servlet.java", "    e.printStackTrace();"),
        ("Servlet.java", "    log.error(\"charge failed\", e);"),
        ("index.php", "    error_log($e->getTraceAsString());"),
        ("index.php", "ini_set('display_errors', '0');"),
        ("orders_controller.rb", "    render json: { error: 'internal error' }, status: 500"),
        ("orders_controller.rb", "    Rails.logger.error(e.backtrace.join(\"\\n\"))"),
        ("OrdersController.cs", "        _logger.LogError(ex, \"charge failed\");"),
        ("OrdersController.cs", "        return StatusCode(500, \"An unexpected error occurred\");"),
        ("Routes.swift", "        throw Abort(.internalServerError, reason: \"payment failed\")"),
        ("myshop/settings/dev.py", "DEBUG = True"),
        ("myshop/settings.py", "DEBUG = False"),
        ("tests/test_views.py", "DEBUG = True"),
        ("config/environments/development.rb", "  config.consider_all_requests_local = true"),
        ("application.yml", "    include-stacktrace: never"),
    ])
    func ignoresLoggingAndGenericMessages(file: String, code: String) {
        #expect(Snippet.findings(.errorStackExposed, code, file: file).isEmpty, "\(file): \(code)")
    }
}
