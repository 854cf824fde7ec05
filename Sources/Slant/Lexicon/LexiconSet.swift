import Foundation

/// The lexicons one scoring run uses, each in its role, plus the compiled matchers and
/// configuration built from them once.
///
/// Defaults are embedded in the library at build time from the repository's `lexicons/`
/// folder, so a built `slant` needs no files at run time. A directory given with
/// `--lexicons DIR` replaces any default whose file name it holds.
// A class: every scorer holds the set, and a struct of this many fields cost a retain per field
// on each copy (several per document when scoring a corpus).
public final class LexiconSet: Sendable {
    /// The file name of each role, in the order reports list them.
    public static let fileNames = [
        "segmentation.tsv", "report-verbs.tsv", "stance-markers.tsv", "sentiment-modifiers.tsv",
        "loaded-language.tsv", "event-words.tsv", "fact-cues.tsv", "valence.tsv", "furniture.tsv", "scoring.tsv", "stopwords.tsv", "targets.tsv",
    ]

    /// Trained models that take effect when present (`slant train` writes them).
    public static let modelFileNames = ["opinion-model.tsv", "bias-model.tsv", "loaded-learned.tsv", "target-model.tsv"]

    /// The opinion model: replaces the hand-set opinion cue weights, intercept and threshold
    /// of `scoring.tsv`, and adds learned word weights.
    public let opinionModel: Lexicon?
    /// The bias model used by `slant eval --task bias`.
    public let biasModel: Lexicon?
    /// Loaded terms learned from annotations (`slant train --task loaded-words`), added to
    /// the loaded-language list.
    public let loadedLearned: Lexicon?
    /// The target-sentiment model used by `slant eval --task target-sentiment`.
    public let targetModelLexicon: Lexicon?
    public let targetModel: TargetModel?
    /// Every lexicon this set was built from, by file name.
    let sources: [String: Lexicon]

    public let segmentation: Lexicon
    public let reportVerbs: Lexicon
    public let stanceMarkers: Lexicon
    public let sentimentModifiers: Lexicon
    public let loaded: Lexicon
    public let eventWords: Lexicon
    public let factCues: Lexicon
    public let valence: Lexicon
    public let furniture: Lexicon
    public let scoring: Lexicon
    public let stopwords: Lexicon
    /// Titles, countries, parties, demonyms, organisation words, pronouns and stance verbs.
    public let targets: Lexicon

    public let config: ScoringConfig
    public let furniturePatterns: FurniturePatterns

    let reportVerbMatcher: Matcher
    let stanceMatcher: Matcher
    let modifierMatcher: Matcher
    let loadedMatcher: Matcher
    /// Learned loaded terms, matched after everything else on words nothing else claimed.
    let learnedMatcher: Matcher?
    /// Words of the learned list's `suppress` entries: hand-written loaded hits made only of
    /// them are not counted.
    let suppressedLoaded: Set<String>
    let eventMatcher: Matcher
    let factMatcher: Matcher
    let valenceMatcher: Matcher
    let targetMatcher: Matcher
    /// Ids for every word of the word lexicons, shared by the matchers and documents.
    public let vocabulary: Vocabulary
    /// Stance verbs of targets.tsv ("condemned", "praised").
    let stanceActMatcher: Matcher
    /// The categories of targets.tsv that `targetMatcher` indexes (what names are made of).
    static let nameCategories: Set<String> = [
        "title", "title-male", "title-female", "country", "demonym", "party", "party-adjective", "org-word", "non-name",
        "pronoun-male", "pronoun-female",
    ]
    /// Word classes of targets.tsv: words allowed inside a name, forms of "be"/"get" that
    /// make a stance verb passive, the word introducing a passive's agent, clause ends.
    let nameConnectors: Set<String>
    let passiveAuxiliaries: Set<String>
    let agentMarkers: Set<String>
    let clauseBoundaries: Set<String>
    /// Pronoun → "m" or "f".
    let pronounGender: [String: Character]
    /// Stopwords, sentence starters, non-names and pronouns.
    let functionWords: Set<String>
    /// Every word some lexicon lists in lower case: a capitalised one at the start of a
    /// sentence is not a name.
    let commonWords: Set<String>
    /// Lower-cased abbreviation → true when it is a title (never ends a sentence).
    let abbreviations: [String: Bool]
    let sentenceStarters: Set<String>
    /// Function words left out of keyness term lists.
    let stopwordSet: Set<String>
    /// Attribution word classes from report-verbs.tsv, by category.
    let speakerWords: [String: Set<String>]

