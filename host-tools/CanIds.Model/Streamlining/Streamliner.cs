using System;
using System.Collections.Generic;
using CanIds.Model.Integer;

namespace CanIds.Model.Streamlining
{
    /// <summary>
    /// Folds scales, BatchNorm and the quantised ReLU of a trained network into integer thresholds, FINN-style, leaving
    /// integer weights and <c>acc ≥ T</c> comparisons that compute the same activations as the float network.
    /// </summary>
    /// <remarks>
    /// For neuron n the activation reaches k when <c>y ≥ (k − ½) · s_a</c>, i.e. <c>c · acc ≥ d_k</c> with
    /// <c>c = γ · s_in · s_w / σ</c> and <c>d_k = (k − ½) · s_a − β + γ · μ / σ</c>. For c &gt; 0 that is
    /// <c>acc ≥ ⌈d_k / c⌉</c>. For c &lt; 0 (negative γ) the comparison flips; negating the neuron's weights turns it
    /// back into <c>acc' ≥ ⌈−d_k / c⌉</c>, so the hardware only ever compares one way. For c = 0 the neuron is constant.
    /// Thresholds are clamped to the accumulator's range [−B, B + 1], which changes no outcome.
    /// </remarks>
    public static class Streamliner
    {
        /// <summary>The integer model of <paramref name="layers"/>, whose first layer sees bytes scaled by <paramref name="inputScale"/>.</summary>
        public static IntegerModel Streamline(IReadOnlyList<FloatLayer> layers, double inputScale, int windowFrames, IReadOnlyList<string> classes, ModelProvenance provenance)
        {
            if (!(inputScale > 0)) throw new ArgumentException($"input scale must be positive, not {inputScale}", nameof(inputScale));
            var result = new List<IntegerLayer>();
            double sIn = inputScale;
            int inputBits = 8;
            for (int l = 0; l < layers.Count; l++)
            {
                var layer = layers[l];
                layer.Validate(l);
                if (l == layers.Count - 1)
                {
                    if (layer.ActivationBits != 0 || layer.WeightScales.Length != 1)
                        throw new ArgumentException($"layer {l}: the output layer needs one weight scale and no activation, so that argmax of its accumulators is argmax of its logits");
                    result.Add(new IntegerLayer(layer.Inputs, layer.Outputs, layer.WeightBits, inputBits, 0, (sbyte[])layer.Weights.Clone(), []));
                    break;
                }

                result.Add(FoldHidden(layer, sIn, inputBits));
                sIn = layer.ActivationScale;
                inputBits = layer.ActivationBits;
            }

            return new IntegerModel(windowFrames, classes, result, provenance);
        }

        private static IntegerLayer FoldHidden(FloatLayer layer, double sIn, int inputBits)
        {
            int levels = (1 << layer.ActivationBits) - 1;
            int bound = layer.Inputs * IntegerLayer.MaxWeight(layer.WeightBits) * ((1 << inputBits) - 1);
            var weights = (sbyte[])layer.Weights.Clone();
            var thresholds = new int[layer.Outputs * levels];
            for (int n = 0; n < layer.Outputs; n++)
            {
                double sigma = Math.Sqrt(layer.BnVariance[n] + layer.BnEpsilon);
                double gamma = layer.BnWeight[n];
                double c = gamma * sIn * layer.WeightScale(n) / sigma;
                double offset = -layer.BnBias[n] + gamma * layer.BnMean[n] / sigma;
                if (c < 0)
                {
                    for (int i = 0; i < layer.Inputs; i++) weights[n * layer.Inputs + i] = (sbyte)-weights[n * layer.Inputs + i];
                }

                for (int k = 1; k <= levels; k++)
                {
                    double d = (k - 0.5) * layer.ActivationScale + offset;
                    double t = c > 0 ? Math.Ceiling(d / c)
                        : c < 0 ? Math.Ceiling(-d / c)
                        : d <= 0 ? double.NegativeInfinity : double.PositiveInfinity;
                    thresholds[n * levels + k - 1] = (int)Math.Clamp(t, -bound, bound + 1.0);
                }
            }

            return new IntegerLayer(layer.Inputs, layer.Outputs, layer.WeightBits, inputBits, layer.ActivationBits, weights, thresholds);
        }
    }
}
