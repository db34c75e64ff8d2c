import Foundation
import PackagePlugin

/// Embeds the repository's `schemas/` folder (XSDs, catalogues, scoring profiles) into the target that
/// uses this plugin, as the generated `EmbeddedSchemaFiles` enum.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "schemas")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemaFiles.swift")
        var relativePaths: [String] = []
        var inputs: [URL] = []
        if let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let file as URL in files where ["xsd", "xml"].contains(file.pathExtension) {
                let relative = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                relativePaths.append(relative)
                inputs.append(file)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(relativePaths.count) schema files",
                executable: try context.tool(named: "ankang-embed").url,
                arguments: [output.path, root.path] + relativePaths.sorted(),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
