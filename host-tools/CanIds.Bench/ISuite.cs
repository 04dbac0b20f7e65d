namespace CanIds.Bench
{
    /// <summary>A suite's unit of work, so its figures read as items per second.</summary>
    public interface ISuite
    {
        /// <summary>Items one benchmark call processes.</summary>
        long Items { get; }

        /// <summary>What the items are (frames, windows, steps).</summary>
        string Unit { get; }
    }

    /// <summary>A suite whose calls read a file, so its figures also read as MB/s.</summary>
    public interface IByteSuite
    {
        /// <summary>Bytes one call of the case with <paramref name="parameters"/> reads.</summary>
        long BytesPerCall(BenchmarkDotNet.Parameters.ParameterInstances parameters);
    }
}
