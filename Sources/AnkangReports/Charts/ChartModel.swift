/// One named series of values over a chart's categories.
///
/// `nil` means "no data" for that category: line charts break the line there,
/// stacked bars treat it as zero.
public struct ChartSeries: Sendable, Hashable {
    /// Display name, shown in the legend and in hover titles.
    public var name: String
    /// One value per category, in category order. Missing trailing values count as `nil`.
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// Options shared by all full-size charts.
public struct ChartOptions: Sendable, Hashable {
    /// Caller-chosen identifier, unique within the page. Every id inside the SVG is derived from it.
    public var id: String
    /// Accessible title (`<title>` of the SVG); not drawn, the report supplies a visible caption.
    public var title: String
    /// Width of the SVG in user units (CSS pixels).
    public var width: Int = 640
    /// Height of the SVG in user units (CSS pixels).
    public var height: Int = 260
    /// Appended to every printed data value, e.g. `"%"` or `"起"`. Axis tick labels stay bare.
    public var valueSuffix: String = ""

    public init(id: String, title: String, width: Int = 640, height: Int = 260, valueSuffix: String = "") {
        self.id = id
        self.title = title
        self.width = width
        self.height = height
        self.valueSuffix = valueSuffix
    }
}
