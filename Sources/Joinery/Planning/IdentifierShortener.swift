/// Shortens generated names (join aliases, constraint and index names) that exceed a dialect's
/// identifier limit: a readable prefix, `_`, and eight hex digits of a stable hash of the whole
/// name. The same name always gives the same result, on every machine and run.
///
/// ```swift
/// IdentifierShortener.shorten("CurrentEmployerInformation__PreferredCompanyLanguage__international_code", to: .bytes(63))
/// // "CurrentEmployerInformation__PreferredCompanyLanguage_f22983ec" (62 bytes)
/// ```
///
/// GORM does not do this: PostgreSQL truncates long aliases to 63 bytes, two of them collide, and
/// a column's value is silently lost.
public enum IdentifierShortener {
    /// `name` itself when it fits (or there is no limit), else its shortened form.
    public static func shorten(_ name: String, to limit: IdentifierLimit?) -> String {
        guard let limit, !limit.allows(name) else { return name }
        let suffix = "_" + hash(name)
        let budget: Int
        switch limit {
        case .bytes(let bytes): budget = bytes - suffix.utf8.count
        case .characters(let characters): budget = characters - suffix.count
        }
        var prefix = ""
        var used = 0
        for character in name {
            let cost: Int
            switch limit {
            case .bytes: cost = character.utf8.count
            case .characters: cost = 1
            }
            if used + cost > budget { break }
            prefix.append(character)
            used += cost
        }
        // "Language__" + "_1a2b…" would read as a triple underscore.
        while prefix.hasSuffix("_") { prefix.removeLast() }
        return prefix + suffix
    }

    /// Eight hex digits of the 64-bit FNV-1a hash of the UTF-8 bytes, folded to 32 bits.
    static func hash(_ name: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
