/// Every empirical constant of Slant's scorers, read from `scoring.tsv`.
///
/// Each field is documented in that file beside its value and the source of the number; this
/// type only names them. All keys are required, unknown keys are rejected, so a typo in a
/// user's configuration cannot silently fall back to a default.
public struct ScoringConfig: Sendable, Equatable {
    // Sentiment (Hutto & Gilbert 2014, VADER, section 3.2).
    public var boosterIncrement = 0.0
    public var boosterDecay2 = 0.0
    public var boosterDecay3 = 0.0
    public var window = 0.0
    public var capsIncrement = 0.0
    public var negationScalar = 0.0
    public var alpha = 0.0
    public var contrastBefore = 0.0
    public var contrastAfter = 0.0
    public var exclamationIncrement = 0.0
    public var exclamationMax = 0.0
    public var questionIncrement = 0.0
    public var questionMany = 0.0

    // Subjectivity: a logistic model over cue counts.
    public var bias = 0.0
    public var cueCap = 0.0
    public var threshold = 0.0
    public var valenceMin = 0.0
    /// Weight of each cue, by cue name (`loaded`, `hedge`, `attribution`, …).
    public var cueWeights: [String: Double] = [:]

    /// Learned word weights of a trained opinion model (empty without one).
    public var termWeights: [String: Double] = [:]
    /// The trained model's word keys are ``LightStem`` stems (model key `stemmed` 1); models
    /// without that key keep the words as written.
    public var termsStemmed = false
    /// The trained model in effect, if any.
    public var modelName: String?

    // Stance toward targets.
    public var stanceWindow = 0.0
    public var stanceDistanceScale = 0.0
    public var stanceLoadedValence = 0.0
    public var stanceActValence = 0.0
    public var stanceNeutralBand = 0.0
    public var stanceNegationWindow = 0.0

    // Structure.
    public var titleMaxWords = 0.0
    public var duplicateSimilarity = 0.0
    public var scareQuoteMaxWords = 0.0
    public var speakerMaxWords = 0.0

    /// Cue names whose weights the subjectivity model reads.
    public static let cueNames = [
        "loaded", "valence", "hedge", "booster", "absolutist", "obligation", "first-person",
        "second-person", "factive", "assertive", "implicative", "superlative", "rhetorical-question",
        "exclamation", "scare-quote", "loaded-report-verb", "attribution", "neutral-report-verb",
        "quotation", "number", "date-time", "named-entity", "dateline", "learned-loaded",
    ]

    private nonisolated(unsafe) static let scalarKeys: [(String, WritableKeyPath<ScoringConfig, Double>)] = [
        ("sentiment.booster-increment", \.boosterIncrement),
        ("sentiment.booster-decay-2", \.boosterDecay2),
        ("sentiment.booster-decay-3", \.boosterDecay3),
        ("sentiment.window", \.window),
        ("sentiment.caps-increment", \.capsIncrement),
        ("sentiment.negation-scalar", \.negationScalar),
        ("sentiment.alpha", \.alpha),
        ("sentiment.contrast-before", \.contrastBefore),
        ("sentiment.contrast-after", \.contrastAfter),
        ("sentiment.exclamation-increment", \.exclamationIncrement),
        ("sentiment.exclamation-max", \.exclamationMax),
        ("sentiment.question-increment", \.questionIncrement),
        ("sentiment.question-many", \.questionMany),
        ("subjectivity.bias", \.bias),
        ("subjectivity.cue-cap", \.cueCap),
        ("subjectivity.threshold", \.threshold),
        ("subjectivity.valence-min", \.valenceMin),
        ("stance.window", \.stanceWindow),
        ("stance.distance-scale", \.stanceDistanceScale),
        ("stance.loaded-valence", \.stanceLoadedValence),
        ("stance.act-valence", \.stanceActValence),
        ("stance.neutral-band", \.stanceNeutralBand),
        ("stance.negation-window", \.stanceNegationWindow),
        ("paragraph.title-max-words", \.titleMaxWords),
        ("paragraph.duplicate-similarity", \.duplicateSimilarity),
        ("quote.scare-max-words", \.scareQuoteMaxWords),
        ("attribution.speaker-max-words", \.speakerMaxWords),
    ]

