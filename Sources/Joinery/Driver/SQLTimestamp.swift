#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A UTC calendar time with microsecond precision: how Joinery writes dates as text (SQLite) and
/// reads the text engines return (`2024-05-06 07:08:09.123456+00` from PostgreSQL).
///
/// Written with integer arithmetic (days-from-civil) instead of a `DateFormatter`, which is slow,
/// locale-dependent and not needed for a fixed UTC format.
public struct SQLTimestamp: Sendable, Hashable {
    /// The year (proleptic Gregorian, UTC).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int
    /// The hour, 0 to 23.
    public var hour: Int
    /// The minute, 0 to 59.
    public var minute: Int
    /// The second, 0 to 59.
    public var second: Int
    /// The microsecond, 0 to 999,999.
    public var microsecond: Int

    /// A UTC calendar time from its parts.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Whether `date` has a calendar time to store: finite, and within ±292,000 years of 1970
    /// (microseconds in 64 bits). Drivers and the planner refuse other dates with
    /// ``JoineryError/Kind/invalidValue`` instead of storing something else.
    public static func isRepresentable(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds.isFinite && abs(seconds) < 9.2e12
    }

    /// The ``JoineryError/Kind/invalidValue`` for a date ``isRepresentable(_:)`` refuses.
    public static func unrepresentable(_ date: Date, sql: String? = nil) -> JoineryError {
        JoineryError(.invalidValue, "the date \(date.timeIntervalSince1970) s from 1970 has no calendar time to store", sql: sql)
    }

    /// The UTC calendar time of `date`, rounded to the nearest microsecond (a date that
    /// ``isRepresentable(_:)`` refuses reads as 1970: check first).
    public init(_ date: Date) {
        let totalMicros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let micros = Int64(exactly: totalMicros) ?? 0
        let (seconds, micro) = Self.floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = Self.floorDivide(seconds, 86_400)
        let civil = Self.civil(fromDays: days)
        self.init(
            year: civil.year, month: civil.month, day: civil.day,
            hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60),
            microsecond: Int(micro))
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` ` or `T`, `HH:MM[:SS[.fraction]]` and a zone
    /// (`Z`, `+HH`, `+HH:MM`, `-HHMM`). A time without a zone is taken as UTC.
    public init?(parsing text: some StringProtocol) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, micro = 0, offsetSeconds = 0
        if scanner.skip(" ") || scanner.skip("T") {
            guard let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2),
                  h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2), s < 61 else { return nil }
                second = s
                if scanner.skip(".") {
                    guard let fraction = scanner.fractionMicroseconds() else { return nil }
                    micro = fraction
                }
            }
            if scanner.skip("Z") {
                offsetSeconds = 0
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(digits: 2) else { return nil }
                var om = 0
                _ = scanner.skip(":")
                if let minutes = scanner.number(digits: 2) { om = minutes }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
        }
        guard scanner.atEnd else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micro)
        if offsetSeconds != 0 {
            self = SQLTimestamp(date.addingTimeInterval(TimeInterval(-offsetSeconds)))
        }
    }

    /// The point in time this UTC calendar time names.
    public var date: Date {
        let days = Self.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(seconds) + Double(microsecond) / 1_000_000)
    }

    /// `2024-05-06 07:08:09.123456`: the text SQLite stores. It sorts as time does, and SQLite's
    /// date functions read it.
    public var sqlText: String { format(separator: " ", zone: "") }

    /// `2024-05-06T07:08:09.123456Z`.
    public var iso8601: String { format(separator: "T", zone: "Z") }

    private func format(separator: String, zone: String) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + separator
        text += pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if microsecond != 0 { text += "." + pad(microsecond, 6) }
        return text + zone
    }

    // Howard Hinnant's civil-calendar algorithms (proleptic Gregorian, any year).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }
}

/// A forward-only reader over ASCII digits and separators.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// One or more digits after a decimal point, as microseconds (digits past the sixth are cut).
    mutating func fractionMicroseconds() -> Int? {
        var value = 0, count = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            if count < 6 { value = value * 10 + Int(bytes[index] - 48) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 6) { value *= 10 }
        return value
    }
}
