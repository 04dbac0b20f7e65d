using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.Traffic;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;

namespace CanIds.TestSupport
{
    /// <summary>Integer models and windows for tests: random ones of any shape, and generated Car-Hacking-style traffic.</summary>
    public static class TestModels
    {
        /// <summary>
        /// A random integer model: weights uniform over the width's range (with a share of zeros), thresholds ascending
        /// and spread over the accumulator range a real model uses (so activations vary).
        /// </summary>
        public static IntegerModel Random(int seed, int windowFrames = 4, int[]? hidden = null, int weightBits = 2, int activationBits = 2, int classes = 5)
        {
            var random = new Random(seed);
            hidden ??= [256, 128, 64, 32];
            var widths = new List<int> { windowFrames * 10 };
            widths.AddRange(hidden);
            widths.Add(classes);
            var layers = new List<IntegerLayer>();
            int inputBits = 8;
            for (int l = 0; l < widths.Count - 1; l++)
            {
                bool output = l == widths.Count - 2;
                int inputs = widths[l], outputs = widths[l + 1];
                int wmax = IntegerLayer.MaxWeight(weightBits);
                var weights = new sbyte[inputs * outputs];
                for (int i = 0; i < weights.Length; i++)
                {
                    weights[i] = weightBits == 1 ? (sbyte)(random.Next(2) * 2 - 1) : (sbyte)(random.Next(3) == 0 ? 0 : random.Next(-wmax, wmax + 1));
                }

                int a = output ? 0 : activationBits;
                int t = a == 0 ? 0 : (1 << a) - 1;
                var thresholds = new int[outputs * t];
                int bound = inputs * wmax * ((1 << inputBits) - 1);
                // Typical accumulators sit within a few standard deviations of a sum of random terms.
                int spread = (int)Math.Max(2, Math.Sqrt(inputs) * wmax * ((1 << inputBits) - 1) / 3);
                for (int n = 0; n < outputs; n++)
                {
                    var values = Enumerable.Range(0, t).Select(_ => Math.Clamp(random.Next(-spread, spread + 1), -bound, bound + 1)).OrderBy(v => v).ToArray();
                    values.CopyTo(thresholds, n * t);
                }

                layers.Add(new IntegerLayer(inputs, outputs, weightBits, inputBits, a, weights, thresholds));
                inputBits = a;
            }

            var names = TrafficClasses.CarHacking.Concat(Enumerable.Range(0, Math.Max(0, classes - 5)).Select(i => $"Class{i}")).Take(classes).ToArray();
            return new IntegerModel(windowFrames, names, layers, new ModelProvenance { Name = $"random-{seed}" });
        }

        /// <summary>Windows of generated traffic with every attack (trained and never-trained ones), labelled over the Car-Hacking classes plus the rest.</summary>
        public static WindowSet Traffic(double seconds, int seed, int windowFrames = 4, bool allAttacks = false)
        {
            var options = new GeneratorOptions { DurationSeconds = seconds, Seed = seed, Attacks = allAttacks ? [.. TrafficGenerator.KnownAttacks] : new GeneratorOptions().Attacks };
            return WindowSet.FromRecordsDiscoveringClasses(TrafficGenerator.Generate(options), windowFrames);
        }
    }
}
