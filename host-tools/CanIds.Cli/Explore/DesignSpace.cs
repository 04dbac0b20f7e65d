using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CanIds.Model.Evaluation;
using CanIds.Model.Integer;
using CanIds.Training;
using CanIds.Traffic.Windows;

namespace CanIds.Cli.Explore
{
    /// <summary>
    /// The design-space grid: every combination of layer widths and uniform bit width trained with the same schedule
    /// and seed, streamlined to its integer model, evaluated on the same held-out windows, and costed.
    /// </summary>
    public static class DesignSpace
    {
        /// <summary>Trains and scores every design; <paramref name="progress"/> gets (design label, epoch fraction of the whole grid).</summary>
        public static List<DesignPoint> Run(IReadOnlyList<int[]> shapes, IReadOnlyList<int> bits, WindowSet train, WindowSet heldout, TrainingOptions options, Action<string, double>? progress = null)
        {
            var points = new List<DesignPoint>();
            int total = shapes.Count * bits.Count, done = 0;
            foreach (var hidden in shapes)
            {
                foreach (int b in bits)
                {
                    var shape = NetworkShape.Uniform(hidden, b, b, train.WindowFrames);
                    string label = $"{string.Join("-", hidden)} w{b}a{b}";
                    var clock = Stopwatch.StartNew();
                    var result = Trainer.Train(shape, train, null, options, p => progress?.Invoke(label, (done + (p.Epoch - 1 + p.Fraction) / p.Epochs) / total));
                    var model = NetworkExport.ToIntegerModel(result.Network, train.Classes, new ModelProvenance { Name = label });
                    var seconds = clock.Elapsed.TotalSeconds;
                    var m = Evaluation.Run(model, heldout).Matrix;
                    var attacks = m.AllMetrics().Skip(1).Where(c => c.Support > 0).Select(c => c.F1).DefaultIfEmpty(double.NaN).Min();
                    var (weightBits, thresholdBits, bitOps, compute, cycles) = DesignPoint.Costs(model);
                    points.Add(new DesignPoint(string.Join("-", hidden), b, m.Accuracy, m.Misclassified, attacks, weightBits, thresholdBits, bitOps, compute, cycles, seconds));
                    done++;
                }
            }

            return points;
        }
    }
}
