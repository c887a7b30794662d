#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON form of a value: `null`, or an object with exactly one key naming the case:
///
/// ```json
/// null
/// {"integer": 42}
/// {"double": 1.5}
/// {"text": "jinzhu"}
/// {"blob": "AAEC"}                                  // base64
/// {"bool": true}
/// {"timestamp": "2024-05-06T07:08:09.123456Z"}      // ISO 8601, UTC
/// ```
///
/// A one-key object keeps `1` and `1.0` apart and keeps the text `"2024-…"` apart from a timestamp.
/// Decoding also takes a bare JSON scalar, for documents written by hand: `"jinzhu"` is text,
/// `42` an integer, `1.5` a double, `true` a bool. Encoding always writes the one-key form.
extension SQLValue: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case integer, double, text, blob, bool, timestamp
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() {
                self = .null
                return
            }
            if let value = try? single.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? single.decode(Int64.self) {
                self = .integer(value)
                return
            }
            if let value = try? single.decode(Double.self) {
                self = .double(value)
                return
            }
            if let value = try? single.decode(String.self) {
                self = .text(value)
                return
            }
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a value is null or an object with exactly one of the keys "
                    + CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        switch key {
        case .integer: self = .integer(try container.decode(Int64.self, forKey: key))
        case .double: self = .double(try container.decode(Double.self, forKey: key))
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
        case .blob:
            let encoded = try container.decode(String.self, forKey: key)
            guard let data = Data(base64Encoded: encoded) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "blob is not valid base64")
            }
            self = .blob(Array(data))
        case .timestamp:
            let text = try container.decode(String.self, forKey: key)
            guard let timestamp = SQLTimestamp(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "timestamp '\(text)' is not ISO 8601 (2024-05-06T07:08:09Z)")
            }
            self = .timestamp(timestamp.date)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .null = self {
            var single = encoder.singleValueContainer()
            try single.encodeNil()
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .null: break
        case .integer(let value): try container.encode(value, forKey: .integer)
        case .double(let value): try container.encode(value, forKey: .double)
        case .text(let value): try container.encode(value, forKey: .text)
        case .blob(let bytes): try container.encode(Data(bytes).base64EncodedString(), forKey: .blob)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .timestamp(let date): try container.encode(SQLTimestamp(date).iso8601, forKey: .timestamp)
        }
    }
}