    /// Reads the constants from a `scoring` lexicon.
    /// - Throws: ``SlantError`` (`.badLexicon`) naming the file and line of an unknown key, or
    ///   the file when a required key is missing.
    public init(_ lexicon: Lexicon) throws {
        var remaining = Set(Self.scalarKeys.map(\.0) + Self.cueNames.map { "subjectivity." + $0 })
        let paths = Dictionary(uniqueKeysWithValues: Self.scalarKeys)
        for entry in lexicon.entries {
            let key = entry.key
            if let path = paths[key] {
                self[keyPath: path] = entry.weight
            } else if key.hasPrefix("subjectivity."), Self.cueNames.contains(String(key.dropFirst(13))) {
                cueWeights[String(key.dropFirst(13))] = entry.weight
            } else {
                throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                 "unknown scoring key '\(entry.term)'")
            }
            remaining.remove(key)
        }
        if let missing = remaining.sorted().first {
            throw SlantError(.badLexicon, file: lexicon.origin,
                             "scoring key '\(missing)' is missing (\(remaining.count) missing in all); copy it from the default scoring.tsv")
        }
        guard (0...1).contains(threshold) else {
            throw SlantError(.badLexicon, file: lexicon.origin, "subjectivity.threshold must be within 0…1")
        }
    }

    /// A trained model's parts: intercept, threshold, cue weights and word weights.
    /// - Throws: ``SlantError`` `.badLexicon` for a model without `bias`/`threshold` or with an
    ///   unknown category or cue.
    public static func modelParts(_ model: Lexicon) throws -> (bias: Double, threshold: Double, cues: [String: Double], terms: [String: Double], stemmed: Bool) {
        var bias: Double?, threshold: Double?
        var cues: [String: Double] = [:], terms: [String: Double] = [:]
        var stemmed = false
        for entry in model.entries {
            switch entry.category {
            case "model":
                if entry.key == "bias" { bias = entry.weight } else if entry.key == "threshold" { threshold = entry.weight }
                else if entry.key == "stemmed" { stemmed = entry.weight != 0 } else {
                    throw SlantError(.badLexicon, file: model.origin, line: entry.line, "unknown model key '\(entry.term)' (bias, threshold, stemmed)")
                }
            case "cue":
                guard cueNames.contains(entry.key) || Trainer.biasFeatures.contains(entry.key) else {
                    throw SlantError(.badLexicon, file: model.origin, line: entry.line, "unknown cue '\(entry.term)'")
                }
                cues[entry.key] = entry.weight
            case "term": terms[entry.key] = entry.weight
            default:
                throw SlantError(.badLexicon, file: model.origin, line: entry.line, "unknown model category '\(entry.category)' (model, cue, term)")
            }
        }
        guard let bias, let threshold, (0...1).contains(threshold) else {
            throw SlantError(.badLexicon, file: model.origin, "a model needs 'bias' and a 'threshold' within 0…1 in category 'model'")
        }
        return (bias, threshold, cues, terms, stemmed)
    }

    /// Replaces the opinion model's intercept, threshold and cue weights with a trained
    /// model's, and adds its word weights.
    mutating func apply(model: Lexicon) throws {
        let parts = try Self.modelParts(model)
        bias = parts.bias
        threshold = parts.threshold
        for name in Self.cueNames { cueWeights[name] = parts.cues[name] ?? 0 }
        termWeights = parts.terms
        termsStemmed = parts.stemmed
        modelName = model.name
    }

    /// The weight of a subjectivity cue (0 for a cue the model does not know).
    public func weight(ofCue cue: String) -> Double { cueWeights[cue] ?? 0 }
}
