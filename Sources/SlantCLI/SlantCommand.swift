import ArgumentParser
import Foundation
import Slant

@main
struct SlantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slant",
        abstract: "Separate reported fact from opinion, measure loaded language and sentiment in news, with the evidence.",
        version: SlantVersion.current,
        subcommands: [Score.self, Report.self, Similar.self, Compare.self, Eval.self, Train.self, LexiconCommand.self],
        defaultSubcommand: Score.self
    )

    static func main() {
        BLASThreads.stopIdleWorkers()
        main(nil)
    }
}

/// Runs `body`, turning a library error into its message on standard error and the
/// documented exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as SlantError {
        FileHandle.standardError.write(Data("slant: error: \(error)\n".utf8))
        throw ExitCode(error.reason.exitCode)
    }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("slant: warning: \(message)\n".utf8))
}

/// Warns about the first 20 skipped documents and counts the rest; `more` is added to that
/// count's line (where the rest can be read).
func warnSkipped(_ skipped: [SkippedDocument], more: String = "") {
    for document in skipped.prefix(20) { warn("skipped \(document.location): \(document.reason)") }
    if skipped.count > 20 { warn("… and \(skipped.count - 20) more skipped documents\(more)") }
}
