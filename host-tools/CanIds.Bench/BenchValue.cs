namespace CanIds.Bench
{
    /// <summary>One figure of a bench run, as bench.json carries it (docs/results-json.md).</summary>
    /// <param name="Suite">Suite (parse, firmware, ...).</param>
    /// <param name="Case">What was measured.</param>
    /// <param name="Parameters">The case's parameters, or empty.</param>
    /// <param name="Value">The figure.</param>
    /// <param name="Unit">Its unit (s, µs/frame, ns/byte, frames/s, ratio, ...).</param>
    public sealed record BenchValue(string Suite, string Case, string Parameters, double Value, string Unit);
}
