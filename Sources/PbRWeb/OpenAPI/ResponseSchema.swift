import Foundation

/// The JSON Schema of a response body, read from the body's own Swift type, so that `/openapi.json` says
/// what the API sends without a schema written apart from the code. A body type is `Decodable` for this
/// alone: its synthesised `init(from:)` asks for each property by name and type, `decode` for what is
/// always there and `decodeIfPresent` for what may be left out, which is exactly what a schema says.
/// Keys are converted to snake case by the same encoder settings as `JSONReply`.
struct ResponseSchema: Sendable {
    let schema: @Sendable () -> JSONValue

    static func of<Body: Decodable>(_ type: Body.Type) -> ResponseSchema {
        ResponseSchema { SchemaReader.schema(of: type) }
    }

    /// A body made of `type`'s object with members spliced in after it (a stored result kept as JSON text):
    /// each named with its schema, and always there.
    static func of<Body: Decodable>(_ type: Body.Type, adding members: [(name: String, schema: JSONValue)]) -> ResponseSchema {
        ResponseSchema {
            guard case .object(var object) = SchemaReader.schema(of: type) else { return .object([]) }
            for (index, (key, value)) in object.enumerated() {
                if key == "properties", case .object(let properties) = value {
                    object[index].1 = .object(properties + members.map { ($0.name, $0.schema) })
                }
                if key == "required", case .array(let required) = value {
                    object[index].1 = .array(required + members.map { .string($0.name) })
                }
            }
            return .object(object)
        }
    }
}

/// Walks a `Decodable` type and records what it asks for. Supports what the API's bodies are made of:
/// structs of strings, integers, booleans, numbers, arrays and other such structs.
enum SchemaReader {
    static func schema<T: Decodable>(of type: T.Type) -> JSONValue {
        let reader = Reader()
        _ = try? T(from: reader)
        return reader.recorded ?? .object([])
    }

    /// What one value turned out to be, once its type asked the decoder for it.
    final class Reader: Decoder {
        var recorded: JSONValue?
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            let object = ObjectRecorder<Key>()
            recorded = .object([])
            object.finished = { [unowned self] in self.recorded = $0 }
            return KeyedDecodingContainer(object)
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let array = ArrayRecorder()
            recorded = .object([("type", "array"), ("items", .object([]))])
            array.finished = { [unowned self] items in self.recorded = .object([("type", "array"), ("items", items)]) }
            return array
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueRecorder(self) }
    }

    /// A property or item of type `T`: its schema and a stand-in value to hand back.
    static func read<T: Decodable>(_ type: T.Type) throws -> (JSONValue, T) {
        if let (schema, value) = primitive(type) { return (schema, value) }
        if let dictionary = type as? any StringKeyed.Type {
            return (.object([("type", "object"), ("additionalProperties", dictionary.valueSchema)]), dictionary.empty as! T)
        }
        let reader = Reader()
        let value = try T(from: reader)
        return (reader.recorded ?? .object([]), value)
    }

    static func primitive<T>(_ type: T.Type) -> (JSONValue, T)? {
        switch type {
        case is String.Type: return (.object([("type", "string")]), "" as! T)
        case is Bool.Type: return (.object([("type", "boolean")]), false as! T)
        case is Int.Type: return (.object([("type", "integer")]), 0 as! T)
        case is Int64.Type: return (.object([("type", "integer")]), Int64(0) as! T)
        case is Int32.Type: return (.object([("type", "integer")]), Int32(0) as! T)
        case is Double.Type: return (.object([("type", "number")]), 0.0 as! T)
        default: return nil
        }
    }

    final class ObjectRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }
        var properties: [(String, JSONValue)] = []
        var required: [String] = []
        var finished: (JSONValue) -> Void = { _ in }

        func contains(_ key: Key) -> Bool { true }

        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try record(type, key, required: true)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try record(type, key, required: false)
        }

        // The library's own `decodeIfPresent` of a plain value asks `decode`, which would read as required.
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try record(type, key, required: false) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try record(type, key, required: false) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try record(type, key, required: false) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try record(type, key, required: false) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try record(type, key, required: false) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try record(type, key, required: false) }

        private func record<T: Decodable>(_ type: T.Type, _ key: Key, required isRequired: Bool) throws -> T {
            let (schema, value) = try SchemaReader.read(type)
            let name = SnakeCase.key(key.stringValue)
            properties.append((name, schema))
            if isRequired { required.append(name) }
            var members: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
            if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
            members.append(("additionalProperties", false))
            finished(.object(members))
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested containers are not described"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested containers are not described"))
        }

        func superDecoder() throws -> any Decoder { Reader() }
        func superDecoder(forKey key: Key) throws -> any Decoder { Reader() }
    }

    /// An array: it offers one item, whose schema is the items' schema, then says it is at its end.
    final class ArrayRecorder: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey] = []
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex >= 1 }
        var currentIndex = 0
        var finished: (JSONValue) -> Void = { _ in }

        func decodeNil() throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try SchemaReader.read(type)
            currentIndex += 1
            finished(schema)
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested containers are not described"))
        }

        func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested containers are not described"))
        }

        func superDecoder() throws -> any Decoder { Reader() }
    }

    /// A value decoded whole (`String`, `Int` ...) by a type that wraps it.
    struct ValueRecorder: SingleValueDecodingContainer {
        let reader: Reader
        var codingPath: [any CodingKey] { [] }

        init(_ reader: Reader) { self.reader = reader }

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try SchemaReader.read(type)
            reader.recorded = schema
            return value
        }
    }
}

/// Keys as `JSONReply` writes them: Foundation's own snake-case conversion, asked one key at a time.
enum SnakeCase {
    static func key(_ name: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(Probe(name: name)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int], let key = object.keys.first
        else { return name }
        return key
    }

    private struct Probe: Encodable {
        let name: String
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: name))
        }
    }
}

/// A dictionary keyed by strings (`[String: Int32]`): a JSON object whose keys are data, not names.
protocol StringKeyed {
    static var valueSchema: JSONValue { get }
    static var empty: Self { get }
}

extension Dictionary: StringKeyed where Key == String, Value: Decodable {
    static var valueSchema: JSONValue { SchemaReader.schema(of: Value.self) }
    static var empty: Self { [:] }
}
