import EvidentTestSupport
import Foundation
import Testing

/// `evident report` as a user runs it: formats, files, user templates and their errors.
@Suite struct ReportCLITests {
    func bench() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        return bench
    }

    @Test func markdownGoesToStandardOutputByDefault() throws {
        let result = try bench().run("report")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("# Audit report: Demo checklist"))
        #expect(result.stderr.isEmpty)
    }

    @Test func everyFormatIsDeterministicUnderAFixedClock() throws {
        let bench = try bench()
        for format in ["md", "html", "json", "csv"] {
            let first = try bench.run("report", "--format", format)
            let second = try bench.run("report", "--format", format)
            #expect(first.status == 0 && first.stdout == second.stdout, "\(format)")
        }
    }

    @Test func csvStartsWithTheSpecifiedColumns() throws {
        let result = try bench().run("report", "--format", "csv")
        #expect(result.stdout.hasPrefix("item,section,title,severity,status,note"))
        #expect(result.stdout.contains("keys.rotation,keys,API keys are rotated at least every 90 days,high,pass,rotated"))
    }

    @Test func outWritesAFileAndAnUnwritablePathIsAnIOError() throws {
        let bench = try bench()
        let written = try bench.run("report", "--format", "html", "--out", "report.html")
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(bench.directory.read("report.html").hasPrefix("<!DOCTYPE html>"))
        let unwritable = try bench.run("report", "--out", "no/such/folder/report.md")
        #expect(unwritable.status == 74, "\(unwritable)")
    }

    @Test func userTemplatesReplaceTheBuiltInOnesByName() throws {
        let bench = try bench()
        bench.directory.write("mine/report.md.mustache", "{{% CONTENT_TYPE: MARKDOWN }}\nCycle {{cycle}}: {{pass}} pass of {{items}}.\n")
        let result = try bench.run("report", "--templates", "mine")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Cycle 2026-Q4: 1 pass of 4.\n")
        let html = try bench.run("report", "--format", "html", "--templates", "mine")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func aBrokenTemplateIsALocatedError() throws {
        let bench = try bench()
        bench.directory.write("broken/report.md.mustache", "line one\n{{#sections}}\nno end\n")
        let result = try bench.run("report", "--templates", "broken")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("broken/report.md.mustache:"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingTemplatesFolderIsMissingInput() throws {
        let result = try bench().run("report", "--templates", "nowhere")
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }

    @Test func theInstalledBinaryRendersFromAnyFolder() throws {
        let bench = try bench()
        let elsewhere = TemporaryDirectory()
        let result = try EvidentBinary.run(
            ["report", "--format", "html", "--db", bench.databasePath], in: elsewhere, environment: bench.environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("</html>"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        #expect(try bench().run("report", "--format", "pdf").status == 64)
    }
}
