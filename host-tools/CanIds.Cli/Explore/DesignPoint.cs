using System.Linq;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;

namespace CanIds.Cli.Explore
{
    /// <summary>One trained design of the grid and what it costs.</summary>
    /// <param name="Hidden">Hidden layer widths.</param>
    /// <param name="Bits">Weight and activation bits (uniform).</param>
    /// <param name="Accuracy">Held-out accuracy, %.</param>
    /// <param name="Misclassified">Held-out windows misclassified.</param>
    /// <param name="MinAttackF1">Lowest F1 over the attack classes present, %.</param>
    /// <param name="WeightBits">Weight memory, bits.</param>
    /// <param name="ThresholdBits">Threshold memory, bits.</param>
    /// <param name="BitOps">Bit-operations per inference: Σ inputs × outputs × weight bits × input bits.</param>
    /// <param name="ComputeCost">The hardware's parallel compute at the default folding: Σ PE × SIMD × weight bits × input bits (a LUT proxy).</param>
    /// <param name="Cycles">Cycles per inference at the default folding.</param>
    /// <param name="TrainSeconds">Training time.</param>
    public sealed record DesignPoint(string Hidden, int Bits, double Accuracy, long Misclassified, double MinAttackF1, long WeightBits, long ThresholdBits, long BitOps, long ComputeCost, int Cycles, double TrainSeconds)
    {
        /// <summary>A short label for plots.</summary>
        public string Label => $"{Hidden} w{Bits}a{Bits}";

        /// <summary>The cost figures of <paramref name="model"/> on its default hardware.</summary>
        public static (long WeightBits, long ThresholdBits, long BitOps, long ComputeCost, int Cycles) Costs(IntegerModel model)
        {
            var hardware = HardwareConfig.For(model);
            long thresholds = model.Layers.Where(l => !l.IsOutput).Sum(l => (long)l.Thresholds.Length * AccumulatorBits(l));
            long bitOps = model.Layers.Sum(l => (long)l.Inputs * l.Outputs * l.WeightBits * l.InputBits);
            long compute = hardware.Layers.Sum(l => (long)l.Pe * l.Simd * l.WeightBits * l.InputBits);
            return (model.WeightMemoryBits, thresholds, bitOps, compute, hardware.InitiationInterval);
        }

        // Bits of a signed accumulator that holds the layer's extreme dot product.
        private static int AccumulatorBits(IntegerLayer layer) => 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)layer.AccumulatorBound) + 1;
    }
}
