namespace CanIds.Model.Hardware
{
    /// <summary>
    /// How one MVAU is folded: <see cref="Pe"/> neurons and <see cref="Simd"/> inputs per cycle, so one input vector
    /// takes NF · SF = (MH / PE) · (MW / SIMD) cycles.
    /// </summary>
    public sealed record LayerFolding(int Pe, int Simd)
    {
        /// <summary>"PE×SIMD", e.g. "1×32".</summary>
        public override string ToString() => $"{Pe}×{Simd}";
    }
}
