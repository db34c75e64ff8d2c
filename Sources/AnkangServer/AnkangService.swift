import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangReports
import AnkangStore
import AnkangXML
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Everything the HTTP service works with: the log, the one intake path, report reference data, limits.
public struct ServiceEnvironment: Sendable {
    public var store: any InspectionStore
    public var intake: SubmissionIntake
    /// Uploads are written through this: concurrent uploads share one transaction (group commit).
    public var committer: GroupCommit
    public var reportContext: ReportContext
    /// The largest accepted upload, in bytes.
    public var maxUploadBytes: Int
    public var metrics: ServiceMetrics
    /// Today in Asia/Shanghai (reports judge open and overdue states on it).
    public var today: @Sendable () -> CivilDate

    /// Creates an environment.
    public init(store: any InspectionStore, intake: SubmissionIntake, reportContext: ReportContext, maxUploadBytes: Int,
                metrics: ServiceMetrics = ServiceMetrics(), today: @escaping @Sendable () -> CivilDate = { CivilDate(Date()) }) {
        self.store = store
        self.intake = intake
        committer = GroupCommit(store: store) { uploads, seconds in metrics.commit(uploads: uploads, seconds: seconds) }
        self.reportContext = reportContext
        self.maxUploadBytes = maxUploadBytes
        self.metrics = metrics
        self.today = today
    }
}

/// The Ankang HTTP service (Hummingbird 2).
///
/// - `GET /login`, `POST /login`, `POST /logout`: the web UI's sign-in (password, session cookie); its pages
///   (`/`, `/upload`, `/enterprises`, `/quarantine`, `/reports/…`) need the session.
/// - `GET /health`, `GET /metrics` (Prometheus), `GET /openapi.json`: no token.
/// - `HEAD`/`POST /submission`: OpenRosa, HTTP Basic with the user name and API token.
/// - Everything under `/api/v1` needs `Authorization: Bearer TOKEN` (see `ankang users add`), and reads and
///   writes only inside the user's jurisdiction.
public enum AnkangService {
    /// The router of the service.
    public static func router(_ environment: ServiceEnvironment) -> Router<AnkangRequestContext> {
        let router = Router(context: AnkangRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.get("health") { _, _ -> Response in
            do {
                let stats = try await environment.store.stats()
                return JSONBody.response(.ok, Health(status: "ok", schemaVersion: stats.schemaVersion))
            } catch {
                throw APIError.unavailable(error)
            }
        }
        router.get("metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: environment.metrics.text)))
        }
        router.get("openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        OpenRosaRoutes(environment: environment).register(on: router)
        let api = router.group("api/v1").add(middleware: TokenAuthenticator(store: environment.store))
        SubmissionRoutes(environment: environment).register(on: api)
        ReportRoutes(environment: environment).register(on: api)
        // The web UI: sign in with a password, then pages under the session cookie.
        WebAssets.register(on: router)
        let site = router.group().add(middleware: RefuseCrossSitePosts()).add(middleware: RememberLanguage())
        LoginRoutes(environment: environment).register(on: site)
        let web = site.group().add(middleware: SessionAuthenticator(store: environment.store))
        WebRoutes(environment: environment).register(on: web)
        ReportRoutes(environment: environment, web: true).register(on: web)
        return router
    }

    /// The application listening on `host:port`; `onListening` gets the bound port (useful with port 0). A
    /// connection that sends nothing for `idleTimeout` (a slow client, a half-sent body) is closed.
    public static func application(
        _ environment: ServiceEnvironment, host: String, port: Int, idleTimeout: Duration = .seconds(30), logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let idle = TimeAmount.nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000)
        return Application(
            router: router(environment),
            server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: .init(address: .hostname(host, port: port), serverName: "Ankang"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    struct Health: Encodable {
        var status: String
        var schemaVersion: Int
    }
}
