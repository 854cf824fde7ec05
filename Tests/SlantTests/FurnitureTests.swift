import Testing
@testable import Slant

@Suite("Non-content paragraphs")
struct FurnitureTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var paragraph: String
        /// Expected reason prefix, or nil when the paragraph is content.
        var reason: String?
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "bare time", paragraph: "11:05 a.m.", reason: "timestamp"),
        .init(id: "time with zone", paragraph: "9:30 AM ET", reason: "timestamp"),
        .init(id: "update stamp", paragraph: "Updated March 3, 2026 at 9:14 a.m.", reason: "timestamp"),
        .init(id: "date line", paragraph: "March 3, 2026", reason: "timestamp"),
        .init(id: "lone wire dateline", paragraph: "LONDON (Reuters) —", reason: "dateline"),
        .init(id: "byline", paragraph: "By Jane Whitfield and Omar Haddad, The Daily Ledger", reason: "byline"),
        .init(id: "wire credit", paragraph: "Reporting by Jane Roe; Editing by John Doe", reason: "byline"),
        .init(id: "caption with credit in brackets", paragraph: "Firefighters work on the bridge on Tuesday. (Photo: Jane Roe/Reuters)", reason: "caption"),
        .init(id: "caption with agency credit", paragraph: "Residents wade through water in Riverton. AP Photo", reason: "caption"),
        .init(id: "newsletter", paragraph: "Sign up for our morning newsletter.", reason: "call-to-action"),
        .init(id: "subscribe", paragraph: "Subscribe to read the full story and support local journalism.", reason: "call-to-action"),
        .init(id: "share widget", paragraph: "Share this", reason: "site-furniture"),
        .init(id: "most read", paragraph: "Most read", reason: "site-furniture"),
        .init(id: "related link", paragraph: "Related: Council delays transit vote", reason: "related"),
        .init(id: "comments closed", paragraph: "Comments are closed.", reason: "comments"),
        .init(id: "copyright", paragraph: "© 2026 The Daily Ledger. All rights reserved.", reason: "copyright"),
        .init(id: "content that mentions a newsletter late", paragraph: "The council said on Tuesday that residents who want updates on the repairs to the bridge over the river can read the county's weekly newsletter, which is mailed to every household.", reason: nil),
        .init(id: "capitalised sentence with a dash is content", paragraph: "The president — who spoke for an hour — said little.", reason: nil),
    ]

    @Test(arguments: cases)
    func labels(_ c: Case) {
        // A title first, so the paragraph under test is never taken for the headline.
        let report = article("Council news today\n\n\(c.paragraph)")
        let p = report.paragraphs[1]
        if let reason = c.reason {
            #expect(p.label == .other, "\(c.paragraph) → \(p.label) \(p.reason)")
            #expect(p.reason.hasPrefix(reason), "\(p.reason)")
        } else {
            #expect(p.label != .other, "\(p.reason)")
        }
    }

    @Test func datelineFollowedByTextIsContentWithADatelineCue() {
        let report = article("Headline here\n\nWASHINGTON — The Senate voted 51-49 on Thursday to confirm the nominee after a long debate.")
        let p = report.paragraphs[1]
        #expect(p.label == .fact)
        #expect(p.cues.contains { $0.cue == "dateline" && $0.text == "WASHINGTON —" })
    }

    @Test func excludedParagraphsStayOutOfTheFigures() {
        let withFurniture = article("Headline here\n\nThis disgraceful plan is a shameless giveaway.\n\nShare this\n\nMost read")
        let without = article("Headline here\n\nThis disgraceful plan is a shameless giveaway.")
        #expect(withFurniture.summary.contentParagraphs == 1)
        #expect(withFurniture.summary.loaded == without.summary.loaded)
        #expect(withFurniture.summary.opinionShare == without.summary.opinionShare)
    }

    @Test func colourOnlyWhenAsked() {
        let report = article("Headline here\n\nThis disgraceful plan is a shameless giveaway.")
        #expect(report.text(color: true).contains("\u{1B}["))
        #expect(!report.text(color: false).contains("\u{1B}["))
    }

    @Test(arguments: [
        ("(?i)^(sign up|subscribe)\\b.{0,200}$", [(["sign up", "subscribe"], true)], ["sS", "iIuU", "gGbB", "nNsS", " cC", "uUrR", "pPiI"]),
        ("^By\\s+[A-Z]", [(["By"], false)], ["B", "y"]),
        // Every necessary literal, fewest alternatives first, pattern order among equals.
        ("^[A-Z][A-Za-z .,'-]{1,40}\\((?i:reuters|ap)\\)\\s*", [(["("], false), ([")"], false), (["reuters", "ap"], true)],
         ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,'-"]),
        ("(?i)^.{0,400}\\b(photo|image)\\s*(:|by)?$", [(["photo", "image"], true)], []),
        ("(?i)^.{0,400}(getty images|reuters/[a-z]+|\\d+ comments?)$", [(["getty images", "reuters/", " comment"], true)], []),
        ("^Most read\\s*$", [(["Most read"], false)], ["M", "o", "s", "t", " ", "r", "e", "a", "d"]),
        ("(?i)^(©|\\(c\\)|copyright)\\s", [(["©", "(c)", "copyright"], true)], ["(cC"]),
        ("(?i)^\\d{1,2}:\\d{2}", [([":"], true)], ["0123456789"]),
        ("^[A-Z][A-Z .,'-]{2,40}\\s*[—–-]{1,2}\\s", [], ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-", "ABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-"]),
        ("(?i)^a|b", [], []),
        ("^(?x) photo", [], []),
        ("^(photo)?(image)*x{0,2}", [], []),
    ] as [(String, [([String], Bool)], [String])])
    func prefilterIsReadOffThePattern(_ pattern: String, _ literals: [([String], Bool)], _ leading: [String]) {
        let expected = PatternPrefilter(required: literals.map { PatternPrefilter.LiteralCondition($0.0, insensitive: $0.1) },
                                        leading: leading.map { Set($0.utf8) })
        let found = PatternPrefilter(pattern: pattern)
        #expect(found.required == expected.required)
        #expect(found.leading == expected.leading)
    }

    @Test func everyLiteralConditionMustHold() {
        let dateline = PatternPrefilter(pattern: "^[A-Z][A-Za-z .,'-]{1,40}\\((?i:reuters|ap)\\)\\s*")
        // "ap" occurs (case-insensitively) but "(" does not: the pattern cannot match.
        #expect(!dateline.allows(.init("Perhaps a happy apple")))
        #expect(!dateline.allows(.init("Pete (a) said")))
        #expect(dateline.allows(.init("LONDON (Reuters) - Shares fell.")))
        #expect(dateline.allows(.init("Some place (AP)")))
    }

    /// The prefilter only skips patterns that cannot match: on furniture, near-furniture,
    /// case variants and characters ICU folds to ASCII ("ſ", the Kelvin sign, "ß"), every
    /// paragraph gets the same answer with and without it.
    @Test func prefilterNeverChangesTheAnswer() {
        let furniture = defaultLexicons.furniturePatterns
        var paragraphs = Self.cases.map(\.paragraph) + [
            "PHOTO: JANE ROE/REUTERS", "A crowd. (PHOTO BY ANN LEE)", "Crowds gather. Getty Image\u{17F}",
            "Li\u{17F}ten to this article", "\u{17F}hare this article", "\u{212A}eep reading", "Stra\u{DF}e closed. Photo: Jane Roe/Reuters",
            "İMAGE: the city at dawn", "Ünited rally (photo by Ann Lee)", "5 min read", "Tags: politics, budget",
            "RIVERTON (AP) — Flood waters rose.", "By JANE ROE", "Jane Roe is a staff writer", "Most read",
            "The minister said the policy, which critics called reckless, would be reviewed.",
        ]
        paragraphs += paragraphs.map { $0.uppercased() } + paragraphs.map { $0.lowercased() }
        // Deterministic mutations: case flips, look-alikes that fold to ASCII, cut starts.
        var state: UInt64 = 42
        let base = paragraphs
        for paragraph in base {
            for _ in 0..<6 {
                var scalars = Array(paragraph.unicodeScalars)
                guard !scalars.isEmpty else { continue }
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let at = Int(state >> 33) % scalars.count
                switch state % 5 {
                case 0: scalars[at] = scalars[at].properties.isUppercase ? Unicode.Scalar(scalars[at].properties.lowercaseMapping)! : Unicode.Scalar(scalars[at].properties.uppercaseMapping) ?? scalars[at]
                case 1: if scalars[at] == "s" { scalars[at] = "\u{17F}" } else { scalars.insert("\u{212A}", at: at) }
                case 2: scalars.removeFirst(min(at, 3))
                case 3: scalars.insert(contentsOf: "(Photo: AP) ".unicodeScalars, at: at)
                default: scalars.insert(contentsOf: "\u{DF}\u{C9}".unicodeScalars, at: at)
                }
                paragraphs.append(String(String.UnicodeScalarView(scalars)))
            }
        }
        for paragraph in paragraphs {
            #expect(furniture.match(paragraph, maxScalars: 500, headScalars: 80, prefilter: true)
                    == furniture.match(paragraph, maxScalars: 500, headScalars: 80, prefilter: false), "\(paragraph)")
        }
        #expect(furniture.match("PHOTO: JANE ROE/REUTERS") != nil)
        #expect(furniture.match("Li\u{17F}ten to this article") != nil)
    }
}
