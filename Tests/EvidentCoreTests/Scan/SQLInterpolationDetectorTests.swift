import EvidentCore
import Testing

/// `sql-string-interpolation`: SQL built by splicing values into its text, in every language;
/// placeholders, parameterising tags and calls, constants and comments are not.
@Suite struct SQLInterpolationDetectorTests {
    @Test(arguments: [
        ("users.js", "const query = `SELECT * FROM users WHERE id = ${userId}`;"),
        ("users.js", "db.query(\"SELECT * FROM users WHERE email = '\" + email + \"'\");"),
        ("users.ts", "await prisma.$queryRawUnsafe(`SELECT * FROM orders WHERE status = '${status}'`);"),
        ("users.js", "knex('users').whereRaw(`name = '${name}'`);"),
        ("users.js", "const sql = 'DELETE FROM carts WHERE owner = ' + req.params.owner;"),
        ("users.py", #"cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")"#),
        ("users.py", #"cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)"#),
        ("users.py", #"cursor.execute("UPDATE users SET plan = '{}' WHERE id = 1".format(plan))"#),
        ("users.py", #"query = "INSERT INTO audit (who) VALUES ('" + actor + "')""#),
        ("users.go", #"rows, err := db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %s", id))"#),
        ("users.go", #"_, err := db.Exec("DELETE FROM sessions WHERE user_id = " + userID)"#),
        ("Users.java", #"ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE id = " + id);"#),
        ("Users.java", #"String sql = String.format("SELECT * FROM users WHERE name = '%s'", name);"#),
        ("Users.kt", #"val rows = jdbc.queryForList("SELECT * FROM users WHERE id = $id")"#),
        ("Users.kt", #"statement.executeQuery("SELECT * FROM orders WHERE ref = '${order.ref}'")"#),
        ("users.php", #"$result = mysqli_query($conn, "SELECT * FROM users WHERE id = $id");"#),
        ("users.php", #"$rows = $pdo->query('SELECT * FROM users WHERE id = ' . $_GET['id']);"#),
        ("users.php", #"$sql = "SELECT * FROM orders WHERE ref = '{$order->ref}'";"#),
        ("users.rb", #"User.where("email = '#{params[:email]}'")"#),
        ("users.rb", #"ActiveRecord::Base.connection.execute("DELETE FROM users WHERE id = #{id}")"#),
        ("Users.cs", #"var cmd = new SqlCommand($"SELECT * FROM Users WHERE Id = {id}", conn);"#),
        ("Users.cs", #"var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = '" + name + "'", conn);"#),
        ("Users.cs", #"context.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'");"#),
        ("Users.swift", #"try db.execute(sql: "DELETE FROM player WHERE id = \(id)")"#),
        ("Users.swift", #"let rows = try Row.fetchAll(db, sql: "SELECT * FROM player WHERE name = '\(name)'")"#),
        ("Users.swift", #"let sql = "SELECT * FROM player WHERE name = '\(name)'""#),
        ("Users.swift", #"var sql: String = "DELETE FROM player WHERE id = \(id)""#),
        ("Users.swift", #"try db.run("DELETE FROM player WHERE id = \(id)")"#),
        ("Users.swift", #"try await sql.raw("SELECT \(unsafeRaw: column) FROM users").run()"#),
    ])
    func findsSplicedSQL(file: String, code: String) {
        let findings = Snippet.findings(.sqlStringInterpolation, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
    }

    @Test func findsConcatenationContinuedOnTheNextLineAndMultiLineTemplates() {
        let java = """
            String sql = "SELECT * FROM users " +
                "WHERE id = " +
                userId;
            """
        #expect(Snippet.lines(.sqlStringInterpolation, java, file: "Users.java") == [2])
        let javascript = """
            const query = `
              SELECT * FROM orders
              WHERE customer_id = ${customerId}
            `;
            """
        #expect(Snippet.lines(.sqlStringInterpolation, javascript, file: "orders.js") == [3])
    }

    @Test(arguments: [
        ("users.js", "const query = 'SELECT * FROM users WHERE id = ?';"),
        ("users.js", "db.query('SELECT * FROM users WHERE id = ?', [userId]);"),
        ("users.js", "const rows = await sql`SELECT * FROM users WHERE id = ${userId}`;"),
        ("users.ts", "await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;"),
        ("users.js", "const q = `SELECT * FROM ${TABLE} WHERE id = $1`;"),
        ("users.js", "const q = `SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')})`;"),
        ("users.js", "// const query = `SELECT * FROM users WHERE id = ${userId}`;"),
        ("users.js", "const message = `Select a plan from ${plans.length} options`;"),
        ("users.js", "console.log('Update ' + name + ' finished');"),
        ("users.js", "const label = 'delete from cart';"),
        ("users.js", "items.filter((item) => item.total > limit).map((item) => `${item.id}`)"),
        ("users.py", #"cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))"#),
        ("users.py", #"cursor.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})"#),
        ("users.py", #"log.info(f"updated {count} rows")"#),
        ("users.go", #"rows, err := db.Query("SELECT * FROM users WHERE id = $1", id)"#),
        ("users.go", "const q = `SELECT id, name FROM users WHERE active = true`"),
        ("Users.java", #"PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");"#),
        ("Users.java", #"String sql = "SELECT a, b " + "FROM t WHERE c = 1";"#),
        ("Users.kt", #"jdbc.query("SELECT * FROM users WHERE id = ?", mapper, id)"#),
        ("users.php", #"$stmt = $pdo->prepare('SELECT * FROM users WHERE id = :id');"#),
        ("users.php", "$sql = 'SELECT * FROM users WHERE id = $id';"),
        ("users.rb", #"User.where("email = ?", params[:email])"#),
        ("users.rb", "User.where(email: params[:email])"),
        ("Users.cs", #"context.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}");"#),
        ("Users.cs", #"var cmd = new SqlCommand("SELECT * FROM Users WHERE Id = @id", conn);"#),
        ("Users.swift", #"try db.execute(literal: "DELETE FROM player WHERE id = \(id)")"#),
        ("Users.swift", #"let request: SQLRequest<Player> = "SELECT * FROM player WHERE name = \(name)""#),
        ("Users.swift", #"try db.execute(sql: "DELETE FROM player WHERE id = ?", arguments: [id])"#),
        ("Users.swift", #"print("Selected \(count) rows from the cache")"#),
        ("Users.swift", #"let query: PostgresQuery = "DELETE FROM users WHERE id = \(id)""#),
        ("Users.swift", #"let rows = try await connection.query("SELECT * FROM users WHERE id = \(id)", logger: logger)"#),
        ("Users.swift", #"try await sql.raw("SELECT \(bind: name) AS \(ident: "name")").run()"#),
        ("Users.swift", #"let request: SQLRequest<String> = "SELECT name FROM player WHERE id = \(id)""#),
        ("UsersTests.swift", #"XCTAssertEqual(lastSQLQuery, "SELECT * FROM users WHERE id = \(user.id)")"#),
        ("users.test.js", "expect(sql).toBe(`SELECT * FROM users WHERE id = ${id}`);"),
    ])
    func ignoresParametersAndProse(file: String, code: String) {
        #expect(Snippet.findings(.sqlStringInterpolation, code, file: file).isEmpty, "\(file): \(code)")
    }
}