    /// Every lexicon in `fileNames` order, then the models present.
    public var all: [Lexicon] {
        [segmentation, reportVerbs, stanceMarkers, sentimentModifiers, loaded, eventWords, factCues, valence, furniture, scoring, stopwords, targets]
            + [opinionModel, biasModel, loadedLearned, targetModelLexicon].compactMap { $0 }
    }

    /// The same lexicons without the opinion and bias models (the hand-set opinion model of
    /// `scoring.tsv`), keeping any learned loaded terms: the features those models are trained
    /// on and applied to.
    /// - Parameter learned: also drop the learned loaded terms (`loaded-learned.tsv`), so a
    ///   list being learned is not stacked on an earlier one.
    public func withoutModels(learned: Bool = false) -> LexiconSet {
        var plain = sources
        if learned { plain["loaded-learned.tsv"] = nil }
        plain["opinion-model.tsv"] = nil
        plain["bias-model.tsv"] = nil
        plain["target-model.tsv"] = nil
        return (try? LexiconSet(lexicons: plain)) ?? self
    }

    /// Builds the set from parsed lexicons keyed by file name.
    /// - Throws: ``SlantError`` when a role is missing or its content is unusable.
    public init(lexicons: [String: Lexicon]) throws {
        func take(_ name: String) throws -> Lexicon {
            guard let lexicon = lexicons[name] else {
                throw SlantError(.badLexicon, file: name, "lexicon '\(name)' is missing")
            }
            return lexicon
        }
        segmentation = try take("segmentation.tsv")
        reportVerbs = try take("report-verbs.tsv")
        stanceMarkers = try take("stance-markers.tsv")
        sentimentModifiers = try take("sentiment-modifiers.tsv")
        loaded = try take("loaded-language.tsv")
        eventWords = try take("event-words.tsv")
        factCues = try take("fact-cues.tsv")
        valence = try take("valence.tsv")
        furniture = try take("furniture.tsv")
        scoring = try take("scoring.tsv")
        stopwords = try take("stopwords.tsv")
        targets = try take("targets.tsv")
        sources = lexicons
        opinionModel = lexicons["opinion-model.tsv"]
        biasModel = lexicons["bias-model.tsv"]
        loadedLearned = lexicons["loaded-learned.tsv"]
        targetModelLexicon = lexicons["target-model.tsv"]
        targetModel = try targetModelLexicon.map(TargetModel.init)
        var config = try ScoringConfig(scoring)
        if let opinionModel { try config.apply(model: opinionModel) }
        if let biasModel { _ = try ScoringConfig.modelParts(biasModel) }
        self.config = config
        furniturePatterns = try FurniturePatterns(furniture)

        let vocabulary = Vocabulary([reportVerbs, stanceMarkers, sentimentModifiers, loaded, eventWords, factCues, valence, targets]
                                    + (loadedLearned.map { [$0] } ?? []))
        self.vocabulary = vocabulary
        // The matchers are independent of one another: built on all cores (a start-up cost
        // paid before any scoring can begin).
        let everything: (String) -> Bool = { _ in true }
        var specs: [(Lexicon, (String) -> Bool)] = [
            (reportVerbs, everything), (stanceMarkers, everything), (sentimentModifiers, everything), (loaded, everything),
            (eventWords, everything), (factCues, everything), (valence, everything),
            (targets, { Self.nameCategories.contains($0) }), (targets, { $0 == "stance-act" }),
        ]
        if let loadedLearned { specs.append((loadedLearned, { $0 != "suppress" })) }
        let matchers = Parallel.map(specs) { Matcher($0.0, include: $0.1, vocabulary: vocabulary) }
        reportVerbMatcher = matchers[0]
        stanceMatcher = matchers[1]
        modifierMatcher = matchers[2]
        loadedMatcher = matchers[3]
        eventMatcher = matchers[4]
        factMatcher = matchers[5]
        valenceMatcher = matchers[6]
        targetMatcher = matchers[7]
        stanceActMatcher = matchers[8]
        learnedMatcher = loadedLearned == nil ? nil : matchers[9]
        suppressedLoaded = Set(loadedLearned?.entries.filter { $0.category == "suppress" }.map(\.key) ?? [])
        var common = Set<String>()
        for lexicon in [stopwords, reportVerbs, stanceMarkers, sentimentModifiers, valence, eventWords, factCues, loaded] {
            for entry in lexicon.entries where !entry.key.utf8.contains(UInt8(ascii: " ")) { common.insert(entry.key) }
        }
        for entry in segmentation.entries where entry.category == "sentence-starter" { common.insert(entry.key) }
        for entry in targets.entries where entry.category == "non-name" || entry.category == "stance-act" || entry.category.hasPrefix("pronoun-") {
            common.insert(entry.key)
        }
        commonWords = common
        let targetEntries = targets.entries
        func words(_ category: String) -> Set<String> { Set(targetEntries.filter { $0.category == category }.map(\.key)) }
        nameConnectors = words("name-connector")
        passiveAuxiliaries = words("passive-auxiliary")
        agentMarkers = words("agent-marker")
        clauseBoundaries = words("clause-boundary")
        var pronouns: [String: Character] = [:]
        for entry in targetEntries where entry.category.hasPrefix("pronoun-") { pronouns[entry.key] = entry.category == "pronoun-male" ? "m" : "f" }
        pronounGender = pronouns
        var function = Set(stopwords.entries.map(\.key))
        for entry in segmentation.entries where entry.category == "sentence-starter" { function.insert(entry.key) }
        for entry in targets.entries where entry.category == "non-name" || entry.category.hasPrefix("pronoun-") { function.insert(entry.key) }
        functionWords = function
        var abbreviations: [String: Bool] = [:]
        var starters = Set<String>()
        for entry in segmentation.entries {
            switch entry.category {
            case "abbreviation-title": abbreviations[entry.key] = true
            case "abbreviation": abbreviations[entry.key] = false
            case "sentence-starter": starters.insert(entry.key)
            default:
                throw SlantError(.badLexicon, file: segmentation.origin, line: entry.line,
                                 "unknown segmentation category '\(entry.category)' (use abbreviation-title, abbreviation or sentence-starter)")
            }
        }
        self.abbreviations = abbreviations
        self.sentenceStarters = starters
        stopwordSet = Set(stopwords.entries.map(\.key))
        var speakerWords: [String: Set<String>] = [:]
        for entry in reportVerbs.entries where !["neutral", "loaded", "blocks-report"].contains(entry.category) {
            speakerWords[entry.category, default: []].insert(entry.key)
        }
        self.speakerWords = speakerWords
    }

