using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CanIds.Core;

namespace CanIds.Training
{
    /// <summary>
    /// The quantised MLP's architecture: window length, hidden widths, and weight / activation bits per layer.
    /// The default is the paper's CQMLP: 40→256→128→64→32→classes, 2-bit weights and activations.
    /// </summary>
    public sealed record NetworkShape
    {
        /// <summary>Frames per window (N); inputs are N × 10 bytes.</summary>
        public int WindowFrames { get; init; } = InputFormat.DefaultWindowFrames;

        /// <summary>Hidden layer widths.</summary>
        public IReadOnlyList<int> Hidden { get; init; } = [256, 128, 64, 32];

        /// <summary>Weight bits per layer (hidden layers, then the output layer).</summary>
        public IReadOnlyList<int> WeightBits { get; init; } = [2, 2, 2, 2, 2];

        /// <summary>Activation bits per hidden layer.</summary>
        public IReadOnlyList<int> ActivationBits { get; init; } = [2, 2, 2, 2];

        /// <summary>Inputs of the first layer.</summary>
        public int InputLength => WindowFrames * InputFormat.BytesPerFrame;

        /// <summary>The paper's network with uniform <paramref name="weightBits"/>/<paramref name="activationBits"/> and the given widths.</summary>
        public static NetworkShape Uniform(IReadOnlyList<int> hidden, int weightBits, int activationBits, int windowFrames = InputFormat.DefaultWindowFrames) => new()
        {
            WindowFrames = windowFrames,
            Hidden = hidden.ToArray(),
            WeightBits = Enumerable.Repeat(weightBits, hidden.Count + 1).ToArray(),
            ActivationBits = Enumerable.Repeat(activationBits, hidden.Count).ToArray(),
        };

        /// <summary>
        /// Parses the command-line spelling: widths "256,128,64,32"; bits as one number for every layer or a list
        /// (weight bits: one per layer including the output layer; activation bits: one per hidden layer).
        /// </summary>
        public static NetworkShape Parse(string hidden, string weightBits, string activationBits, int windowFrames)
        {
            var widths = Numbers(hidden, "--hidden", 1, 4096);
            if (widths.Length == 0) throw new ArgumentException("--hidden needs at least one width");
            var w = Expand(Numbers(weightBits, "--weight-bits", 1, 8), widths.Length + 1, "--weight-bits", "layers (hidden and output)");
            var a = Expand(Numbers(activationBits, "--activation-bits", 1, 8), widths.Length, "--activation-bits", "hidden layers");
            if (windowFrames is < 1 or > 64) throw new ArgumentException($"--window must be 1..64 frames, not {windowFrames}");
            return new NetworkShape { WindowFrames = windowFrames, Hidden = widths, WeightBits = w, ActivationBits = a };
        }

        /// <summary>e.g. "40-256-128-64-32-5 w2a2".</summary>
        public string Describe(int classes)
        {
            string bits = WeightBits.Distinct().Count() == 1 && ActivationBits.Distinct().Count() == 1
                ? $"w{WeightBits[0]}a{ActivationBits[0]}"
                : string.Join(" ", Hidden.Select((_, i) => $"w{WeightBits[i]}a{ActivationBits[i]}").Append($"w{WeightBits[^1]}"));
            return $"{InputLength}-{string.Join("-", Hidden)}-{classes} {bits}";
        }

        private static int[] Numbers(string text, string option, int min, int max) =>
            text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
            {
                if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
                    throw new ArgumentException($"{option}: \"{s}\" is not a whole number in {min}..{max}");
                return v;
            }).ToArray();

        private static int[] Expand(int[] values, int count, string option, string what)
        {
            if (values.Length == 1) return Enumerable.Repeat(values[0], count).ToArray();
            if (values.Length != count) throw new ArgumentException($"{option}: give one value, or {count} (one per {what}), not {values.Length}");
            return values;
        }
    }
}
