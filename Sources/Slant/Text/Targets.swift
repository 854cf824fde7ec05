import Foundation

/// What kind of thing a target is.
public enum TargetKind: String, Sendable, Equatable {
    case person
    case organisation
    case country
    case party
    /// A capitalised name with nothing to say what it names.
    case name
}

/// A person, organisation, country or party an article names.
public struct Target: Sendable, Equatable {
    /// The fullest name seen (or the canonical name of a country, party or listed target).
    public var name: String
    public var kind: TargetKind
    /// Every distinct way the article refers to it, in order of first use.
    public var aliases: [String]
    /// "m" or "f" when a title says so; pronouns are resolved only to compatible persons.
    public var gender: Character?
    /// From the user's targets file (never renamed or merged).
    public var listed: Bool
}

/// One place where an article refers to a target.
public struct TargetMention: Sendable, Equatable {
    public enum Via: String, Sendable {
        /// The name as written (with any title).
        case name
        /// A later short form of an earlier full name ("Duarte" → Maria Duarte).
        case shortName = "short-name"
        /// A demonym or party adjective mapped to its target ("Brazilian" → Brazil).
        case adjective
        /// A pronoun resolved to the latest compatible person in the paragraph.
        case pronoun
        /// An alias from the user's targets file.
        case alias
        /// A span the caller marked (evaluation data).
        case given
    }

    /// Index into the targets list.
    public var target: Int
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    public var sentence: Int
    public var paragraph: Int
    public var via: Via
}

/// A user's list of targets and their aliases (`--targets FILE`).
///
/// One target per line: the name, then optionally a tab and aliases separated by `;`
/// (`Maria Duarte<TAB>Duarte; President Duarte; the president`). Lines starting with `#` and
/// blank lines are skipped. Aliases match case-insensitively, as whole words.
public struct TargetList: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
    }

    public var entries: [Entry]
    let lexicon: Lexicon
    let matcher: Matcher

    /// - Parameter lines: the file line of each entry, for error messages.
    public init(entries: [Entry], origin: String = "targets", lines: [Int]? = nil) throws {
        var seen: [String: String] = [:]
        var lexiconEntries: [Lexicon.Entry] = []
        for (index, entry) in entries.enumerated() {
            for alias in [entry.name] + entry.aliases {
                let key = Lexicon.normalize(alias)
                if let other = seen[key], other != entry.name {
                    throw SlantError(.badInput, file: origin, line: lines?[index] ?? 0, "alias '\(alias)' names both '\(other)' and '\(entry.name)'")
                }
                seen[key] = entry.name
                lexiconEntries.append(Lexicon.Entry(term: alias, category: "target", weight: Double(index), note: entry.name))
            }
        }
        self.entries = entries
        lexicon = Lexicon(name: "targets-file", version: "user", license: "user", source: origin, entries: lexiconEntries)
        matcher = Matcher(lexicon)
    }

    /// Reads a targets file.
    /// - Throws: ``SlantError`` `.missingInput` when unreadable, `.badInput` naming the line
    ///   of an empty name or of an alias given to two targets.
    public static func load(_ path: String) throws -> TargetList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlantError(.missingInput, file: path, "cannot read targets file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SlantError(.badInput, file: path, "targets file is not valid UTF-8")
        }
        var entries: [Entry] = []
        var lines: [Int] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
                throw SlantError(.badInput, file: path, line: number + 1, "a target line needs a name before the tab")
            }
            let aliases = parts.count > 1
                ? parts[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                : []
            entries.append(Entry(name: name, aliases: aliases))
            lines.append(number + 1)
        }
        return try TargetList(entries: entries, origin: path, lines: lines)
    }
}

/// Finds the targets an article names and every mention of them.
///
/// Names are runs of capitalised words (with `of`, `for`, `de`, `van`, `al` … inside, and a
/// title's period), trimmed of words that are capitalised only because they start a sentence
/// and of `non-name` words; titles in front (`President`, `Sen.`, `Mrs.`) mark a person and are
/// not part of the name. Country and party names map to their canonical name (`targets.tsv`),
/// demonyms and party adjectives to their country or party. A later short form (`Duarte`,
/// `Mr. Duarte`) joins the latest earlier full name it ends or starts; a later full name
/// absorbs an earlier bare short form. Pronouns resolve to the latest compatible person named
/// earlier in the same paragraph and are never guessed across paragraphs. A title alone
/// ("the president") is left unresolved unless the user's targets file lists it as an alias.
struct TargetFinder {
    let lexicons: LexiconSet
    var list: TargetList?


