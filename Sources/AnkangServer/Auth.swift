import AnkangIntake
import AnkangStore
import Crypto
import Foundation
import Hummingbird

/// The request context: who is asking (once the token is checked).
public struct AnkangRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated user.
    public var user: UserAccount?
    /// Uploads are capped by the service's own limit, checked when the body is collected.
    public var maxUploadSize: Int { .max }

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The user, or a 401.
    func requireUser() throws -> UserAccount {
        guard let user else { throw APIError.unauthorized() }
        return user
    }
}

/// API tokens: random, shown once, stored as their SHA-256.
public enum APIToken {
    /// A new token: 32 random bytes, hexadecimal, prefixed `ank_`.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "ank_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The SHA-256 of a token, lowercase hex: what the store keeps.
    public static func hash(_ token: String) -> String {
        hexadecimal(SHA256.hash(data: Data(token.utf8)))
    }
}

/// Checks `Authorization: Bearer TOKEN` against the store and puts the user into the context; 401 without one.
struct TokenAuthenticator: RouterMiddleware {
    let store: any InspectionStore

    func handle(_ request: Request, context: AnkangRequestContext, next: (Request, AnkangRequestContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw APIError.unauthorized() }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let user: UserAccount?
        do {
            user = try await store.user(tokenHash: APIToken.hash(token))
        } catch {
            throw APIError.unavailable(error)
        }
        guard let user else { throw APIError.unauthorized() }
        var context = context
        context.user = user
        context.logger[metadataKey: "user"] = .string(user.name)
        return try await next(request, context)
    }
}
