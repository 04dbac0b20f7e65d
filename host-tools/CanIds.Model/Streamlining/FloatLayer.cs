using System;

namespace CanIds.Model.Streamlining
{
    /// <summary>
    /// One layer of the trained quantised network as the trainer hands it over: integer weights with their scales,
    /// and for a hidden layer the BatchNorm statistics and the quantised ReLU's scale. The float network computes
    /// <c>y = γ · (s_in · s_w[n] · acc − μ) / √(σ² + ε) + β</c> and <c>q = clamp(round(y / s_a), 0, 2^a − 1)</c>.
    /// </summary>
    public sealed record FloatLayer
    {
        /// <summary>Inputs (MW).</summary>
        public required int Inputs { get; init; }

        /// <summary>Neurons (MH).</summary>
        public required int Outputs { get; init; }

        /// <summary>Bits per weight.</summary>
        public required int WeightBits { get; init; }

        /// <summary>Integer weights, neuron-major (the quantiser's integer codes).</summary>
        public required sbyte[] Weights { get; init; }

        /// <summary>Weight scale per neuron (length <see cref="Outputs"/>), or one per tensor (length 1).</summary>
        public required double[] WeightScales { get; init; }

        /// <summary>Bits per output activation; 0 for the output layer.</summary>
        public int ActivationBits { get; init; }

        /// <summary>The quantised ReLU's step s_a (hidden layers).</summary>
        public double ActivationScale { get; init; }

        /// <summary>BatchNorm γ per neuron (hidden layers).</summary>
        public double[] BnWeight { get; init; } = [];

        /// <summary>BatchNorm β per neuron.</summary>
        public double[] BnBias { get; init; } = [];

        /// <summary>BatchNorm running mean per neuron.</summary>
        public double[] BnMean { get; init; } = [];

        /// <summary>BatchNorm running variance per neuron.</summary>
        public double[] BnVariance { get; init; } = [];

        /// <summary>BatchNorm ε.</summary>
        public double BnEpsilon { get; init; } = 1e-5;

        /// <summary>The weight scale of neuron <paramref name="n"/>.</summary>
        public double WeightScale(int n) => WeightScales.Length == 1 ? WeightScales[0] : WeightScales[n];

        internal void Validate(int index)
        {
            string where = $"layer {index}";
            if (Weights.Length != Inputs * Outputs) throw new ArgumentException($"{where}: {Weights.Length} weights for {Inputs} × {Outputs}");
            if (WeightScales.Length != 1 && WeightScales.Length != Outputs) throw new ArgumentException($"{where}: {WeightScales.Length} weight scales for {Outputs} neurons");
            foreach (var s in WeightScales)
            {
                if (!(s > 0) || double.IsInfinity(s)) throw new ArgumentException($"{where}: weight scale {s} is not a positive number");
            }

            if (ActivationBits == 0) return;
            if (!(ActivationScale > 0) || double.IsInfinity(ActivationScale)) throw new ArgumentException($"{where}: activation scale {ActivationScale} is not a positive number");
            foreach (var (name, values) in new[] { ("BatchNorm weight", BnWeight), ("BatchNorm bias", BnBias), ("BatchNorm mean", BnMean), ("BatchNorm variance", BnVariance) })
            {
                if (values.Length != Outputs) throw new ArgumentException($"{where}: {values.Length} {name} values for {Outputs} neurons");
                foreach (var v in values)
                {
                    if (!double.IsFinite(v)) throw new ArgumentException($"{where}: {name} holds {v}");
                }
            }
        }
    }
}
