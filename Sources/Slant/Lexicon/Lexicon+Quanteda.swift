import Yams

extension Lexicon {
    /// A quanteda dictionary in YAML: each key is a category holding a list of terms, and
    /// keys may nest (`economy: {positive: [...]}` gives category `economy.positive`), as
    /// `quanteda::dictionary(file = …, format = "YAML")` reads it. quanteda's glob `*` at the
    /// end of a term is kept; other globs are listed in the notes.
    static func importQuanteda(_ text: String, origin: String, weight: Double) throws -> LexiconImport {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw SlantError(.badLexicon, file: origin, "not valid YAML: \(error)")
        }
        guard let root = node, case .mapping = root else {
            throw SlantError(.badLexicon, file: origin, "a quanteda dictionary is a YAML mapping of category names to term lists")
        }
        var notes: [String] = []
        var entries: [Entry] = []
        func walk(_ node: Node, path: [String]) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    walk(value, path: path + [key.string ?? "?"])
                }
            case .sequence(let sequence):
                for item in sequence {
                    if case .scalar = item, let term = item.string {
                        let line = item.mark?.line ?? 0
                        let category = path.joined(separator: ".")
                        if isWritableTerm(term) {
                            entries.append(Entry(term: term, category: category, weight: weight, line: line))
                        } else {
                            notes.append("line \(line): term '\(term)' uses a glob Slant cannot express; skipped")
                        }
                    } else {
                        walk(item, path: path)
                    }
                }
            case .scalar(let scalar):
                let line = node.mark?.line ?? 0
                if isWritableTerm(scalar.string) {
                    entries.append(Entry(term: scalar.string, category: path.joined(separator: "."), weight: weight, line: line))
                }
            default:
                break
            }
        }
        walk(root, path: [])
        let lexicon = Lexicon(name: "", version: "", license: "", source: "", entries: deduplicated(entries, notes: &notes))
        return LexiconImport(lexicon: lexicon, notes: notes)
    }
}
