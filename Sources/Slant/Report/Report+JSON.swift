extension ArticleScore {
    /// The article as JSON, in the documented `slant.article.v2` key order.
    public func json() -> JSONValue {
        .object(jsonMembers().map { ($0.0, $0.1.value) })
    }

    /// ``json()`` serialised compactly and handed to `sink` in pieces of about `chunk` bytes,
    /// each paragraph's JSON made only when it is written: the same bytes as
    /// `json().serializedUTF8()` without the whole tree or its bytes in memory at once.
    public func writeJSON(chunk: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        var writer = JSONStreamWriter(chunk: chunk)
        try writer.object(jsonMembers(), sink)
        try writer.finish(sink)
    }

    /// The report's members, in the documented order.
    private func jsonMembers() -> [(String, JSONMember)] {
        [
            ("schema", .value(.string(ArticleScore.schema))),
            ("source", .value(.string(source))),
            ("title", .value(title.map(JSONValue.string) ?? .null)),
            ("manifest", .value(.object([
                ("version", .string(version)),
                ("input", .object([("sha256", .string(inputSHA256))])),
                ("lexicons", .array(lexicons.map { stamp in
                    .object([("name", .string(stamp.name)), ("version", .string(stamp.version)), ("sha256", .string(stamp.sha256))])
                })),
            ]))),
            ("summary", .value(summary.json())),
            ("paragraphs", .elements(count: paragraphs.count) { paragraphs[$0].json() }),
            ("speakers", .elements(count: speakers.count) { i in
                let s = speakers[i]
                return .object([("name", .string(s.name)), ("attributions", .int(s.attributions)), ("words", .int(s.words))])
            }),
            ("targets", .elements(count: targets.count) { targets[$0].json() }),
            ("warnings", .value(.array(warnings.map(JSONValue.string)))),
        ]
    }
}

extension TargetStance {
    func json() -> JSONValue {
        func optional(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
        return .object([
            ("name", .string(name)),
            ("kind", .string(kind.rawValue)),
            ("aliases", .array(aliases.map(JSONValue.string))),
            ("mentions", .int(mentions)),
            ("evaluativeMentions", .int(evaluativeMentions)),
            ("stance", optional(stance)),
            ("writerStance", optional(writerStance)),
            ("quotedStance", optional(quotedStance)),
            ("vector", .object(zip(StanceVector.components, vector.values).map { ($0, .number($1)) })),
            ("evidence", .array(evidence.map { m in
                .object([
                    ("text", .string(m.text)), ("start", .int(m.start)), ("end", .int(m.end)),
                    ("paragraph", .int(m.paragraph)), ("via", .string(m.via.rawValue)),
                    ("sentence", .string(m.sentence)),
                    ("stance", .number(m.stance)), ("writer", optional(m.writer)), ("source", optional(m.source)),
                    ("loadedContext", .bool(m.loadedContext)),
                    ("terms", .array(m.terms.map { t in
                        .object([
                            ("text", .string(t.text)), ("start", .int(t.start)), ("end", .int(t.end)),
                            ("value", .number(t.value)), ("holder", .string(t.holder.rawValue)),
                            ("holderName", .string(t.holderName)),
                            ("rules", .array(t.rules.map(JSONValue.string))),
                        ])
                    })),
                ])
            })),
        ])
    }
}

extension ArticleSummary {
    func json() -> JSONValue {
        func categories(_ list: [(name: String, per100: Double)]) -> JSONValue {
            .object(list.map { ($0.name, .number($0.per100)) })
        }
        return .object([
            ("paragraphs", .int(paragraphs)),
            ("contentParagraphs", .int(contentParagraphs)),
            ("sentences", .int(sentences)),
            ("tokens", .int(tokens)),
            ("opinionShare", .number(opinionShare)),
            ("sentiment", sentiment.json()),
            ("loaded", .object([
                ("per100", .number(loaded.per100)),
                ("authorPer100", .number(loaded.authorPer100)),
                ("quotedPer100", .number(loaded.quotedPer100)),
                ("categories", categories(loaded.categories)),
                ("authorCategories", categories(loaded.authorCategories)),
                ("quotedCategories", categories(loaded.quotedCategories)),
            ])),
        ])
    }
}

extension SentimentScore {
    func json() -> JSONValue {
        .object([
            ("compound", .number(compound)), ("positive", .number(positive)),
            ("negative", .number(negative)), ("neutral", .number(neutral)),
        ])
    }
}

extension Cue {
    func json() -> JSONValue {
        .object([("cue", .string(cue)), ("text", .string(text)), ("start", .int(start)), ("end", .int(end)), ("weight", .number(weight))])
    }
}

extension ParagraphScore {
    static func json(_ hit: LoadedHit) -> JSONValue {
        .object([
            ("text", .string(hit.text)), ("category", .string(hit.category)),
            ("start", .int(hit.start)), ("end", .int(hit.end)),
            ("quoted", .bool(hit.quoted)), ("voice", .string(hit.voice.rawValue)),
            ("weight", .number(hit.weight)),
            ("lexicon", .string(hit.lexicon)), ("line", .int(hit.line)),
        ])
    }

    func json() -> JSONValue {
        .object([
            ("index", .int(index)),
            ("start", .int(start)),
            ("end", .int(end)),
            ("text", .string(text)),
            ("label", .string(label.rawValue)),
            ("reason", .string(reason)),
            ("opinionScore", opinionScore.map(JSONValue.number) ?? .null),
            ("quotedShare", .number(quotedShare)),
            ("sentiment", sentiment.json()),
            ("cues", .array(cues.map { $0.json() })),
            ("valence", .array(valence.map { v in
                .object([
                    ("text", .string(v.text)), ("start", .int(v.start)), ("end", .int(v.end)),
                    ("valence", .number(v.valence)), ("adjusted", .number(v.adjusted)),
                    ("rules", .array(v.rules.map(JSONValue.string))),
                ])
            })),
            ("loaded", .array(loaded.map(Self.json))),
        ] + (suppressedLoaded.isEmpty ? [] : [("suppressedLoaded", .array(suppressedLoaded.map(Self.json)))]) + [
            ("speakers", .array(speakers.map(JSONValue.string))),
            ("quotes", .array(quotes.map { q in
                .object([("start", .int(q.start)), ("end", .int(q.end)),
                         ("speaker", q.speaker.map(JSONValue.string) ?? .null), ("scare", .bool(q.scare))])
            })),
            ("sentences", .array(sentences.map { s in
                .object([
                    ("start", .int(s.start)), ("end", .int(s.end)),
                    ("opinionScore", .number(s.opinionScore)),
                    ("compound", .number(s.sentiment.compound)),
                ])
            })),
        ])
    }
}