    /// A word some lexicon lists (so capitalised only because it starts a sentence).
    func isCommonWord(_ norm: String) -> Bool { commonWords.contains(norm) }

    /// The lexicons compiled into the library.
    /// - Throws: only if the embedded files are broken, which the tests rule out.
    public static func defaults() throws -> LexiconSet {
        try LexiconSet(lexicons: embeddedLexicons())
    }

    /// The embedded default lexicons, parsed, keyed by file name.
    public static func embeddedLexicons() throws -> [String: Lexicon] {
        try parse(EmbeddedLexicons.files.map { (name: $0.name, origin: $0.name, text: $0.text) })
    }

    /// Lexicon texts parsed on all cores (the longest first, so no core is left with a long
    /// file at the end), keyed by name; an error is that of the first broken text in the list.
    static func parse(_ texts: [(name: String, origin: String, text: String)]) throws -> [String: Lexicon] {
        let order = texts.indices.sorted { (texts[$0].text.utf8.count, $1) > (texts[$1].text.utf8.count, $0) }
        let parsed = Parallel.map(order) { i in Result { try Lexicon.parseTSV(texts[i].text, origin: texts[i].origin) } }
        var results = [Result<Lexicon, any Error>?](repeating: nil, count: texts.count)
        for (i, result) in zip(order, parsed) { results[i] = result }
        var out: [String: Lexicon] = [:]
        for (text, result) in zip(texts, results) { out[text.name] = try result!.get() }
        return out
    }

    /// The defaults, with every file of `directory` whose name is a role's file name taking
    /// that role's place.
    /// - Throws: ``SlantError`` `.missingInput` when the directory does not exist, or the
    ///   error of a file that does not parse.
    public static func load(directory: String?) throws -> LexiconSet {
        guard let directory else { return try LexiconSet(lexicons: embeddedLexicons()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SlantError(.missingInput, file: directory, "lexicon directory not found")
        }
        var texts: [(name: String, origin: String, text: String)] = []
        for name in fileNames + modelFileNames {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            texts.append((name, path, try readLexiconText(path)))
        }
        // The embedded files first, so a broken file of the directory is reported as before;
        // an embedded file the directory replaces is not parsed.
        let replaced = Set(texts.map(\.name))
        let embedded = EmbeddedLexicons.files.filter { !replaced.contains($0.name) }.map { (name: $0.name, origin: $0.name, text: $0.text) }
        return try LexiconSet(lexicons: parse(embedded + texts))
    }

    /// Reads a lexicon file as UTF-8.
    static func readLexiconText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlantError(.missingInput, file: path, "cannot read lexicon file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SlantError(.badLexicon, file: path, "lexicon file is not valid UTF-8")
        }
        return text
    }
}
