import Foundation
import Mustache

/// Report layouts: Mustache templates, built into the binary from `templates/` and
/// replaceable by a user's own file (`--template FILE`).
public struct ReportTemplate: Sendable {
    public let name: String
    let template: MustacheTemplate

    /// The built-in template of that file name, e.g. `article.html.mustache`.
    /// - Throws: ``SlantError`` `.usage` for an unknown name.
    public static func builtIn(_ name: String) throws -> ReportTemplate {
        guard let file = EmbeddedTemplates.files.first(where: { $0.name == name }) else {
            throw SlantError(.usage, "no built-in template '\(name)' (built in: \(EmbeddedTemplates.files.map(\.name).joined(separator: ", ")))")
        }
        return try ReportTemplate(name: name, text: file.text)
    }

    /// A user's template file.
    /// - Throws: ``SlantError`` `.missingInput` when it cannot be read, `.badInput` (with the
    ///   line) when it does not parse.
    public static func file(_ path: String) throws -> ReportTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlantError(.missingInput, file: path, "cannot read the template file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SlantError(.badInput, file: path, "the template is not valid UTF-8")
        }
        return try ReportTemplate(name: path, text: text)
    }

    init(name: String, text: String) throws {
        self.name = name
        _ = Self.partials  // registers the Markdown content type before any template parses
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw SlantError(.badInput, file: name, line: error.context.lineNumber,
                             "template does not parse: \(error.error) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'")
        } catch {
            throw SlantError(.badInput, file: name, "template does not parse: \(error)")
        }
    }

    /// Renders a view model (dictionaries, arrays, strings, numbers, booleans). The built-in
    /// partials (`{{> styles}}`) are available to every template, a user's included.
    public func render(_ context: [String: Any]) -> String {
        template.render(context, library: Self.partials)
    }

    /// Escapes text for a Markdown table cell: `\` and `|` are backslash-escaped, line breaks
    /// become spaces, and `<`, `>`, `&` become HTML entities so markup in an article stays text.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var out = ""
            out.reserveCapacity(text.count)
            for c in text {
                switch c {
                case "\\": out += "\\\\"
                case "|": out += "\\|"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\n", "\r", "\r\n": out += " "
                default: out.append(c)
                }
            }
            return out
        }
    }

    /// Every built-in template, registered by name without `.mustache`, for partials; also
    /// registers the `MARKDOWN` content type (`{{% CONTENT_TYPE: MARKDOWN}}`).
    static let partials: MustacheLibrary = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        var library = MustacheLibrary()
        for file in EmbeddedTemplates.files {
            let name = file.name.hasSuffix(".mustache") ? String(file.name.dropLast(".mustache".count)) : file.name
            try? library.register(file.text, named: name)
        }
        return library
    }()
}

/// What a report says about how it was made, beyond the scores.
public struct ReportOptions: Sendable {
    /// Options as the user gave them, for the manifest (`--lexicons lex/`, …).
    public var options: [String]
    /// Only with `--timestamp`: reports are otherwise byte-identical across runs.
    public var timestamp: String?

    public init(options: [String] = [], timestamp: String? = nil) {
        self.options = options
        self.timestamp = timestamp
    }

    /// The current time in ISO 8601 (UTC), for `--timestamp`.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
