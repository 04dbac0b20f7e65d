using System.Collections.Generic;

namespace CanIds.Model.Integer
{
    /// <summary>How a model was made: enough to reproduce it and to judge it.</summary>
    public sealed record ModelProvenance
    {
        /// <summary>Human-readable name or identifier of the model.</summary>
        public string Name { get; init; } = "cqmlp";

        /// <summary>UTC time of export, ISO 8601.</summary>
        public string CreatedUtc { get; init; } = "";

        /// <summary>The tool and version that trained it.</summary>
        public string Tool { get; init; } = "";

        /// <summary>Training data: files or generator settings.</summary>
        public string Data { get; init; } = "";

        /// <summary>Seed of training.</summary>
        public int Seed { get; init; }

        /// <summary>Epochs trained (the best checkpoint's epoch).</summary>
        public int Epochs { get; init; }

        /// <summary>Figures measured at export (e.g. "validation accuracy" → 0.9995).</summary>
        public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    }
}
