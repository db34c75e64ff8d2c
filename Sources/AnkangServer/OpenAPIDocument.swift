/// The OpenAPI 3.1 description of the service, served at `GET /openapi.json`; a test calls every
/// operation it lists against a live server, so it stays true.
enum OpenAPIDocument {
    static let json = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Ankang 安康 inspection service",
        "version": "1",
        "description": "Uploads of 安康杯 assessments, \\"1+3\\" monitoring records and hazard rectifications (XML, validated against the bundled schemas, scored, stored once), reads of the inspection log, hazard trend reports and enterprise scorecards. Every error body is {\\"error\\": {\\"code\\", \\"zh\\", \\"en\\"}}."
      },
      "components": {
        "securitySchemes": {
          "token": {"type": "http", "scheme": "bearer", "description": "An API token from `ankang users add`."},
          "openRosa": {"type": "http", "scheme": "basic", "description": "User name and API token as the password."}
        },
        "schemas": {
          "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
            "code": {"type": "string", "example": "ANK-API-403"}, "zh": {"type": "string"}, "en": {"type": "string"}}}}},
          "Finding": {"type": "object", "properties": {
            "severity": {"enum": ["error", "warning"]}, "code": {"type": "string", "example": "ANK-XSD-004"},
            "zh": {"type": "string"}, "en": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
            "path": {"type": "string", "example": "/monitoringRecord/hazards/hazard[2]/deadline"}}},
          "Receipt": {"type": "object", "properties": {
            "submissionID": {"type": "string", "format": "uuid"}, "sha256": {"type": "string"},
            "kind": {"enum": ["ankangCupAssessment", "monitoringRecord", "hazardRectification"]}, "enterpriseKey": {"type": "string"},
            "ingestedAt": {"type": "string", "format": "date-time"}, "sequence": {"type": "integer"},
            "supersedes": {"type": "string", "format": "uuid"}, "scoreTotal": {"type": "number"}, "grade": {"type": "string"}}},
          "UploadAnswer": {"type": "object", "properties": {
            "outcome": {"enum": ["accepted", "duplicate", "conflict", "rejected", "valid", "invalid"]},
            "receipt": {"$ref": "#/components/schemas/Receipt"}, "storedSHA256": {"type": "string"}, "offeredSHA256": {"type": "string"},
            "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
            "error": {"$ref": "#/components/schemas/Error/properties/error"}}}
        },
        "responses": {
          "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Upload": {"description": "The outcome", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UploadAnswer"}}}}
        },
        "parameters": {
          "period": {"name": "period", "in": "query", "schema": {"type": "string", "example": "2012-Q3"}, "description": "YYYY, YYYY-Qn or YYYY-MM; default the current year"},
          "format": {"name": "format", "in": "query", "schema": {"enum": ["html", "csv", "xlsx", "json"]}},
          "lang": {"name": "lang", "in": "query", "schema": {"enum": ["zh", "en"]}}
        }
      },
      "security": [{"token": []}],
      "paths": {
        "/health": {"get": {"summary": "Liveness and schema version", "security": [], "responses": {"200": {"description": "ok"}, "503": {"$ref": "#/components/responses/Error"}}}},
        "/metrics": {"get": {"summary": "Prometheus metrics: uploads by outcome, validation-time histogram", "security": [], "responses": {"200": {"description": "text exposition"}}}},
        "/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        "/api/v1/submissions": {
          "post": {"summary": "Upload one XML document (body) or many (multipart/form-data: one answer per file)",
            "requestBody": {"content": {"application/xml": {}, "multipart/form-data": {}}},
            "responses": {"201": {"$ref": "#/components/responses/Upload"}, "200": {"$ref": "#/components/responses/Upload"},
              "409": {"$ref": "#/components/responses/Upload"}, "422": {"$ref": "#/components/responses/Upload"},
              "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}},
          "get": {"summary": "Submissions in the user's jurisdiction, newest first",
            "parameters": [{"name": "enterprise", "in": "query", "schema": {"type": "string"}}, {"name": "unit", "in": "query", "schema": {"type": "string"}},
              {"name": "kind", "in": "query", "schema": {"type": "string"}}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 1000}}],
            "responses": {"200": {"description": "{\\"submissions\\": [...]}"}, "403": {"$ref": "#/components/responses/Error"}}}
        },
        "/api/v1/validate": {"post": {"summary": "Validate and score without storing", "requestBody": {"content": {"application/xml": {}}},
          "responses": {"200": {"$ref": "#/components/responses/Upload"}, "422": {"$ref": "#/components/responses/Upload"}}}},
        "/api/v1/submissions/{id}": {"get": {"summary": "One submission", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "the submission"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/api/v1/submissions/{id}/xml": {"get": {"summary": "Its original bytes", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "application/xml"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/api/v1/reports/trends": {"get": {"summary": "Hazard trend report (隐患趋势分析)",
          "parameters": [{"$ref": "#/components/parameters/period"}, {"name": "by", "in": "query", "schema": {"enum": ["month", "quarter", "year"]}},
            {"name": "org", "in": "query", "schema": {"type": "string", "example": "高邮市/临泽镇"}}, {"name": "industry", "in": "query", "schema": {"type": "string"}},
            {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "the report"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/api/v1/reports/scorecards/{enterprise}": {"get": {"summary": "Enterprise safety scorecard (企业安全评分卡)",
          "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/period"},
            {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/lang"}],
          "responses": {"200": {"description": "the scorecard"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/submission": {
          "head": {"summary": "OpenRosa: submission limits", "security": [{"openRosa": []}], "parameters": [{"name": "X-OpenRosa-Version", "in": "header", "required": true, "schema": {"const": "1.0"}}],
            "responses": {"204": {"description": "X-OpenRosa-Accept-Content-Length"}, "401": {"description": "Basic challenge"}}},
          "post": {"summary": "OpenRosa: multipart with the part xml_submission_file", "security": [{"openRosa": []}],
            "parameters": [{"name": "X-OpenRosa-Version", "in": "header", "required": true, "schema": {"const": "1.0"}}],
            "responses": {"201": {"description": "OpenRosaResponse (also for an identical retry)"}, "400": {"description": "OpenRosaResponse with the findings"},
              "401": {"description": "Basic challenge"}, "409": {"description": "same id, other bytes"}}}
        }
      }
    }
    """
}