    /// - Parameter given: scalar spans the caller marks as one target (evaluation data).
    /// - Complexity: O(n · t) for n tokens and t targets.
    func find(_ doc: Document, given: (start: Int, end: Int)? = nil) -> (targets: [Target], mentions: [TargetMention]) {
        var targets: [Target] = []
        var mentions: [TargetMention] = []
        var byKey: [String: Int] = [:]  // canonical lower-cased name → target
        let entities = lexicons.targetMatcher

        // Multiword targets by their first and last word, and where each was last mentioned:
        // short forms are looked up, never searched for.
        var byEdgeWord: [String: [Int]] = [:]
        var lastMention: [Int: Int] = [:]
        func register(_ t: Int) {
            let parts = targets[t].name.lowercased()[...].split(byte: UInt8(ascii: " "), omittingEmpty: true)
            guard parts.count > 1 else { return }
            byEdgeWord[String(parts.first!), default: []].append(t)
            if parts.last! != parts.first! { byEdgeWord[String(parts.last!), default: []].append(t) }
        }
        func targetIndex(name: String, kind: TargetKind, listed: Bool = false) -> Int {
            let key = name.lowercased()
            if let index = byKey[key] { return index }
            targets.append(Target(name: name, kind: kind, aliases: [], gender: nil, listed: listed))
            byKey[key] = targets.count - 1
            register(targets.count - 1)
            return targets.count - 1
        }
        func mention(_ target: Int, _ tokens: Range<Int>, _ sentence: Int, _ via: TargetMention.Via) {
            let start = doc.tokenStart(tokens.lowerBound), end = doc.tokenEnd(tokens.upperBound - 1)
            var text = doc.text(start, end)
            if let stem = doc.stems[tokens.upperBound - 1], stem != doc.norms[tokens.upperBound - 1] {
                // Possessive: show the name without 's.
                let last = tokens.upperBound - 1
                text = doc.text(start, doc.tokenStart(last)) + String(doc.text(ofToken: last).prefix(stem.count))
            }
            if !targets[target].aliases.contains(text) { targets[target].aliases.append(text) }
            mentions.append(TargetMention(target: target, tokens: tokens, start: start, end: end, sentence: sentence,
                                          paragraph: doc.sentences[sentence].paragraph, via: via))
            lastMention[target] = mentions.count
        }
        func category(_ i: Int) -> Lexicon.Entry? {
            guard let m = entities.longestMatch(in: doc, at: i, end: i + 1) else { return nil }
            return entities.lexicon.entries[m.entry]
        }
        func isName(_ i: Int) -> Bool { doc.kind(i) == .word && (doc.isCapitalized(i) || doc.isAllCaps(i)) }

        // Capitalised words that do not start a sentence.
        var capitalisedInside = Set<String>()
        for sentence in doc.sentences {
            let first = sentence.tokens.first { doc.kind($0) == .word }
            for i in sentence.tokens where i != first && isName(i) && !(i > 0 && doc.kind(i - 1) == .punctuation && doc.voices[i] != doc.voices[i - 1]) {
                capitalisedInside.insert(doc.stems[i] ?? doc.norms[i])
            }
        }
        var givenTarget: Int?
        if let given {
            givenTarget = targetIndex(name: doc.text(given.start, given.end), kind: .name)
        }
        /// Splits a capitalised run into title, names, countries and parties.
        func resolve(_ run: Range<Int>, sentence si: Int, isSentenceStart: Bool) {
            var words = Array(run).filter { doc.kind($0) == .word }
            // Drop a sentence-initial word that is capitalised only because it starts the sentence.
            if isSentenceStart, let first = words.first, !["title", "title-male", "title-female", "country", "party", "demonym", "party-adjective"].contains(category(first)?.category ?? ""),
               lexicons.isCommonWord(doc.norms[first]) {
                words.removeFirst()
            }
            // A lone sentence-initial word is a name only if the article also capitalises it
            // elsewhere or it shortens an earlier name ("Crews were on the bridge").
            if isSentenceStart, words.count == 1, let only = words.first, category(only) == nil, !doc.isAllCaps(only),
               !capitalisedInside.contains(doc.stems[only] ?? doc.norms[only]),
               shortFormTarget(doc.stems[only] ?? doc.norms[only], wordCount: 1) == nil {
                return
            }
            var k = 0
            var title: String?
            var gender: Character?
            var titleStart: Int?
            while k < words.count {
                let i = words[k]
                // Country, party or demonym (possibly several words).
                if let m = entities.longestMatch(in: doc, at: i, end: run.upperBound),
                   m.length > 0 {
                    let entry = entities.lexicon.entries[m.entry]
                    let span = i..<(i + m.length)
                    let restIsName = span.upperBound < run.upperBound && isName(span.upperBound)
                        && category(span.upperBound).map { $0.category == "org-word" } ?? false
                    // A country, party or adjective followed by an organisation word opens that
                    // organisation's name ("the South African Government", "United States Senate").
                    let category = restIsName && ["country", "party", "demonym", "party-adjective"].contains(entry.category) ? "org-name" : entry.category
                    switch category {
                    case "country", "party", "demonym", "party-adjective":
                        let kind: TargetKind = entry.category.hasPrefix("party") ? .party : .country
                        let adjective = entry.category == "demonym" || entry.category == "party-adjective"
                        mention(targetIndex(name: entry.note, kind: kind), span, si, adjective ? .adjective : .name)
                        k += m.length
                        title = nil
                        continue
                    case "title", "title-male", "title-female":
                        title = entry.term
                        titleStart = titleStart ?? i
                        if entry.category == "title-male" { gender = "m" }
                        if entry.category == "title-female" { gender = "f" }
                        k += m.length
                        while k < words.count, words[k] < span.upperBound { k += 1 }
                        continue
                    case "non-name", "pronoun-male", "pronoun-female":
                        k += 1
                        continue
                    default:
                        break
                    }
                }
                // A name never starts with a connector ("Communist Party of China": the party,
                // then the country).
                if lexicons.nameConnectors.contains(doc.norms[i]) {
                    k += 1
                    continue
                }
                // A name: up to the next country/party/title word or the end.
                let before = k
                var nameWords: [Int] = []
                while k < words.count {
                    let w = words[k]
                    if let previous = nameWords.last, !lexicons.nameConnectors.contains(doc.norms[previous]),
                       let c = category(w)?.category, ["title", "title-male", "title-female"].contains(c) { break }
                    if !nameWords.isEmpty, let c = category(w)?.category, c == "non-name" || c.hasPrefix("pronoun-") { break }
                    nameWords.append(w)
                    k += 1
                    if doc.stems[w] != nil { break }
                }
                while let last = nameWords.last, lexicons.nameConnectors.contains(doc.norms[last]) { nameWords.removeLast() }
                guard let first = nameWords.first, let last = nameWords.last else {
                    k = max(k, before + 1)  // always move on
                    continue
                }
                if nameWords.count == 1, category(first)?.category == "non-name" { continue }
                if nameWords.count == 1, category(first)?.category == "org-word" { continue }
                let nameText: String = {
                    let lastText = doc.text(ofToken: last)
                    let lastWord = doc.stems[last].map { String(lastText.prefix($0.count)) } ?? lastText
                    return doc.text(doc.tokenStart(first), doc.tokenStart(last)) + lastWord
                }()
                let hasOrgWord = nameWords.contains { category($0)?.category == "org-word" }
                let acronym = nameWords.count == 1 && doc.isAllCaps(first)
                // A title or a gendered title makes a person; so, later, does being quoted or
                // referred to by a pronoun or a short form.
                let kind: TargetKind = hasOrgWord || acronym ? .organisation : (title != nil ? .person : .name)
                let tokens = (titleStart ?? first)..<(last + 1)
                if kind == .person || kind == .name, let earlier = shortFormTarget(nameText, wordCount: nameWords.count) {
                    if gender != nil, targets[earlier].gender == nil { targets[earlier].gender = gender }
                    if targets[earlier].kind == .name, nameWords.count == 1 { targets[earlier].kind = .person }
                    mention(earlier, tokens, si, .shortName)
                } else {
                    // A full name that an earlier bare short form belongs to.
                    var index: Int
                    if nameWords.count > 1, kind == .person || kind == .name,
                       let lastWord = nameText.lowercased().split(separator: " ").last.map(String.init),
                       let bare = byKey[lastWord], !targets[bare].listed, targets[bare].kind == .name, !targets[bare].name.contains(Character(" ")),
                       byKey[nameText.lowercased()] == nil {
                        byKey[targets[bare].name.lowercased()] = nil
                        targets[bare].name = nameText
                        targets[bare].kind = kind
                        byKey[nameText.lowercased()] = bare
                        register(bare)
                        index = bare
                    } else {
                        index = targetIndex(name: nameText, kind: kind)
                        if targets[index].kind == .name, kind == .person { targets[index].kind = .person }
                    }
                    if let gender, targets[index].gender == nil { targets[index].gender = gender }
                    mention(index, tokens, si, .name)
                }
                title = nil
                titleStart = nil
                gender = nil
            }
        }

        /// The latest earlier person whose name ends or starts with this short form.
        func shortFormTarget(_ name: String, wordCount: Int) -> Int? {
            let lower = name.lowercased()
            if let exact = byKey[lower], targets[exact].kind == .person || targets[exact].kind == .name { return targets[exact].name.contains(Character(" ")) ? exact : nil }
            guard wordCount == 1 else { return nil }
            // Indexed by their first or last word, so that word is `lower`; a registered
            // (multiword) target is never renamed.
            let candidates = (byEdgeWord[lower] ?? []).filter { t in
                (targets[t].kind == .person || targets[t].kind == .name) && !targets[t].listed
            }
            // The most recently mentioned.
            return candidates.max { a, b in (lastMention[a] ?? -1, a) < (lastMention[b] ?? -1, b) }
        }

        for (si, sentence) in doc.sentences.enumerated() {
            let firstWord = sentence.tokens.first { doc.kind($0) == .word }
            var i = sentence.tokens.lowerBound
            while i < sentence.tokens.upperBound {
                // A span the caller marked.
                if let given, let g = givenTarget, doc.tokenStart(i) < given.end, given.start < doc.tokenEnd(i) {
                    var j = i
                    while j < sentence.tokens.upperBound, doc.tokenStart(j) < given.end { j += 1 }
                    mention(g, i..<j, si, .given)
                    i = j
                    continue
                }
                // The user's targets and aliases first.
                if let list, let m = list.matcher.longestMatch(in: doc, at: i, end: sentence.tokens.upperBound) {
                    let entry = list.lexicon.entries[m.entry]
                    let t = targetIndex(name: entry.note, kind: .name, listed: true)
                    mention(t, i..<(i + m.length), si, Lexicon.normalize(entry.term).lowercased() == entry.note.lowercased() ? .name : .alias)
                    i += m.length
                    continue
                }
                guard isName(i) else { i += 1; continue }
                // The run of capitalised words (with connectors and title periods inside).
                var end = i + 1
                while end < sentence.tokens.upperBound {
                    // The caller's span starts here: it is a mention of its own.
                    if let given, doc.tokenStart(end) < given.end, given.start < doc.tokenEnd(end) { break }
                    // A listed alias starts here: it is matched on its own.
                    if let list, list.matcher.longestMatch(in: doc, at: end, end: sentence.tokens.upperBound) != nil { break }
                    if isName(end), doc.stems[end - 1] == nil || end - 1 < i { end += 1; continue }
                    if doc.stems[end - 1] != nil { break }  // a possessive ends the name
                    let norm = doc.norms[end]
                    if norm == ".", category(end - 1).map({ $0.category.hasPrefix("title") }) ?? false,
                       end + 1 < sentence.tokens.upperBound, isName(end + 1) { end += 2; continue }
                    if lexicons.nameConnectors.contains(norm), end + 1 < sentence.tokens.upperBound, isName(end + 1),
                       doc.kind(end) == .word, !doc.isCapitalized(end) {
                        end += 2
                        continue
                    }
                    break
                }
                resolve(i..<end, sentence: si, isSentenceStart: i == firstWord || (i > sentence.tokens.lowerBound && doc.kind(i - 1) == .punctuation && doc.voices[i] != doc.voices[i - 1]))
                i = end
            }
        }

        // Pronouns: the latest compatible person named earlier in the same paragraph.
        var resolved: [TargetMention] = []
        let byParagraph = Dictionary(grouping: mentions, by: \.paragraph)
        func personLike(_ m: TargetMention) -> Bool {
            targets[m.target].kind == .person || (targets[m.target].kind == .name && (m.via == .given || targets[m.target].name.contains(Character(" "))))
        }
        for p in doc.paragraphs {
            guard let inParagraph = byParagraph[p.index]?.sorted(by: { $0.tokens.upperBound < $1.tokens.upperBound }) else { continue }
            // One sweep: the latest person compatible with each pronoun gender so far.
            var next = 0
            var latest: [Character: TargetMention] = [:]
            for i in p.tokens where doc.kind(i) == .word {
                while next < inParagraph.count, inParagraph[next].tokens.upperBound <= i {
                    let m = inParagraph[next]
                    if personLike(m) {
                        for g: Character in ["m", "f"] where targets[m.target].gender == nil || targets[m.target].gender == g { latest[g] = m }
                    }
                    next += 1
                }
                guard let gender = lexicons.pronounGender[doc.norms[i]] else { continue }
                guard let earlier = latest[gender] else { continue }
                let si = doc.sentenceIndex(ofToken: i)
                resolved.append(TargetMention(target: earlier.target, tokens: i..<(i + 1), start: doc.tokenStart(i), end: doc.tokenEnd(i),
                                              sentence: si, paragraph: p.index, via: .pronoun))
            }
        }
        for m in resolved where targets[m.target].kind == .name { targets[m.target].kind = .person }
        // Quoted or reported speakers are people (or organisations already known as such).
        for m in mentions where targets[m.target].kind == .name {
            if doc.attributionsBySentence[m.sentence].contains(where: { doc.attributions[$0].speakerTokens?.overlaps(m.tokens) ?? false }) {
                targets[m.target].kind = .person
            }
        }
        mentions = (mentions + resolved).sorted { $0.start < $1.start }
        return (targets, mentions)
    }
}
