extension String {
    /// A string of the given Unicode scalars, written as UTF-8 in one pass.
    ///
    /// The same as `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar
    /// through a generic path and was a measurable share of scoring time.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: v); i += 1
                } else {
                    UTF8.encode(scalar) { buffer[i] = $0; i += 1 }
                }
            }
            return i
        }
    }
}
